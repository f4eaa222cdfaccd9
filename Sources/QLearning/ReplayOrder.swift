/// Which stored transitions a rebuild replays, and in what order.
public enum ReplayOrder: String, CaseIterable, Sendable {
    /// Every replay row once, in stored order, each with its own reward.
    case stored
    /// The search's own schedule: after each row is appended, `replay_number` uniform draws
    /// with replacement from the rows so far, each drawn row rewarded with its net's first
    /// recorded accuracy as in the search (spec §4).
    case sampled
}
