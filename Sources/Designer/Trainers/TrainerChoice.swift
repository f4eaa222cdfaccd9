/// Which trainer a search's workers use (`--trainer`), stored with the experiment's settings so a
/// resume with another trainer (or another synthetic delay) is refused like any changed setting.
public struct TrainerChoice: Codable, Hashable, Sendable, CustomStringConvertible {
    /// The trainers `--trainer` can name.
    public enum Name: String, Codable, CaseIterable, Sendable {
        /// Builds and trains every net with the engine on the dataset (the default).
        case engine
        /// Reads no images and scores each net by a fixed rule after a delay (load tests).
        case synthetic
    }

    /// Which trainer.
    public var name: Name
    /// Seconds each net takes with the synthetic trainer; nil with the engine.
    public var delay: Double?

    /// The engine, as every search before `--trainer` existed used.
    public static let engine = TrainerChoice(name: .engine, delay: nil)

    /// The synthetic delay when none is given or stored: short, so a load test measures coordination.
    public static let defaultSyntheticDelay = 0.05

    /// The longest synthetic delay: an hour per net is already far slower than any load test needs.
    public static let maximumSyntheticDelay = 3600.0

    /// The synthetic trainer taking `delay` seconds per net.
    public static func synthetic(delay: Double = defaultSyntheticDelay) -> TrainerChoice {
        TrainerChoice(name: .synthetic, delay: delay)
    }

    /// Whether the trainer reads the dataset's images (and so needs them on every worker).
    public var readsImages: Bool { name == .engine }

    /// `dataset` as a report's header shows it: a trainer that reads no images says so, and why that matters.
    func describe(_ dataset: DatasetChoice) -> String {
        readsImages ? dataset.description
            : "none: --trainer synthetic read no images, so every accuracy is synthetic (a fixed function of the net string)"
    }

    /// `engine` or `synthetic (0.05 s per net)`.
    public var description: String {
        delay.map { "\(name.rawValue) (\($0) s per net)" } ?? name.rawValue
    }

    /// The choice of `--trainer name [--synthetic-delay s]` given `stored` (nil for a new experiment):
    /// the stored trainer unless one is named, and a named synthetic trainer keeps the stored delay
    /// unless a delay is given.
    static func resolve(name: Name?, delay: Double?, stored: TrainerChoice?) -> TrainerChoice {
        let chosen = name ?? stored?.name ?? .engine
        switch chosen {
        case .engine: return .engine
        case .synthetic: return .synthetic(delay: delay ?? (stored?.name == .synthetic ? stored?.delay : nil) ?? defaultSyntheticDelay)
        }
    }

    /// Throws for a synthetic delay that is negative, not finite or longer than an hour.
    public func validate() throws(SearchError) {
        guard let delay else { return }
        guard delay.isFinite, (0...Self.maximumSyntheticDelay).contains(delay) else { throw .syntheticDelay(delay) }
    }
}
