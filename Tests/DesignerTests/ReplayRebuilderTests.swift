import Designer
import Foundation
import QLearning
import ReplayStore
import SearchSpace
import StoreModel
import Testing

@Suite struct ReplayRebuilderTests {
    /// Three rows: [SM(10)] at 0.2, [C(8,3,1), SM(10)] at 0.6, [SM(10)] again.
    static let threeRows = ReplayCSV.columns.joined(separator: ",") + """

        "[SM(10)]",0.2,10,0.2,20,0.2,0.2,1,1,1,m
        "[C(8,3,1), SM(10)]",0.6,10,0.6,20,0.6,0.6,2,1,2,m
        "[SM(10)]",0.2,10,0.2,20,0.2,0.2,3,1,3,m

        """

    func withImported<T>(_ text: String, _ body: (ReplayStore) throws -> T) throws -> T {
        let dir = NSTemporaryDirectory() + "designer-replay-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = try ReplayStore(path: dir + "/s.sqlite", mode: .createIfMissing)
        try ReplayImporter(settings: .cpuDigits).importText(text, source: "three.csv", experiment: "three", into: store)
        return try body(store)
    }

    /// Worked by hand with α = 0.01, γ = 1, Q₀ = 0.5:
    /// row 1: Q(s0, stop) = 0.5 + 0.01 (0.2 − 0.5) = 0.497;
    /// row 2: Q(s1, stop) = 0.5 + 0.01 (0.6 − 0.5) = 0.501, then Q(s0, conv) = 0.5 + 0.01 (max Q(s1, ·) − 0.5) = 0.50001;
    /// row 3: Q(s0, stop) = 0.497 + 0.01 (0.2 − 0.497) = 0.49403.
    @Test func storedOrderGivesTheHandComputedQValues() throws {
        let rebuild = try withImported(Self.threeRows) { store in
            try ReplayRebuilder(store: store).rebuild(experiment: "three", order: .stored)
        }
        let space = StateSpace(settings: .cpuDigits)
        let stopNet = try space.trajectory(for: Architecture(parsing: "[SM(10)]"))
        let convNet = try space.trajectory(for: Architecture(parsing: "[C(8,3,1), SM(10)]"))
        let s0 = space.bucketed(convNet[0]), s1 = space.bucketed(convNet[1])
        let q = rebuild.learner.table
        let stop0 = try #require(q.value(s0, space.action(from: stopNet[0], to: stopNet[1])))
        let conv0 = try #require(q.value(s0, space.action(from: convNet[0], to: convNet[1])))
        let stop1 = try #require(q.value(s1, space.action(from: convNet[1], to: convNet[2])))
        #expect(abs(stop0 - 0.49403) < 1e-12)
        #expect(abs(conv0 - 0.50001) < 1e-12)
        #expect(abs(stop1 - 0.501) < 1e-12)
        // Everything else the updates touched is still at init_utility.
        let others = q.rows.filter { ![stop0, conv0, stop1].contains($0.value) }
        #expect(!others.isEmpty && others.allSatisfy { $0.value == 0.5 })
        #expect(rebuild.rows == 3 && rebuild.updates == 3)
        #expect(rebuild.greedyNet.description == "[C(8,3,1), SM(10)]")
        #expect(rebuild.largest(1).first?.value == stop1)
        // Two passes replay the sequence twice: Q(s0, stop) moves toward 0.2 four times.
        let twice = try withImported(Self.threeRows) { store in
            try ReplayRebuilder(store: store).rebuild(experiment: "three", order: .stored, passes: 2)
        }
        var expected = 0.5
        for _ in 0..<4 { expected += 0.01 * (0.2 - expected) }
        #expect(abs(twice.learner.table.value(s0, space.action(from: stopNet[0], to: stopNet[1]))! - expected) < 1e-12)
        #expect(rebuild.learner.table.csv().contains("start,0,1,0,0,8,0,0,conv,1,8,3,1,8,0,0,0.50001"))
    }

    @Test func sampledOrderDrawsReplayNumberPerRowAndFollowsTheSeed() throws {
        let (a, b, c) = try withImported(Self.threeRows) { store in
            let rebuilder = ReplayRebuilder(store: store)
            return (try rebuilder.rebuild(experiment: "three", order: .sampled, seed: 4),
                    try rebuilder.rebuild(experiment: "three", order: .sampled, seed: 4),
                    try rebuilder.rebuild(experiment: "three", order: .sampled, seed: 5))
        }
        #expect(a.updates == 3 * SearchSpaceSettings.cpuDigits.replayNumber)
        #expect(a.learner.table == b.learner.table)
        #expect(a.learner.table != c.learner.table)
        // Hundreds of updates drive Q(s1, stop) well past its single stored-order step toward 0.6.
        let space = StateSpace(settings: .cpuDigits)
        let convNet = try space.trajectory(for: Architecture(parsing: "[C(8,3,1), SM(10)]"))
        let stop1 = a.learner.table.value(space.bucketed(convNet[1]), space.action(from: convNet[1], to: convNet[2]))!
        #expect(stop1 > 0.52 && stop1 < 0.6)
    }

    @Test func aMissingExperimentIsAClearError() throws {
        _ = try withImported(Self.threeRows) { store in
            #expect(throws: StoreError.experimentNotFound(name: "none", store: store.path)) {
                try ReplayRebuilder(store: store).rebuild(experiment: "none", order: .stored)
            }
        }
    }
}
