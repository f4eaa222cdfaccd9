import SearchSpace

extension QLearner {
    /// `count` indices drawn uniformly with replacement from `0..<rowCount` (empty if no rows):
    /// the one way replay rows are drawn, by the search and by `rebuild` alike.
    public static func replayIndices(count: Int, rowCount: Int, rng: inout some RandomNumberGenerator) -> [Int] {
        guard rowCount > 0 else { return [] }
        return (0..<count).map { _ in Int.random(in: 0..<rowCount, using: &rng) }
    }

    /// Experience replay: `count` (default `replay_number`) draws with replacement from
    /// `memory`, each applied with `update`; returns the drawn indices in order.
    @discardableResult
    public mutating func replay(
        _ memory: [Experience], count: Int? = nil, rng: inout some RandomNumberGenerator
    ) -> [Int] {
        let drawn = Self.replayIndices(count: count ?? settings.replayNumber, rowCount: memory.count, rng: &rng)
        for index in drawn { update(trajectory: memory[index].trajectory, reward: memory[index].reward) }
        return drawn
    }

    /// Rebuild by replay: `passes` times over `memory` (stored rows in order, each with its own
    /// reward) in `order`; `rng` drives the draws of `.sampled`. Returns the updates applied.
    @discardableResult
    public mutating func rebuild(
        from memory: [Experience], order: ReplayOrder, passes: Int = 1, rng: inout some RandomNumberGenerator
    ) -> Int {
        precondition(passes >= 1, "at least one pass")
        var updates = 0
        for _ in 0..<passes {
            switch order {
            case .stored:
                for row in memory { update(trajectory: row.trajectory, reward: row.reward) }
                updates += memory.count
            case .sampled:
                for appended in memory.indices {
                    for index in Self.replayIndices(count: settings.replayNumber, rowCount: appended + 1, rng: &rng) {
                        update(trajectory: memory[index].trajectory, reward: memory[index].reward)
                    }
                    updates += settings.replayNumber
                }
            }
        }
        return updates
    }
}
