import Dispatch
import Foundation
import Synchronization
import Testing
@testable import NeuralEngine

/// `Parallel.run` hands parts to the calling thread and the worker pool, or to Dispatch when the pool is
/// taken; whichever runs them, every part must run exactly once and be finished when `run` returns.
@Suite("Parallel regions")
struct ParallelTests {
    /// Runs `regions` regions of 2…8 parts (a region inside part 0 of each when `nested`); returns how many
    /// regions, outer or inner, did not find each of their parts run exactly once when `run` returned.
    func faultyRegions(_ regions: Int, nested: Bool, salt: Int) -> Int {
        // One cache line per counter, so that parts on different threads do not share one.
        let runs = UnsafeMutablePointer<Int>.allocate(capacity: 10 * 16)
        defer { runs.deallocate() }
        var faulty = 0
        for region in 0..<regions {
            runs.initialize(repeating: 0, count: 10 * 16)
            let parts = 2 + (region + salt) % 7
            Parallel.run(parts) { part in
                // Parts of a few microseconds or none, so that workers meet regions running and ended.
                var x = part
                for _ in 0..<((region + part) % 3) * 300 { x = x &* 31 &+ 7 }
                runs[part * 16] += x == -1 ? 2 : 1
                if nested && part == 0 {
                    // The pool is taken by the outer region, so this one goes to Dispatch.
                    Parallel.run(2) { inner in runs[(8 + inner) * 16] += 1 }
                }
            }
            if (0..<parts).contains(where: { runs[$0 * 16] != 1 }) { faulty += 1 }
            if nested && (runs[8 * 16] != 1 || runs[9 * 16] != 1) { faulty += 1 }
        }
        return faulty
    }

    @Test func everyPartRunsOnceBeforeRunReturns() {
        #expect(faultyRegions(5000, nested: false, salt: 0) == 0)
    }

    @Test func regionsInsidePartsAndFromOtherThreadsRunEveryPartOnce() {
        let faulty = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: 3) { caller in
            faulty.add(faultyRegions(2000, nested: caller == 0, salt: caller), ordering: .relaxed)
        }
        #expect(faulty.load(ordering: .relaxed) == 0)
    }

    /// `Parallel.ranges` covers `0..<count` exactly once with ranges of at least `minimum` (when it splits),
    /// at most four per thread, and one range for one thread.
    @Test(arguments: [(0, 2, 1), (1, 2, 1), (7, 2, 1), (64, 2, 1), (1000, 2, 256), (255, 2, 256), (70_000, 2, 16_384),
                      (70_000, 1, 16_384), (5, 3, 1), (100_003, 4, 16)])
    func rangesCoverEveryIndexOnce(count: Int, threads: Int, minimum: Int) {
        let seen = UnsafeMutablePointer<Int>.allocate(capacity: max(1, count))
        seen.initialize(repeating: 0, count: max(1, count))
        defer { seen.deallocate() }
        let lengths = Mutex<[Int]>([])
        Parallel.ranges(of: count, threads: threads, minimum: minimum) { range in
            for i in range { seen[i] += 1 }
            lengths.withLock { $0.append(range.count) }
        }
        #expect((0..<count).allSatisfy { seen[$0] == 1 })
        let all = lengths.withLock { $0 }
        #expect(all.count <= max(1, threads * 4))
        if threads == 1 || count < 2 * minimum {
            #expect(all == (count == 0 ? [] : [count]))
        } else {
            #expect(all.count > 1)
            #expect(all.allSatisfy { $0 >= minimum })
        }
    }

    /// A pool of one worker for the activity test alone (the one below is used by another test at the same time).
    static let activityPool = WorkerPool(maxWorkers: 1)

    /// A region whose two parts meet (one on each thread) and whose worker part then takes 50 ms more: the
    /// worker's running time and the caller's wait both grow by about that.
    @Test(.enabled(if: ProcessInfo.processInfo.activeProcessorCount > 1))
    func activityCountsWhatWorkersRunAndWhatTheCallerWaits() {
        let pool = Self.activityPool
        let before = pool.activity()
        let caller = pthread_self()
        let arrived = Atomic<Int>(0), met = Atomic<Int>(0)
        let ran = pool.run(2) { _ in
            arrived.add(1, ordering: .sequentiallyConsistent)
            let deadline = DispatchTime.now().uptimeNanoseconds + 2_000_000_000
            while arrived.load(ordering: .sequentiallyConsistent) < 2 && DispatchTime.now().uptimeNanoseconds < deadline {}
            if arrived.load(ordering: .sequentiallyConsistent) == 2 { met.add(1, ordering: .relaxed) }
            if pthread_equal(pthread_self(), caller) == 0 { Thread.sleep(forTimeInterval: 0.05) }
        }
        #expect(ran)
        #expect(met.load(ordering: .relaxed) == 2)
        // The worker adds its time just after its part, which may be after `run` returned.
        var after = pool.activity()
        let deadline = DispatchTime.now().uptimeNanoseconds + 2_000_000_000
        while after.workersRunning &- before.workersRunning < 50_000_000
                && DispatchTime.now().uptimeNanoseconds < deadline {
            Thread.sleep(forTimeInterval: 0.001)
            after = pool.activity()
        }
        #expect(after.workersRunning &- before.workersRunning >= 50_000_000)
        #expect(after.callerWaiting &- before.callerWaiting >= 45_000_000)
    }

    /// A pool of one worker for this suite alone: `WorkerPool.shared` may be taken by other tests running at
    /// the same time, and `Parallel.run` then hands the region to Dispatch, which may run both parts on the
    /// calling thread one after the other. (Kept for the process's life: its worker holds it unowned.)
    static let privatePool = WorkerPool(maxWorkers: 1)

    /// Two parts that each wait (at most 2 s) until both have started, after the worker had time to fall
    /// asleep: they meet only if the sleeping worker was woken to run one of them.
    @Test(.enabled(if: ProcessInfo.processInfo.activeProcessorCount > 1))
    func sleepingWorkersWakeForTheNextRegion() {
        for _ in 0..<3 {
            Thread.sleep(forTimeInterval: 3 * Double(WorkerPool.spin) / 1e9)
            let arrived = Atomic<Int>(0), met = Atomic<Int>(0)
            let ran = Self.privatePool.run(2) { _ in
                arrived.add(1, ordering: .sequentiallyConsistent)
                let deadline = DispatchTime.now().uptimeNanoseconds + 2_000_000_000
                while arrived.load(ordering: .sequentiallyConsistent) < 2 && DispatchTime.now().uptimeNanoseconds < deadline {}
                if arrived.load(ordering: .sequentiallyConsistent) == 2 { met.add(1, ordering: .relaxed) }
            }
            #expect(ran)
            #expect(met.load(ordering: .relaxed) == 2)
        }
    }
}

