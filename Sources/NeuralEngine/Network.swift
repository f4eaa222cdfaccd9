/// A trainable CNN built from `LayerSpec`s, with every buffer planned once at build time.
/// Not thread-safe: one network per training job; `threads` sets how many cores its kernels use.
public final class Network {
    /// The shape of one input image.
    public let inputShape: TensorShape
    /// The largest batch `trainStep` accepts; `evaluate` and `predict` split bigger inputs.
    public let maxBatch: Int
    /// Threads the kernels split each batch over (results are reproducible for a fixed count).
    public let threads: Int
    /// Number of classes the classifier scores.
    public let classes: Int
    /// Number of trainable weights and biases.
    public let parameterCount: Int
    /// Forward-pass FLOPs per image (2 × multiply-adds of convolutions and fully connected layers).
    public let forwardFLOPsPerImage: Int
    /// The representation entering the classifier (after the last non-classifier layer).
    public let outputShape: TensorShape
    /// Adam steps taken so far.
    public internal(set) var stepCount = 0

    /// Adam hyper-parameters; `learningRate` is the schedule hook.
    public var adam: AdamSettings
    /// The current learning rate (the schedule hook).
    public var learningRate: Float {
        get { adam.learningRate }
        set { adam.learningRate = newValue }
    }

    let layers: [Layer]
    let context: ExecutionContext
    /// activations[0] is the input, activations[i + 1] the output of layer i; layout CNHW.
    let activations: [FloatSlice]
    let shapes: [TensorShape]
    /// Two ping-pong gradient buffers: layer i reads slot (i + 1) % 2 and writes slot i % 2.
    let gradientSlots: [FloatSlice]
    var generator: SeededGenerator
    /// Tests switch this on to get the gradient with respect to the input.
    var computesInputGradient = false

    /// Builds and initialises (Glorot uniform, seeded) a network; throws if the layers cannot form one.
    public init(layers specs: [LayerSpec], input: TensorShape, maxBatch: Int, threads: Int, seed: UInt64,
                adam: AdamSettings = AdamSettings()) throws(NetworkBuildError) {
        guard input.channels > 0, input.height > 0, input.width > 0 else { throw .invalidInput(input) }
        guard maxBatch > 0 else { throw .invalidBatchSize(maxBatch) }
        guard threads > 0 else { throw .invalidThreadCount(threads) }
        guard case let .classifier(classCount)? = specs.last else { throw .missingClassifier }
        if let early = specs.dropLast().firstIndex(where: { if case .classifier = $0 { true } else { false } }) {
            throw .misplacedClassifier(index: early)
        }
        var plan = ArenaPlan()
        var requirements = ExecutionContext.Requirements()
        var shape = input
        var shapes = [input]
        var built: [Layer] = []
        var activations = [plan.floats(maxBatch * input.elementCount)]
        for (index, spec) in specs.enumerated() {
            let layer = try Layer(spec: spec, index: index, input: shape, maxBatch: maxBatch, threads: threads,
                                  plan: &plan, requirements: &requirements)
            shape = layer.outputShape
            shapes.append(shape)
            activations.append(plan.floats(maxBatch * shape.elementCount))
            built.append(layer)
        }
        let largest = shapes.map(\.elementCount).max()! * maxBatch
        gradientSlots = [plan.floats(largest), plan.floats(largest)]
        let scratch = ExecutionContext.reserve(requirements, threads: threads, in: &plan)
        context = ExecutionContext(arena: Arena(plan), threads: threads, packA: scratch.packA, packB: scratch.packB,
                                   columns: scratch.columns, partials: scratch.partials)
        self.inputShape = input
        self.maxBatch = maxBatch
        self.threads = threads
        self.classes = classCount
        self.adam = adam
        self.layers = built
        self.activations = activations
        self.shapes = shapes
        self.outputShape = shapes[shapes.count - 2]
        parameterCount = built.reduce(0) { $0 + $1.parameters.count }
        forwardFLOPsPerImage = built.reduce(0) { $0 + $1.forwardFLOPs }
        var initGenerator = SeededGenerator(seed: seed)
        for layer in built { layer.initialize(context.arena, using: &initGenerator) }
        generator = SeededGenerator(seed: seed ^ 0xD1B5_4A32_D192_ED03)
    }

