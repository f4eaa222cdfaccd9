import Datasets
import Foundation
import StoreModel
import Training

/// One (net, seed) training of a finalize run.
public struct FinalistRun: Hashable, Sendable {
    /// The net's rank in the selection (1 = the search's best).
    public var rank: Int
    /// Canonical net string.
    public var net: String
    /// Training seed, 1 … S.
    public var seed: Int
}

/// What `finalize` reports while it runs; the CLI turns these into text (libraries do not print).
public enum FinalizeEvent: Sendable {
    /// The plan: every run of the selection, how many are already stored, and the trainings at once.
    case started(runs: [FinalistRun], stored: Int, workers: Int)
    /// A worker began training a run.
    case runStarted(FinalistRun, worker: Int)
    /// Training progress of a run.
    case progress(FinalistRun, worker: Int, TrainingProgress)
    /// A run was trained, its weights written and its row committed.
    case runFinished(FinalistRun, FinalistRecord)
    /// The ensembles of the top k finalists were evaluated on the test set and stored.
    case ensembles([EnsembleRecord])
    /// The report was rewritten.
    case reportWritten(URL)
    /// The report could not be written; the stored results are unaffected.
    case reportFailed(reason: String)
}

/// How a finalize run ended.
public struct FinalizeOutcome: Sendable {
    /// The selected nets with their stored seeds, ranked by mean validation accuracy.
    public var standings: [FinalistStanding]
    /// Test accuracy of the ensembles of the top k, k = 1 … K.
    public var ensembles: [EnsembleRecord]
    /// Runs trained by this invocation (the rest were stored before).
    public var trained: Int
}
