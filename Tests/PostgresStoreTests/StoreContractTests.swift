import Foundation
import PostgresStore
import ReplayStore
import StoreLocation
import StoreModel
import TestSupport
import Testing

/// The same operations on an SQLite store and on a PostgreSQL store read back equal records.
@Suite(.enabled(if: PostgresTestCluster.shouldRun, "PostgreSQL is not installed (apt-get install postgresql)"))
struct StoreContractTests {
    /// The contract's observations on a fresh SQLite store and on a fresh PostgreSQL database.
    static func observeBoth() throws -> (sqlite: StoreContract.Observations, postgres: StoreContract.Observations) {
        let directory = NSTemporaryDirectory() + "store-contract-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let sqlite = StoreContract.run(on: try ReplayStore(path: directory + "/store.sqlite", mode: .createIfMissing))
        // ICU's root collation sorts 'a' before 'B', unlike SQLite's byte order, so the store
        // must not lean on the database's collation for its order.
        let cluster = try PostgresTestCluster.shared()
        let database = try cluster.createDatabase(options: ["--template=template0", "--locale-provider=icu", "--icu-locale=und"])
        #expect(try PSQL(cluster: cluster, database: database).run("SELECT 'a' < 'B'") == ["t"])
        let url = try PostgresURL(parsing: cluster.url(database: database, query: "?sslmode=disable"))
        let store = try PostgresStore(url: url)
        defer { store.close() }
        return (sqlite, StoreContract.run(on: store))
    }

    @Test func bothStoresReadBackTheSameRecords() throws {
        let (sqlite, postgres) = try Self.observeBoth()
        // Field by field, so that a failure names what differs.
        #expect(postgres.afterRollback == sqlite.afterRollback)
        #expect(postgres.created == sqlite.created)
        #expect(postgres.refusals == sqlite.refusals)
        #expect(postgres.insertedNets == sqlite.insertedNets)
        #expect(postgres.appendedRows == sqlite.appendedRows)
        #expect(postgres.netLookups == sqlite.netLookups)
        #expect(postgres.transactionNets == sqlite.transactionNets)
        #expect(postgres.countsByStage == sqlite.countsByStage)
        #expect(postgres.replayCount == sqlite.replayCount)
        #expect(postgres.replayRewards == sqlite.replayRewards)
        #expect(postgres.laterReplayRewards == sqlite.laterReplayRewards)
        #expect(postgres.stateQValues == sqlite.stateQValues)
        #expect(postgres.tallies == sqlite.tallies)
        #expect(postgres.qTables == sqlite.qTables)
        #expect(postgres.qUtilityBits == sqlite.qUtilityBits)
        #expect(postgres.insertedLeases == sqlite.insertedLeases)
        #expect(postgres.leaseChanges == sqlite.leaseChanges)
        #expect(postgres.transactionLeases == sqlite.transactionLeases)
        #expect(postgres.stepReads == sqlite.stepReads)
        #expect(postgres.separateReads == sqlite.separateReads)
        #expect(postgres.insertedFinalists == sqlite.insertedFinalists)
        #expect(postgres.transactionFinalists == sqlite.transactionFinalists)
        #expect(postgres.finalExperiment == sqlite.finalExperiment)
        #expect(postgres.experiments == sqlite.experiments)
        #expect(postgres.nets == sqlite.nets)
        #expect(postgres.replayEntries == sqlite.replayEntries)
        #expect(postgres.qValues == sqlite.qValues)
        #expect(postgres.leases == sqlite.leases)
        #expect(postgres.finalists == sqlite.finalists)
        #expect(postgres.ensembles == sqlite.ensembles)
        #expect(postgres.integrityProblems == sqlite.integrityProblems)
        #expect(postgres == sqlite)
    }

    /// A step's reads in one statement (PostgreSQL's) return what the separate reads return on the
    /// same store: leases, replay rows from several points on (imported rows' own results among
    /// them), trained nets of several stages (a failed net and a net of no stage not counted).
    @Test func aStepsReadsInOneStatementEqualTheSeparateReads() throws {
        let (sqlite, postgres) = try Self.observeBoth()
        #expect(postgres.stepReads == postgres.separateReads)
        #expect(sqlite.stepReads == sqlite.separateReads)
        // What was compared holds every kind of row.
        let reads = sqlite.separateReads
        #expect(reads.map(\.countsByStage) == [[0: 1, 1: 2], [0: 1, 1: 2], [0: 1, 1: 2], [:], [:]])
        #expect(reads.map(\.leases.count) == [2, 2, 2, 0, 0])
        #expect(reads.map { $0.replayRewards.map { $0.split(separator: " ")[0] } } == [["1", "2", "3", "4"], ["4"], [], ["2", "3", "4"], ["1", "2"]])
        #expect(reads[0].replayRewards[1].hasSuffix(" \((0.8 + 1e-12).bitPattern)"))
        #expect(reads[4].replayRewards.map { String($0.split(separator: " ").last ?? "") } == StoreContractFixtures.importedResults.map { "\($0.bestValidationAccuracy.bitPattern)" })
    }

