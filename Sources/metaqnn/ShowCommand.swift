import ArgumentParser
import Designer

/// `metaqnn show`: one experiment's settings, progress and best nets.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show an experiment's settings, schedule progress and top nets.")

    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp("How many of the best nets to list.", valueName: "n"))
    var top: Int = 10

    func validate() throws {
        if top < 0 { throw ValidationError("--top must be 0 or more.") }
    }

    func run() throws {
        print(try ExperimentCatalog(store: store.open(.readOnly)).details(experiment: store.experiment, top: top),
              terminator: "")
    }
}
