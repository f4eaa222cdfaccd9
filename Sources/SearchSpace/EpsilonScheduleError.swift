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
    /// The counts add up to more than `Int.max`.
    case totalTooLarge
    /// Step `position` has the same ε as the step before it.
    case repeatedEpsilon(Double, position: Int, merged: Int)
    /// Step `position` has a larger ε than the step before it.
    case risingEpsilon(Double, position: Int, previous: Double)
    /// The schedule asks for more unique nets than the search space holds.
    case moreModelsThanSpace(total: Int, space: String, architectures: String)

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
        case .totalTooLarge:
            "The ε schedule's model counts add up to more than \(Int.max); give counts a search can finish."
        case let .repeatedEpsilon(epsilon, position, merged):
            "Steps \(position - 1) and \(position) of the ε schedule both use ε = \(epsilon); write them as one step \(epsilon):\(merged)."
        case let .risingEpsilon(epsilon, position, previous):
            "Step \(position) of the ε schedule raises ε from \(previous) to \(epsilon); list the steps from the largest ε to the smallest."
        case let .moreModelsThanSpace(total, space, architectures):
            "The ε schedule asks for \(total) unique nets but the search space \(space) holds only \(architectures); shorten the schedule or widen the space."
        }
    }
}
