import ArgumentParser
import SearchSpace

/// `metaqnn space`: the size of a search space and the settings that define it.
struct SpaceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "space",
        abstract: "Count the states, Q-table entries and architectures of a search space.")

    @OptionGroup var searchSpace: SearchSpaceOptions

    @Flag(help: "Also print the settings as JSON (a starting point for --space files).")
    var json = false

    func run() throws {
        let settings = try searchSpace.settings()
        let counts = StateSpace(settings: settings).counts()
        print("states: \(counts.states)")
        print("state-actions: \(counts.stateActions)")
        print("architectures: \(counts.architectures)")
        for line in settings.summaryLines(counts: counts) { print(line) }
        if json { print(String(decoding: settings.jsonData(), as: UTF8.self)) }
    }
}
