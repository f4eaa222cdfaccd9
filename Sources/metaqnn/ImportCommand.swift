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
        if let warning = Self.percentScaleWarning(lines: summary.percentScaleLines) {
            FileHandle.standardError.write(Data(warning.utf8))
        }
        print("Imported \(summary.rows) replay rows (\(summary.nets) distinct nets) from \(file) as experiment '\(store.experiment)' in \(replayStore.locationDescription).")
        print("Rebuild its Q table with: metaqnn replay --experiment \(store.experiment) --store \(replayStore.locationDescription)")
    }

    /// The one warning about rows on a percent scale: their count and the first few lines.
    static func percentScaleWarning(lines: [Int]) -> String? {
        guard let first = lines.first else { return nil }
        let shown = lines.prefix(5).map(String.init).joined(separator: ", ")
        let place = lines.count > 5 ? "lines \(shown) and \(lines.count - 5) more" : lines.count == 1 ? "line \(first)" : "lines \(shown)"
        return "warning: \(lines.count) row\(lines.count == 1 ? " has" : "s have") accuracies on a percent scale (\(place)); "
            + "they are kept as written and replayed with that value as reward, as the reference code does.\n"
    }
}
