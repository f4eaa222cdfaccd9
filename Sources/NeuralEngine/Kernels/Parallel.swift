import Dispatch
import Synchronization

/// Work splitting. A batch is cut into tasks that depend on the batch size only, never on the thread count;
/// threads take tasks as they free up, so a core that stalls (another process, a page fault) delays one
/// small task instead of a fixed half of the step, and any per-task result is the same whichever thread ran it.
enum Parallel {
    /// The most tasks a batch is cut into: enough that two threads balance to within an eighth of a step,
    /// few enough that each task's GEMMs stay wide and its partial weight gradients stay affordable.
    static let maxTasks = 8

    /// How many tasks a batch of `count` images is cut into (a function of `count` alone).
    @inline(__always)
    static func tasks(_ count: Int) -> Int { max(1, min(maxTasks, count)) }

    /// The most images any task of a batch of at most `maxBatch` images holds.
    static func imagesPerTask(maxBatch: Int) -> Int {
        let tasks = tasks(maxBatch)
        return (maxBatch + tasks - 1) / tasks
    }

    /// The contiguous range of `0..<count` that part `part` of `parts` owns.
    @inline(__always)
    static func range(part: Int, of parts: Int, count: Int) -> Range<Int> {
        let base = count / parts, extra = count % parts
        let start = part * base + min(part, extra)
        return start..<(start + base + (part < extra ? 1 : 0))
    }

    /// Runs `body(t)` for t in 0..<parts, concurrently when parts > 1; results must not depend on scheduling.
    static func run(_ parts: Int, _ body: (Int) -> Void) {
        if parts <= 1 {
            body(0)
        } else {
            withoutActuallyEscaping(body) { body in
                let shared = SharedBody(body: body)
                DispatchQueue.concurrentPerform(iterations: parts) { shared.body($0) }
            }
        }
    }

    /// Runs `body(task, thread)` once for every task in 0..<tasks on at most `threads` threads, each thread
    /// taking the next untaken task; `thread` names the scratch the call may use (no two calls share it at once).
    static func dynamic(tasks: Int, threads: Int, _ body: (_ task: Int, _ thread: Int) -> Void) {
        let workers = min(threads, tasks)
        if workers <= 1 {
            for task in 0..<tasks { body(task, 0) }
            return
        }
        let next = TaskCounter()
        run(workers) { thread in
            while true {
                let task = next.take()
                guard task < tasks else { return }
                body(task, thread)
            }
        }
    }
}

/// The shared "next task" index of one `Parallel.dynamic` call.
private final class TaskCounter: Sendable {
    private let next = Atomic<Int>(0)

    /// The next untaken task index (past the end once all are taken).
    func take() -> Int { next.add(1, ordering: .relaxed).oldValue }
}

/// Every parallel kernel writes disjoint ranges (or per-task partials), so sharing the closure is safe.
private struct SharedBody: @unchecked Sendable {
    let body: (Int) -> Void
}
