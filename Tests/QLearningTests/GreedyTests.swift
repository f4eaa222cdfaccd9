import SearchSpace
import Testing
@testable import QLearning

@Suite struct GreedyTests {
    @Test func theGreedyNetTakesTheFirstMaximumInActionOrder() throws {
        var learner = QLearner(settings: Spaces.small)
        let start = learner.space.bucketed(learner.space.startState)
        let order = learner.actionValues(at: start).map(\.action)
        // All start actions tie at init_utility: the first in spec order (terminate) wins, every time.
        #expect(order.first?.terminate == true)
        #expect(learner.greedyNet().architecture.description == "[SM(10)]")
        #expect(learner.greedyNet().expectedAccuracy == 0.5)
        // Two later actions tie above the rest: the earlier of them in action order wins.
        let conv = try #require(order.first { $0.layerType == .conv })
        let gap = try #require(order.first { $0.layerType == .gap })
        #expect(order.firstIndex(of: conv)! < order.firstIndex(of: gap)!)
        learner.table.setValue(0.9, start, gap)
        #expect(learner.greedyNet().architecture.description == "[GAP(10), SM(10)]")
        learner.table.setValue(0.9, start, conv)
        let before = learner.table
        let greedy = learner.greedyNet()
        #expect(greedy.architecture.layers.first?.token == "C(8,3,1)" && greedy.expectedAccuracy == 0.9)
        #expect(learner.table == before, "the greedy walk does not change the table")
        #expect(learner.greedyTrajectory().last?.terminate == true)
    }
}
