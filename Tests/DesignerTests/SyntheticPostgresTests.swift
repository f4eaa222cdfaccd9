import Foundation
import TestSupport
import Testing

/// `--trainer synthetic` on a shared PostgreSQL experiment, as a load test of coordination runs it:
/// several worker processes, no dataset anywhere, the schedule filled exactly.
@Suite("Synthetic trainer on PostgreSQL", .serialized,
       .enabled(if: PostgresTestCluster.shouldRun && MetaqnnProcess.executable != nil,
                "needs PostgreSQL (apt-get install postgresql) and the built metaqnn"))
struct SyntheticPostgresTests {
    @Test("Four synthetic worker processes on one PostgreSQL experiment: exact unique counts per ε, no net twice, no lease left")
    func fourProcesses() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try PostgresTestDatabase()
        let arguments = ["search", "--experiment", "shared", "--store", database.url, "--trainer", "synthetic",
                         "--synthetic-delay", "0.02", "--layer-limit", "3", "--schedule", PostgresWorkerProcessTests.schedule,
                         "--replay-number", "16", "--seed", "5", "--workers", "2"]
        let first = try MetaqnnProcess.start(arguments + ["--report-dir", folder.appendingPathComponent("r0").path], in: folder)
        // The others join once the experiment exists, taking its settings from the store.
        #expect(try PostgresWorkerProcessTests.wait(while: first.0) {
            try database.psql.lines("SELECT COUNT(*) FROM experiment") == ["1"]
        })
        let others = try (1...3).map { index in
            try MetaqnnProcess.start(arguments + ["--report-dir", folder.appendingPathComponent("r\(index)").path], in: folder)
        }
        for started in [first] + others {
            let (status, text) = PostgresWorkerProcessTests.finish(started)
            #expect(status == 0, "\(text)")
        }
        try PostgresWorkerProcessTests.expectCompleteAndSound(database.psql)
        #expect(try database.psql.lines("SELECT COUNT(*) FROM \"trainedNet\" WHERE status = 'trained' AND \"bestValidationAccuracy\" >= 0.5")
                == ["36"], "every net scored by the synthetic rule (at least 0.5)")
    }
}
