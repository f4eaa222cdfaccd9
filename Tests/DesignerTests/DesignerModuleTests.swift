import Testing
@testable import Designer
