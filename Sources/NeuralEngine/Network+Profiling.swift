/// The timing hook of `Network.trainStep`: seconds spent in each layer's forward and backward pass, and the
/// worker pool's activity over them (how busy the threads were, `Benchmark.threadBusy`).
final class LayerStopwatch {
    /// One pass's totals over every step timed so far.
    struct Pass {
        var seconds = 0.0
        var activity = WorkerPool.Activity.zero
    }

    private let clock = ContinuousClock()
    private var started: ContinuousClock.Instant
    private var activity: WorkerPool.Activity
    private(set) var totals: [(forward: Pass, backward: Pass)]

    init(layers: Int) {
        started = clock.now
        activity = WorkerPool.shared.activity()
        totals = Array(repeating: (Pass(), Pass()), count: layers)
    }

    func start() {
        activity = WorkerPool.shared.activity()
        started = clock.now
    }

    func stop(layer: Int, backward: Bool) {
        let seconds = (clock.now - started).seconds
        let span = WorkerPool.shared.activity() - activity
        func add(_ pass: inout Pass) {
            pass.seconds += seconds
            pass.activity = pass.activity + span
        }
        if backward { add(&totals[layer].backward) } else { add(&totals[layer].forward) }
    }

    func reset() { totals = totals.map { _ in (Pass(), Pass()) } }
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
        /// The share of the threads' time the forward and the backward pass spent working rather than waiting
        /// for one another (`threadBusy`; 1 on one thread).
        public var forwardThreadBusy: Double
        public var backwardThreadBusy: Double
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
        let poolThreads = WorkerPool.shared.threads(upTo: threads)
        func busy(_ pass: LayerStopwatch.Pass) -> Double {
            threadBusy(pass.activity, seconds: pass.seconds, threads: poolThreads)
        }
        return zip(layers, zip(stopwatch.totals, net.layerFLOPs)).map { spec, pair in
            LayerTiming(layer: spec, forwardSeconds: pair.0.forward.seconds / Double(steps),
                        backwardSeconds: pair.0.backward.seconds / Double(steps), forwardFLOPs: pair.1 * batch,
                        forwardThreadBusy: busy(pair.0.forward), backwardThreadBusy: busy(pair.0.backward))
        }
    }
}
