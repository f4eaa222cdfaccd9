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
        var generator = SeededGenerator(seed: 2)
        let images = (0..<(batch * input.elementCount)).map { _ in generator.nextUnitFloat() * 2 - 1 }
        let labels = (0..<batch).map { _ in Int32(generator.next() % UInt64(net.classes)) }
        let clock = ContinuousClock()
        return images.withUnsafeBufferPointer { images in
            labels.withUnsafeBufferPointer { labels in
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
                let infer = timed { _ = net.predict(images: images, count: batch) }
                let trainRate = Double(train.runs * batch) / train.seconds
                return Measurement(
                    trainImagesPerSecond: trainRate,
                    inferenceImagesPerSecond: Double(infer.runs * batch) / infer.seconds,
                    trainGFLOPs: trainRate * 3 * Double(net.forwardFLOPsPerImage) / 1e9,
                    forwardFLOPsPerImage: net.forwardFLOPsPerImage, trainSteps: train.runs)
            }
        }
    }

    /// Square SGEMM throughput in GFLOP/s for an n×n×n product split over `threads`.
    public static func gemmGFLOPs(size: Int, threads: Int, seconds: Double) -> Double {
        precondition(size > 0 && threads > 0, "GEMM size and threads must be positive")
        return GemmBenchmark.gflops(size: size, threads: threads, seconds: seconds)
    }
}
