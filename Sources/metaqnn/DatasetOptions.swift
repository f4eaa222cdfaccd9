import ArgumentParser
import Datasets
import Foundation
import Training

/// Options choosing the dataset and how it is split, shared by `train` and `search`.
struct DatasetOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Dataset: digits (embedded, the default), fashion-mnist, mnist or cifar10.", valueName: "name"))
    var dataset: String?

    @Option(name: .customLong("data-dir"),
            help: ArgumentHelp("Directory holding the dataset's files (IDX files, plain or .gz, or CIFAR-10 .bin batches).", valueName: "dir"))
    var dataDirectory: String?

    @Option(help: ArgumentHelp("Validation images drawn (stratified) from the training pool (default: 5,000, or a fifth of small sets).", valueName: "n"))
    var validationSize: Int?

    @Option(help: ArgumentHelp("Train on a stratified subset of this many images (after the validation split).", valueName: "n"))
    var trainLimit: Int?

    func validate() throws {
        if let dataset, DatasetName(rawValue: dataset) == nil {
            throw ValidationError("Unknown --dataset '\(dataset)'; use one of \(DatasetName.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        if datasetName == .digits, dataDirectory != nil {
            throw ValidationError("--data-dir does not apply to the embedded digits set; drop it or name another --dataset.")
        }
        if let validationSize, validationSize < 1 {
            throw ValidationError("--validation-size must be at least 1.")
        }
        if let trainLimit, trainLimit < 1 {
            throw ValidationError("--train-limit must be at least 1.")
        }
    }

    /// The named dataset, if any.
    var datasetName: DatasetName? { dataset.flatMap(DatasetName.init(rawValue:)) }

    /// The dataset as it will be loaded, for choosing a default training preset.
    var effectiveName: DatasetName? {
        datasetName ?? (dataDirectory == nil ? .digits : nil)
    }

    /// Loads the chosen dataset (the embedded digits when nothing is named).
    func load() throws -> TrainTestSets {
        try DatasetLoader.load(datasetName, directory: dataDirectory.map { URL(fileURLWithPath: $0, isDirectory: true) })
    }

    /// `settings` with the split options given on the command line.
    func apply(to settings: TrainingSettings) -> TrainingSettings {
        var settings = settings
        if let validationSize { settings.validationSize = validationSize }
        if let trainLimit { settings.trainLimit = trainLimit }
        return settings
    }
}
