import LearningCurves
import SearchSpace
import Testing

/// The replay simulation on synthetic curves.
@Suite struct ReplaySimulationTests {
    static let nets = SyntheticCurves.ruled(count: 60, seed: 21).map { ReplaySimulation.Net(sample: $0, reward: $0.finalAccuracy) }

    @Test func stopsPoorNetsAfterBurnIn() {
        let simulation = ReplaySimulation(nets: Self.nets, horizon: 3, thresholds: [0.9, 0.99], burnIn: 10,
                                          generator: SplitMix64(seed: 1))
        for outcome in simulation.outcomes {
            #expect(outcome.storedEpochs == 180)
            #expect(outcome.stoppedCount > 0 && outcome.trainedEpochs < 180)
            #expect(outcome.trainedEpochs == 180 - outcome.stoppedAfter.compactMap { $0 }.reduce(0) { $0 + (3 - $1) })
            // No net is stopped during burn-in.
            #expect(outcome.stoppedAfter.prefix(10).allSatisfy { $0 == nil })
            // Nets stopped although they would have beaten the best net trained to the end before them: rare.
            var best = -Double.infinity, wronglyStopped = 0
            for (net, stop) in zip(Self.nets, outcome.stoppedAfter) {
                if stop == nil { best = max(best, net.reward) } else if net.reward > best { wronglyStopped += 1 }
            }
            #expect(wronglyStopped <= (outcome.threshold >= 0.99 ? 1 : 3), "Δ \(outcome.threshold): \(wronglyStopped)")
        }
        // A lower threshold stops at least as many nets.
        #expect(simulation.outcomes[0].stoppedCount >= simulation.outcomes[1].stoppedCount)
    }

    @Test func burnInLongerThanTheExperimentStopsNothing() {
        let simulation = ReplaySimulation(nets: Self.nets, horizon: 3, thresholds: [0.5], burnIn: 61,
                                          generator: SplitMix64(seed: 1))
        #expect(simulation.outcomes[0].trainedEpochs == 180)
        #expect(simulation.outcomes[0].stoppedCount == 0)
        #expect(simulation.outcomes[0].topKept == 5)
    }

    @Test func shortCurvesAreCountedButNeverStoppedOrFitted() {
        var nets = Self.nets
        nets[30].sample.accuracies = [0.1]
        let simulation = ReplaySimulation(nets: nets, horizon: 3, thresholds: [0.5], burnIn: 10,
                                          generator: SplitMix64(seed: 1))
        #expect(simulation.outcomes[0].storedEpochs == 178)
        #expect(simulation.outcomes[0].stoppedAfter[30] == nil)
    }

    @Test func sameGeneratorSameOutcome() {
        let a = ReplaySimulation(nets: Self.nets, horizon: 3, thresholds: [0.95], burnIn: 10, generator: SplitMix64(seed: 4))
        let b = ReplaySimulation(nets: Self.nets, horizon: 3, thresholds: [0.95], burnIn: 10, generator: SplitMix64(seed: 4))
        #expect(a == b)
    }
}
