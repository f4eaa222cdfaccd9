import Foundation

/// The experiment's settings JSON as the search stores it: the configuration that fixes its
/// results, plus top-level strings the report shows (dataset, reproducing command).
struct StoredSearchSettings: Codable, Hashable, Sendable {
    /// The dataset as a report shows it.
    var dataset: String
    /// The command that starts (or resumes) this search.
    var command: String?
    /// Everything that fixes the results.
    var configuration: SearchConfiguration
    /// The dataset files and splits the search started on; nil when it reads no files (the embedded
    /// digits, the generated set, the synthetic trainer) or was started before fingerprints were stored.
    var datasetFingerprint: DatasetFingerprint?

    /// The trainer stored in `settingsJSON`, nil when the settings cannot be read (an imported experiment's).
    static func trainer(settingsJSON: String) -> TrainerChoice? {
        (try? StoredSearchSettings(json: settingsJSON))?.configuration.trainer
    }

    /// The sentence a report and `show` give a search whose trainer read no images, nil for any other
    /// experiment: its accuracies must not be mistaken for trained ones.
    static func syntheticNote(settingsJSON: String) -> String? {
        guard let trainer = trainer(settingsJSON: settingsJSON), !trainer.readsImages else { return nil }
        let delay = trainer.delay.map { " (\($0) s per net)" } ?? ""
        return "Every accuracy of this experiment is synthetic: it was searched with --trainer synthetic\(delay), "
            + "which trains nothing and scores each net by a fixed function of its net string."
    }

    /// Sorted-key JSON text.
    func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try! encoder.encode(self), as: UTF8.self)
    }

    /// Reads the stored text.
    init(json: String) throws {
        self = try JSONDecoder().decode(Self.self, from: Data(json.utf8))
    }

    init(dataset: String, command: String?, configuration: SearchConfiguration, datasetFingerprint: DatasetFingerprint? = nil) {
        self.dataset = dataset
        self.command = command
        self.configuration = configuration
        self.datasetFingerprint = datasetFingerprint
    }
}
