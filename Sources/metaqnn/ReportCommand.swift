import ArgumentParser
import Designer
import Foundation
import ReplayStore
import Reporting

/// `metaqnn report`: writes `Reports/<experiment>/README.md` and its SVG figures from a replay store.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write an experiment's Markdown report with SVG figures from its replay store.")

    @Option(help: ArgumentHelp("Experiment name.", valueName: "name"))
    var experiment: String = "default"

    @Option(help: ArgumentHelp("Replay store file (default: Replay/<experiment>.sqlite).", valueName: "path"))
    var store: String?

    @Option(help: ArgumentHelp("How many architectures the top table lists.", valueName: "k"))
    var top: Int = 10

    @Option(help: ArgumentHelp("Folder for README.md and the figures (default: Reports/<experiment>).", valueName: "dir"))
    var out: String?

    func validate() throws {
        if experiment.isEmpty || experiment.contains("/") || experiment.hasPrefix(".") {
            throw ValidationError("--experiment must be a non-empty name without '/' or a leading '.', e.g. digits-run1.")
        }
        if top < 1 { throw ValidationError("--top must be at least 1, e.g. --top 10.") }
    }

    func run() throws {
        let storePath = store ?? "Replay/\(experiment).sqlite"
        let directory = out ?? "Reports/\(experiment)"
        let replayStore = try ReplayStore(path: storePath, mode: .mustExist)
        let written = try ReportWriter(options: ReportOptions(topK: top))
            .write(experiment: experiment, from: replayStore, storePath: storePath, to: URL(fileURLWithPath: directory))
        print("Wrote \(directory)/README.md and \(written.count - 1) figures.")
    }
}
