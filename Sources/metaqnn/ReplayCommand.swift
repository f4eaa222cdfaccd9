import ArgumentParser
import Designer
import Foundation

extension ReplayRebuilder.Order: ExpressibleByArgument {}

/// `metaqnn replay`: rebuilds Q from init_utility by replaying an experiment's stored transitions.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Rebuild the Q table by replaying stored transitions; print the greedy net and the largest Q values.")

    @OptionGroup var store: StoreOptions

    @Option(help: "stored: every replay row once, in sequence order; sampled: the search's replay_number draws after each row.")
    var order: ReplayRebuilder.Order = .stored

    @Option(help: "How many times to replay the whole sequence.")
    var passes: Int = 1

    @Option(help: "Seed of the draws of --order sampled.", transform: SeedValue.parse)
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("Write the rebuilt table as q_values.csv.", valueName: "file"))
    var qOut: String?

    @Option(help: "How many of the largest Q values to print.")
    var top: Int = 10

    func validate() throws {
        if passes < 1 { throw ValidationError("--passes must be at least 1.") }
        if top < 0 { throw ValidationError("--top must be 0 or more.") }
    }

    func run() throws {
        let output = qOut.map(OutputFile.init(path:))
        if let output { try OutputFile.check([output], store: store.location().filePath) }
        let rebuild = try ReplayRebuilder(store: store.open(.readOnly))
            .rebuild(experiment: store.experiment, order: order, passes: passes, seed: seed)
        print(Self.summary(rebuild, top: top), terminator: "")
        if let output, let qOut {
            try output.write(rebuild.learner.table.csv())
            print("Wrote \(rebuild.learner.table.count) Q values to \(qOut).")
        }
    }

    /// What `replay` prints: the counts, the greedy net and the `top` largest Q values.
    static func summary(_ rebuild: ReplayRebuild, top: Int) -> String {
        var lines = [
            "replayed \(rebuild.rows) rows, \(rebuild.updates) updates; Q table: \(rebuild.learner.table.count) entries",
            "greedy net: \(rebuild.greedyNet)",
            "largest Q values:",
        ]
        lines += rebuild.largest(top).map { row in "  \(String(format: "%.6f", row.value))  \(row.state) -> \(row.action)" }
        return lines.joined(separator: "\n") + "\n"
    }
}
