import ArgumentParser
import Designer
import Dispatch
import Foundation
import Training

/// `metaqnn finalize`: trains the search's top nets again, longer and from several seeds, keeps their
/// weights and evaluates their ensembles; run the same command again to resume.
struct FinalizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "finalize",
        abstract: "Train the search's top nets again with the final scheme from several seeds, keep their weights and ensemble them.",
        discussion: "Each finished (net, seed) is stored at once with its weights in <store folder>/<experiment>-models/ "
            + "(for a PostgreSQL store, Replay/<experiment>-models/ under the working directory); "
            + "Ctrl-C or a kill loses only the trainings in flight, and the same command resumes.")

    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp("Nets to finalize: the search's top K by validation accuracy (ties: fewer parameters).", valueName: "K"))
    var top = 5

    @Option(help: ArgumentHelp("Seeds per net: each net is trained from seeds 1 … S.", valueName: "S"))
    var seeds = 2

    @Option(help: ArgumentHelp("Trainings at once; each uses --threads engine threads (default 1), so results do not depend on N.", valueName: "N"))
    var workers = 1

    @Option(help: ArgumentHelp("Report folder (default: Reports/<experiment>).", valueName: "dir"))
    var reportDir: String?

    @OptionGroup var data: DatasetOptions
    @OptionGroup var training: TrainingOptions

    func run() throws {
        let finalize = try Finalize(request())
        let output = FinalizeOutput(finalize: finalize, terminal: isatty(STDOUT_FILENO) != 0 && workers == 1)
        let signals = [SIGINT, SIGTERM].map { Self.onSignal($0, stored: output.storedCount) }
        defer { signals.forEach { $0.cancel() } }
        let outcome = try finalize.run { output.report($0) }
        output.summary(outcome, experiment: store.experiment, storeOption: store.store == nil ? "" : " --store \(try store.location())").forEach { print($0) }
    }

    private func request() throws -> FinalizeRequest {
        var request = FinalizeRequest(experiment: store.experiment, store: try store.location(),
                                      reportDirectory: URL(fileURLWithPath: reportDir ?? "Reports/\(store.experiment)", isDirectory: true))
        (request.busyTimeout, request.top, request.seeds, request.workers) = (store.busyTimeout, top, seeds, workers)
        request.serverStoreWeightsRoot = StoreOptions.serverStoreWeightsRoot
        if data.dataset != nil || data.dataDirectory != nil {
            request.dataset = DatasetChoice(name: data.dataset ?? "auto", directory: data.dataDirectory)
        }
        let (training, data) = (training, data)
        request.training = { data.apply(to: training.settings(default: $0, threads: 1)) }
        return request
    }

    /// Ends the process at once on `signal`: a training cannot be paused, every finished run is
    /// already committed, and weight files are renamed into place whole, so nothing is lost but the
    /// runs in flight.
    private static func onSignal(_ number: Int32, stored: @escaping @Sendable () -> Int) -> any DispatchSourceSignal {
        signal(number, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
        source.setEventHandler {
            FileHandle.standardError.write(Data(("\nStopped with \(stored()) finalist runs stored; the runs in flight are lost. "
                + "Run the same command again to resume.\n").utf8))
            Foundation.exit(128 + number)
        }
        source.resume()
        return source
    }
}
