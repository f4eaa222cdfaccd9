import ArgumentParser
import Designer
import Foundation
import SearchSpace
import StoreLocation

/// `metaqnn bench-store`: claim+record steps per second of many synthetic-trainer worker processes
/// on one fresh experiment, the coordination throughput a store sustains.
struct BenchStoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-store",
        abstract: "Measure a store's coordination throughput: worker processes running search --trainer synthetic on one fresh experiment.",
        discussion: "Creates the experiment (an existing name is refused; other experiments are never touched), starts "
            + "--processes copies of this binary's search on it, waits for the schedule to finish and prints claim+record "
            + "steps per second with the load average. The experiment stays in the store under its name. Measure with a "
            + "release build (swift build -c release).")

    @Option(help: ArgumentHelp(StoreOptions.storeHelp(default: "$METAQNN_STORE"), valueName: "path|url"))
    var store: String?

    @Option(help: ArgumentHelp("Name of the experiment to create (default: bench-store-<UTC date and time>).", valueName: "name"))
    var experiment: String?

    @Option(help: ArgumentHelp("Worker processes sharing the experiment, one worker thread each.", valueName: "n"))
    var processes = 16

    @Option(help: ArgumentHelp("ε schedule as epsilon:models pairs (unique nets per stage).", valueName: "schedule"),
            transform: { text in _ = try EpsilonSchedule(parsing: text); return text })
    var schedule = "1.0:120,0.8:50,0.5:30"

    @Option(help: ArgumentHelp("Layers per net of the cpu-digits space the workers search.", valueName: "n"))
    var layerLimit = 3

    @Option(help: ArgumentHelp("Trajectories replayed after each step.", valueName: "n"))
    var replayNumber = 16

    @Option(help: ArgumentHelp("Seconds each synthetic net takes (0: coordination only).", valueName: "s"))
    var syntheticDelay = 0.0

    @Option(help: ArgumentHelp("Search seed.", valueName: "n"), transform: SeedValue.parse)
    var seed: UInt64 = 14

    @Option(help: ArgumentHelp("Seconds a worker waits for another process's write (SQLite) before giving up.", valueName: "seconds"))
    var busyTimeout = 60.0

    @Flag(help: "Print one JSON object instead of a sentence.")
    var json = false

    func validate() throws {
        guard (1...256).contains(processes) else { throw ValidationError("--processes must be between 1 and 256.") }
        guard (1...20).contains(layerLimit) else { throw ValidationError("--layer-limit must be between 1 and 20.") }
        guard replayNumber >= 1 else { throw ValidationError("--replay-number must be at least 1.") }
        guard syntheticDelay >= 0, syntheticDelay <= 3600 else {
            throw ValidationError("--synthetic-delay \(syntheticDelay) is not a number of seconds from 0 to 3600.")
        }
        guard busyTimeout >= 0 else { throw ValidationError("--busy-timeout must be 0 or more seconds.") }
        if let experiment, experiment.isEmpty || experiment.contains("/") || experiment.hasPrefix(".") {
            throw ValidationError("--experiment must be a non-empty name without '/' or a leading '.', e.g. bench-pg-1.")
        }
        guard let value = StoreLocation.value(option: store, environment: ProcessInfo.processInfo.environment) else {
            throw ValidationError("bench-store needs a store to measure; give --store PATH|URL or set METAQNN_STORE.")
        }
        do { _ = try StoreLocation(parsing: value, environment: ProcessInfo.processInfo.environment) } catch {
            throw ValidationError(error.description)
        }
    }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let value = StoreLocation.value(option: store, environment: environment) ?? ""
        let location = try StoreLocation(parsing: value, environment: environment)
        // A relative SQLite path is resolved here: the workers run in a folder of their own.
        let storeValue = location.filePath.map { URL(fileURLWithPath: $0).path } ?? value
        let name = experiment ?? "bench-store-" + Self.timestamp()
        let benchmark = StoreBenchmark(executable: Self.executable(), store: storeValue, experiment: name, processes: processes,
                                       schedule: schedule, layerLimit: layerLimit, replayNumber: replayNumber,
                                       syntheticDelay: syntheticDelay, seed: seed, busyTimeout: busyTimeout)
        let result = try benchmark.run()
        BenchStoreOutput(json: json).print(result, experiment: name, store: location.description)
    }

    /// This process's own binary, so the workers run the build being measured.
    static func executable() -> URL {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path)
        }
        return Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
    }

    /// `20261130-081500`: UTC, sortable, valid in an experiment name.
    static func timestamp() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        return formatter.string(from: Date())
    }
}
