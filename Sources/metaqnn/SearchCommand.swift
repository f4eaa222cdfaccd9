import ArgumentParser
import Designer
import Foundation
import SearchSpace
import StoreLocation
import Training

extension TrainerChoice.Name: ExpressibleByArgument {}

/// `metaqnn search`: runs (or resumes) a MetaQNN search, storing every result in the replay store.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search CNN architectures with Q-learning; run the same command again to resume.",
        discussion: "With no flags: the whole ε schedule of the cpu-digits space on the embedded digits set, "
            + "stored in Replay/default.sqlite, report in Reports/default/. Ctrl-C (or SIGTERM, SIGHUP) stops after recording what finished.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var space: SearchSpaceOptions
    @OptionGroup var data: DatasetOptions
    @OptionGroup var schedule: ScheduleOption

    @Option(help: ArgumentHelp("Trajectories replayed after each model (default: the space's, 128).", valueName: "n"))
    var replayNumber: Int?

    @Option(help: ArgumentHelp("Search seed (default: 1, or the stored one when resuming).", valueName: "n"),
            transform: SeedValue.parse)
    var seed: UInt64?

    @Option(help: ArgumentHelp("Nets trained at once, each with max(1, cores / N) engine threads.", valueName: "n"))
    var workers = 1

    @Option(help: ArgumentHelp("Report folder (default: Reports/<experiment>).", valueName: "dir"))
    var reportDir: String?

    @OptionGroup var training: TrainingOptions

    @Flag(help: "Stop a net after an epoch once learning-curve prediction is Δ-sure it will not beat the best so far; its predicted final accuracy is its reward.")
    var earlyStop = false

    @Option(help: ArgumentHelp("Δ for --early-stop, strictly between 0 and 1 (default: 0.99).", valueName: "p"))
    var earlyStopThreshold: Double?

    @Option(help: ArgumentHelp("Nets trained to the end before --early-stop stops any (default: 20; at least 5).", valueName: "n"))
    var earlyStopBurnIn: Int?

    @Option(help: ArgumentHelp("engine (build and train every net) or synthetic (read no images; score each net by a fixed "
                               + "rule after --synthetic-delay, to load-test coordination). Default: engine, or the stored one.",
                               valueName: "name"))
    var trainer: TrainerChoice.Name?

    @Option(help: ArgumentHelp("Seconds each net takes with --trainer synthetic (default: 0.05, or the stored one).", valueName: "s"))
    var syntheticDelay: Double?

    @Flag(help: .hidden) var syntheticData = false
    @Option(help: .hidden) var reportEvery = 10

    func validate() throws {
        guard (1...TrainingSettings.maximumThreads).contains(workers) else {
            throw ValidationError("--workers must be between 1 and \(TrainingSettings.maximumThreads) (each worker is a thread training one net).")
        }
        if let replayNumber, replayNumber < 1 {
            throw ValidationError("--replay-number \(replayNumber) would never update the Q table; give 1 or more (the space's default is 128).")
        }
        guard reportEvery >= 1 else { throw ValidationError("--report-every must be at least 1.") }
        if let syntheticDelay {
            guard trainer == .synthetic else {
                throw ValidationError("--synthetic-delay only applies with --trainer synthetic; add --trainer synthetic or drop --synthetic-delay.")
            }
            do { try TrainerChoice.synthetic(delay: syntheticDelay).validate() } catch { throw ValidationError(error.description) }
        }
        if trainer == .synthetic, let flag = data.dataset.map({ _ in "--dataset" }) ?? data.dataDirectory.map({ _ in "--data-dir" })
            ?? (syntheticData ? "--synthetic-data" : nil) {
            throw ValidationError("--trainer synthetic reads no images, so \(flag) has no effect; drop \(flag).")
        }
        if !earlyStop, let flag = earlyStopThreshold.map({ _ in "--early-stop-threshold" }) ?? earlyStopBurnIn.map({ _ in "--early-stop-burn-in" }) {
            throw ValidationError("\(flag) only applies with --early-stop; add --early-stop or drop \(flag).")
        }
    }

    func run() throws {
        // Installed before the data load, so a Ctrl-C during it also stops the run cleanly.
        let cancellation = SearchCancellation()
        let signals = StopSignals { cancellation.cancel() }
        defer { signals.cancel() }
        // A password in a store URL is never stored with the experiment's command.
        let command = ["metaqnn"] + CommandLine.arguments.dropFirst().map { Self.shellWord(Self.redacted($0)) }
        let search = try Search(request(), command: command.joined(separator: " "))
        let outcome = try search.run(cancellation: cancellation) { event in
            if let line = SearchProgressFormatter.line(event) {
                print(line)
                fflush(nil)
            }
        }
        SearchProgressFormatter.summary(outcome.status, completed: outcome.completed, report: outcome.report).forEach { print($0) }
        if !outcome.completed { throw ExitCode(signals.exitStatus) }
    }

    /// The library request from the flags; unset flags leave the stored (or default) settings alone.
    private func request() throws -> SearchRequest {
        var request = SearchRequest(experiment: store.experiment, store: try Self.absolute(store.location()),
                                    reportDirectory: URL(fileURLWithPath: reportDir ?? "Reports/\(store.experiment)", isDirectory: true))
        request.busyTimeout = store.busyTimeout
        if space.preset != nil || space.space != nil { request.space = try space.settings() }
        (request.inputSize, request.layerLimit) = (space.inputSize, space.layerLimit)
        (request.schedule, request.replayNumber, request.seed) = (schedule.schedule, replayNumber, seed)
        (request.workers, request.threadsPerWorker, request.reportEvery) = (workers, training.threads, reportEvery)
        if syntheticData {
            request.dataset = .synthetic
        } else if data.dataset != nil || data.dataDirectory != nil {
            request.dataset = DatasetChoice(name: data.dataset ?? "auto", directory: data.dataDirectory)
        }
        (request.trainer, request.syntheticDelay) = (trainer, syntheticDelay)
        if earlyStop { request.earlyStopping = SearchRequest.earlyStop(threshold: earlyStopThreshold, burnIn: earlyStopBurnIn) }
        let (training, data) = (training, data)
        request.training = { data.apply(to: training.settings(default: $0, threads: 1)) }
        return request
    }

    /// An SQLite location by absolute path: a search names its store in its report header and its
    /// reproduce command, which then hold from any folder.
    private static func absolute(_ location: StoreLocation) -> StoreLocation {
        guard let path = location.filePath else { return location }
        return .sqlite(path: URL(fileURLWithPath: path).path)
    }

    /// An argument with the password of a store URL replaced by `***`, also in `--store=URL` form.
    private static func redacted(_ argument: String) -> String {
        guard argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") else { return StoreLocation.redacted(argument) }
        return String(argument[...equals]) + StoreLocation.redacted(String(argument[argument.index(after: equals)...]))
    }

    /// `text` as one shell word: unchanged when plain, else single-quoted.
    private static func shellWord(_ text: String) -> String {
        let plain = !text.isEmpty && text.allSatisfy { $0.isLetter || $0.isNumber || "-_./:=,".contains($0) }
        return plain ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
