import SearchSpace

/// The settings and provenance printed at the top of a report.
public struct ExperimentHeader: Hashable, Sendable {
    /// Experiment name, also the report's folder name.
    public var name: String
    /// Dataset name as given to `--dataset` (e.g. `digits`).
    public var dataset: String
    /// Search-space description (preset name and any overrides).
    public var searchSpace: String
    /// The ε schedule: each stage's ε and how many unique models it trains.
    public var epsilonSchedule: [EpsilonSchedule.Step]
    /// The search seed, if known (imported reference stores have none).
    public var seed: UInt64?
    /// Wall-clock seconds the search has run so far, if known.
    public var wallSeconds: Double?
    /// Path of the replay store the report was read from, as the user would type it.
    public var storePath: String
    /// The shell command that reproduces this experiment.
    public var reproduceCommand: String?
    /// Where the experiment stands (`running`, `stopped`, `finished`, `imported`), if known.
    public var status: String?
    /// Free-form lines shown under the header (e.g. budget or import provenance).
    public var notes: [String]

    /// Creates a header.
    public init(
        name: String, dataset: String, searchSpace: String, epsilonSchedule: [EpsilonSchedule.Step],
        seed: UInt64? = nil, wallSeconds: Double? = nil, storePath: String,
        reproduceCommand: String? = nil, status: String? = nil, notes: [String] = []
    ) {
        self.name = name
        self.dataset = dataset
        self.searchSpace = searchSpace
        self.epsilonSchedule = epsilonSchedule
        self.seed = seed
        self.wallSeconds = wallSeconds
        self.storePath = storePath
        self.reproduceCommand = reproduceCommand
        self.status = status
        self.notes = notes
    }
}
