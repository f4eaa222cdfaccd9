/// One experiment: a search (or an import) with its settings, seed and resumable state.
public struct ExperimentRecord: Hashable, Sendable {
    /// How an experiment came to be.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// Created by `metaqnn search`.
        case search
        /// Created by `metaqnn import` from a reference replay file.
        case imported = "import"
    }

    /// Where an experiment stands.
    public enum Status: String, Hashable, Sendable, CaseIterable {
        /// A search process is (or was, until it died) working on it.
        case running
        /// Stopped before its schedule was done (Ctrl-C or an error); resumable.
        case stopped
        /// Every schedule stage has its unique nets.
        case finished
        /// Imported from a file; nothing to resume.
        case imported
    }

    /// Row identifier.
    public var id: Int64
    /// Unique name (`--experiment`).
    public var name: String
    /// Search or import.
    public var kind: Kind
    /// Current status.
    public var status: Status
    /// The seed the search was started with.
    public var seed: UInt64
    /// The search-space settings as JSON; a resume with different settings is refused.
    public var searchSpaceJSON: String
    /// Every other setting (training, dataset, schedule, replay number) as JSON.
    public var settingsJSON: String
    /// The search's random generator state after the last committed step.
    public var rngState: UInt64
    /// Creation time, seconds since 1970.
    public var createdAt: Double
    /// Time of the last committed step, seconds since 1970.
    public var updatedAt: Double

    /// An experiment record; `id` is assigned by the store on insertion.
    public init(id: Int64 = 0, name: String, kind: Kind, status: Status, seed: UInt64, searchSpaceJSON: String,
                settingsJSON: String, rngState: UInt64, createdAt: Double, updatedAt: Double) {
        self.id = id
        self.name = name
        self.kind = kind
        self.status = status
        self.seed = seed
        self.searchSpaceJSON = searchSpaceJSON
        self.settingsJSON = settingsJSON
        self.rngState = rngState
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
