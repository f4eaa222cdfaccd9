/// Throughput measurements of the engine, used by `metaqnn bench`; all data is synthetic and seeded.
public enum Benchmark {
    /// One network's measured throughput.
    public struct Measurement: Sendable, Hashable, Codable {
        /// Training images per second (forward, backward and Adam step).
        public var trainImagesPerSecond: Double
        /// Inference images per second (eval-mode forward pass).
        public var inferenceImagesPerSecond: Double
        /// Training GFLOP/s under the 3 × forward-FLOPs convention.
        public var trainGFLOPs: Double
        /// Forward FLOPs per image.
        public var forwardFLOPsPerImage: Int
        /// Training steps timed, over all windows.
        public var trainSteps: Int
        /// Training images per second in each timed window, in the order they ran.
        public var trainWindows: [Double]
        /// Inference images per second in each timed window, in the order they ran.
        public var inferenceWindows: [Double]
        /// For each training window, the share of the threads' time spent working rather than waiting for one
        /// another (`threadBusy`): 1 on one thread.
        public var trainThreadBusy: [Double]
    }

    /// The share of `threads` threads' time over `seconds` of wall time that went to work, from the pool's
    /// `activity` over that time: the calling thread works except while it waits for workers to finish a
    /// region's parts, workers only while they run parts. Below 1 by the time threads spent idle, at the ends
    /// of regions or while the calling thread ran something alone; a machine that slows the threads down
    /// without idling them (another guest on the same cores) leaves it where it was.
    static func threadBusy(_ activity: WorkerPool.Activity, seconds: Double, threads: Int) -> Double {
        guard threads > 1, seconds > 0 else { return 1 }
        let waiting = Double(activity.callerWaiting) / 1e9
        let running = Double(activity.workersRunning) / 1e9
        return min(1, max(0, (seconds - waiting + running) / (Double(threads) * seconds)))
    }

    /// Times training steps and then inference batches of `layers`, each in `windows` windows of at least
    /// `seconds` and 3 runs after a warm-up of 2 runs; each rate is the median over its windows, so one window
    /// that another process slowed does not set the figure.
    public static func measure(layers: [LayerSpec], input: TensorShape, batch: Int, threads: Int,
                               seconds: Double, windows: Int = 1) throws(NetworkBuildError) -> Measurement {
        precondition(windows > 0 && seconds > 0, "a measurement needs at least one window of positive length")
        let net = try Network(layers: layers, input: input, maxBatch: batch, threads: threads, seed: 1)
        let (images, labels) = syntheticBatch(for: net, count: batch)
        let clock = ContinuousClock()
        let poolThreads = WorkerPool.shared.threads(upTo: threads)
        func timed(_ body: () -> Void) -> (runs: Int, rates: [Double], busy: [Double]) {
            body()
            body()
            var total = 0
            var rates: [Double] = [], busy: [Double] = []
            for _ in 0..<windows {
                let before = WorkerPool.shared.activity()
                let start = clock.now
                var runs = 0
                var elapsed = 0.0
                repeat {
                    body()
                    runs += 1
                    elapsed = (clock.now - start).seconds
                } while elapsed < seconds || runs < 3
                total += runs
                rates.append(Double(runs * batch) / elapsed)
                busy.append(threadBusy(WorkerPool.shared.activity() - before, seconds: elapsed, threads: poolThreads))
            }
            return (total, rates, busy)
        }
        let train = timed { _ = net.trainStep(images: images, labels: labels) }
        let infer = timed { _ = net.predict(images: images) }
        let trainRate = median(train.rates)
        return Measurement(
            trainImagesPerSecond: trainRate,
            inferenceImagesPerSecond: median(infer.rates),
            trainGFLOPs: trainRate * 3 * Double(net.forwardFLOPsPerImage) / 1e9,
            forwardFLOPsPerImage: net.forwardFLOPsPerImage, trainSteps: train.runs,
            trainWindows: train.rates, inferenceWindows: infer.rates, trainThreadBusy: train.busy)
    }

    /// The middle value of `values` (not empty), or the mean of the middle two for an even count.
    public static func median(_ values: [Double]) -> Double {
        precondition(!values.isEmpty, "the median of no values")
        let sorted = values.sorted(), half = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2
    }

    /// Seeded random images in [−1, 1) and labels for `net`: the data every measurement uses.
    static func syntheticBatch(for net: Network, count: Int) -> (images: Tensor, labels: [Int32]) {
        var generator = SeededGenerator(seed: 2)
        let storage = (0..<(count * net.inputShape.elementCount)).map { _ in generator.nextUnitFloat() * 2 - 1 }
        let labels = (0..<count).map { _ in Int32(generator.next() % UInt64(net.classes)) }
        return (Tensor(count: count, shape: net.inputShape, storage: storage), labels)
    }

    /// Square SGEMM throughput in GFLOP/s for an n×n×n product split over `threads`.
    public static func gemmGFLOPs(size: Int, threads: Int, seconds: Double) -> Double {
        precondition(size > 0 && threads > 0, "GEMM size and threads must be positive")
        return GemmBenchmark.gflops(size: size, threads: threads, seconds: seconds)
    }
}

extension Benchmark {
    /// The SIMD instruction set the engine was compiled for (chosen in Package.swift): "x86-64-v4" (AVX-512,
    /// when the building machine has it), "x86-64-v3" (AVX2 + FMA), "arm64" (NEON, FMA in the baseline) or
    /// "baseline" (no FMA: SIMD multiply-adds become library calls).
    public static var simdLevel: String {
        #if METAQNN_X86_64_V4
        "x86-64-v4"
        #elseif METAQNN_X86_64_V3
        "x86-64-v3"
        #elseif arch(arm64)
        "arm64"
        #else
        "baseline"
        #endif
    }
}
