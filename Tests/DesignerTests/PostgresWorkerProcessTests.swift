import Foundation
import TestSupport
import Testing

/// `metaqnn search` processes sharing one PostgreSQL experiment, as workers on several machines
/// would: killed with SIGKILL, cut off from the server, restarted with the same command. The
/// schedule ends with exactly its unique nets per ε, every net trained once, every replay row kept
/// and no lease left.
@Suite("Search worker processes on PostgreSQL", .serialized,
       .enabled(if: PostgresTestCluster.shouldRun && MetaqnnProcess.executable != nil,
                "needs PostgreSQL (apt-get install postgresql) and the built metaqnn"))
struct PostgresWorkerProcessTests {
    static let schedule = "1.0:24,0.5:12"

    /// The search every process runs: synthetic 6×6 data, eight epochs a net so that a net is in
    /// flight most of the time, one engine thread.
    static func arguments(_ database: PostgresTestDatabase, report: String) -> [String] {
        ["search", "--experiment", "shared", "--store", database.url, "--synthetic-data", "--input-size", "6",
         "--layer-limit", "2", "--schedule", schedule, "--replay-number", "16", "--seed", "5", "--threads", "1",
         "--epochs", "8", "--report-dir", report]
    }

    /// Waits for `process`, SIGKILLing it after 300 s (a hang), and returns its exit status and output.
    static func finish(_ started: (Process, URL, URL)) -> (status: Int32, text: String) {
        let (process, out, err) = started
        let limit = Date().addingTimeInterval(300)
        while process.isRunning, Date() < limit { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        let text = ((try? String(contentsOf: out, encoding: .utf8)) ?? "") + ((try? String(contentsOf: err, encoding: .utf8)) ?? "")
        return (process.terminationStatus, text)
    }

    /// Polls `condition` until it holds or `process` has exited; true when it held.
    static func wait(while process: Process, until condition: () throws -> Bool) rethrows -> Bool {
        while process.isRunning {
            if try condition() { return true }
            usleep(20_000)
        }
        return false
    }

    /// The whole schedule is there exactly once: trained nets per stage, one row per net name, a
    /// replay row for every trained net, gapless replay sequences, no lease, status finished.
    /// `stages` holds the unique nets of each ε stage, `schedule`'s by default.
    static func expectCompleteAndSound(_ psql: PSQL, stages: [Int] = [24, 12],
                                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(try psql.run("""
            SELECT stage, COUNT(*) FROM "trainedNet" WHERE status = 'trained' GROUP BY stage ORDER BY stage
            """) == stages.enumerated().map { "\($0.offset)|\($0.element)" }, "exact unique counts per ε",
                sourceLocation: sourceLocation)
        #expect(try psql.run("SELECT COUNT(*) - COUNT(DISTINCT net) FROM \"trainedNet\"") == ["0"], "no net trained twice",
                sourceLocation: sourceLocation)
        #expect(try psql.run("""
            SELECT COUNT(*) FROM "trainedNet" t WHERE status = 'trained'
            AND NOT EXISTS (SELECT 1 FROM "replayRow" r WHERE r."netID" = t.id)
            """) == ["0"], "every trained net has its replay row", sourceLocation: sourceLocation)
        #expect(try psql.run("SELECT COUNT(*) = MAX(sequence) AND MIN(sequence) = 1 FROM \"replayRow\"") == ["t"],
                "no replay row lost", sourceLocation: sourceLocation)
        #expect(try psql.run("SELECT COUNT(*) FROM lease") == ["0"], "no lease left", sourceLocation: sourceLocation)
        #expect(try psql.run("SELECT status FROM experiment") == ["finished"], sourceLocation: sourceLocation)
    }

    @Test("Two worker processes, one killed with SIGKILL mid-net and restarted: its lease is adopted, nothing lost or doubled")
    func twoProcessesAndAKill() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try PostgresTestDatabase()
        let psql = database.psql
        let first = try MetaqnnProcess.start(Self.arguments(database, report: folder.appendingPathComponent("r1").path), in: folder)
        // The second joins once the experiment exists, taking its settings from the store.
        #expect(try Self.wait(while: first.0) { try psql.lines("SELECT COUNT(*) FROM experiment") == ["1"] })
        let second = try MetaqnnProcess.start(Self.arguments(database, report: folder.appendingPathComponent("r2").path), in: folder)
        let victim = first.0.processIdentifier
        // Killed while it trains a net (its lease committed), after both have recorded some. It is
        // stopped first, so that what it holds stays put while it is read (a COMMIT already sent is
        // done by the server within the pause); caught mid-transaction, it is let go and tried again.
        var orphan: [String] = []
        while orphan.isEmpty, try Self.wait(while: first.0, until: {
            try psql.lines("""
                SELECT (SELECT COUNT(DISTINCT split_part(worker, ':', 2)) FROM "trainedNet") >= 2
                   AND EXISTS (SELECT 1 FROM lease WHERE pid = \(victim))
                """) == ["t"]
        }) {
            kill(victim, SIGSTOP)
            usleep(200_000)
            orphan = try psql.run("SELECT net FROM lease WHERE pid = \(victim)")
            kill(victim, orphan.isEmpty ? SIGCONT : SIGKILL)
        }
        let killed = Self.finish(first)
        #expect(orphan.count == 1, "the first process finished before it could be killed mid-net")
        #expect(first.0.terminationReason == .uncaughtSignal && killed.status == SIGKILL)
        let restarted = try MetaqnnProcess.start(Self.arguments(database, report: folder.appendingPathComponent("r3").path), in: folder)
        let outcomes = [Self.finish(second), Self.finish(restarted)]
        for outcome in outcomes { #expect(outcome.status == 0, "\(outcome.text)") }
        try Self.expectCompleteAndSound(psql)
        if let net = orphan.first {
            let recorded = try psql.run("SELECT worker FROM \"trainedNet\" WHERE net = '\(net.replacingOccurrences(of: "'", with: "''"))'")
            #expect(recorded.count == 1 && !recorded[0].contains(":\(victim):"), "the orphaned net was trained by an adopter: \(recorded)")
        }
        #expect(outcomes.contains { $0.text.contains("again: its earlier worker stopped before recording it") },
                "an adopter says it retrains a dead worker's net")
    }

    @Test("Connections cut by the server mid-run: each step is retried on a fresh connection or the worker stops in one sentence and resumes")
    func connectionsCutMidRun() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try PostgresTestDatabase()
        let psql = database.psql
        let arguments = Self.arguments(database, report: folder.appendingPathComponent("r").path)
        let run = try MetaqnnProcess.start(arguments, in: folder)
        var cuts = 0
        for threshold in [4, 10, 16] {
            let reached = try Self.wait(while: run.0) {
                try psql.lines("SELECT COUNT(*) >= \(threshold) FROM \"trainedNet\"") == ["t"]
            }
            guard reached else { break }
            // As a server restart or a network cut would: every connection of the search ends.
            let ended = try psql.run("""
                SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity
                WHERE datname = current_database() AND pid <> pg_backend_pid()
                """)
            if ended != ["0"] { cuts += 1 }
        }
        var outcome = Self.finish(run)
        #expect(cuts >= 2, "the search's connection was cut mid-run: exit \(outcome.status), \(outcome.text.suffix(600))")
        if outcome.status != 0 {
            // Allowed: a worker that lost its connection twice in a row stops with the store's sentence.
            #expect(outcome.status == 1 && outcome.text.contains("was lost mid-statement and the unfinished transaction was rolled back"),
                    "\(outcome.text)")
            outcome = Self.finish(try MetaqnnProcess.start(arguments, in: folder))
        }
        #expect(outcome.status == 0, "\(outcome.text)")
        #expect(!outcome.text.contains(database.cluster.password))
        try Self.expectCompleteAndSound(psql)
    }
}
