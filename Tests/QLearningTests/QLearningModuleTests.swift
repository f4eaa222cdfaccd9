import Testing
@testable import QLearning
