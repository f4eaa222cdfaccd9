import SearchSpace

/// How far a search has come through its ε schedule: unique nets first trained at each step.
///
/// The one place that counts schedule progress: the search's claims, its status line, `show`
/// and the report all read it. Only nets trained for the first time count (spec §4); a net
/// sampled again is replayed from its stored result and leaves the position unchanged.
public struct EpsilonProgress: Hashable, Sendable, Codable {
    /// The schedule being followed.
    public let schedule: EpsilonSchedule
    /// Unique nets first trained at each step so far (same length as the schedule), as recorded.
    public private(set) var counts: [Int]

    /// Progress at the very beginning of `schedule`.
    public init(schedule: EpsilonSchedule) {
        self.schedule = schedule
        counts = Array(repeating: 0, count: schedule.steps.count)
    }

    /// Progress resumed from stored per-step counts.
    public init(schedule: EpsilonSchedule, counts: [Int]) {
        precondition(counts.count == schedule.steps.count, "one count per schedule step")
        precondition(counts.allSatisfy { $0 >= 0 }, "counts are never negative")
        self.schedule = schedule
        self.counts = counts
    }

    /// Progress counted from the step index of every net trained so far; nets without a step
    /// (imported) or with an index outside the schedule are not counted.
    public init(schedule: EpsilonSchedule, stepsOfTrainedNets steps: some Sequence<Int?>) {
        self.init(schedule: schedule)
        for case let step? in steps where counts.indices.contains(step) { counts[step] += 1 }
    }

    /// Index of the current step, or nil when the schedule is finished.
    public var stepIndex: Int? { stepIndex(inFlight: [:]) }

    /// The step a new net belongs to: the first whose counted nets plus `inFlight[step]` (nets
    /// being trained for it right now) fall short of its size; nil when every slot is taken.
    /// Counting in-flight nets keeps several workers from overshooting a step.
    public func stepIndex(inFlight: [Int: Int]) -> Int? {
        counts.indices.first { counts[$0] + inFlight[$0, default: 0] < schedule.steps[$0].models }
    }

    /// The current step, or the last one once the schedule is finished (what a status line shows).
    public var displayedStepIndex: Int { stepIndex ?? schedule.steps.count - 1 }

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
        record(atStep: index)
        return schedule.steps[index].epsilon
    }

    /// Counts one net first trained for step `index` (claimed there, so it counts there even if
    /// another worker filled the step meanwhile).
    public mutating func record(atStep index: Int) {
        precondition(counts.indices.contains(index), "a step of the schedule")
        counts[index] += 1
    }
}
