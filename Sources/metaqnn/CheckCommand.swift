import ArgumentParser
import SearchSpace

/// `metaqnn check`: is a net string legal in a search space, and what does it cost.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a net string against a search space; print its canonical form, parameters and FLOPs.",
        discussion: "Exits with status 1 when the net is well formed but illegal in the space.")

    @Argument(help: ArgumentHelp("Net string, e.g. \"[C(64,3,1), P(2,2), SM(10)]\".", valueName: "net"))
    var net: String

    @OptionGroup var searchSpace: SearchSpaceOptions

    func run() throws {
        let settings = try searchSpace.settings()
        let report = try NetCheck(net, settings: settings)
        for line in report.lines { print(line) }
        if !report.isLegal { throw ExitCode(1) }
    }
}
