/// Why an ε schedule is invalid; each description is one sentence.
public enum EpsilonScheduleError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The schedule has no steps.
    case empty
    /// Step `position` (1-based) is not written as `epsilon:models`.
    case malformedStep(String, position: Int)
    /// Step `position` has an ε outside [0, 1].
    case epsilonOutOfRange(Double, position: Int)
    /// Step `position` asks for fewer than one model.
    case nonPositiveModels(Int, position: Int)

    /// One sentence naming the problem and what to do.
    public var description: String {
        switch self {
        case .empty:
            "The ε schedule is empty; give steps like \"1.0:1500,0.9:100,0.1:150\"."
        case let .malformedStep(text, position):
            "ε schedule step \(position) \"\(text)\" is not of the form epsilon:models, e.g. \"0.9:100\"."
        case let .epsilonOutOfRange(value, position):
            "ε schedule step \(position) has ε = \(value); ε must lie between 0 and 1."
        case let .nonPositiveModels(value, position):
            "ε schedule step \(position) asks for \(value) models; each step needs at least 1."
        }
    }
}
