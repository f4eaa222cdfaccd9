import Testing
@testable import ReplayStore
