import Foundation
import TestSupport

/// What threads report back, waited for without polling the clock.
final class ThreadResults: @unchecked Sendable {
    private let condition = NSCondition()
    private var values: [String?] = []

    func add(_ value: String?) {
        condition.lock()
        values.append(value)
        condition.signal()
        condition.unlock()
    }

    /// Waits until `count` values have arrived (at most a minute, then throws).
    func wait(for count: Int) throws {
        condition.lock()
        defer { condition.unlock() }
        let deadline = Date().addingTimeInterval(60)
        while values.count < count {
            if !condition.wait(until: deadline) { throw CommandFailed(description: "only \(values.count) of \(count) threads finished") }
        }
    }

    var all: [String?] {
        condition.lock()
        defer { condition.unlock() }
        return values
    }
}
