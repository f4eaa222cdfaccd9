import Foundation
import QLearning
import ReplayStore
import SearchSpace
import StoreModel
import Testing
@testable import Designer

/// The Q table through a store: typed rows read back as the very doubles that were written.
@Suite struct QTableStoreRoundTripTests {
    /// Every (state, action) of `table` with the bits of its value.
    static func bits(_ table: QTable) -> [String: UInt64] {
        Dictionary(uniqueKeysWithValues: table.rows.map { ("\($0.state) \($0.action)", $0.value.bitPattern) })
    }

    /// Steps as the search takes them (read the table from the store, learn, save what changed)
    /// end with the table a learner that never left memory holds after the same updates.
    @Test func stepsThroughTheStoreKeepTheInMemoryTableExactly() throws {
        let dir = NSTemporaryDirectory() + "designer-qtable-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = try ReplayStore(path: dir + "/s.sqlite", mode: .createIfMissing)
        try store.createExperiment(ExperimentRecord(
            name: "q", kind: .search, status: .running, seed: 3, searchSpaceJSON: "{}", settingsJSON: "{}", rngState: 3,
            createdAt: 0, updatedAt: 0)) { _ in }
        var memory = QLearner(settings: .cpuDigits)
        var rng = SplitMix64(seed: 11)
        for _ in 0..<6 {
            try store.write(experiment: "q") { transaction in
                let stored = try QTable(storeRecords: transaction.qValues(), experiment: "q")
                var learner = QLearner(space: memory.space, table: stored)
                for _ in 0..<8 {
                    let trajectory = learner.sampleTrajectory(epsilon: 1, rng: &rng)
                    // Rewards with long binary expansions, so a rounding on the way would show.
                    let reward = Double.random(in: 0..<1, using: &rng) / 3
                    learner.update(trajectory: trajectory, reward: reward)
                    memory.update(trajectory: trajectory, reward: reward)
                }
                try transaction.saveQValues(learner.table.changedRows(since: stored).map(\.storeRecord))
            }
        }
        let back = try QTable(storeRecords: store.qValues(experiment: "q"), experiment: "q")
        #expect(back.count > 50)
        #expect(Self.bits(back) == Self.bits(memory.table))
        #expect(back.states == memory.table.states)
        // The reference export from the store equals the export of the in-memory rows in store order.
        let inStoreOrder = try QTable(storeRecords: QValueRecord.inStoreOrder(memory.table.storeRecords), experiment: "q")
        #expect(back.csv() == inStoreOrder.csv())
    }
}
