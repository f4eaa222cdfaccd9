import Foundation
import StoreLocation
import Training

/// What `metaqnn finalize` was asked for: which experiment, how many nets and seeds, and the flags
/// that change the `final` training scheme or the data.
public struct FinalizeRequest: Sendable {
    /// Experiment name.
    public var experiment: String
    /// Where the store is (the CLI's `--store`); it must exist.
    public var store: StoreLocation
    /// Seconds a write waits for another writer.
    public var busyTimeout: Double = 10
    /// Nets to finalize: the search's top K.
    public var top: Int = 5
    /// Seeds per net: 1 … S.
    public var seeds: Int = 2
    /// Trainings at once.
    public var workers: Int = 1
    /// The dataset, when not the one the search used.
    public var dataset: DatasetChoice?
    /// Applies the training flags the user gave to the `final` preset; the engine threads per
    /// training come from these flags, not from the worker count.
    public var training: @Sendable (TrainingSettings) -> TrainingSettings = { $0 }
    /// Where the report is rewritten at the end (nil: not written).
    public var reportDirectory: URL?
    /// The weights root (`<experiment>-models/` goes in it) for a store that is no file, such as a
    /// PostgreSQL database; an SQLite store keeps its weights beside its file. Nil refuses such a
    /// store with `FinalizeError.storeWithoutFolder`.
    public var serverStoreWeightsRoot: URL?

    /// A request with the defaults: top 5, seeds 1 and 2, one worker, the `final` preset.
    public init(experiment: String, store: StoreLocation, reportDirectory: URL?) {
        self.experiment = experiment
        self.store = store
        self.reportDirectory = reportDirectory
    }
}

/// Everything that fixes a finalist's result besides its net and seed, stored with each row so a
/// resume with other settings is caught.
struct FinalistSettings: Codable, Hashable, Sendable {
    /// The images.
    var dataset: DatasetChoice
    /// Seed of the validation split (the search's seed).
    var splitSeed: UInt64
    /// The training scheme, engine threads included (they change the bits, not the meaning).
    var training: TrainingSettings

    /// Sorted-key JSON text.
    func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try! encoder.encode(self), as: UTF8.self)
    }

    /// The names of the settings that differ from `other`, engine threads aside.
    func differences(from other: FinalistSettings) -> [String] {
        var (a, b) = (self, other)
        a.training.threads = 1
        b.training.threads = 1
        guard a != b else { return [] }
        func fields(_ settings: FinalistSettings) -> [String: String] {
            let object = (try? JSONSerialization.jsonObject(with: Data(settings.json().utf8))) as? [String: Any] ?? [:]
            var result: [String: String] = [:]
            for (key, value) in object {
                if let inner = value as? [String: Any] {
                    for (name, field) in inner { result["\(key).\(name)"] = "\(field)" }
                } else {
                    result[key] = "\(value)"
                }
            }
            return result
        }
        let (mine, theirs) = (fields(a), fields(b))
        return Set(mine.keys).union(theirs.keys).filter { mine[$0] != theirs[$0] }.sorted()
    }
}
