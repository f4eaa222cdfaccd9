import ArgumentParser
import Designer

/// `metaqnn export`: writes an experiment as reference replay_database.csv (and q_values.csv).
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write an experiment's replay rows (and Q table) in the reference CSV formats.")

    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp("Where to write replay_database.csv.", valueName: "file"))
    var replayCSV: String

    @Option(help: ArgumentHelp("Where to write q_values.csv (the stored Q table).", valueName: "file"))
    var qCSV: String?

    func run() throws {
        let exporter = ReplayExporter(store: try store.open(.readOnly))
        let written = try exporter.export(experiment: store.experiment, replayCSV: replayCSV, qCSV: qCSV)
        print("Wrote \(written.rows) replay rows to \(replayCSV).")
        if let qCSV { print("Wrote \(written.qValues) Q values to \(qCSV).") }
    }
}
