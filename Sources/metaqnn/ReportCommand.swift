import ArgumentParser
import Designer
import Foundation
import Reporting

/// `metaqnn report`: writes `Reports/<experiment>/README.md` and its SVG figures from a replay store.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write an experiment's Markdown report with SVG figures from its replay store.")

    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp("How many architectures the top table lists.", valueName: "k"))
    var top: Int = 10

    @Option(help: ArgumentHelp("Folder for README.md and the figures (default: Reports/<experiment>).", valueName: "dir"))
    var out: String?

    func validate() throws {
        if top < 1 { throw ValidationError("--top must be at least 1, e.g. --top 10.") }
    }

    func run() throws {
        let directory = out ?? "Reports/\(store.experiment)"
        let written = try ReportWriter(options: ReportOptions(topK: top)).write(
            experiment: store.experiment, from: try store.open(.readOnly), storePath: store.location().description,
            to: URL(fileURLWithPath: directory), studyPredictor: true)
        print("Wrote \(directory)/README.md and \(written.count - 1) figures.")
    }
}
