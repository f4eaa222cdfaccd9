import NIOCore

/// Runs a task's jobs on one event loop, so that a task preferring it (`Task(executorPreference:)`)
/// runs postgres-nio's async calls on the connection's own thread.
///
/// The store needs that for named statements: postgres-nio (1.33.2) never completes a statement
/// written to a connection the server has closed, so the store checks that the connection is open
/// and writes the statement in one stretch on the event loop, where nothing can close it in
/// between. `PostgresConnection.execute(_:logger:)` writes before its first suspension, so on this
/// executor the check and the write run in one job of the loop.
final class EventLoopTaskExecutor: TaskExecutor {
    /// The loop every job runs on.
    let eventLoop: any EventLoop

    init(_ eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        eventLoop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
