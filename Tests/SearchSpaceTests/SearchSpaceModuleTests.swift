import Testing
@testable import SearchSpace
