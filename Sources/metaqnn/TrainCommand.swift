import ArgumentParser
import Foundation
import SearchSpace
import Training

/// `metaqnn train`: trains one net string the way the search scores it.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train one net string with the paper's scheme and report its accuracy.")

    @Argument(help: "The net string, e.g. \"[C(32,3,1), P(2,2), FC(128), SM(10)]\".")
    var net: String

    @OptionGroup var data: DatasetOptions
    @OptionGroup var training: TrainingOptions

    @Option(help: ArgumentHelp("Seed of the validation split, the initial weights and the batch order.", valueName: "n"),
            transform: SeedValue.parse)
    var seed: UInt64 = 1

    @Flag(help: "Print the result as JSON instead of a summary.")
    var json = false

    func run() throws {
        let architecture = try Architecture(parsing: net)
        let settings = data.apply(to: training.settings(default: TrainingOptions.defaultPreset(for: data.effectiveName),
                                                        threads: ProcessInfo.processInfo.activeProcessorCount))
        let sets = try data.load()
        let splits = try settings.splits(of: sets, seed: seed)
        let display = ProgressDisplay(terminal: isatty(STDOUT_FILENO) != 0, silent: json, settings: settings,
                                      dataset: sets.name, splits: splits)
        let result = try NetTrainer(settings: settings, data: splits).train(architecture, seed: seed, progress: display.report)
        print(json ? ProgressFormatter.json(result) : ProgressFormatter.summary(result))
    }
}
