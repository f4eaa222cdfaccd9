import Testing
import SearchSpace
@testable import QLearning

@Suite struct QLearnerUpdateTests {
    @Test func placeholderCompiles() {
        #expect(QTable().count == 0)
    }
}
