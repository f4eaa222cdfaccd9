import ArgumentParser
import Datasets
import Foundation
import Training

/// Options of the training scheme, shared by `train` and `search`; unset values come from the preset.
struct TrainingOptions: ParsableArguments {
    @Option(name: .customLong("training-preset"),
            help: ArgumentHelp("Training preset: paper, cpu-digits, cpu-fashion, cpu-fashion-curves or final (train's default: cpu-digits on digits, else paper).", valueName: "name"))
    var preset: String?

    @Option(help: ArgumentHelp("Epochs per attempt (paper: 20).", valueName: "n"))
    var epochs: Int?

    @Option(help: ArgumentHelp("Adam's initial learning rate (paper: 0.001).", valueName: "rate"))
    var learningRate: Float?

    @Option(help: ArgumentHelp("Images per optimizer step (paper: 128).", valueName: "n"))
    var batchSize: Int?

    @Option(help: ArgumentHelp("L2 weight decay (paper: 0.0005).", valueName: "decay"))
    var weightDecay: Float?

    @Option(help: ArgumentHelp("Multiply the learning rate by this every --decay-every epochs (paper: 0.2).", valueName: "factor"))
    var learningRateDecay: Float?

    @Option(help: ArgumentHelp("Epochs between learning-rate decays (paper: 5).", valueName: "n"))
    var decayEvery: Int?

    @Option(help: ArgumentHelp("Validation accuracy to beat after the first epoch, else restart (default: 1.5 / classes).", valueName: "fraction"))
    var restartThreshold: Float?

    @Option(help: ArgumentHelp("Attempts before a net counts as never learning (paper: 5).", valueName: "n"))
    var maxAttempts: Int?

    @Option(help: ArgumentHelp("Each restart multiplies the initial learning rate by this (paper: 0.4).", valueName: "factor"))
    var restartFactor: Float?

    @Option(help: ArgumentHelp("Engine threads per network (train's default: all cores).", valueName: "n"))
    var threads: Int?

    func validate() throws {
        if let preset, TrainingSettings.preset(named: preset) == nil {
            throw ValidationError("Unknown --training-preset '\(preset)'; use one of \(TrainingSettings.presets.map(\.name).joined(separator: ", ")).")
        }
        do {
            try settings(default: .paper, threads: 1).validate()
        } catch {
            guard case let .invalidSetting(name, value, requirement) = error else { throw ValidationError(error.description) }
            let flags = ["decay interval": "decay-every", "attempts": "max-attempts"]
            let flag = flags[name] ?? name.replacingOccurrences(of: " ", with: "-")
            throw ValidationError("--\(flag) \(value) is not usable; it must be \(requirement).")
        }
    }

    /// The preset `train` uses when none is named: the CPU preset on the embedded digits, the paper's elsewhere.
    static func defaultPreset(for dataset: DatasetName?) -> TrainingSettings {
        dataset == .digits ? .cpuDigits : .paper
    }

    /// The named preset (or `fallback`) with every option given on the command line applied.
    func settings(default fallback: TrainingSettings, threads defaultThreads: Int) -> TrainingSettings {
        var settings = preset.flatMap(TrainingSettings.preset(named:)) ?? fallback
        settings.threads = defaultThreads
        if let epochs { settings.epochs = epochs }
        if let learningRate { settings.learningRate = learningRate }
        if let batchSize { settings.batchSize = batchSize }
        if let weightDecay { settings.weightDecay = weightDecay }
        if let learningRateDecay { settings.learningRateDecay = learningRateDecay }
        if let decayEvery { settings.decayEvery = decayEvery }
        if let restartThreshold { settings.restartThreshold = restartThreshold }
        if let maxAttempts { settings.maxAttempts = maxAttempts }
        if let restartFactor { settings.restartFactor = restartFactor }
        if let threads { settings.threads = threads }
        return settings
    }
}
