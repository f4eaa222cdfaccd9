import Foundation
import QLearning
import SearchSpace
import StoreModel
import TestSupport
import Testing
import Training
@testable import Designer

/// A search step reads and writes only the Q values of the states it touches, and decides exactly
/// what a step holding the whole stored table decides: every claim and record of a small search is
/// checked against that reference, computed from the store as it was before the step.
@Suite("Search steps touch only their states", .serialized)
struct IncrementalStepTests {
    /// The store a run uses.
    enum Backend: String, CaseIterable, CustomTestStringConvertible {
        case sqlite, postgresql
        var testDescription: String { rawValue }
    }

    /// What the whole-table reference decided for one step, and the table it left.
    struct Reference {
        var claim: SearchStep.Claim?
        var table: QTable
        var changed: Set<String>
        /// The states the step's episodes and replayed trajectories pass through.
        var touched: Set<StoredLayerState>
        var rngState: UInt64
    }

    /// A fixed accuracy per net (stable across processes, unlike `hashValue`).
    static func accuracy(of net: String) -> Double {
        0.2 + Double(net.utf8.reduce(0) { ($0 * 31 + Int($1)) % 997 } % 70) / 100
    }

    static func key(_ state: StoredLayerState, _ action: StoredLayerState, _ utility: Double) -> String {
        "\(state.referenceText) \(action.referenceText) \(utility.bitPattern)"
    }

    /// The replay update of one step on `learner`, as spec §4 has it over the whole table.
    static func replay(_ learner: inout QLearner, rows: [(net: String, reward: Double)], count: Int, rng: inout SplitMix64,
                       touched: inout Set<StoredLayerState>) throws {
        for index in QLearner.replayIndices(count: count, rowCount: rows.count, rng: &rng) {
            let trajectory = try learner.trajectory(for: Architecture(parsing: rows[index].net))
            touched.formUnion(learner.statesUpdated(by: trajectory).map(StoredLayerState.init))
            learner.update(trajectory: trajectory, reward: rows[index].reward)
        }
    }

    /// The reference for the next step on `store`: the whole table read, then `body` run on it.
    static func reference(store: any ExperimentStore, configuration: SearchConfiguration,
                          _ body: (inout QLearner, inout SplitMix64, [(net: String, reward: Double)], inout Set<StoredLayerState>) throws
                              -> SearchStep.Claim?) throws -> Reference {
        let stored = try QTable(storeRecords: store.qValues(experiment: "tiny"), experiment: "tiny")
        var learner = QLearner(space: StateSpace(settings: configuration.space), table: stored)
        var rng = SplitMix64(seed: try store.experiment(named: "tiny").rngState)
        let rows = try store.write(experiment: "tiny") { try $0.replayRewards() }.map { (net: $0.net, reward: $0.reward) }
        var touched = Set<StoredLayerState>()
        let claim = try body(&learner, &rng, rows, &touched)
        let changed = Set(learner.table.changedRows(since: stored).map { key(.init($0.state), .init($0.action), $0.value) })
        return Reference(claim: claim, table: learner.table, changed: changed, touched: touched, rngState: rng.state)
    }

