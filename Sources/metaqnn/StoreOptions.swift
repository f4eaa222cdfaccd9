import ArgumentParser
import ReplayStore

/// `--experiment NAME` and `--store PATH` (default `Replay/<experiment>.sqlite`); shared by the
/// commands that read or write one experiment.
struct StoreOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Experiment name.", valueName: "name"))
    var experiment: String = "default"

    @Option(help: ArgumentHelp("Replay store file (default: Replay/<experiment>.sqlite).", valueName: "path"))
    var store: String?

    @Option(help: ArgumentHelp("Seconds to wait for another process's write to finish before giving up.", valueName: "seconds"))
    var busyTimeout: Double = 10

    func validate() throws {
        if !(busyTimeout >= 0) { throw ValidationError("--busy-timeout must be 0 or more seconds.") }
        if experiment.isEmpty || experiment.contains("/") || experiment.hasPrefix(".") {
            throw ValidationError("--experiment must be a non-empty name without '/' or a leading '.', e.g. digits-run1.")
        }
    }

    /// The store file this invocation uses.
    var storePath: String { store ?? "Replay/\(experiment).sqlite" }

    /// Opens the store; `mode` says whether a missing file is created or an error.
    func open(_ mode: ReplayStore.OpenMode) throws -> ReplayStore {
        try ReplayStore(path: storePath, mode: mode, busyTimeout: busyTimeout)
    }
}
