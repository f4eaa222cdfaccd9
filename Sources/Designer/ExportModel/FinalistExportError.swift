/// Why `export-model` cannot pick a finalist; each description is one sentence. The store is only read.
public enum FinalistExportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The experiment has no finalized nets.
    case noFinalists(experiment: String)
    /// `--rank` is below 1 or past the finalized nets.
    case rankPastFinalists(rank: Int, count: Int, experiment: String)
    /// The finalist at this rank was not trained from the requested seed.
    case seedNotFinalized(rank: Int, net: String, seed: Int, seeds: [Int])
    /// The stored net string no longer builds into layers (a store edited by hand, or a newer tool's).
    case netUnusable(net: String, reason: String)

    public var description: String {
        switch self {
        case let .noFinalists(experiment):
            "Experiment '\(experiment)' has no finalized nets to export; run `metaqnn finalize --experiment \(experiment)` first."
        case let .rankPastFinalists(rank, count, experiment):
            "--rank \(rank) is past the \(count) finalized net\(count == 1 ? "" : "s") of experiment '\(experiment)'; choose a rank from 1 to \(count)."
        case let .seedNotFinalized(rank, net, seed, seeds):
            "Finalist \(rank) (\(net)) was not trained from seed \(seed); choose one of its seeds: \(seeds.map(String.init).joined(separator: ", "))."
        case let .netUnusable(net, reason):
            "The stored finalist \(net) cannot be built into layers (\(reason)); export it with the tool version that finalized it."
        }
    }
}
