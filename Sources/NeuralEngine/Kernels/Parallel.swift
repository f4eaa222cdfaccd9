import CNeuralKernels
import Dispatch
import Foundation
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
    /// Parts go to the calling thread and the spinning workers of `WorkerPool.shared`; when that pool is taken
    /// (a `run` inside a part, or another network's on another thread) or the parts are more than it counts,
    /// to Dispatch's threads.
    static func run(_ parts: Int, _ body: (Int) -> Void) {
        if parts <= 1 {
            body(0)
        } else if parts > WorkerPool.maxParts || !WorkerPool.shared.run(parts, body) {
            withoutActuallyEscaping(body) { body in
                let shared = SharedBody(body: body)
                DispatchQueue.concurrentPerform(iterations: parts) { shared.body($0) }
            }
        }
    }

    /// Runs `body` on contiguous ranges of `0..<count` that together cover it: four per thread, each at least
    /// `minimum` long (one range, on the calling thread, for one thread or a short count), threads taking them
    /// as they free up. For work whose result is the same however `0..<count` is split (element-wise updates,
    /// independent rows): a thread that stalls holds up one range, not a fixed half of the work.
    static func ranges(of count: Int, threads: Int, minimum: Int, _ body: (Range<Int>) -> Void) {
        let parts = threads <= 1 ? 1 : min(threads * 4, count / max(1, minimum))
        if parts <= 1 {
            if count > 0 { body(0..<count) }
            return
        }
        dynamic(tasks: parts, threads: threads) { part, _ in body(range(part: part, of: parts, count: count)) }
    }

    /// Runs `body(task, thread)` once for every task in 0..<tasks on at most `threads` threads; `thread` names
    /// the scratch the call may use (no two calls share it at once). Each thread first takes the tasks of its
    /// own contiguous share in order, then, once that is done, takes the untaken tasks of the others' shares
    /// from their ends (`TaskQueues`): a thread that stalls holds up one task, and while none stalls each
    /// thread works on the same images in every pass cut by images (tasks and Winograd blocks run in image
    /// order, and part 0 is always the calling thread), so the activations it reads are mostly the ones it
    /// wrote, still in its own core's caches. Taking the next untaken task of the whole range instead mixed
    /// the images over the cores from one layer to the next.
    static func dynamic(tasks: Int, threads: Int, _ body: (_ task: Int, _ thread: Int) -> Void) {
        let workers = min(threads, tasks)
        if workers <= 1 {
            for task in 0..<tasks { body(task, 0) }
            return
        }
        let queues = TaskQueues(tasks: tasks, parts: workers)
        run(workers) { thread in
            while let task = queues.take(for: thread) { body(task, thread) }
        }
    }
}

/// The tasks of one `Parallel.dynamic` call, cut into one contiguous share per part (`Parallel.range`). A part
/// takes its own share's tasks from the front, in order; a part whose share is done takes tasks from the
/// back of the other shares, nearest part first. Each share is one atomic word holding its front (high 32
/// bits) and its end (low 32), so the owner and a thief can never take the same task.
final class TaskQueues: @unchecked Sendable {
    private let shares: UnsafeMutablePointer<Atomic<UInt64>>
    let parts: Int

    init(tasks: Int, parts: Int) {
        precondition(parts > 0 && tasks < 1 << 32, "\(tasks) tasks in \(parts) parts")
        self.parts = parts
        shares = .allocate(capacity: parts)
        for part in 0..<parts {
            let share = Parallel.range(part: part, of: parts, count: tasks)
            (shares + part).initialize(to: Atomic(UInt64(share.lowerBound) << 32 | UInt64(share.upperBound)))
        }
    }

    deinit {
        shares.deinitialize(count: parts)
        shares.deallocate()
    }

    /// The next task for `part`: the front of its own share, else the back of another's; nil when all are taken.
    func take(for part: Int) -> Int? {
        if let task = take(from: part, front: true) { return task }
        for offset in 1..<parts {
            if let task = take(from: (part + offset) % parts, front: false) { return task }
        }
        return nil
    }

