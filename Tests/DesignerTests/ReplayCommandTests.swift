import Foundation
import QLearning
import SearchSpace
import Testing

/// `metaqnn import` then `metaqnn replay --q-out` on the hand-made three-row file, end to end.
@Suite struct ReplayCommandTests {
    @Test(.enabled(if: ImportKillTests.executable != nil)) func replayWritesTheHandComputedQValues() throws {
        let dir = try StoreCommandErrorTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try ReplayRebuilderTests.threeRows.write(toFile: dir + "/three.csv", atomically: true, encoding: .utf8)
        #expect(try StoreCommandErrorTests.metaqnn(["import", "three.csv", "--experiment", "three"], in: dir).status == 0)
        let run = try StoreCommandErrorTests.metaqnn(
            ["replay", "--experiment", "three", "--order", "stored", "--q-out", "q_values.csv"], in: dir)
        #expect(run.status == 0, "\(run.error)")
        let table = try QTable(csv: String(contentsOfFile: dir + "/q_values.csv", encoding: .utf8))
        let space = StateSpace(settings: .cpuDigits)
        let stopNet = try space.trajectory(for: Architecture(parsing: "[SM(10)]"))
        let convNet = try space.trajectory(for: Architecture(parsing: "[C(8,3,1), SM(10)]"))
        let s0 = space.bucketed(convNet[0]), s1 = space.bucketed(convNet[1])
        #expect(abs(table.value(s0, space.action(from: stopNet[0], to: stopNet[1]))! - 0.49403) < 1e-12)
        #expect(abs(table.value(s0, space.action(from: convNet[0], to: convNet[1]))! - 0.50001) < 1e-12)
        #expect(abs(table.value(s1, space.action(from: convNet[1], to: convNet[2]))! - 0.501) < 1e-12)
        // The store is only read: replaying again gives the same file.
        #expect(try StoreCommandErrorTests.metaqnn(
            ["replay", "--experiment", "three", "--q-out", "again.csv"], in: dir).status == 0)
        #expect(try String(contentsOfFile: dir + "/again.csv", encoding: .utf8)
            == String(contentsOfFile: dir + "/q_values.csv", encoding: .utf8))
    }
}
