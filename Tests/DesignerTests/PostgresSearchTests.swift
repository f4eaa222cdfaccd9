import Foundation
import ReplayStore
import StoreModel
import TestSupport
import Testing
@testable import Designer

/// The search in process on PostgreSQL: one worker with a seed makes exactly the decisions it makes
/// on SQLite, down to the last bit of every accuracy and Q value.
@Suite("Searches on PostgreSQL", .enabled(if: PostgresTestCluster.shouldRun, "PostgreSQL is not installed (apt-get install postgresql)"))
struct PostgresSearchTests {
    /// Every stored field of a net that does not depend on the clock or the host, accuracies as bits, in insertion order.
    static func netFields(_ store: any ExperimentStore, experiment: String) throws -> [String] {
        try store.nets(experiment: experiment).map { net in
            let bits = [net.bestValidationAccuracy, net.lastValidationAccuracy, net.testAccuracyAtBest, net.testAccuracyAtLast]
                .map { $0.map { String($0.bitPattern, radix: 16) } ?? "nil" }
            return "\(net.net) \(net.status) stage=\(net.stage ?? -1) ε=\(net.epsilon) \(bits) "
                + "iterations=\(net.bestValidationIteration ?? -1),\(net.lastValidationIteration ?? -1) "
                + "parameters=\(net.parameterCount ?? -1) attempts=\(net.attempts) learned=\(String(describing: net.learned))"
        }
    }

    @Test("One worker with a seed stores on PostgreSQL exactly the nets, replay rows and Q table it stores on SQLite")
    func sameAsSQLite() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try PostgresTestDatabase()
        let onSQLite = try SearchFixtures.digitsRequest(directory, experiment: "digits", file: "digits.sqlite", layerLimit: 2,
                                                        schedule: "1.0:6,0.5:4", replayNumber: 8, epochs: 1)
        var onPostgres = onSQLite
        onPostgres.store = try database.location()
        var stores: [any ExperimentStore] = []
        for request in [onSQLite, onPostgres] {
            let outcome = try Search(request).run(cancellation: SearchCancellation())
            #expect(outcome.completed && outcome.status.modelsDone == 10)
            stores.append(try StoreOpening.open(request.store, mode: .readOnly))
        }
        let (sqlite, postgres) = (stores[0], stores[1])
        #expect(postgres.filePath == nil && sqlite.filePath != nil)
        let expected = try SearchFixtures.snapshot(of: sqlite, experiment: "digits")
        let actual = try SearchFixtures.snapshot(of: postgres, experiment: "digits")
        SearchFixtures.expectSame(actual, as: expected)
        #expect(actual.replays.count > 10, "repeats were replayed, so the replay rows say more than the nets")
        #expect(try Self.netFields(postgres, experiment: "digits") == Self.netFields(sqlite, experiment: "digits"))
        let utilities = { (store: any ExperimentStore) in
            try store.qValues(experiment: "digits").map { "\($0.state.referenceText) \($0.action.referenceText) \($0.utility.bitPattern)" }
        }
        #expect(try utilities(postgres) == utilities(sqlite))
        #expect(try postgres.experiment(named: "digits").rngState == sqlite.experiment(named: "digits").rngState)
    }
}