/// `Parallel.dynamic` gives each part a contiguous share of the tasks, which it takes in order before it takes
/// the others' from their ends; every task is taken once.
@Suite("Task queues")
struct TaskQueuesTests {
    /// One thread taking for both parts in turn shows the order: own share from the front, then the other
    /// share from its back.
    @Test func ownShareInOrderThenOthersFromTheirEnds() {
        let queues = TaskQueues(tasks: 11, parts: 2)
        #expect((0..<6).map { _ in queues.take(for: 0) } == [0, 1, 2, 3, 4, 5])
        #expect(queues.take(for: 0) == 10)
        #expect(queues.take(for: 0) == 9)
        #expect(queues.take(for: 1) == 6)
        #expect(queues.take(for: 1) == 7)
        #expect(queues.take(for: 0) == 8)
        #expect(queues.take(for: 0) == nil)
        #expect(queues.take(for: 1) == nil)
    }

    /// Three parts: a part whose share is done takes from the next part's share first.
    @Test func thievesTakeFromTheNextPartFirst() {
        let queues = TaskQueues(tasks: 6, parts: 3)
        #expect(queues.take(for: 2) == 4)
        #expect(queues.take(for: 2) == 5)
        #expect(queues.take(for: 2) == 1)
        #expect(queues.take(for: 2) == 0)
        #expect(queues.take(for: 2) == 3)
        #expect(queues.take(for: 1) == 2)
        #expect(queues.take(for: 0) == nil)
    }

    /// Threads taking at once (each for its own part, all of them stealing at the end) take every task once.
    @Test(arguments: [(1, 2), (2, 2), (7, 2), (1000, 2), (999, 3), (5000, 4)])
    func concurrentTakersTakeEveryTaskOnce(tasks: Int, parts: Int) {
        for _ in 0..<20 {
            let queues = TaskQueues(tasks: tasks, parts: parts)
            let taken = Mutex([Int](repeating: 0, count: tasks))
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                while let task = queues.take(for: part) { taken.withLock { $0[task] += 1 } }
            }
            #expect(taken.withLock { $0 } == [Int](repeating: 1, count: tasks))
        }
    }

    /// A pool for the test below alone (a pool that another test holds would refuse the region).
    static let callerPool = WorkerPool(maxWorkers: 1)

    /// On the worker pool, part 0 of every region runs on the calling thread.
    @Test(.enabled(if: ProcessInfo.processInfo.activeProcessorCount > 1))
    func partZeroRunsOnTheCallingThread() {
        let pool = Self.callerPool
        let caller = pthread_self()
        let elsewhere = Atomic<Int>(0)
        for _ in 0..<2000 {
            let ran = pool.run(2) { part in
                if part == 0 && pthread_equal(pthread_self(), caller) == 0 { elsewhere.add(1, ordering: .relaxed) }
            }
            #expect(ran)
        }
        #expect(elsewhere.load(ordering: .relaxed) == 0)
    }
}
