import Foundation
import StoreLocation
import StoreModel

/// Many `metaqnn search --trainer synthetic` processes on one fresh experiment, watched until they
/// all exit: the claim+record steps per second a store sustains with that many workers.
///
/// Only the experiment it makes is written; every other experiment in the store is left alone.
/// The experiment stays in the store afterwards (stores have no delete), under its own name.
public struct StoreBenchmark: Sendable {
    /// The metaqnn executable whose `search` the workers run (this process's own binary).
    public var executable: URL
    /// The store value as given (an SQLite path or a PostgreSQL URL with any password); it reaches
    /// the workers through `METAQNN_STORE`, so a password never shows in a process listing.
    public var store: String
    /// The experiment to create; an existing one is refused.
    public var experiment: String
    /// Worker processes, each running one worker thread.
    public var processes: Int
    /// The ε schedule as `epsilon:models` pairs (unique nets per stage).
    public var schedule: String
    /// Layers per net; small spaces keep the synthetic trainer's work negligible.
    public var layerLimit: Int
    /// Trajectories replayed after each step.
    public var replayNumber: Int
    /// Seconds each synthetic net takes.
    public var syntheticDelay: Double
    /// The search seed.
    public var seed: UInt64
    /// Seconds a worker waits for SQLite's writer before giving up.
    public var busyTimeout: Double

    /// A measurement plan; `run()` carries it out.
    public init(executable: URL, store: String, experiment: String, processes: Int, schedule: String,
                layerLimit: Int, replayNumber: Int, syntheticDelay: Double, seed: UInt64, busyTimeout: Double) {
        (self.executable, self.store, self.experiment, self.processes) = (executable, store, experiment, processes)
        (self.schedule, self.layerLimit, self.replayNumber) = (schedule, layerLimit, replayNumber)
        (self.syntheticDelay, self.seed, self.busyTimeout) = (syntheticDelay, seed, busyTimeout)
    }

    /// The `search` arguments every worker runs; the store comes from the environment.
    /// The report is rewritten rarely, so that the figure is the store's and not the report writer's.
    func arguments(reportDirectory: URL) -> [String] {
        ["search", "--experiment", experiment, "--trainer", "synthetic", "--synthetic-delay", "\(syntheticDelay)",
         "--layer-limit", "\(layerLimit)", "--schedule", schedule, "--replay-number", "\(replayNumber)",
         "--seed", "\(seed)", "--busy-timeout", "\(busyTimeout)", "--workers", "1",
         "--report-dir", reportDirectory.path, "--report-every", "1000000"]
    }

    /// Creates the experiment through the first worker, starts the others once it exists (so they
    /// join rather than race to create it), waits for all, checks each exited cleanly, and measures
    /// from the stored replay rows.
    public func run() throws -> StoreBenchmarkResult {
        let location = try StoreLocation(parsing: store, environment: ProcessInfo.processInfo.environment)
        if let existing = try? StoreOpening.open(location, mode: .readOnly),
           try existing.experimentIfPresent(named: experiment) != nil {
            throw StoreBenchmarkError.experimentExists(experiment: experiment, store: location.description)
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("metaqnn-bench-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let loadBefore = Self.loadAverage()
        var workers = [try start(0, in: folder)]
        var reader: (any ExperimentStore)?
        while reader == nil, workers[0].process.isRunning {
            if let opened = try? StoreOpening.open(location, mode: .mustExist),
               (try? opened.experimentIfPresent(named: experiment)) != nil {
                reader = opened
            } else {
                usleep(20_000)
            }
        }
        // A first worker that exited without making the experiment has said why; the others would
        // only make it themselves, unmeasured.
        if reader == nil {
            workers[0].process.waitUntilExit()
            throw StoreBenchmarkError.workerFailed(index: 0, status: workers[0].process.terminationStatus,
                                                   lastLine: workers[0].lastLine())
        }
        for index in 1..<processes { workers.append(try start(index, in: folder)) }
        var peakLeases = 0
        while workers.contains(where: { $0.process.isRunning }) {
            // A poll that meets a busy store is skipped: the peak is a sample anyway, taken ten
            // times a second so that the watcher adds little to the load it measures.
            if let leases = try? reader?.leases(experiment: experiment) { peakLeases = max(peakLeases, leases.count) }
            usleep(100_000)
        }
        let loadAfter = Self.loadAverage()
        for (index, worker) in workers.enumerated() where worker.process.terminationStatus != 0 {
            throw StoreBenchmarkError.workerFailed(index: index, status: worker.process.terminationStatus,
                                                   lastLine: worker.lastLine())
        }
        let store = try reader ?? StoreOpening.open(location, mode: .readOnly)
        let times = try store.replayEntries(experiment: experiment).map(\.row.finishedAt)
        let nets = try store.searchTally(experiment: experiment).trainedByStage.values.reduce(0, +)
        return StoreBenchmarkResult(processes: processes, steps: times.count, uniqueNets: nets,
                                    seconds: (times.max() ?? 0) - (times.min() ?? 0), peakLeases: peakLeases,
                                    loadAverageBefore: loadBefore, loadAverageAfter: loadAfter)
    }

    /// Worker `index`, its output in files under `folder` (pipes could fill up and block it).
    private func start(_ index: Int, in folder: URL) throws -> Worker {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments(reportDirectory: folder.appendingPathComponent("report-\(index + 1)"))
        process.currentDirectoryURL = folder
        process.environment = ProcessInfo.processInfo.environment.merging(["METAQNN_STORE": store]) { $1 }
        let output = folder.appendingPathComponent("worker-\(index + 1).txt")
        guard FileManager.default.createFile(atPath: output.path, contents: nil),
              let handle = try? FileHandle(forWritingTo: output) else {
            throw StoreBenchmarkError.cannotStart(executable: executable.path, reason: "cannot write \(output.path)")
        }
        (process.standardOutput, process.standardError) = (handle, handle)
        do { try process.run() } catch {
            throw StoreBenchmarkError.cannotStart(executable: executable.path, reason: error.localizedDescription)
        }
        return Worker(process: process, output: output)
    }

    /// The machine's 1-, 5- and 15-minute load averages (Linux), since a figure taken on a shared
    /// machine means little without them; nil where `/proc/loadavg` is missing.
    static func loadAverage() -> [Double]? {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return nil }
        let values = text.split(separator: " ").prefix(3).compactMap { Double($0) }
        return values.count == 3 ? values : nil
    }

    /// One started worker process and the file holding its output.
    private struct Worker {
        var process: Process
        var output: URL

        /// The last non-empty line the worker printed: its error sentence when it failed.
        func lastLine() -> String {
            let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
            return text.split(separator: "\n").last.map { String($0).trimmingCharacters(in: .whitespaces) } ?? ""
        }
    }
}
