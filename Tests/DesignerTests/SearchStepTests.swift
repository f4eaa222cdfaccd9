import QLearning
import SearchSpace
import Testing
@testable import Designer

@Suite("Search step logic")
struct SearchStepTests {
    let schedule = EpsilonSchedule(steps: [.init(epsilon: 1.0, models: 2), .init(epsilon: 0.5, models: 1)])

    @Test("The current stage counts recorded and in-flight nets against each target")
    func currentStage() throws {
        func stage(_ counts: [Int], _ inFlight: [Int: Int]) -> Int? {
            EpsilonProgress(schedule: schedule, counts: counts).stepIndex(inFlight: inFlight)
        }
        #expect(stage([0, 0], [:]) == 0)
        #expect(stage([1, 0], [0: 1]) == 1)
        #expect(stage([2, 0], [1: 1]) == nil)
        #expect(stage([2, 1], [:]) == nil)
    }

    @Test("A new net is leased; a trained net becomes a replay row with the current ε and triggers replay")
    func cachedAndNew() throws {
        var ledger = MemoryLedger(schedule: schedule)
        var agent = ScriptedAgent(nets: ["[SM(10)]", "[SM(10)]", "[C(8,3,1), SM(10)]"])
        let first = try SearchStep.claim(ledger: &ledger, agent: &agent, replayNumber: 3)
        guard case let .train(net, stage, epsilon, lease, retry) = first else { Issue.record("expected training, got \(first)"); return }
        #expect(net == "[SM(10)]" && stage == 0 && epsilon == 1.0 && !retry)
        let recordedStage = ledger.record(lease: lease, reward: 0.4, epsilon: epsilon)
        try SearchStep.recorded(stage: recordedStage, ledger: &ledger, agent: &agent, replayNumber: 3)
        #expect(ledger.progress.counts == [1, 0])
        #expect(agent.learned.count == 3 && agent.learned.allSatisfy { $0 == ("[SM(10)]", 0.4) })

        let second = try SearchStep.claim(ledger: &ledger, agent: &agent, replayNumber: 3)
        #expect(second == .cached(net: "[SM(10)]", reward: 0.4, epsilon: 1.0))
        #expect(ledger.replays.count == 2 && ledger.progress.counts == [1, 0], "a repeat adds a row but no unique count")
        #expect(agent.learned.count == 6)
    }

    @Test("A net in flight elsewhere is resampled, never leased twice")
    func inFlightIsResampled() throws {
        var ledger = MemoryLedger(schedule: schedule)
        var agent = ScriptedAgent(nets: ["[SM(10)]", "[SM(10)]", "[GAP(10), SM(10)]"])
        guard case let .train(a, _, _, _, _) = try SearchStep.claim(ledger: &ledger, agent: &agent, replayNumber: 1),
              case let .train(b, stage, _, _, _) = try SearchStep.claim(ledger: &ledger, agent: &agent, replayNumber: 1)
        else { Issue.record("expected two leases"); return }
        #expect(a == "[SM(10)]" && b == "[GAP(10), SM(10)]" && stage == 0)
        // Both slots of stage 0 are in flight, so the third claim samples at stage 1's ε.
        var third = ScriptedAgent(nets: ["[SM(10)]"])
        #expect(try SearchStep.claim(ledger: &ledger, agent: &third, replayNumber: 1) == .wait,
                "only an in-flight net comes up")
        var fourth = ScriptedAgent(nets: ["[C(8,1,1), SM(10)]"])
        guard case let .train(_, lateStage, lateEpsilon, _, _) = try SearchStep.claim(ledger: &ledger, agent: &fourth, replayNumber: 1)
        else { Issue.record("expected a lease at stage 1"); return }
        #expect(lateStage == 1 && lateEpsilon == 0.5)
        #expect(try SearchStep.claim(ledger: &ledger, agent: &fourth, replayNumber: 1) == .wait,
                "everything left is in flight")
    }

    @Test("An orphaned lease is retrained before anything is sampled, without touching the random stream")
    func orphanFirst() throws {
        var ledger = MemoryLedger(schedule: schedule)
        var agent = ScriptedAgent(nets: ["[SM(10)]", "[GAP(10), SM(10)]"])
        guard case let .train(_, _, _, lease, _) = try SearchStep.claim(ledger: &ledger, agent: &agent, replayNumber: 1)
        else { Issue.record("expected a lease"); return }
        ledger.leases[lease]?.live = false
        let before = ledger.generator
        let claim = try SearchStep.claim(ledger: &ledger, agent: &agent, replayNumber: 1)
        #expect(claim == .train(net: "[SM(10)]", stage: 0, epsilon: 1.0, lease: lease, retry: true))
        #expect(ledger.generator == before)
    }

    @Test("Failed nets are skipped without a replay row; the search finishes when every stage is full")
    func failedAndFinished() throws {
        var ledger = MemoryLedger(schedule: schedule)
        ledger.outcomes["[P(2,2), SM(10)]"] = .failed(reason: "empty representation")
        var agent = ScriptedAgent(nets: ["[P(2,2), SM(10)]", "[SM(10)]"])
        guard case let .train(net, _, _, _, _) = try SearchStep.claim(ledger: &ledger, agent: &agent, replayNumber: 1)
        else { Issue.record("expected a lease"); return }
        #expect(net == "[SM(10)]" && ledger.replays.isEmpty)
        ledger.progress = EpsilonProgress(schedule: schedule, counts: [2, 1])
        ledger.leases.removeAll()
        #expect(try SearchStep.claim(ledger: &ledger, agent: &agent, replayNumber: 1) == .finished)
    }

    @Test("Replay draws uniformly with replacement from all rows using the search's generator")
    func replayDraws() throws {
        var ledger = MemoryLedger(schedule: EpsilonSchedule(steps: [.init(epsilon: 1, models: 1)]))
        ledger.outcomes = ["a": .trained(reward: 0.1), "b": .trained(reward: 0.9)]
        ledger.replays = [("a", 1), ("b", 1)]
        var agent = ScriptedAgent(nets: [])
        try SearchStep.replay(ledger: &ledger, agent: &agent, count: 2_000)
        let a = agent.learned.filter { $0.net == "a" }.count
        #expect(agent.learned.count == 2_000 && (850...1_150).contains(a))
        #expect(agent.learned.allSatisfy { ($0.net == "a" ? 0.1 : 0.9) == $0.reward })
    }
}
