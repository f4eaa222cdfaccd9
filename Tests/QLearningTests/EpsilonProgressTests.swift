import Testing
import SearchSpace
@testable import QLearning

@Suite struct EpsilonProgressTests {
    @Test func paperScheduleAdvancesOnlyOnUniqueNets() {
        var progress = EpsilonProgress(schedule: .paper)
        #expect(progress.epsilon == 1.0 && progress.stepIndex == 0)
        for _ in 0..<1499 { progress.recordUniqueNet() }
        #expect(progress.epsilon == 1.0)
        #expect(progress.recordUniqueNet() == 1.0)  // the 1500th counts towards ε = 1.0
        #expect(progress.epsilon == 0.9)
        for _ in 0..<300 { progress.recordUniqueNet() }
        #expect(progress.epsilon == 0.6)  // 0.9, 0.8, 0.7 had 100 each
        for _ in 0..<899 { progress.recordUniqueNet() }
        #expect(progress.epsilon == 0.1 && progress.trained == 2699)
        #expect(progress.recordUniqueNet() == 0.1)
        #expect(progress.isFinished && progress.epsilon == nil && progress.trained == 2700)
        #expect(progress.recordUniqueNet() == nil && progress.trained == 2700)
    }

    @Test func resumesFromStoredCounts() throws {
        let schedule = try EpsilonSchedule(parsing: "1.0:3,0.5:2,0.1:1")
        let resumed = EpsilonProgress(schedule: schedule, counts: [3, 1, 0])
        #expect(resumed.epsilon == 0.5 && resumed.stepIndex == 1 && resumed.trained == 4)
        // Counts are kept as recorded; a step past its size is simply done.
        #expect(EpsilonProgress(schedule: schedule, counts: [4, 0, 0]).stepIndex == 1)
        // Counted from the steps of trained nets: imported nets (no step) and unknown steps are left out.
        let counted = EpsilonProgress(schedule: schedule, stepsOfTrainedNets: [0, 1, nil, 0, 7, 2])
        #expect(counted.counts == [2, 1, 1] && counted.stepIndex == 0 && counted.displayedStepIndex == 0)
        #expect(EpsilonProgress(schedule: schedule, counts: [3, 2, 1]).displayedStepIndex == 2)
        // Nets in flight hold their step's slots, so a new net goes to the next step with room.
        #expect(resumed.stepIndex(inFlight: [1: 1]) == 2 && resumed.stepIndex(inFlight: [1: 1, 2: 1]) == nil)
    }

    @Test func sampledNetsRepeatingDoNotAdvance() throws {
        // Drive a tiny space (6 nets) with a seen-set, as the Designer does: a repeat is not counted.
        var learner = QLearner(settings: Spaces.small)
        var progress = EpsilonProgress(schedule: Spaces.small.epsilonSchedule)
        var rng = SplitMix64(seed: 8)
        var seen = Set<String>()
        var samples = 0
        while let epsilon = progress.epsilon, samples < 10_000 {
            samples += 1
            let net = learner.sampleArchitecture(epsilon: epsilon, rng: &rng).architecture
            if seen.insert(net.description).inserted { progress.recordUniqueNet() }
        }
        // 5 unique nets finish the 3 + 2 schedule; there are only 6 nets, so repeats happened.
        #expect(progress.isFinished && seen.count == 5 && samples > 5)
    }
}