    /// Checks the store and the step's log against `reference`.
    static func expect(_ store: any ExperimentStore, log: RecordingStore.Log, matches reference: Reference) throws {
        #expect(log.wholeTableReads == 0, "a step reads no whole Q table")
        #expect(Set(log.statesRead).isSubset(of: reference.touched), "a step reads only the states it passes through")
        #expect(Set(log.saved.map { key($0.state, $0.action, $0.utility) }) == reference.changed,
                "a step saves exactly the entries it changed")
        #expect(log.saved.allSatisfy { reference.touched.contains($0.state) })
        let table = try store.qValues(experiment: "tiny").map { key($0.state, $0.action, $0.utility) }
        #expect(Set(table) == Set(reference.table.rows.map { key(.init($0.state), .init($0.action), $0.value) }),
                "the stored table is the one the whole-table step computes, bit for bit")
        #expect(table.count == reference.table.count)
        #expect(try store.experiment(named: "tiny").rngState == reference.rngState)
    }

    @Test("Every claim and record of a search equals the whole-table step: same nets, same Q values bit for bit, only touched rows read and saved",
          arguments: Backend.allCases.filter { $0 == .sqlite || PostgresTestCluster.shouldRun })
    func stepsMatchTheWholeTable(_ backend: Backend) throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var request = try SearchFixtures.request(directory)
        if backend == .postgresql { request.store = try PostgresTestDatabase().location() }
        let search = try Search(request)
        let store = RecordingStore(search.store)
        let configuration = search.configuration
        let backendUnderTest = StoreSearchBackend(store: store, experiment: "tiny", configuration: configuration)
        let replayNumber = configuration.space.replayNumber
        let schedule = configuration.space.epsilonSchedule
        var cached = 0, recorded = 0
        for _ in 0..<80 {
            // Claim: one worker holds no lease, so the reference samples at the first unfilled stage.
            let outcomes = Dictionary(uniqueKeysWithValues: try store.nets(experiment: "tiny").map { ($0.net, $0.reward ?? 0) })
            let counts = try store.write(experiment: "tiny") { try $0.trainedCountsByStage() }
            let progress = EpsilonProgress(schedule: schedule, counts: schedule.steps.indices.map { counts[$0, default: 0] })
            let expected = try Self.reference(store: store, configuration: configuration) { learner, rng, rows, touched in
                guard let stage = progress.stepIndex(inFlight: [:]) else { return .finished }
                let epsilon = schedule.steps[stage].epsilon
                let (architecture, trajectory) = learner.sampleArchitecture(epsilon: epsilon, rng: &rng)
                touched.formUnion(trajectory.filter { !$0.terminate }.map { StoredLayerState(learner.space.bucketed($0)) })
                let net = architecture.description
                guard let reward = outcomes[net] else { return .train(net: net, stage: stage, epsilon: epsilon, lease: 0, retry: false) }
                try Self.replay(&learner, rows: rows + [(net, reward)], count: replayNumber, rng: &rng, touched: &touched)
                return .cached(net: net, reward: reward, epsilon: epsilon)
            }
            let claim = try backendUnderTest.claim(worker: 0)
            if case .finished = claim { break }
            try Self.expect(store, log: store.writes.last!, matches: expected)
            switch claim {
            case let .train(net, stage, epsilon, lease, _):
                #expect(expected.claim == .train(net: net, stage: stage, epsilon: epsilon, lease: 0, retry: false))
                // Record: the new net's replay row is appended, then the replay draws from every row.
                let reward = Self.accuracy(of: net)
                let after = try Self.reference(store: store, configuration: configuration) { learner, rng, rows, touched in
                    try Self.replay(&learner, rows: rows + [(net, reward)], count: replayNumber, rng: &rng, touched: &touched)
                    return nil
                }
                let result = TrainingResult(net: net, bestValidationAccuracy: reward, bestValidationIteration: 1,
                                            lastValidationAccuracy: reward, lastValidationIteration: 1, testAccuracyAtBest: reward,
                                            testAccuracyAtLast: reward, epochs: [], parameterCount: 1, forwardFLOPs: 1, attempts: 1,
                                            learned: true, seconds: 0)
                #expect(try backendUnderTest.record(lease: lease, stage: stage, epsilon: epsilon, result: result,
                                                    predictedAccuracy: nil, worker: 0))
                try Self.expect(store, log: store.writes.last!, matches: after)
                recorded += 1
            case .cached:
                #expect(claim == expected.claim)
                cached += 1
            case .wait, .finished:
                Issue.record("one worker never waits: \(claim)")
            }
        }
        #expect(recorded == schedule.totalModels && cached > 0, "the search ran to its end and replayed repeats (\(cached))")
        #expect(try store.qValues(experiment: "tiny").count > 20, "the table grew beyond what one step touches")
    }
}
