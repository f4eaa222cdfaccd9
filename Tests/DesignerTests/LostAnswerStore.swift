import Foundation
import StoreModel
import Synchronization

/// An `ExperimentStore` whose next write commits and then reports a lost connection, as a server
/// store does when the connection breaks after COMMIT reached the server but before its answer came
/// back: the one case in which a retried step finds its own work already done.
final class LostAnswerStore: ForwardingStore {
    let base: any ExperimentStore
    private let armed = Mutex(false)

    init(_ base: any ExperimentStore) {
        self.base = base
    }

    /// Makes the next `write` lose its answer.
    func loseNextAnswer() {
        armed.withLock { $0 = true }
    }

    /// Whether the armed loss has happened.
    var lostAnswer: Bool { !armed.withLock { $0 } }

    func write<T>(experiment name: String, _ body: (any ExperimentTransaction) throws -> T) throws -> T {
        let result = try base.write(experiment: name, body)
        let lose = armed.withLock { state in
            defer { state = false }
            return state
        }
        if lose { throw StoreError.connectionLost(store: locationDescription) }
        return result
    }
}
