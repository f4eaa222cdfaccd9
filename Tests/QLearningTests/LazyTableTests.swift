import PropertyBased
import SearchSpace
import Testing
@testable import QLearning

/// A learner whose table is read state by state (`adopt`, `sampleTrajectory(epsilon:rng:stored:)`,
/// `statesUpdated(by:)`) makes the decisions of one holding the whole table.
@Suite struct LazyTableTests {
    /// A table grown by a seeded run of sampling and replay, with an ε mix so that values differ.
    static func grownTable(settings: SearchSpaceSettings, seed: UInt64) -> (QTable, [Experience]) {
        var learner = QLearner(settings: settings)
        var rng = SplitMix64(seed: seed)
        var memory: [Experience] = []
        for episode in 0..<60 {
            let (net, trajectory) = learner.sampleArchitecture(epsilon: episode < 30 ? 1 : 0.2, rng: &rng)
            memory.append(Experience(trajectory: trajectory, reward: Double(net.layers.count % 5) / 5))
            learner.replay(memory, count: 8, rng: &rng)
        }
        return (learner.table, memory)
    }

    @Test func samplingAndReplayOverAStateByStateTableEqualTheWholeTable() async {
        for settings in [SearchSpaceSettings.cpuDigits, .paperCIFAR10] {
            await propertyCheck(count: 12, input: Gen.uint64(), Gen.double(in: 0...1)) { seed, epsilon in
                let (stored, memory) = Self.grownTable(settings: settings, seed: seed)
                var whole = QLearner(space: StateSpace(settings: settings), table: stored)
                var lazy = QLearner(space: StateSpace(settings: settings), table: QTable())
                var asked: [State] = []
                var wholeRNG = SplitMix64(seed: seed ^ 0x5EED), lazyRNG = wholeRNG
                for _ in 0..<4 {
                    let expected = whole.sampleTrajectory(epsilon: epsilon, rng: &wholeRNG)
                    let actual = lazy.sampleTrajectory(epsilon: epsilon, rng: &lazyRNG) { states in
                        asked += states
                        return states.reduce(into: [:]) { entries, state in entries[state] = stored[state] }
                    }
                    #expect(actual == expected)
                    // Replay: the states an update reads are adopted first, as a store-backed step does.
                    let drawn = QLearner.replayIndices(count: 6, rowCount: memory.count, rng: &wholeRNG)
                    #expect(QLearner.replayIndices(count: 6, rowCount: memory.count, rng: &lazyRNG) == drawn)
                    for index in drawn {
                        for state in lazy.statesUpdated(by: memory[index].trajectory) where lazy.table[state] == nil {
                            if let entries = stored[state] { lazy.adopt(state, stored: entries) }
                        }
                        whole.update(trajectory: memory[index].trajectory, reward: memory[index].reward)
                        lazy.update(trajectory: memory[index].trajectory, reward: memory[index].reward)
                    }
                }
                // Every state the lazy learner holds has the whole learner's entries, in the same order.
                for state in lazy.table.states { #expect(lazy.table[state] == whole.table[state]) }
                // States it never read are those the whole learner left as stored.
                for state in whole.table.states where lazy.table[state] == nil { #expect(whole.table[state] == stored[state]) }
                #expect(Set(asked).count == asked.count, "a state is asked for once")
            }
        }
    }

    @Test func anExploringEpisodeAsksForItsStatesOnce() {
        let space = StateSpace(settings: .cpuDigits)
        let (stored, _) = Self.grownTable(settings: .cpuDigits, seed: 11)
        var whole = QLearner(space: space, table: stored)
        var lazy = QLearner(space: space, table: QTable())
        var wholeRNG = SplitMix64(seed: 12), lazyRNG = wholeRNG
        for _ in 0..<20 {
            var batches: [[State]] = []
            let known = Set(lazy.table.states)
            let expected = whole.sampleTrajectory(epsilon: 1, rng: &wholeRNG)
            let actual = lazy.sampleTrajectory(epsilon: 1, rng: &lazyRNG) { states in
                batches.append(states)
                return states.reduce(into: [:]) { entries, state in entries[state] = stored[state] }
            }
            #expect(actual == expected)
            // One batch, holding every state of the episode the table lacked, in trajectory order.
            let new = lazy.statesUpdated(by: actual).filter { !known.contains($0) }
            #expect(batches == (new.isEmpty ? [] : [new]))
        }
        for state in lazy.table.states { #expect(lazy.table[state] == whole.table[state]) }
    }

    @Test func adoptedStatesAreCompletedAsALoadedTableIs() {
        let space = StateSpace(settings: Spaces.small)
        let start = space.bucketed(space.startState)
        let actions = space.actions(from: start)
        // A stored state missing some actions, its entries in an order of their own.
        let partial = [QTable.Entry(action: actions[2], value: 0.9), QTable.Entry(action: actions[0], value: 0.1)]
        var lazy = QLearner(space: space, table: QTable())
        lazy.adopt(start, stored: partial)
        let loaded = QLearner(space: space, table: QTable(rows: partial.map { QTable.Row(state: start, action: $0.action, value: $0.value) }))
        #expect(lazy.table == loaded.table)
        #expect(lazy.table[start]?.count == actions.count && lazy.table[start]?.prefix(2).map(\.value) == [0.9, 0.1])
        var rng = SplitMix64(seed: 7)
        let trajectory = lazy.sampleTrajectory(epsilon: 1, rng: &rng)
        #expect(lazy.statesUpdated(by: trajectory) == trajectory.dropLast().map(space.bucketed))
    }
}
