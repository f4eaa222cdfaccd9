import ArgumentParser
import Designer
import Foundation

/// `metaqnn import`: loads a reference replay_database.csv as a new experiment.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a reference replay_database.csv (file order kept) as a new experiment; a bad row rejects the file.")

    @Argument(help: ArgumentHelp("The replay_database.csv to import.", valueName: "file.csv"))
    var file: String

    @OptionGroup var store: StoreOptions
    @OptionGroup var space: SearchSpaceOptions

    func run() throws {
        let importer = ReplayImporter(settings: try space.settings())
        let prepared = try importer.prepareFile(at: file)  // a bad file never creates or touches a store
        let replayStore = try store.open(.createIfMissing)
        let summary = try importer.store(prepared, experiment: store.experiment, into: replayStore)
        if let first = summary.percentScaleLines.first {
            let count = summary.percentScaleLines.count
            let shown = summary.percentScaleLines.prefix(5).map(String.init).joined(separator: ", ")
            let lines = count > 5 ? "lines \(shown) and \(count - 5) more" : count == 1 ? "line \(first)" : "lines \(shown)"
            let warning = "warning: \(count) row\(count == 1 ? " has" : "s have") accuracies on a percent scale (\(lines)); "
                + "they are kept as written and replayed with that value as reward, as the reference code does.\n"
            FileHandle.standardError.write(Data(warning.utf8))
        }
        print("Imported \(summary.rows) replay rows (\(summary.nets) distinct nets) from \(file) as experiment '\(store.experiment)' in \(replayStore.path).")
        print("Rebuild its Q table with: metaqnn replay --experiment \(store.experiment) --store \(replayStore.path)")
    }
}
