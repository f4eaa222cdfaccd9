import Foundation
import StoreModel

/// One sequence of `ExperimentStore` operations and everything it read back, run on each backend;
/// two backends with the same semantics observe equal values.
///
/// Identifiers are compared too: both stores number each table's rows 1, 2, 3, … in insertion
/// order. They part only after a rolled-back insert or the deletion of a table's newest row
/// (PostgreSQL's identity sequences never hand a number out twice; SQLite reuses the highest
/// rowid), so the sequence does those last, and reads nothing after them that depends on ids.
struct StoreContract {
    /// A refusal, by whether the store threw and its sentence with the store's location replaced.
    typealias Refusal = String?

    struct Observations: Equatable {
        var created: [ExperimentRecord] = []
        var refusals: [Refusal] = []
        var insertedNets: [TrainedNetRecord] = []
        var appendedRows: [ReplayRowRecord] = []
        var netLookups: [TrainedNetRecord?] = []
        var transactionNets: [TrainedNetRecord] = []
        var countsByStage: [Int: Int] = [:]
        var replayCount = 0
        var replayRewards: [String] = []
        var laterReplayRewards: [[String]] = []
        var stateQValues: [[QValueRecord]] = []
        var tallies: [SearchTally] = []
        var tallyNets: [[TrainedNetRecord]] = []
        var qTables: [[QValueRecord]] = []
        var qUtilityBits: [[UInt64]] = []
        var insertedLeases: [LeaseRecord] = []
        var leaseChanges: [Bool] = []
        var transactionLeases: [[LeaseRecord]] = []
        var stepReads: [Reads] = []
        var separateReads: [Reads] = []
        var insertedFinalists: [FinalistRecord] = []
        var transactionFinalists: [FinalistRecord] = []
        var finalExperiment: ExperimentRecord?
        var experiments: [ExperimentSummary] = []
        var nets: [TrainedNetRecord] = []
        var replayEntries: [ReplayEntry] = []
        var qValues: [QValueRecord] = []
        var leases: [LeaseRecord] = []
        var finalists: [FinalistRecord] = []
        var ensembles: [EnsembleRecord] = []
        var integrityProblems: [String] = []
        var afterRollback: [String] = []
    }

    /// What `stepReads(replayAfter:countsAndLeases:)` returns, comparable (rewards as bit patterns).
    struct Reads: Equatable {
        var countsByStage: [Int: Int]
        var leases: [LeaseRecord]
        var replayRewards: [String]

        init(_ reads: StepReads) {
            countsByStage = reads.trainedCountsByStage
            leases = reads.leases
            replayRewards = reads.replayRewards.map { "\($0.sequence) \($0.net) \($0.reward.bitPattern)" }
        }
    }

    /// The step reads of `t` made by `stepReads` and made separately, with these arguments.
    static func observeStepReads(_ t: any ExperimentTransaction, after sequences: [(Int, Bool)], into seen: inout Observations) throws {
        for (after, countsAndLeases) in sequences {
            seen.stepReads.append(Reads(try t.stepReads(replayAfter: after, countsAndLeases: countsAndLeases)))
            seen.separateReads.append(Reads(StepReads(
                trainedCountsByStage: countsAndLeases ? try t.trainedCountsByStage() : [:], leases: countsAndLeases ? try t.leases() : [],
                replayRewards: try t.replayRewards(after: after))))
        }
    }

    /// Thrown by a body on purpose, to roll its transaction back.
    struct Abandon: Error {}

    /// A stored state from its eight fields in reference order.
    static func tuple(_ type: String, _ depth: Int, _ filters: Int, _ size: Int, _ stride: Int, _ image: Int, _ fc: Int,
                      _ terminate: Bool = false) -> StoredLayerState {
        StoredLayerState(layerType: type, layerDepth: depth, filterDepth: filters, filterSize: size, stride: stride,
                         imageSize: image, fcSize: fc, terminate: terminate)
    }

    static let conv128 = tuple("conv", 1, 128, 3, 1, 8, 0)
    static let conv64 = tuple("conv", 1, 64, 3, 1, 8, 0)
    static let pool = tuple("pool", 2, 0, 2, 2, 8, 0)
    static let fc9 = tuple("fc", 9, 0, 0, 0, 0, 512)
    static let fc10 = tuple("fc", 10, 1, 0, 0, 0, 256)
    static let fc9Terminal = tuple("fc", 10, 0, 0, 0, 0, 512, true)
    static let start = tuple("start", 0, 1, 0, 0, 8, 0)
    static let gap = tuple("gap", 5, 0, 0, 0, 1, 0)

