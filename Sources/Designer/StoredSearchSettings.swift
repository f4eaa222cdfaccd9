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

    init(dataset: String, command: String?, configuration: SearchConfiguration) {
        self.dataset = dataset
        self.command = command
        self.configuration = configuration
    }
}
