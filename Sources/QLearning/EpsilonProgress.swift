import SearchSpace

/// Where a search stands in its ε schedule: unique nets trained so far at each step.
public struct EpsilonProgress: Hashable, Sendable, Codable {
    /// The schedule being followed.
    public let schedule: EpsilonSchedule
    /// Unique nets first trained at each step, parallel to `schedule.steps`.
    public private(set) var uniqueCounts: [Int]

    /// Progress at the start of `schedule`, or resumed from stored `uniqueCounts`.
    public init(schedule: EpsilonSchedule, uniqueCounts: [Int]? = nil) {
        let counts = uniqueCounts ?? Array(repeating: 0, count: schedule.steps.count)
        precondition(counts.count == schedule.steps.count, "one unique count per schedule step")
        self.schedule = schedule
        self.uniqueCounts = counts
    }

    /// The current step: the first one not yet full, nil when the schedule is done.
    public var stepIndex: Int? {
        schedule.steps.indices.first { uniqueCounts[$0] < schedule.steps[$0].models }
    }

    /// The current ε, nil when the schedule is done.
    public var epsilon: Double? { stepIndex.map { schedule.steps[$0].epsilon } }

    /// Whether every step has its unique nets.
    public var isFinished: Bool { stepIndex == nil }

    /// Unique nets trained so far over all steps.
    public var totalUnique: Int { uniqueCounts.reduce(0, +) }

    /// Counts a net trained for the first time at the current ε (re-sampled nets do not count).
    public mutating func recordUniqueNet() {
        guard let step = stepIndex else { preconditionFailure("the ε schedule is already finished") }
        uniqueCounts[step] += 1
    }
}
