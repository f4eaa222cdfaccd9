import ArgumentParser
import Datasets
import Foundation
import Training

/// Options of the training scheme, shared by `train` and `search`; unset values come from the preset.
struct TrainingOptions: ParsableArguments {
    @Option(name: .customLong("training-preset"),
            help: "Training preset: paper, cpu-digits or cpu-fashion (default: cpu-digits on digits, else paper).")
    var preset: String?

    @Option(help: "Epochs per attempt (paper: 20).")
    var epochs: Int?

    @Option(help: "Adam's initial learning rate (paper: 0.001).")
    var learningRate: Float?

    @Option(help: "Images per optimizer step (paper: 128).")
    var batchSize: Int?

    @Option(help: "L2 weight decay (paper: 0.0005).")
    var weightDecay: Float?

    @Option(help: "Multiply the learning rate by this every --decay-every epochs (paper: 0.2).")
    var learningRateDecay: Float?

    @Option(help: "Epochs between learning-rate decays (paper: 5).")
    var decayEvery: Int?

    @Option(help: "Validation accuracy to beat after the first epoch, else restart (default: 1.5 / classes).")
    var restartThreshold: Float?

    @Option(help: "Attempts before a net counts as never learning (paper: 5).")
    var maxAttempts: Int?

    @Option(help: "Each restart multiplies the initial learning rate by this (paper: 0.4).")
    var restartFactor: Float?

    @Option(help: "Engine threads per network.")
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
