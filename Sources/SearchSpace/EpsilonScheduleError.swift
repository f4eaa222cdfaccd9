/// Why an ε schedule is unusable; each description is one sentence.
public enum EpsilonScheduleError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No steps at all.
    case empty
    /// A comma-separated item is not `epsilon:models`.
    case malformedStep(String, position: Int)
    /// The ε part of an item is not a number.
    case notANumber(String, position: Int)
    /// The count part of an item is not a whole number.
    case notACount(String, position: Int)
    /// ε outside [0, 1].
    case epsilonOutOfRange(Double, position: Int)
    /// A step that trains no models.
    case nonPositiveCount(Int, position: Int)

    /// One sentence naming the problem and what to do.
    public var description: String {
        switch self {
        case .empty:
            "The ε schedule is empty; give steps like \"1.0:1500,0.9:100,0.1:150\"."
        case let .malformedStep(item, position):
            "Step \(position) of the ε schedule, \"\(item)\", is not of the form epsilon:models (e.g. 0.9:100)."
        case let .notANumber(text, position):
            "Step \(position) of the ε schedule has ε \"\(text)\", which is not a number; use a value in [0, 1] such as 0.5."
        case let .notACount(text, position):
            "Step \(position) of the ε schedule has model count \"\(text)\", which is not a whole number."
        case let .epsilonOutOfRange(epsilon, position):
            "Step \(position) of the ε schedule has ε = \(epsilon), but ε must lie between 0 and 1."
        case let .nonPositiveCount(count, position):
            "Step \(position) of the ε schedule trains \(count) models, but each step must train at least 1."
        }
    }
}
