import ArgumentParser
import Designer
import Foundation
import StoreLocation
import StoreModel

/// `--experiment NAME` and `--store PATH|URL` (default `$METAQNN_STORE`, else
/// `Replay/<experiment>.sqlite`); shared by the commands that read or write one experiment.
struct StoreOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Experiment name.", valueName: "name"))
    var experiment: String = "default"

    @Option(help: ArgumentHelp(StoreOptions.storeHelp(default: "$METAQNN_STORE, else Replay/<experiment>.sqlite"),
                               valueName: "path|url"))
    var store: String?

    @Option(help: ArgumentHelp("Seconds to wait for another process's write to finish before giving up.", valueName: "seconds"))
    var busyTimeout: Double = 10

    func validate() throws {
        if !(busyTimeout >= 0) { throw ValidationError("--busy-timeout must be 0 or more seconds.") }
        if experiment.isEmpty || experiment.contains("/") || experiment.hasPrefix(".") {
            throw ValidationError("--experiment must be a non-empty name without '/' or a leading '.', e.g. digits-run1.")
        }
        // A store value that is no location is a flag error, refused before anything is read.
        do { _ = try location() } catch { throw ValidationError(error.description) }
    }

    /// The store this invocation uses: `--store`, else `METAQNN_STORE`, else `Replay/<experiment>.sqlite`.
    func location() throws(StoreLocationError) -> StoreLocation {
        try Self.location(store, fallback: "Replay/\(experiment).sqlite")
    }

    /// Opens the store; `mode` says whether a missing store is created or an error.
    func open(_ mode: StoreOpenMode) throws -> any ExperimentStore {
        try StoreOpening.open(try location(), mode: mode, busyTimeout: busyTimeout)
    }

    /// The location `option` names, else the one `METAQNN_STORE` names, else `fallback`, read with
    /// this process's environment (which also holds the password fallbacks of a URL).
    static func location(_ option: String?, fallback: String) throws(StoreLocationError) -> StoreLocation {
        let environment = ProcessInfo.processInfo.environment
        return try StoreLocation(parsing: StoreLocation.value(option: option, environment: environment) ?? fallback,
                                 environment: environment)
    }

    /// Where finalist weights of a store that is no file (a PostgreSQL database) live: `Replay/` under
    /// the working directory, as `Replay/<experiment>-models/`, where an SQLite store in `Replay/`
    /// keeps them too. The store holds each file's SHA-256, so a copy on another machine is checked.
    static var serverStoreWeightsRoot: URL { URL(fileURLWithPath: "Replay", isDirectory: true) }

    /// The `--store` help of a command whose store defaults to `defaultStore`.
    static func storeHelp(default defaultStore: String) -> String {
        "Store: an SQLite file path, or postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=MODE] "
            + "(default: \(defaultStore))."
    }
}