    /// Equal observations mean little if both stores got the sequence wrong alike: what the SQLite
    /// store returned is checked against what was written.
    @Test func theContractObservesWhatWasWritten() throws {
        let (sqlite, _) = try Self.observeBoth()
        #expect(sqlite.afterRollback == ["gamma absent", "alpha finished",
                                         "nets \(StoreContractFixtures.nets.map(\.net))", "q 3", "experiments [\"alpha\", \"beta\"]"])
        #expect(sqlite.created.map(\.id) == [1, 2])
        #expect(sqlite.refusals == [
            "An experiment named 'alpha' already exists in <store>; choose another --experiment name.",
            "The net [C(32,3,1), SM(10)] already has a result in experiment 'alpha', so it is not recorded twice.",
            "The finalist [C(16,5,1), P(2,2), SM(10)] with seed 0 already has a result in experiment 'alpha', so it is not recorded twice.",
            "refused", "refused", "refused", "refused",
        ])
        #expect(sqlite.insertedNets.map(\.id) == [1, 2, 3, 4, 5])
        #expect(sqlite.appendedRows.map(\.sequence) == [1, 2, 3, 4, 1, 2])
        #expect(sqlite.countsByStage == [0: 1, 1: 2])
        #expect(sqlite.replayCount == 4)
        // The byte order of the keys' reference text, not their numbers' order.
        #expect(sqlite.qTables[0].map { "\($0.state.referenceText) \($0.action.referenceText)" } == [
            "conv,1,128,3,1,8,0,0 pool,2,0,2,2,8,0,0", "conv,1,64,3,1,8,0,0 pool,2,0,2,2,8,0,0",
            "fc,9,0,0,0,0,512,0 fc,10,0,0,0,0,512,1", "fc,9,0,0,0,0,512,0 fc,10,1,0,0,0,256,0",
        ])
        #expect(sqlite.qTables[0][1].utility == 2.0 / 3.0)
        #expect(sqlite.replayRewards.map { $0.split(separator: " ")[0] } == ["1", "2", "3", "4"])
        #expect(sqlite.laterReplayRewards.map { $0.map { $0.split(separator: " ")[0] } } == [["3", "4"], [], []])
        #expect(sqlite.laterReplayRewards[0] == sqlite.replayRewards.suffix(2).map { $0.split(separator: " ").dropLast().joined(separator: " ") })
        #expect(sqlite.stateQValues[0] == sqlite.qTables[1].filter { [StoreContract.fc9, StoreContract.conv64, StoreContract.conv128].contains($0.state) })
        #expect(sqlite.stateQValues[0].count == 4 && sqlite.stateQValues[1].map(\.action) == [StoreContract.conv64])
        #expect(sqlite.stateQValues[2].isEmpty)
        // The tally counts what the full reads hold.
        for (tally, (summary, all)) in zip(sqlite.tallies, zip(sqlite.experiments, sqlite.tallyNets)) {
            let nets = all.filter { $0.status == .trained }
            #expect(tally.replayRows == summary.models && tally.best == summary.best)
            #expect(tally.trainedByStage == Dictionary(nets.compactMap(\.stage).map { ($0, 1) }, uniquingKeysWith: +))
            #expect(tally.stoppedEarly == nets.filter { $0.stoppedAfterEpoch != nil }.count)
            #expect(tally.stoppedAfterEpochs == nets.compactMap(\.stoppedAfterEpoch).reduce(0, +))
        }
        #expect(sqlite.tallies[0].stoppedEarly == 1 && sqlite.tallies[0].stoppedAfterEpochs == 3)
        #expect(sqlite.qTables[1].count == 5)
        #expect(sqlite.qUtilityBits[2] == [0.25, 0.7, Double.ulpOfOne].map(\.bitPattern))
        #expect(sqlite.insertedLeases.map(\.id) == [1, 2, 3])
        #expect(sqlite.leaseChanges == [true, false, true, false, true, false])
        #expect(sqlite.leases.map(\.heartbeatAt) == [4200.5, 4000.75])
        #expect(sqlite.finalists.map { "\($0.selectionRank) \($0.seed) \($0.id ?? 0)" } == ["1 0 3", "1 1 2", "2 0 1"])
        #expect(sqlite.finalists[0].normalizationMean == [0.1307, Float(1) / 3])
        #expect(sqlite.ensembles.map(\.size) == [2, 3])
        #expect(sqlite.experiments.map(\.best?.id) == [3, 5])
        #expect(sqlite.experiments.map { [$0.models, $0.trainedNets, $0.failedNets, $0.leases] } == [[4, 3, 1, 2], [2, 1, 0, 0]])
        #expect(sqlite.finalExperiment?.rngState == UInt64.max - 2)
        #expect(sqlite.replayEntries.map(\.row.ownResult) == [nil, nil, nil, nil] + StoreContractFixtures.importedResults.map { Optional($0) })
        #expect(sqlite.integrityProblems == [])
    }
}
