import SearchSpace

/// How far a search has come through its ε schedule: unique nets first trained at each step.
///
/// Only nets trained for the first time count (spec §4); a net sampled again is replayed from
/// its stored result and leaves the position unchanged.
public struct EpsilonProgress: Hashable, Sendable, Codable {
    /// The schedule being followed.
    public let schedule: EpsilonSchedule
    /// Unique nets first trained at each step so far (same length as the schedule).
    public private(set) var counts: [Int]

    /// Progress at the very beginning of `schedule`.
    public init(schedule: EpsilonSchedule) {
        self.schedule = schedule
        counts = Array(repeating: 0, count: schedule.steps.count)
    }

    /// Progress resumed from stored per-step counts (each clamped to its step's size).
    public init(schedule: EpsilonSchedule, counts: [Int]) {
        precondition(counts.count == schedule.steps.count, "one count per schedule step")
        self.schedule = schedule
        self.counts = zip(counts, schedule.steps).map { min(max($0, 0), $1.models) }
    }

    /// Index of the current step, or nil when the schedule is finished.
    public var stepIndex: Int? {
        counts.indices.first(where: { counts[$0] < schedule.steps[$0].models })
    }

    /// The ε to sample with now, or nil when the schedule is finished.
    public var epsilon: Double? { stepIndex.map { schedule.steps[$0].epsilon } }

    /// Whether every step has trained its models.
    public var isFinished: Bool { stepIndex == nil }

    /// Unique nets trained so far over all steps.
    public var trained: Int { counts.reduce(0, +) }

    /// Counts one net trained for the first time at the current ε; returns the ε it counted
    /// towards (nil, and no change, once the schedule is finished).
    @discardableResult
    public mutating func recordUniqueNet() -> Double? {
        guard let index = stepIndex else { return nil }
        counts[index] += 1
        return schedule.steps[index].epsilon
    }
}
