import Designer
import Foundation
import SearchSpace
import StoreLocation
import StoreModel
import TestSupport
import Testing

/// Sixteen `metaqnn search --trainer synthetic` processes on one experiment, the scale of a small
/// cluster on one machine: with four of them SIGKILLed at seeded moments and restarted, the
/// schedule still ends exactly; without kills and with no delay, the claim+record steps per second
/// the store sustains are printed (the figure the README gives for sizing a database).
@Suite("Synthetic load: sixteen worker processes", .serialized,
       .enabled(if: MetaqnnProcess.executable != nil, "the metaqnn executable is not built; run `swift build` first"))
struct SyntheticLoadTests {
    static let processes = 16
    /// Two hundred unique nets over three ε stages; `--layer-limit 3` leaves enough distinct nets,
    /// and ε stays at 0.5 or more, so that the later stages find new nets without long runs of repeats.
    static let schedule = "1.0:120,0.8:50,0.5:30"
    static let stageCounts = [120, 50, 30]

    /// The command every process runs; each writes its report to its own folder. Sixteen processes
    /// queue for SQLite's one writer, and on two loaded cores a queue can outlast the default 10 s
    /// busy timeout, so every process waits up to a minute.
    static func arguments(store: String, delay: String, report: URL) -> [String] {
        ["search", "--experiment", "load", "--store", store, "--trainer", "synthetic", "--synthetic-delay", delay,
         "--layer-limit", "3", "--schedule", schedule, "--replay-number", "16", "--seed", "14",
         "--busy-timeout", "60", "--report-dir", report.path]
    }

    @Test("Sixteen processes on PostgreSQL, four SIGKILLed at seeded moments and restarted: exact counts per ε, nothing twice, nothing lost",
          .enabled(if: PostgresTestCluster.shouldRun, "needs PostgreSQL (apt-get install postgresql)"))
    func sixteenProcessesAndFourKills() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try PostgresTestDatabase()
        let psql = database.psql
        var runs = 0
        func start() throws -> (Process, URL, URL) {
            runs += 1
            let report = folder.appendingPathComponent("r\(runs)")
            return try MetaqnnProcess.start(Self.arguments(store: database.url, delay: "0.02", report: report), in: folder)
        }
        var workers = [try start()]
        // The others join once the experiment exists, taking its settings from the store.
        #expect(try PostgresWorkerProcessTests.wait(while: workers[0].0) {
            try psql.lines("SELECT COUNT(*) FROM experiment") == ["1"]
        })
        for _ in 1..<Self.processes { workers.append(try start()) }
        // Which four die, after how many trained nets, and a few milliseconds more so that a kill
        // lands anywhere in a step (mid-transaction included), all from one seed.
        var generator = SplitMix64(seed: 14)
        let victims = Array((0..<Self.processes).shuffled(using: &generator).prefix(4))
        let total = Self.stageCounts.reduce(0, +)
        let moments = victims.map { _ in Int.random(in: total / 10..<total * 3 / 4, using: &generator) }.sorted()
        var killed: [(status: Int32, signalled: Bool)] = []
        for (victim, moment) in zip(victims, moments) {
            let reached = try PostgresWorkerProcessTests.wait(while: workers[victim].0) {
                try psql.lines("SELECT COUNT(*) >= \(moment) FROM \"trainedNet\"") == ["t"]
            }
            guard reached else { continue }
            usleep(UInt32.random(in: 0..<40_000, using: &generator))
            kill(workers[victim].0.processIdentifier, SIGKILL)
            let outcome = PostgresWorkerProcessTests.finish(workers[victim])
            killed.append((outcome.status, workers[victim].0.terminationReason == .uncaughtSignal))
            workers[victim] = try start()
        }
        #expect(killed.count == 4 && killed.allSatisfy { $0.signalled && $0.status == SIGKILL },
                "every victim was still running when its moment came: \(killed)")
        for worker in workers {
            let outcome = PostgresWorkerProcessTests.finish(worker)
            #expect(outcome.status == 0, "\(outcome.text.suffix(800))")
        }
        try PostgresWorkerProcessTests.expectCompleteAndSound(psql, stages: Self.stageCounts)
    }

    /// The store a throughput run uses.
    enum Backend: String, CaseIterable, CustomTestStringConvertible {
        case postgresql, sqlite
        var testDescription: String { rawValue }
    }

    @Test("Claim+record steps per second with sixteen zero-delay processes (printed; the schedule must still end exactly)",
          arguments: Backend.allCases.filter { $0 == .sqlite || PostgresTestCluster.shouldRun })
    func throughput(_ backend: Backend) throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = switch backend {
        case .postgresql: try PostgresTestDatabase().url
        case .sqlite: folder.appendingPathComponent("load.sqlite").path
        }
        let measurement = try StoreLoad.run(processes: Self.processes, store: store, in: folder) { index in
            Self.arguments(store: store, delay: "0", report: folder.appendingPathComponent("r\(index)"))
        }
        for outcome in measurement.outcomes { #expect(outcome.status == 0, "\(outcome.text.suffix(800))") }
        let reader = try StoreOpening.open(try StoreLocation(parsing: store, environment: [:]), mode: .readOnly)
        let nets = try reader.nets(experiment: "load")
        #expect(Self.stageCounts.indices.map { stage in nets.filter { $0.stage == stage }.count } == Self.stageCounts,
                "exact unique counts per ε")
        #expect(Set(nets.map(\.net)).count == nets.count, "no net trained twice")
        let replay = try reader.replayEntries(experiment: "load").map(\.row)
        #expect(replay.map(\.sequence).sorted() == Array(1...replay.count), "no replay row lost")
        #expect(try reader.leases(experiment: "load").isEmpty && reader.experiment(named: "load").status == .finished)
        let times = replay.map(\.finishedAt)
        let span = (times.max() ?? 0) - (times.min() ?? 0)
        #expect(span > 0)
        // Steps are counted between the first and the last recorded row, so process start-up and
        // the schedule's tail (fewer than sixteen nets left) weigh little.
        print(String(format: "synthetic load, %@: %d processes, %d steps (claim+record, one replay row each) in %.2f s "
                     + "= %.1f steps/s; peak leases %d; load average at start %@",
                     backend.rawValue, Self.processes, replay.count, span, Double(replay.count - 1) / span,
                     measurement.peakLeases, measurement.loadAverage))
    }
}