    private func take(from share: Int, front: Bool) -> Int? {
        var current = shares[share].load(ordering: .relaxed)
        while current >> 32 < current & 0xFFFF_FFFF {
            let desired = front ? current + (1 << 32) : current - 1
            let (taken, seen) = shares[share].compareExchange(expected: current, desired: desired, ordering: .relaxed)
            if taken { return front ? Int(current >> 32) : Int(current & 0xFFFF_FFFF) - 1 }
            current = seen
        }
        return nil
    }
}

/// Every parallel kernel writes disjoint ranges (or per-task partials), so sharing the closure is safe.
private struct SharedBody: @unchecked Sendable {
    let body: (Int) -> Void
}

/// Threads that wait for parts of a `Parallel.run` by spinning for a while before they sleep.
///
/// A training step runs dozens of parallel regions, many of them 0.1–1 ms long. Dispatch's worker threads
/// sleep between them, and waking one took about 45 µs on a 2-core virtual machine (a region of two 30 µs
/// parts took 73 µs instead of 30): a few per cent of a step, and most of the step of a small net. These
/// workers spin on the pool's state for `spin` after each region (with the CPU's spin-wait hint), then
/// sleep until the next region signals them.
///
/// One region at a time: `run` returns false, running nothing, while another holds the pool. The calling
/// thread runs part 0 and then takes parts like the workers; parts after 0 are taken
/// one at a time from a counter that carries the region's generation and its number of parts, so a worker
/// that wakes late cannot take a part of a region that has ended, or read the closure of one that has. (The
/// number of parts once lived in a separate variable: a worker still looking for parts of the last region
/// could read the next region's larger count before that region's generation was stored, take a part past
/// the last one's end, and so run a part of the next region under the old generation, twice or too early.)
final class WorkerPool: @unchecked Sendable {
    /// At most one worker fewer than the machine has processors: the calling thread takes parts too.
    static let shared = WorkerPool(maxWorkers: max(0, ProcessInfo.processInfo.activeProcessorCount - 1))

    /// How long a worker spins for the next region before it sleeps.
    static let spin: UInt64 = 100_000

    /// The running region's generation (high 32 bits), its number of parts (the next 16) and its next
    /// untaken part (low 16).
    private let next = Atomic<UInt64>(0)
    /// The most parts a region can have.
    static let maxParts = 0xFFFF
    private let finished = Atomic<Int>(0)
    private let sleepers = Atomic<Int>(0)
    private let busy = Atomic<Bool>(false)
    private let wake = DispatchSemaphore(value: 0)
    /// The running region's body; read only by a thread that has taken one of its parts, which keeps the
    /// region (and so the closure) alive until that part is finished.
    private var body: UnsafePointer<(Int) -> Void>?

    /// Nanoseconds the threads calling `run` spent waiting for workers to finish a region's parts, and
    /// nanoseconds workers spent taking and running parts; `activity` reads them (for `metaqnn bench`).
    private let callerWaiting = Atomic<UInt64>(0)
    private let workersRunning = Atomic<UInt64>(0)

    let maxWorkers: Int
    /// Workers started so far: as many as the largest region has needed, one fewer than its parts (changed
    /// only by the thread holding the pool).
    private var workers = 0

    init(maxWorkers: Int) { self.maxWorkers = maxWorkers }

    /// Runs `body(t)` for t in 0..<parts on the calling thread and the workers; false if the pool is taken.
    func run(_ parts: Int, _ body: (Int) -> Void) -> Bool {
        precondition(parts <= Self.maxParts, "a region of \(parts) parts; the pool takes at most \(Self.maxParts)")
        guard busy.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged else { return false }
        while workers < min(parts - 1, maxWorkers) {
            // The generation before this region's: a worker that read it itself once running could read this
            // region's and wait for the next one instead.
            let seen = next.load(ordering: .relaxed) >> 32
            let thread = Thread { [unowned self] in self.work(after: seen) }
            thread.stackSize = 8 << 20
            thread.start()
            workers += 1
        }
        withoutActuallyEscaping(body) { body in
            withUnsafePointer(to: body) { pointer in
                self.body = pointer
                finished.store(0, ordering: .relaxed)
                let generation = (next.load(ordering: .relaxed) >> 32) &+ 1
                // Part 0 is the caller's (published as taken), so that a part number means the same thread
                // from one region to the next while the workers keep up (`Parallel.dynamic` relies on it).
                next.store(generation << 32 | UInt64(parts) << 16 | 1, ordering: .sequentiallyConsistent)
                for _ in 0..<sleepers.load(ordering: .sequentiallyConsistent) { wake.signal() }
                runPart(0)
                finished.add(1, ordering: .releasing)
                takeParts(of: generation)
                if finished.load(ordering: .acquiring) < parts {
                    let waitStart = DispatchTime.now().uptimeNanoseconds
                    while finished.load(ordering: .acquiring) < parts { metaqnn_cpu_relax() }
                    callerWaiting.add(DispatchTime.now().uptimeNanoseconds &- waitStart, ordering: .relaxed)
                }
                self.body = nil
            }
        }
        busy.store(false, ordering: .releasing)
        return true
    }

