import ArgumentParser
import Designer
import Foundation
import StoreLocation

/// `metaqnn copy`: moves experiments whole from one store into another (an SQLite file, or a
/// PostgreSQL database once this build opens them).
struct CopyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy experiments whole (nets, replay rows, Q table, finalists with their weight files, ensembles) into another store.",
        discussion: """
            The source is only read. Each experiment is written in one transaction of the target, so a failure leaves \
            nothing of it there; every check (names, workers, weight files) comes before the first write, so a refused \
            copy writes nothing. An experiment whose name the target already holds is refused. Leases are not copied: \
            an experiment a worker is searching right now is refused (stop it with Ctrl-C first), and the leases of dead \
            workers stay behind (their nets are trained again when the copy is resumed; a killed search is stored as \
            stopped). Finalist weight files are copied into <target folder>/<experiment>-models/ and checked against \
            their SHA-256; a PostgreSQL store has no folder, so its weight files (on either side) are in \
            Replay/<experiment>-models/ under the working directory, where finalize and export-model keep them.
            """)

    @Option(help: ArgumentHelp("The store to copy from: an SQLite file path or a postgresql:// URL; only read.", valueName: "path|url"))
    var from: String

    @Option(help: ArgumentHelp("The store to copy into: an SQLite file path (created when missing) or a postgresql:// URL.",
                               valueName: "path|url"))
    var to: String

    @Option(help: ArgumentHelp("An experiment to copy; repeat for several (default: every experiment of --from).", valueName: "name"))
    var experiment: [String] = []

    @Option(help: ArgumentHelp("Seconds to wait for another process's write to the target to finish before giving up.", valueName: "seconds"))
    var busyTimeout: Double = 10

    func validate() throws {
        if !(busyTimeout >= 0) { throw ValidationError("--busy-timeout must be 0 or more seconds.") }
        do {
            _ = try locations()
        } catch {
            throw ValidationError(error.description)
        }
    }

    func run() throws {
        let (source, target) = try locations()
        let copy = try StoreCopy(from: source, to: target, experiments: experiment, busyTimeout: busyTimeout,
                                 serverStoreWeightsRoot: StoreOptions.serverStoreWeightsRoot)
        try copy.run { print(Self.line($0, target: copy.targetDescription)) }
        print("Copied \(copy.experiments.count) experiment\(copy.experiments.count == 1 ? "" : "s") from \(copy.sourceDescription) to \(copy.targetDescription).")
    }

    /// `--from` and `--to`, read as `--store` values are (a URL's password may come from the environment).
    private func locations() throws(StoreLocationError) -> (from: StoreLocation, to: StoreLocation) {
        let environment = ProcessInfo.processInfo.environment
        return (try StoreLocation(parsing: from, environment: environment), try StoreLocation(parsing: to, environment: environment))
    }

    /// The progress line of one committed experiment.
    static func line(_ copied: CopiedExperiment, target: String) -> String {
        var parts = ["\(copied.trainedNets) nets trained", "\(copied.failedNets) failed", "\(copied.replayRows) replay rows",
                     "\(copied.qValues) Q values"]
        if copied.finalists > 0 { parts.append("\(copied.finalists) finalists with their weight files") }
        if copied.ensembles > 0 { parts.append("\(copied.ensembles) ensembles") }
        var line = "copied '\(copied.name)' to \(target): " + parts.joined(separator: ", ")
        if copied.abandonedLeases > 0 {
            line += "; \(copied.abandonedLeases) lease\(copied.abandonedLeases == 1 ? "" : "s") of dead workers left behind"
                + (copied.markedStopped ? " and stored as stopped" : "") + " (resuming the copy trains those nets again)"
        }
        return line
    }
}
