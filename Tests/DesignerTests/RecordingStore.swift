import Foundation
import StoreModel
import Synchronization

/// An `ExperimentStore` that passes everything to `base` and logs what the transactions of its
/// writes read and save of the Q table: how a test sees which rows a search step touches.
final class RecordingStore: ForwardingStore {
    /// What one write transaction did to the Q table.
    struct Log: Sendable {
        /// Whole-table reads.
        var wholeTableReads = 0
        /// The states asked for by `qValues(states:)`, every call's in order.
        var statesRead: [StoredLayerState] = []
        /// The entries given to `saveQValues`.
        var saved: [QValueRecord] = []
    }

    let base: any ExperimentStore
    private let logs = Mutex<[Log]>([])

    init(_ base: any ExperimentStore) {
        self.base = base
    }

    /// The log of every write so far, in order.
    var writes: [Log] { logs.withLock { $0 } }

    func write<T>(experiment name: String, _ body: (any ExperimentTransaction) throws -> T) throws -> T {
        var log = Log()
        let result = try base.write(experiment: name) { transaction in
            let recording = RecordingTransaction(transaction)
            defer { log = recording.log }
            return try body(recording)
        }
        logs.withLock { $0.append(log) }
        return result
    }
}
