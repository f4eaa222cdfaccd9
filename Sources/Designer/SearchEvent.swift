import Foundation

/// What the search reports while it runs; the CLI turns these into progress lines (libraries do not print).
public enum SearchEvent: Sendable {
    /// The search opened its store: `resumed` when the experiment already had results.
    case started(experiment: String, resumed: Bool, workers: Int, status: SearchStatus)
    /// A worker started training `net` (`retry` when its earlier worker died before recording it).
    case training(worker: Int, net: String, epsilon: Double, retry: Bool)
    /// A newly trained net, sampled at `epsilon`, was recorded and Q was updated by replay.
    case trained(net: String, accuracy: Double, seconds: Double, epsilon: Double, status: SearchStatus)
    /// A newly trained net was stopped early after epoch `afterEpoch` of `epochs`, predicted to reach
    /// at most `predicted` (its reward); it was recorded with its partial curve and Q was updated by replay.
    case stoppedEarly(net: String, afterEpoch: Int, epochs: Int, predicted: Double, seconds: Double, epsilon: Double,
                      status: SearchStatus)
    /// A sampled net had been trained before: its stored result became a new replay row, with no training.
    case cached(net: String, accuracy: Double, epsilon: Double, status: SearchStatus)
    /// A sampled net could not be built or trained; it was skipped with no replay row.
    case failed(net: String, reason: String)
    /// The report was rewritten.
    case reportWritten(URL)
    /// The report could not be written; the search goes on.
    case reportFailed(reason: String)
}
