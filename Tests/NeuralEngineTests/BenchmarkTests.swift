import Testing
@testable import NeuralEngine

@Suite struct BenchmarkTests {
    @Test func medianIsTheMiddleValueOrTheMeanOfTheMiddleTwo() {
        #expect(Benchmark.median([7]) == 7)
        #expect(Benchmark.median([9, 1, 4]) == 4)
        #expect(Benchmark.median([10, 1, 3, 4]) == 3.5)
        #expect(Benchmark.median([2, 2, 100, 1, 3]) == 2)
    }

    /// Each rate is the median of its windows, one rate per window, and every window ran at least 3 steps.
    @Test func measureReportsTheMedianOfItsWindows() throws {
        let layers: [LayerSpec] = [.convolution(filters: 4, kernel: 3, stride: 1), .classifier(classes: 3)]
        let shape = TensorShape(channels: 1, height: 6, width: 6)
        let m = try Benchmark.measure(layers: layers, input: shape, batch: 4, threads: 1, seconds: 0.002, windows: 3)
        #expect(m.trainWindows.count == 3)
        #expect(m.inferenceWindows.count == 3)
        #expect(m.trainImagesPerSecond == Benchmark.median(m.trainWindows))
        #expect(m.inferenceImagesPerSecond == Benchmark.median(m.inferenceWindows))
        #expect(m.trainSteps >= 9)
        #expect(m.trainWindows.allSatisfy { $0 > 0 } && m.inferenceWindows.allSatisfy { $0 > 0 })
        #expect(m.trainThreadBusy == [1, 1, 1])
        let one = try Benchmark.measure(layers: layers, input: shape, batch: 4, threads: 1, seconds: 0.002)
        #expect(one.trainWindows.count == 1 && one.trainImagesPerSecond == one.trainWindows[0])
    }

    /// The profile times every layer and says how busy the threads were in each pass: fully on one thread,
    /// a share on two.
    @Test func profileReportsEachLayersTimesAndThreadBusy() throws {
        let layers: [LayerSpec] = [.convolution(filters: 8, kernel: 3, stride: 1), .maxPool(kernel: 2, stride: 2),
                                   .classifier(classes: 3)]
        let shape = TensorShape(channels: 1, height: 12, width: 12)
        let one = try Benchmark.profile(layers: layers, input: shape, batch: 16, threads: 1, steps: 3)
        #expect(one.map(\.layer) == layers)
        #expect(one.allSatisfy { $0.forwardSeconds > 0 && $0.backwardSeconds > 0 })
        #expect(one.allSatisfy { $0.forwardThreadBusy == 1 && $0.backwardThreadBusy == 1 })
        let two = try Benchmark.profile(layers: layers, input: shape, batch: 16, threads: 2, steps: 3)
        #expect(two.allSatisfy { (0...1).contains($0.forwardThreadBusy) && (0...1).contains($0.backwardThreadBusy) })
    }

    /// The calling thread counts as working except while it waits for workers; workers only while they run parts.
    @Test func threadBusyIsWorkOverTheThreadsTime() {
        let start = WorkerPool.Activity(callerWaiting: 5_000_000_000, workersRunning: 7_000_000_000)
        func after(waiting: Double, running: Double) -> WorkerPool.Activity {
            WorkerPool.Activity(callerWaiting: start.callerWaiting + UInt64(waiting * 1e9),
                                workersRunning: start.workersRunning + UInt64(running * 1e9))
        }
        // 2 s on two threads: the caller waited 0.2 s, the worker ran 1.5 s → (1.8 + 1.5) / 4.
        #expect(abs(Benchmark.threadBusy(after(waiting: 0.2, running: 1.5) - start, seconds: 2, threads: 2)
                    - 0.825) < 1e-9)
        // Nobody waited and the worker ran throughout: all of it.
        #expect(Benchmark.threadBusy(after(waiting: 0, running: 2) - start, seconds: 2, threads: 2) == 1)
        // The worker never ran: the caller's share alone.
        #expect(Benchmark.threadBusy(start - start, seconds: 2, threads: 2) == 0.5)
        // Three threads, two workers each running half the time.
        #expect(abs(Benchmark.threadBusy(after(waiting: 0, running: 2) - start, seconds: 2, threads: 3) - 2.0 / 3)
                < 1e-9)
        #expect(Benchmark.threadBusy(after(waiting: 1, running: 1) - start, seconds: 2, threads: 1) == 1)
        // Spans add up: two halves of the first case give the same share.
        let half = after(waiting: 0.1, running: 0.75) - start
        #expect(abs(Benchmark.threadBusy(half + half, seconds: 2, threads: 2) - 0.825) < 1e-9)
    }
}
