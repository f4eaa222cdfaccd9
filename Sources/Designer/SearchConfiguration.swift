import Datasets
import Foundation
import LearningCurves
import SearchSpace
import Training

/// Everything that fixes a search's results, stored with the experiment so a resumed run continues
/// the same search and a changed setting is caught (worker count and engine threads are not part of it).
public struct SearchConfiguration: Codable, Hashable, Sendable {
    /// The search space, its ε schedule and its Q-learning constants (classes and channels from the data).
    public var space: SearchSpaceSettings
    /// The training scheme every net gets (`threads` is stored as 1: it does not change results' meaning).
    public var training: TrainingSettings
    /// Where the images come from.
    public var dataset: DatasetChoice
    /// The search seed: the random stream's start and, with each net, its training seed.
    public var seed: UInt64
    /// Early stopping by learning-curve prediction (Δ and burn-in B); nil when off, as in stores
    /// made before it existed (the key is then absent from the stored JSON).
    public var earlyStopping: StoppingRule?
    /// The trainer every worker uses; the engine in stores made before the choice existed (the key is then absent).
    public var trainer: TrainerChoice

    /// Creates a configuration.
    public init(space: SearchSpaceSettings, training: TrainingSettings, dataset: DatasetChoice, seed: UInt64,
                earlyStopping: StoppingRule? = nil, trainer: TrainerChoice = .engine) {
        self.space = space
        self.training = training
        self.training.threads = 1
        self.dataset = dataset
        self.seed = seed
        self.earlyStopping = earlyStopping
        self.trainer = trainer
    }

    private enum CodingKeys: String, CodingKey {
        case space, training, dataset, seed, earlyStopping, trainer
    }

    /// Reads a configuration; one stored without a trainer used the engine.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(space: try container.decode(SearchSpaceSettings.self, forKey: .space),
                  training: try container.decode(TrainingSettings.self, forKey: .training),
                  dataset: try container.decode(DatasetChoice.self, forKey: .dataset),
                  seed: try container.decode(UInt64.self, forKey: .seed),
                  earlyStopping: try container.decodeIfPresent(StoppingRule.self, forKey: .earlyStopping),
                  trainer: try container.decodeIfPresent(TrainerChoice.self, forKey: .trainer) ?? .engine)
    }

    /// The configuration as stored: sorted-key JSON, so equal configurations give equal text.
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // Encoding plain settings values cannot fail.
        return String(decoding: try! encoder.encode(self), as: UTF8.self)
    }

    /// Reads a stored configuration.
    public init(json: String) throws {
        self = try JSONDecoder().decode(Self.self, from: Data(json.utf8))
    }

    /// The dotted names of the fields that differ between `self` and `other` (e.g. `space.layer_limit`).
    public func differences(from other: SearchConfiguration) -> [String] {
        func flatten(_ value: Any, prefix: String, into result: inout [String: String]) {
            if let dictionary = value as? [String: Any] {
                for (key, inner) in dictionary { flatten(inner, prefix: prefix.isEmpty ? key : "\(prefix).\(key)", into: &result) }
            } else if let array = value as? [Any] {
                // A changed list is named once, not per element.
                var elements: [String: String] = [:]
                for (index, inner) in array.enumerated() { flatten(inner, prefix: "\(index)", into: &elements) }
                result[prefix] = elements.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ";")
            } else {
                result[prefix] = "\(value)"
            }
        }
        func fields(_ configuration: SearchConfiguration) -> [String: String] {
            var result: [String: String] = [:]
            let object = try? JSONSerialization.jsonObject(with: Data(configuration.json().utf8))
            flatten(object ?? [:], prefix: "", into: &result)
            return result
        }
        let mine = fields(self), theirs = fields(other)
        return Set(mine.keys).union(theirs.keys).filter { mine[$0] != theirs[$0] }.sorted()
    }
}

/// The dataset a search trains on, as stored with the experiment.
public struct DatasetChoice: Codable, Hashable, Sendable, CustomStringConvertible {
    /// `digits`, `fashion-mnist`, `mnist`, `cifar10`, or `synthetic` (the generated test set).
    public var name: String
    /// The directory its files were read from, if not the default.
    public var directory: String?

    /// Creates a choice.
    public init(name: String, directory: String? = nil) {
        self.name = name
        self.directory = directory
    }

    /// The embedded digits set.
    public static let digits = DatasetChoice(name: DatasetName.digits.rawValue)
    /// The tiny generated set for tests (`--synthetic-data`).
    public static let synthetic = DatasetChoice(name: "synthetic")
    /// No images at all: what a search with a trainer that reads none (`--trainer synthetic`) records.
    public static let noImages = DatasetChoice(name: "none")

    /// The name and, if given, the directory.
    public var description: String { directory.map { "\(name) (\($0))" } ?? name }

    /// Loads the images.
    public func load() throws -> TrainTestSets {
        if self == .synthetic { return SyntheticData.make() }
        guard self != .noImages else { throw SearchError.noImages }
        return try DatasetLoader.load(DatasetName(rawValue: name), directory: directory.map { URL(fileURLWithPath: $0, isDirectory: true) })
    }

    /// The files `load` reads (empty for the embedded and generated sets and for no images).
    func files() throws -> [URL] {
        guard self != .synthetic, self != .noImages else { return [] }
        return try DatasetLoader.files(DatasetName(rawValue: name), directory: directory.map { URL(fileURLWithPath: $0, isDirectory: true) })
    }

    /// The CPU training preset that suits this dataset.
    var cpuTraining: TrainingSettings {
        DatasetName(rawValue: name).map(TrainingSettings.cpuPreset(for:)) ?? (directory == nil ? .cpuDigits : .cpuFashion)
    }
}
