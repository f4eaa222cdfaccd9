/// The timing hook of `Network.trainStep`: seconds spent in each layer's forward and backward pass.
final class LayerStopwatch {
    private let clock = ContinuousClock()
    private var started: ContinuousClock.Instant
    /// Seconds per layer, summed over every step timed so far.
    private(set) var totals: [(forward: Double, backward: Double)]

    init(layers: Int) {
        started = clock.now
        totals = Array(repeating: (0, 0), count: layers)
    }

    func start() { started = clock.now }

    func stop(layer: Int, backward: Bool) {
        let seconds = (clock.now - started).seconds
        if backward { totals[layer].backward += seconds } else { totals[layer].forward += seconds }
    }

    func reset() { totals = totals.map { _ in (0, 0) } }
}

extension Network {
    /// Forward FLOPs per image of each layer.
    var layerFLOPs: [Int] { layers.map(\.forwardFLOPs) }
}

extension Benchmark {
    /// Time spent by one layer per training step.
    public struct LayerTiming: Sendable, Hashable {
        /// The layer as given to the builder.
        public var layer: LayerSpec
        /// Mean seconds of the forward pass per step.
        public var forwardSeconds: Double
        /// Mean seconds of the backward pass per step.
        public var backwardSeconds: Double
        /// Forward FLOPs of the layer for the whole batch.
        public var forwardFLOPs: Int
        /// Training GFLOP/s of this layer (3 × forward FLOPs over forward + backward time).
        public var trainGFLOPs: Double { Double(3 * forwardFLOPs) / (forwardSeconds + backwardSeconds) / 1e9 }
    }

    /// Per-layer timing of `steps` training steps after a warm-up.
    public static func profile(layers: [LayerSpec], input: TensorShape, batch: Int, threads: Int,
                               steps: Int) throws(NetworkBuildError) -> [LayerTiming] {
        let net = try Network(layers: layers, input: input, maxBatch: batch, threads: threads, seed: 1)
        let (images, labels) = syntheticBatch(for: net, count: batch)
        let stopwatch = LayerStopwatch(layers: layers.count)
        _ = net.trainStep(images: images, labels: labels, stopwatch: stopwatch)
        stopwatch.reset()
        for _ in 0..<steps { _ = net.trainStep(images: images, labels: labels, stopwatch: stopwatch) }
        return zip(layers, zip(stopwatch.totals, net.layerFLOPs)).map { spec, pair in
            LayerTiming(layer: spec, forwardSeconds: pair.0.forward / Double(steps),
                        backwardSeconds: pair.0.backward / Double(steps), forwardFLOPs: pair.1 * batch)
        }
    }
}
