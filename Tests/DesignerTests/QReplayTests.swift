import Foundation
import QLearning
import ReplayStore
import SearchSpace
import Testing
@testable import Designer

@Suite("metaqnn replay: rebuilding Q from stored rows")
struct QReplayTests {
    /// A hand-made reference replay_database.csv with three rows, in this file order:
    /// `[SM(10)]` 0.9, `[C(16,3,1), SM(10)]` 0.6, `[SM(10)]` again (a repeat carries the net's result again).
    static let csv = """
        net,accuracy_best_val,iter_best_val,accuracy_last_val,iter_last_val,accuracy_best_test,accuracy_last_test,ix_q_value_update,epsilon,time_finished,machine_run_on
        [SM(10)],0.9,10,0.9,10,0.88,0.88,1,1.0,100,m
        "[C(16,3,1), SM(10)]",0.6,10,0.6,10,0.58,0.58,2,1.0,101,m
        [SM(10)],0.9,10,0.9,10,0.88,0.88,3,1.0,102,m

        """

    /// cpu-digits: input 8 (bucket 8), α = 0.01, γ = 1, init_utility 0.5.
    let settings = SearchSpaceSettings.cpuDigits
    let start = State.start(imageSize: 8)
    let startTerminate = State(layerType: .start, layerDepth: 1, filterDepth: 1, filterSize: 0, stride: 0, imageSize: 8, fcSize: 0, terminate: true)
    let conv = State(layerType: .conv, layerDepth: 1, filterDepth: 16, filterSize: 3, stride: 1, imageSize: 8, fcSize: 0, terminate: false)
    let convTerminate = State(layerType: .conv, layerDepth: 2, filterDepth: 16, filterSize: 3, stride: 1, imageSize: 8, fcSize: 0, terminate: true)

    @Test("--order stored on an imported 3-row file gives the hand-computed Q values")
    func storedOrderByHand() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try ReplayStore(path: directory.appendingPathComponent("r.sqlite").path, mode: .createIfMissing)
        try ReplayImporter(settings: settings).importText(Self.csv, source: "hand.csv", experiment: "hand", into: store)
        let (rows, stored) = try QReplay.load(experiment: "hand", from: store)
        #expect(rows.map(\.reward) == [0.9, 0.6, 0.9])
        let table = try QReplay.rebuild(rows: rows, settings: stored, order: .stored).table
        // Row 1, [SM(10)], r = 0.9: Q(start, terminate) = 0.5 + 0.01·(0.9 − 0.5) = 0.504.
        // Row 2, [C(16,3,1), SM(10)], r = 0.6: first Q(conv, terminate) = 0.5 + 0.01·(0.6 − 0.5) = 0.501;
        //   then Q(start, conv) = 0.5 + 0.01·(1 · max Q(conv, ·) − 0.5) = 0.5 + 0.01·(0.501 − 0.5) = 0.50001.
        // Row 3, [SM(10)], r = 0.9: Q(start, terminate) = 0.504 + 0.01·(0.9 − 0.504) = 0.50796.
        #expect(abs(table.value(start, startTerminate)! - 0.50796) < 1e-12)
        #expect(abs(table.value(conv, convTerminate)! - 0.501) < 1e-12)
        #expect(abs(table.value(start, conv)! - 0.50001) < 1e-12)
        // Every other action of the two visited states is still at init_utility.
        let untouched = table.rows.filter { ![startTerminate, convTerminate, conv].contains($0.action) }
        #expect(!untouched.isEmpty && untouched.allSatisfy { $0.value == 0.5 })
        #expect(Set(table.states) == [start, conv])
    }

    @Test("Two passes apply the rows twice; sampled order is seeded")
    func passesAndSampled() throws {
        let rows = [QReplay.Row(net: "[SM(10)]", reward: 0.9)]
        let twice = try QReplay.rebuild(rows: rows, settings: settings, order: .stored, passes: 2).table
        // 0.504 then 0.504 + 0.01·(0.9 − 0.504) = 0.50796.
        #expect(abs(twice.value(start, startTerminate)! - 0.50796) < 1e-12)
        let two = [rows[0], QReplay.Row(net: "[C(16,3,1), SM(10)]", reward: 0.6)]
        let a = try QReplay.rebuild(rows: two, settings: settings, order: .sampled, seed: 3)
        let b = try QReplay.rebuild(rows: two, settings: settings, order: .sampled, seed: 3)
        #expect(a.table == b.table)
        // After row 1 all 128 draws hit row 1, so Q(start, terminate) moved 128 times toward 0.9 at least.
        let decay: Double = pow(0.99, 128)
        let floor: Double = 0.5 + 0.4 * (1 - decay)
        let reached: Double = a.table.value(start, startTerminate)!
        #expect(reached > floor - 1e-9)
    }

    @Test("A net that is not a path of the space is reported, not silently skipped")
    func illegalNet() {
        #expect(throws: (any Error).self) {
            try QReplay.rebuild(rows: [QReplay.Row(net: "[C(7,3,1), SM(10)]", reward: 0.5)], settings: settings, order: .stored)
        }
    }
}
