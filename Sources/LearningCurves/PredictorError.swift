import Foundation

/// Why a predictor cannot be fitted.
public enum PredictorError: Error, Hashable, Sendable, CustomStringConvertible, LocalizedError {
    /// Fewer full curves than a fit needs.
    case tooFewCurves(have: Int, need: Int)
    /// Curves of one epoch leave nothing to predict.
    case horizonTooShort(horizon: Int)

    /// One sentence naming the problem and what to do.
    public var description: String {
        switch self {
        case let .tooFewCurves(have, need):
            "Only \(have) nets were trained to the end, and the predictor needs at least \(need) full curves; "
                + "train more nets first."
        case let .horizonTooShort(horizon):
            "Curves of \(horizon) epoch\(horizon == 1 ? "" : "s") leave no earlier epoch to predict from; "
                + "use a training preset with at least 2 epochs."
        }
    }

    /// The same sentence, for `localizedDescription`.
    public var errorDescription: String? { description }
}
