import Foundation
import Synchronization

/// Book-keeping shared by the worker threads and the thread that waits for them: which leases are
/// being trained, who is inside a store transaction, and whether the pool was closed by Ctrl-C.
///
/// Closing and "start recording" take the same lock, so a finished net is either recorded before
/// the close releases the in-flight leases, or dropped because its lease was released: never both.
final class WorkerPool: Sendable {
    private struct State {
        var closed = false
        var transactions = 0
        var training: [Int: Int64] = [:]
        var finishedWorkers = 0
        var error: (any Error)?
    }
    private let state = Mutex(State())

    /// Enters a transaction unless the pool is closed.
    func beginTransaction() -> Bool {
        state.withLock { state in
            guard !state.closed else { return false }
            state.transactions += 1
            return true
        }
    }

    /// Leaves a transaction.
    func endTransaction() { state.withLock { $0.transactions -= 1 } }

    /// Notes that `worker` trains under `lease`; false when the pool closed meanwhile (the caller gives it back).
    func startTraining(worker: Int, lease: Int64) -> Bool {
        state.withLock { state in
            guard !state.closed else { return false }
            state.training[worker] = lease
            return true
        }
    }

    /// Ends `worker`'s training and enters the record transaction; false when the pool closed and released the lease.
    func finishTraining(worker: Int) -> Bool {
        state.withLock { state in
            state.training[worker] = nil
            guard !state.closed else { return false }
            state.transactions += 1
            return true
        }
    }

    /// Notes that a worker thread has returned, with the error that stopped it, if any.
    func workerFinished(error: (any Error)?) {
        state.withLock { state in
            state.finishedWorkers += 1
            if state.error == nil, let error { state.error = error }
        }
    }

    /// Worker threads that have returned, and the first error among them.
    var finished: (count: Int, error: (any Error)?) { state.withLock { ($0.finishedWorkers, $0.error) } }

    /// Closes the pool; returns the leases still being trained once no transaction is open.
    func close() -> [Int64] {
        state.withLock { $0.closed = true }
        while state.withLock({ $0.transactions }) > 0 {
            usleep(10_000)
        }
        return state.withLock { Array($0.training.values) }
    }

    /// Whether `close()` was called.
    var isClosed: Bool { state.withLock { $0.closed } }
}