    /// Hard cases for exact storage: keys whose reference text sorts unlike their numbers
    /// ("128" before "64", "10" before "9"), doubles with long expansions.
    static let firstQTable = [
        QValueRecord(state: conv64, action: pool, utility: 1.0 / 3.0),
        QValueRecord(state: conv128, action: pool, utility: 0.1 + 0.2),
        QValueRecord(state: fc9, action: fc9Terminal, utility: -1e-300),
        QValueRecord(state: fc9, action: fc10, utility: Double.pi / 7),
        // The same key again: the later entry wins.
        QValueRecord(state: conv64, action: pool, utility: 2.0 / 3.0),
    ]
    static let update = [QValueRecord(state: fc9, action: fc9Terminal, utility: 0.5.nextUp),
                         QValueRecord(state: start, action: conv64, utility: 1e308)]
    static let replacement = [QValueRecord(state: start, action: conv128, utility: Double.ulpOfOne),
                              QValueRecord(state: gap, action: gap.terminatedCopy, utility: 0.7),
                              QValueRecord(state: conv128, action: pool, utility: 0.25)]

    static func run(on store: any ExperimentStore) -> Observations {
        var seen = Observations()
        func refusal(_ body: () throws -> Void) -> Refusal {
            do { try body(); return nil } catch { return "\(error)".replacingOccurrences(of: store.locationDescription, with: "<store>") }
        }
        do {
            seen.created.append(try store.createExperiment(StoreContractFixtures.search, populate: { _ in }))
            seen.created.append(try store.createExperiment(StoreContractFixtures.imported, populate: { _ in }))
            seen.refusals.append(refusal { _ = try store.createExperiment(StoreContractFixtures.search, populate: { _ in }) })

            try store.write(experiment: "alpha") { t in
                for record in StoreContractFixtures.nets { seen.insertedNets.append(try t.insertNet(record)) }
                seen.refusals.append(refusal { _ = try t.insertNet(StoreContractFixtures.nets[0]) })
                let trained = seen.insertedNets.filter { $0.status == .trained }
                for (index, net) in (trained + trained.prefix(1)).enumerated() {
                    seen.appendedRows.append(try t.appendReplayRow(netID: net.id, epsilon: 1.0 / Double(index + 2),
                                                                   finishedAt: 3000 + Double(index), machine: "host-\(index)",
                                                                   ownResult: nil, importedUpdateIndex: nil))
                }
                seen.netLookups = [try t.net(StoreContractFixtures.nets[1].net), try t.net("[SM(10)]")]
                seen.transactionNets = try t.nets()
                seen.countsByStage = try t.trainedCountsByStage()
                seen.replayCount = try t.replayCount()
                seen.replayRewards = try t.replayRewards().map { "\($0.sequence) \($0.net) \($0.reward.bitPattern)" }
                seen.laterReplayRewards = try [2, 4, 9].map { try t.replayRewards(after: $0).map { "\($0.sequence) \($0.net)" } }
            }

            try store.write(experiment: "alpha") { t in
                try t.saveQValues(firstQTable)
                seen.qTables.append(try t.qValues())
                try t.saveQValues(update)
                seen.qTables.append(try t.qValues())
                // Some states at once, one twice, one with no entries: each stored state's entries, in store order.
                seen.stateQValues = [try t.qValues(states: [fc9, conv64, conv128, fc9, gap]), try t.qValues(states: [start]),
                                     try t.qValues(states: [])]
            }
            try store.write(experiment: "alpha") { t in
                try t.replaceQValues(replacement)
                seen.qTables.append(try t.qValues())
            }
            seen.qUtilityBits = seen.qTables.map { $0.map(\.utility.bitPattern) }

            try store.write(experiment: "alpha") { t in
                for lease in StoreContractFixtures.leases { seen.insertedLeases.append(try t.insertLease(lease)) }
                let first = seen.insertedLeases[0].id
                seen.leaseChanges.append(try t.reassignLease(id: first, worker: "w9", pid: 99, host: "other", at: 4100.25))
                seen.leaseChanges.append(try t.reassignLease(id: 9999, worker: "w9", pid: 99, host: "other", at: 4100.25))
                seen.transactionLeases.append(try t.leases())
                // Deleting the oldest, not the newest, lease keeps the next id the same on both stores.
                seen.leaseChanges.append(try t.deleteLease(id: first))
                seen.leaseChanges.append(try t.deleteLease(id: first))
                seen.insertedLeases.append(try t.insertLease(StoreContractFixtures.lease("[C(8,3,1), SM(10)]", pid: 1)))
                seen.transactionLeases.append(try t.leases())
                try observeStepReads(t, after: [(0, true), (3, true), (4, true), (1, false)], into: &seen)
            }
            seen.leaseChanges.append(try store.heartbeat(lease: seen.insertedLeases[1].id, at: 4200.5))
            seen.leaseChanges.append(try store.heartbeat(lease: seen.insertedLeases[0].id, at: 4200.5))

            try store.write(experiment: "alpha") { t in
                for record in StoreContractFixtures.finalists { seen.insertedFinalists.append(try t.insertFinalist(record)) }
                seen.refusals.append(refusal { _ = try t.insertFinalist(StoreContractFixtures.finalists[0]) })
                seen.transactionFinalists = try t.finalists()
                try t.replaceEnsembles(StoreContractFixtures.ensembles)
                try t.replaceEnsembles(Array(StoreContractFixtures.ensembles.reversed().prefix(2)))
                try t.setStatus(.finished, at: 5000.125)
                try t.setRNGState(UInt64.max - 2, at: 5001.0625)
                seen.finalExperiment = t.experiment
            }

            try store.write(experiment: "beta") { t in
                let net = try t.insertNet(StoreContractFixtures.importedNet)
                seen.insertedNets.append(net)
                for (index, own) in StoreContractFixtures.importedResults.enumerated() {
                    seen.appendedRows.append(try t.appendReplayRow(netID: net.id, epsilon: 1, finishedAt: 10 + Double(index),
                                                                   machine: "ref", ownResult: own,
                                                                   importedUpdateIndex: 2.5 * Double(index)))
                }
                try observeStepReads(t, after: [(0, true)], into: &seen)
            }

            seen.experiments = try store.experiments()
            seen.nets = try store.nets(experiment: "alpha") + store.nets(experiment: "beta")
            seen.tallies = [try store.searchTally(experiment: "alpha"), try store.searchTally(experiment: "beta")]
            seen.tallyNets = [try store.nets(experiment: "alpha"), try store.nets(experiment: "beta")]
            seen.replayEntries = try store.replayEntries(experiment: "alpha") + store.replayEntries(experiment: "beta")
            seen.qValues = try store.qValues(experiment: "alpha")
            seen.leases = try store.leases(experiment: "alpha")
            seen.finalists = try store.finalists(experiment: "alpha")
            seen.ensembles = try store.ensembles(experiment: "alpha")
            seen.integrityProblems = try store.integrityProblems()
            seen.refusals.append(refusal { _ = try store.nets(experiment: "nope") }.map { _ in "refused" })
            seen.refusals.append(refusal { _ = try store.write(experiment: "nope") { _ in } }.map { _ in "refused" })

            // Rolled back: nothing of these is kept (and identifiers may part from here on).
            seen.refusals.append(refusal {
                _ = try store.createExperiment(StoreContractFixtures.gamma) { t in
                    _ = try t.insertNet(StoreContractFixtures.nets[0])
                    throw Abandon()
                }
            }.map { _ in "refused" })
            seen.refusals.append(refusal {
                try store.write(experiment: "alpha") { t in
                    try t.setStatus(.stopped, at: 1)
                    _ = try t.insertNet(StoreContractFixtures.importedNet)
                    try t.replaceQValues([])
                    throw Abandon()
                }
            }.map { _ in "refused" })
            let gamma = try store.experimentIfPresent(named: "gamma")
            seen.afterRollback = [
                "gamma \(gamma == nil ? "absent" : "present")",
                "alpha \(try store.experiment(named: "alpha").status.rawValue)",
                "nets \(try store.nets(experiment: "alpha").map(\.net))",
                "q \(try store.qValues(experiment: "alpha").count)",
                "experiments \(try store.experiments().map(\.experiment.name))",
            ]
        } catch {
            seen.afterRollback.append("unexpected error: \(error)")
        }
        return seen
    }
}

extension StoredLayerState {
    /// This state one layer deeper with terminate set, as a terminal action.
    var terminatedCopy: StoredLayerState {
        var copy = self
        copy.layerDepth += 1
        copy.terminate = true
        return copy
    }
}
