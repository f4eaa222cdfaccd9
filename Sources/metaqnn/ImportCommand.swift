import ArgumentParser
import Designer

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
        print("Imported \(summary.rows) replay rows (\(summary.nets) distinct nets) from \(file) as experiment '\(store.experiment)' in \(replayStore.path).")
        print("Rebuild its Q table with: metaqnn replay --experiment \(store.experiment) --store \(replayStore.path)")
    }
}