    /// How long the pool's threads have worked and waited since it started (totals; take differences).
    struct Activity: Sendable, Equatable {
        /// Nanoseconds threads calling `run` spent waiting for workers to finish the parts of their regions.
        var callerWaiting: UInt64
        /// Nanoseconds workers spent taking and running parts of regions (not spinning or asleep between them).
        var workersRunning: UInt64

        static let zero = Activity(callerWaiting: 0, workersRunning: 0)

        /// The activity between two readings (`later − earlier`), or two such spans added.
        static func - (later: Activity, earlier: Activity) -> Activity {
            Activity(callerWaiting: later.callerWaiting &- earlier.callerWaiting,
                     workersRunning: later.workersRunning &- earlier.workersRunning)
        }

        static func + (a: Activity, b: Activity) -> Activity {
            Activity(callerWaiting: a.callerWaiting &+ b.callerWaiting,
                     workersRunning: a.workersRunning &+ b.workersRunning)
        }
    }

    /// The threads a network asking for `threads` gets from this pool: the calling one and the workers.
    func threads(upTo threads: Int) -> Int { min(threads, maxWorkers + 1) }

    /// The totals so far. A worker adds its time just after its last part of a region, so a reading taken as
    /// `run` returns may miss the worker's share of that one region: negligible over the hundreds of regions of
    /// a timed window.
    func activity() -> Activity {
        Activity(callerWaiting: callerWaiting.load(ordering: .relaxed),
                 workersRunning: workersRunning.load(ordering: .relaxed))
    }

    /// Takes and runs the parts of region `generation` until none is left (or the region is over).
    private func takeParts(of generation: UInt64) {
        while true {
            var current = next.load(ordering: .acquiring)
            var part = -1
            while current >> 32 == generation && current & 0xFFFF < current >> 16 & 0xFFFF {
                let (taken, seen) = next.compareExchange(expected: current, desired: current + 1,
                                                         ordering: .acquiringAndReleasing)
                if taken {
                    part = Int(current & 0xFFFF)
                    break
                }
                current = seen
            }
            guard part >= 0 else { return }
            runPart(part)
            finished.add(1, ordering: .releasing)
        }
    }

    /// Not inlined, so that every copy of the closure this makes is released before the part counts as finished.
    @inline(never)
    private func runPart(_ part: Int) { body!.pointee(part) }

    /// The worker's loop, from the region after generation `seen` on.
    private func work(after seen: UInt64) {
        var seen = seen
        while true {
            let start = DispatchTime.now().uptimeNanoseconds
            var polls = 0
            while next.load(ordering: .acquiring) >> 32 == seen {
                metaqnn_cpu_relax()
                polls += 1
                if polls % 64 == 0 && DispatchTime.now().uptimeNanoseconds - start > Self.spin {
                    // Counted as a sleeper before the last look, so a region that starts after this look
                    // signals it; a signal left from a region it did not sleep through only costs a spin.
                    sleepers.add(1, ordering: .sequentiallyConsistent)
                    if next.load(ordering: .sequentiallyConsistent) >> 32 == seen { wake.wait() }
                    sleepers.subtract(1, ordering: .sequentiallyConsistent)
                    polls = 0
                }
            }
            seen = next.load(ordering: .acquiring) >> 32
            let runStart = DispatchTime.now().uptimeNanoseconds
            takeParts(of: seen)
            workersRunning.add(DispatchTime.now().uptimeNanoseconds &- runStart, ordering: .relaxed)
        }
    }
}
