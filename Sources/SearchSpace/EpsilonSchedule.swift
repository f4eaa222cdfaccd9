/// How many unique models to train at each exploration rate ε, in order (spec §4).
///
/// It lives beside the search-space settings because a preset fixes its schedule; the
/// Q-learner's `EpsilonProgress` counts how far a search has come through it.
public struct EpsilonSchedule: Hashable, Sendable, Codable, CustomStringConvertible {
    /// One step of a schedule: train `models` unique nets at exploration rate `epsilon`.
    public struct Step: Hashable, Sendable, Codable {
        /// Probability of a uniformly random action, in [0, 1].
        public var epsilon: Double
        /// Unique nets to train at this ε before moving on.
        public var models: Int

        /// A step of `models` unique nets at `epsilon`.
        public init(epsilon: Double, models: Int) {
            self.epsilon = epsilon
            self.models = models
        }
    }

    /// The steps in the order they are run.
    public var steps: [Step]

    /// A schedule from explicit steps (check it with `validate()`).
    public init(steps: [Step]) { self.steps = steps }

    /// The paper's schedule: 1.0 for 1500, 0.9/0.8/0.7 for 100 each, 0.6 … 0.1 for 150 each.
    public static let paper = EpsilonSchedule(
        steps: [Step(epsilon: 1.0, models: 1500)]
            + [0.9, 0.8, 0.7].map { Step(epsilon: $0, models: 100) }
            + [0.6, 0.5, 0.4, 0.3, 0.2, 0.1].map { Step(epsilon: $0, models: 150) })

    /// Reads `"1.0:1500,0.9:100,…"`: comma-separated `epsilon:models` pairs, then validates them
    /// and their order (ε falls from step to step, no ε twice).
    public init(parsing text: String) throws(EpsilonScheduleError) {
        try self.init(reading: text)
        try validateOrder()
    }

    /// Reads and validates the steps without checking their order: stored experiments that
    /// older versions accepted with an unsorted schedule must stay readable.
    init(reading text: String) throws(EpsilonScheduleError) {
        let trimmed = text.filter { !$0.isWhitespace }
        guard !trimmed.isEmpty else { throw .empty }
        var steps: [Step] = []
        for (index, item) in trimmed.split(separator: ",", omittingEmptySubsequences: false).enumerated() {
            let parts = item.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2 else { throw .malformedStep(String(item), position: index + 1) }
            guard let epsilon = Double(parts[0]), epsilon.isFinite else {
                throw .notANumber(String(parts[0]), position: index + 1)
            }
            guard let models = Int(parts[1]) else { throw .notACount(String(parts[1]), position: index + 1) }
            steps.append(Step(epsilon: epsilon, models: models))
        }
        self.init(steps: steps)
        try validate()
    }

    /// Checks that the schedule is non-empty, every ε lies in [0, 1] and every count is positive.
    public func validate() throws(EpsilonScheduleError) {
        guard !steps.isEmpty else { throw .empty }
        for (index, step) in steps.enumerated() {
            guard step.epsilon.isFinite, (0...1).contains(step.epsilon) else {
                throw .epsilonOutOfRange(step.epsilon, position: index + 1)
            }
            guard step.models >= 1 else { throw .nonPositiveCount(step.models, position: index + 1) }
        }
        var total = 0
        for step in steps {
            let (sum, overflow) = total.addingReportingOverflow(step.models)
            // Every later command adds the counts up, so a total past Int.max must never be stored.
            guard !overflow else { throw .totalTooLarge }
            total = sum
        }
    }

    /// Checks that ε never rises from one step to the next and no two adjacent steps share an ε:
    /// the search explores less as it goes, and a repeated ε is one step written twice.
    public func validateOrder() throws(EpsilonScheduleError) {
        for (index, (previous, next)) in zip(steps, steps.dropFirst()).enumerated() {
            if next.epsilon == previous.epsilon {
                throw .repeatedEpsilon(next.epsilon, position: index + 2, merged: previous.models &+ next.models)
            }
            if next.epsilon > previous.epsilon {
                throw .risingEpsilon(next.epsilon, position: index + 2, previous: previous.epsilon)
            }
        }
    }

    /// Total unique models the whole schedule trains (saturating at `Int.max`, which `validate()` refuses).
    public var totalModels: Int {
        steps.reduce(0) { total, step in
            let (sum, overflow) = total.addingReportingOverflow(step.models)
            return overflow ? Int.max : sum
        }
    }

    /// The `--schedule` syntax, e.g. `1.0:1500,0.9:100`, which `init(parsing:)` reads back.
    public var description: String {
        steps.map { "\($0.epsilon):\($0.models)" }.joined(separator: ",")
    }
}

extension EpsilonSchedule {
    /// Writes the schedule as its `--schedule` string so JSON space files stay readable.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Reads either the `--schedule` string or an array of `{"epsilon": …, "models": …}` steps.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            do { try self.init(reading: text) } catch {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
            }
        } else {
            self.init(steps: try container.decode([Step].self))
            do { try validate() } catch {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
            }
        }
    }
}