    /// One Adam step on `labels.count` images (count × C × H × W floats, NCHW, contiguous); returns the batch's loss.
    public func trainStep(images: UnsafeBufferPointer<Float>, labels: UnsafeBufferPointer<Int32>) -> BatchResult {
        let count = labels.count
        precondition(count > 0 && count <= maxBatch, "a training batch needs 1...\(maxBatch) images, got \(count)")
        let result = computeGradients(images: images, labels: labels)
        stepCount += 1
        for layer in layers { layer.parameters.adamStep(context.arena, settings: adam, step: stepCount, threads: threads) }
        return result
    }

    /// Loss and accuracy in eval mode (no dropout, no parameter change), over any number of images.
    public func evaluate(images: UnsafeBufferPointer<Float>, labels: UnsafeBufferPointer<Int32>) -> BatchResult {
        precondition(images.count == labels.count * inputShape.elementCount,
                     "\(images.count) floats do not hold \(labels.count) images of \(inputShape)")
        var total = BatchResult(lossSum: 0, correct: 0, count: 0)
        var start = 0
        while start < labels.count {
            let count = min(maxBatch, labels.count - start)
            let size = inputShape.elementCount
            let part = UnsafeBufferPointer(rebasing: images[(start * size)..<((start + count) * size)])
            forward(images: part, count: count, training: false)
            let (loss, correct) = LossKernels.softmaxCrossEntropy(
                logits: context.pointer(activations.last!),
                labels: UnsafeBufferPointer(rebasing: labels[start..<(start + count)]), classes: classes,
                gradient: nil, scale: 1)
            total += BatchResult(lossSum: loss, correct: correct, count: count)
            start += count
        }
        return total
    }

    /// The predicted class of each of `count` images, in eval mode.
    public func predict(images: UnsafeBufferPointer<Float>, count: Int) -> [Int32] {
        precondition(images.count == count * inputShape.elementCount,
                     "\(images.count) floats do not hold \(count) images of \(inputShape)")
        var result: [Int32] = []
        result.reserveCapacity(count)
        var start = 0
        while start < count {
            let part = min(maxBatch, count - start)
            let size = inputShape.elementCount
            forward(images: UnsafeBufferPointer(rebasing: images[(start * size)..<((start + part) * size)]),
                    count: part, training: false)
            LossKernels.argmax(logits: context.pointer(activations.last!), classes: classes, count: part,
                               into: &result)
            start += part
        }
        return result
    }

    /// Forward pass in training mode, loss, and backward pass: fills every parameter gradient (mean loss).
    func computeGradients(images: UnsafeBufferPointer<Float>, labels: UnsafeBufferPointer<Int32>) -> BatchResult {
        let count = labels.count
        precondition(images.count == count * inputShape.elementCount,
                     "\(images.count) floats do not hold \(count) images of \(inputShape)")
        forward(images: images, count: count, training: true)
        let last = layers.count
        let (loss, correct) = LossKernels.softmaxCrossEntropy(
            logits: context.pointer(activations[last]), labels: labels, classes: classes,
            gradient: context.pointer(gradientSlots[last % 2]), scale: 1 / Float(count))
        for i in stride(from: last - 1, through: 0, by: -1) {
            let wantsInput = i > 0 || computesInputGradient
            layers[i].backward(context, input: activations[i], output: activations[i + 1],
                               outputGradient: gradientSlots[(i + 1) % 2],
                               inputGradient: wantsInput ? gradientSlots[i % 2] : nil, count: count)
        }
        return BatchResult(lossSum: loss, correct: correct, count: count)
    }

    func forward(images: UnsafeBufferPointer<Float>, count: Int, training: Bool) {
        ElementwiseKernels.toChannelMajor(images.baseAddress!, context.pointer(activations[0]), count: count,
                                          channels: inputShape.channels, plane: inputShape.spatialCount)
        for (i, layer) in layers.enumerated() {
            layer.forward(context, input: activations[i], output: activations[i + 1], count: count,
                          training: training, generator: &generator)
        }
    }
}
