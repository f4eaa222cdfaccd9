import Testing
import SearchSpace
@testable import QLearning

@Suite struct UpdateRuleTests {
    private func close(_ a: Double?, _ b: Double) -> Bool { a.map { abs($0 - b) < 1e-12 } ?? false }

    @Test func threeLayerExampleWorkedByHand() throws {
        var learner = QLearner(settings: Spaces.small)
        let space = learner.space
        let trajectory = try learner.trajectory(for: Architecture(parsing: "[C(8,3,1), P(2,2), SM(10)]"))
        // s0 start (R 8), s1 conv@1 (R 8), s2 pool@2 (R (8 − 2)/2 + 1 = 4), s3 terminal.
        #expect(trajectory.count == 4)
        let (s0, s1, s2) = (space.bucketed(trajectory[0]), space.bucketed(trajectory[1]), space.bucketed(trajectory[2]))
        let a0 = space.action(from: trajectory[0], to: trajectory[1])
        let a1 = space.action(from: trajectory[1], to: trajectory[2])
        let a2 = space.action(from: trajectory[2], to: trajectory[3])
        #expect(a1.imageSize == 8 && s2.imageSize == 4)  // the pool action keeps the source's bucket

        learner.update(trajectory: trajectory, reward: 0.9)
        // α = 0.1, γ = 1, init 0.5:
        // Q(s2, T) = 0.5 + 0.1·(0.9 − 0.5) = 0.54
        // Q(s1, P) = 0.5 + 0.1·(max Q(s2, ·) − 0.5) = 0.5 + 0.1·(0.54 − 0.5) = 0.504 (s2 at the limit: only T)
        // Q(s0, C) = 0.5 + 0.1·(max Q(s1, ·) − 0.5) = 0.5 + 0.1·(0.504 − 0.5) = 0.5004
        #expect(close(learner.table.value(s2, a2), 0.54))
        #expect(close(learner.table.value(s1, a1), 0.504))
        #expect(close(learner.table.value(s0, a0), 0.5004))
        // Enumerated on update: s0 has 3 actions, s1 4, s2 1; all others untouched at 0.5.
        #expect(learner.table.count == 8)
        #expect(learner.table[s1]!.filter { $0.action != a1 }.allSatisfy { $0.value == 0.5 })

        // Replaying the same trajectory again moves each value by the same formula:
        // Q(s2, T) = 0.54 + 0.1·(0.9 − 0.54) = 0.576
        // Q(s1, P) = 0.504 + 0.1·(0.576 − 0.504) = 0.5112
        // Q(s0, C) = 0.5004 + 0.1·(0.5112 − 0.5004) = 0.50148
        var rng = SplitMix64(seed: 1)
        learner.replay([Experience(trajectory: trajectory, reward: 0.9)], count: 1, rng: &rng)
        #expect(close(learner.table.value(s2, a2), 0.576))
        #expect(close(learner.table.value(s1, a1), 0.5112))
        #expect(close(learner.table.value(s0, a0), 0.50148))
    }

    @Test func maxOverNextStateUsesItsBestAction() throws {
        // A better sibling action in s1 raises the target of Q(s0, C) to that sibling's value.
        var learner = QLearner(settings: Spaces.small)
        let space = learner.space
        let viaPool = try learner.trajectory(for: Architecture(parsing: "[C(8,3,1), P(2,2), SM(10)]"))
        let s1 = space.bucketed(viaPool[1])
        let gap = space.actions(from: s1).first { $0.layerType == .gap }!
        _ = learner.actionValues(at: s1)
        learner.table.setValue(0.8, s1, gap)
        learner.update(trajectory: viaPool, reward: 0.1)
        // Q(s2,T) = 0.5 + 0.1(0.1 − 0.5) = 0.46; Q(s1,P) = 0.5 + 0.1(0.46 − 0.5) = 0.496;
        // Q(s0,C) = 0.5 + 0.1(max(0.5, 0.8, 0.496) − 0.5) = 0.53.
        let a0 = space.action(from: viaPool[0], to: viaPool[1])
        #expect(close(learner.table.value(space.bucketed(viaPool[0]), a0), 0.53))
        #expect(close(learner.table.value(s1, space.action(from: viaPool[1], to: viaPool[2])), 0.496))
    }

    @Test func paperConstantsOnTheSpecRows() throws {
        // With α = 0.01 and init 0.5, one reward of 0.51 on a one-layer net moves Q(start, C) by
        // 0.01·(0.51 − 0.5) = 0.0001, the size of step seen in the spec's example rows (0.50010…).
        var learner = QLearner(settings: .paperCIFAR10)
        let trajectory = try learner.trajectory(for: Architecture(parsing: "[C(64,1,1), SM(10)]"))
        learner.update(trajectory: trajectory, reward: 0.51)
        let conv = learner.space.bucketed(trajectory[1])
        #expect(close(learner.table.value(conv, conv.terminated), 0.5001))
        let start = learner.space.bucketed(trajectory[0])
        #expect(close(learner.table.value(start, learner.space.action(from: trajectory[0], to: trajectory[1])), 0.500001))
    }

    @Test func replayDrawsUniformlyWithReplacement() {
        var rng = SplitMix64(seed: 7)
        let drawn = QLearner.replayIndices(count: 12_000, rowCount: 4, rng: &rng)
        #expect(drawn.count == 12_000 && drawn.allSatisfy { (0..<4).contains($0) })
        let counts = (0..<4).map { i in drawn.filter { $0 == i }.count }
        // Each count is Binomial(12000, 1/4): mean 3000, sd ≈ 47; ±300 is over 6 sd.
        #expect(counts.allSatisfy { abs($0 - 3000) < 300 })
        // With replacement: 3 draws from 1 row are all that row.
        #expect(QLearner.replayIndices(count: 3, rowCount: 1, rng: &rng) == [0, 0, 0])
        #expect(QLearner.replayIndices(count: 3, rowCount: 0, rng: &rng).isEmpty)
    }

    @Test func replayAppliesUpdatesInDrawOrder() throws {
        var learner = QLearner(settings: Spaces.small)
        let nets = ["[C(8,3,1), P(2,2), SM(10)]", "[GAP(10), SM(10)]", "[C(8,3,1), C(8,3,1), SM(10)]"]
        let memory = try nets.enumerated().map { i, text in
            Experience(trajectory: try learner.trajectory(for: Architecture(parsing: text)), reward: 0.2 + 0.3 * Double(i))
        }
        var expected = learner
        var rng = SplitMix64(seed: 99)
        var rngCopy = rng
        let drawn = learner.replay(memory, count: 20, rng: &rng)
        #expect(drawn == QLearner.replayIndices(count: 20, rowCount: 3, rng: &rngCopy))
        for index in drawn { expected.update(trajectory: memory[index].trajectory, reward: memory[index].reward) }
        #expect(learner == expected)
        // Default count is replay_number.
        var again = QLearner(settings: Spaces.small)
        #expect(again.replay(memory, rng: &rng).count == Spaces.small.replayNumber)
    }
}
