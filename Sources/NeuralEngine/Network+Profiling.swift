extension Network {
    /// Seconds one training step spent in each layer's forward and backward pass (plus loss and Adam).
    func profiledTrainStep(images: UnsafeBufferPointer<Float>, labels: UnsafeBufferPointer<Int32>)
        -> [(forward: Double, backward: Double)] {
        let clock = ContinuousClock()
        let count = labels.count
        var timings = Array(repeating: (forward: 0.0, backward: 0.0), count: layers.count)
        ElementwiseKernels.toChannelMajor(images.baseAddress!, context.pointer(activations[0]), count: count,
                                          channels: inputShape.channels, plane: inputShape.spatialCount)
        for (i, layer) in layers.enumerated() {
            let start = clock.now
            layer.forward(context, input: activations[i], output: activations[i + 1], count: count, training: true,
                          generator: &generator)
            timings[i].forward = (clock.now - start).seconds
        }
        let last = layers.count
        _ = LossKernels.softmaxCrossEntropy(logits: context.pointer(activations[last]), labels: labels,
                                            classes: classes, gradient: context.pointer(gradientSlots[last % 2]),
                                            scale: 1 / Float(count))
        for i in stride(from: last - 1, through: 0, by: -1) {
            let start = clock.now
            layers[i].backward(context, input: activations[i], output: activations[i + 1],
                               outputGradient: gradientSlots[(i + 1) % 2],
                               inputGradient: i > 0 ? gradientSlots[i % 2] : nil, count: count)
            timings[i].backward = (clock.now - start).seconds
        }
        stepCount += 1
        for layer in layers { layer.parameters.adamStep(context.arena, settings: adam, step: stepCount, threads: threads) }
        return timings
    }

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
        var generator = SeededGenerator(seed: 2)
        let images = (0..<(batch * input.elementCount)).map { _ in generator.nextUnitFloat() * 2 - 1 }
        let labels = (0..<batch).map { _ in Int32(generator.next() % UInt64(net.classes)) }
        var totals = Array(repeating: (forward: 0.0, backward: 0.0), count: layers.count)
        images.withUnsafeBufferPointer { images in
            labels.withUnsafeBufferPointer { labels in
                _ = net.profiledTrainStep(images: images, labels: labels)
                for _ in 0..<steps {
                    for (i, t) in net.profiledTrainStep(images: images, labels: labels).enumerated() {
                        totals[i].forward += t.forward
                        totals[i].backward += t.backward
                    }
                }
            }
        }
        return zip(layers, zip(totals, net.layerFLOPs)).map { spec, pair in
            LayerTiming(layer: spec, forwardSeconds: pair.0.forward / Double(steps),
                        backwardSeconds: pair.0.backward / Double(steps), forwardFLOPs: pair.1 * batch)
        }
    }
}
