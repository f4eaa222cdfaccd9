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
        /// Training steps timed.
        public var trainSteps: Int
    }

    /// Times training steps and inference batches of `layers` for at least `seconds` each, after a warm-up.
    public static func measure(layers: [LayerSpec], input: TensorShape, batch: Int, threads: Int,
                               seconds: Double) throws(NetworkBuildError) -> Measurement {
        let net = try Network(layers: layers, input: input, maxBatch: batch, threads: threads, seed: 1)
        let (images, labels) = syntheticBatch(for: net, count: batch)
        let clock = ContinuousClock()
        func timed(_ body: () -> Void) -> (runs: Int, seconds: Double) {
            body()
            body()
            let start = clock.now
            var runs = 0
            var elapsed = 0.0
            repeat {
                body()
                runs += 1
                elapsed = (clock.now - start).seconds
            } while elapsed < seconds || runs < 3
            return (runs, elapsed)
        }
        let train = timed { _ = net.trainStep(images: images, labels: labels) }
        let infer = timed { _ = net.predict(images: images) }
        let trainRate = Double(train.runs * batch) / train.seconds
        return Measurement(
            trainImagesPerSecond: trainRate,
            inferenceImagesPerSecond: Double(infer.runs * batch) / infer.seconds,
            trainGFLOPs: trainRate * 3 * Double(net.forwardFLOPsPerImage) / 1e9,
            forwardFLOPsPerImage: net.forwardFLOPsPerImage, trainSteps: train.runs)
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
