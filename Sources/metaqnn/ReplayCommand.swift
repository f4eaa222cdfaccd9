import ArgumentParser
import Designer
import Foundation
import QLearning

/// `metaqnn replay`: rebuilds an experiment's Q table from init_utility by replaying its stored rows.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Rebuild Q from the stored replay rows; print the greedy net and the largest Q values.",
        discussion: "--order stored replays every row once in sequence order; --order sampled repeats the search's "
            + "own schedule (replay_number uniform draws from rows 1…k after row k). The store is only read.")

    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp("stored or sampled.", valueName: "order"))
    var order: ReplayOrder = .stored

    @Option(help: ArgumentHelp("Passes over the rows.", valueName: "n"))
    var passes = 1

    @Option(help: ArgumentHelp("Seed of the draws of --order sampled.", valueName: "n"))
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("Write the rebuilt table as a reference q_values.csv.", valueName: "file"))
    var qOut: String?

    @Option(help: ArgumentHelp("How many of the largest Q values to print.", valueName: "n"))
    var top = 10

    func validate() throws {
        guard passes >= 1 else { throw ValidationError("--passes must be at least 1.") }
        guard top >= 0 else { throw ValidationError("--top must be 0 or more.") }
    }

    func run() throws {
        let (rows, settings) = try QReplay.load(experiment: store.experiment, from: store.open(.mustExist))
        let learner = try QReplay.rebuild(rows: rows, settings: settings, order: order, passes: passes, seed: seed)
        let greedy = ReportQValues.greedy(learner)
        print("Replayed \(rows.count) rows of '\(store.experiment)' (\(order.rawValue), \(passes) pass\(passes == 1 ? "" : "es")): "
              + "\(learner.table.count) Q values.")
        print("Greedy net: \(greedy.net)" + (greedy.expectedAccuracy.map { String(format: " (Q at start %.5f)", $0) } ?? ""))
        for row in QReplay.largest(learner.table, count: top) {
            print(String(format: "%.6f  ", row.value) + "\(row.state) → \(row.action)")
        }
        if let qOut {
            try learner.table.csv().write(toFile: qOut, atomically: true, encoding: .utf8)
            print("Wrote \(learner.table.count) rows to \(qOut).")
        }
    }
}

extension ReplayOrder: ExpressibleByArgument {}
