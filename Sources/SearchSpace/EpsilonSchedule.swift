/// The ε schedule: how many *unique* nets to train at each ε, in order (spec §4).
public struct EpsilonSchedule: Hashable, Sendable, Codable, CustomStringConvertible {
    /// One ε value and the number of unique nets to train at it.
    public struct Step: Hashable, Sendable, Codable {
        /// The exploration rate, in [0, 1].
        public var epsilon: Double
        /// Unique nets to train at this ε, at least 1.
        public var models: Int

        /// A step of `models` unique nets at `epsilon`.
        public init(epsilon: Double, models: Int) {
            self.epsilon = epsilon
            self.models = models
        }
    }

    /// The steps in the order they run.
    public var steps: [Step]

    /// A schedule from validated steps.
    public init(steps: [Step]) throws(EpsilonScheduleError) {
        self.steps = steps
        try validate()
    }

    /// The paper's schedule: 1.0 for 1500 models, 0.9–0.7 for 100 each, 0.6–0.1 for 150 each.
    public static let paper = EpsilonSchedule(uncheckedPairs: [
        (1.0, 1500), (0.9, 100), (0.8, 100), (0.7, 100),
        (0.6, 150), (0.5, 150), (0.4, 150), (0.3, 150), (0.2, 150), (0.1, 150),
    ])

    /// Builds a schedule known to be valid (used for presets).
    init(uncheckedPairs: [(Double, Int)]) {
        steps = uncheckedPairs.map { Step(epsilon: $0.0, models: $0.1) }
    }

    /// Reads the `--schedule` syntax `"1.0:1500,0.9:100,0.1:150"`.
    public init(parsing text: String) throws(EpsilonScheduleError) {
        let items = text.split(separator: ",", omittingEmptySubsequences: false)
        var parsed: [Step] = []
        for (index, item) in items.enumerated() {
            let trimmed = item.trimmingCharacters(in: " ")
            let parts = trimmed.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2 else { throw .malformedStep(trimmed, position: index + 1) }
            guard let epsilon = Double(parts[0].trimmingCharacters(in: " ")) else {
                throw .malformedStep(trimmed, position: index + 1)
            }
            guard let models = Int(parts[1].trimmingCharacters(in: " ")) else {
                throw .malformedStep(trimmed, position: index + 1)
            }
            parsed.append(Step(epsilon: epsilon, models: models))
        }
        try self.init(steps: parsed)
    }

    /// Checks every step; throws the first problem found.
    public func validate() throws(EpsilonScheduleError) {
        if steps.isEmpty { throw .empty }
        for (index, step) in steps.enumerated() {
            guard step.epsilon.isFinite, step.epsilon >= 0, step.epsilon <= 1 else {
                throw .epsilonOutOfRange(step.epsilon, position: index + 1)
            }
            guard step.models >= 1 else { throw .nonPositiveModels(step.models, position: index + 1) }
        }
    }

    /// Unique nets over the whole schedule.
    public var totalModels: Int { steps.reduce(0) { $0 + $1.models } }

    /// The `--schedule` syntax, e.g. `1.0:1500,0.9:100`.
    public var description: String {
        steps.map { "\($0.epsilon):\($0.models)" }.joined(separator: ",")
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        var s = self
        while s.first == set { s = s.dropFirst() }
        while s.last == set { s = s.dropLast() }
        return String(s)
    }
}
