/// A trainable CNN built from `LayerSpec`s, with every buffer planned once at build time.
/// Not thread-safe: one network per training job; `threads` sets how many cores its kernels use.
public final class Network {
    /// The shape of one input image.
    public let inputShape: TensorShape
    /// The largest batch `trainStep` accepts; `evaluate`, `predict` and `logits` split bigger inputs.
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
    /// Whether the Winograd layers' weight buffers hold the forward transforms of the current parameters: true
    /// after a forward pass; false after a backward pass, which writes its own transforms there (a training
    /// step's comes before its Adam step), and after `setParameterValues`. Inference over many chunks and calls
    /// (`evaluate`, `predict`, `logits`) then transforms the weights once.
    var weightTransformsCurrent = false

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
            let layer = try Layer(spec: spec, index: index, input: shape, maxBatch: maxBatch,
                                  plan: &plan, requirements: &requirements)
            shape = layer.outputShape
            shapes.append(shape)
            activations.append(plan.floats(maxBatch * shape.elementCount))
            built.append(layer)
        }
        let largest = shapes.map(\.elementCount).max()! * maxBatch
        gradientSlots = [plan.floats(largest), plan.floats(largest)]
        let scratch = ExecutionContext.reserve(requirements, threads: threads, in: &plan)
        context = ExecutionContext(arena: Arena(plan), threads: threads, scratch: scratch)
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

    /// One Adam step on a batch of `images` (at most `maxBatch`) with one label each; returns the batch's loss.
    public func trainStep(images: Tensor, labels: [Int32]) -> BatchResult {
        trainStep(images: images, labels: labels, stopwatch: nil)
    }

    /// The one training step; `stopwatch`, when given, times every layer's passes (the profiling hook).
    func trainStep(images: Tensor, labels: [Int32], stopwatch: LayerStopwatch?) -> BatchResult {
        let count = labels.count
        precondition(count > 0 && count <= maxBatch, "a training batch needs 1...\(maxBatch) images, got \(count)")
        let result = computeGradients(images: images, labels: labels, stopwatch: stopwatch)
        stepCount += 1
        for layer in layers { layer.parameters.adamStep(context.arena, settings: adam, step: stepCount, threads: threads) }
        return result
    }

    /// Loss and accuracy in eval mode (no dropout, no parameter change), over any number of images.
    public func evaluate(images: Tensor, labels: [Int32]) -> BatchResult {
        checkInput(images, labels: labels.count)
        var total = BatchResult(lossSum: 0, correct: 0, count: 0)
        forEachInferenceChunk(images) { first, count in
            let (loss, correct) = context.softmaxCrossEntropy(logits: activations.last!, labels: labels, first: first,
                                                              count: count, classes: classes, gradient: nil, scale: 1)
            total += BatchResult(lossSum: loss, correct: correct, count: count)
        }
        return total
    }

    /// The predicted class of each image, in eval mode.
    public func predict(images: Tensor) -> [Int32] {
        checkInput(images, labels: images.count)
        var result: [Int32] = []
        result.reserveCapacity(images.count)
        forEachInferenceChunk(images) { _, count in
            context.appendArgmax(logits: activations.last!, classes: classes, count: count, to: &result)
        }
        return result
    }

    /// The classifier's logits of each image in eval mode: `images.count × classes` floats, image after image.
    public func logits(images: Tensor) -> [Float] {
        checkInput(images, labels: images.count)
        var result: [Float] = []
        result.reserveCapacity(images.count * classes)
        forEachInferenceChunk(images) { _, count in
            context.appendImageMajor(logits: activations.last!, classes: classes, count: count, to: &result)
        }
        return result
    }

    /// The one inference path: eval-mode forward passes over chunks of at most `maxBatch` images,
    /// handing each chunk's first image and size to `body` while its logits are in the last activation.
    private func forEachInferenceChunk(_ images: Tensor, _ body: (_ first: Int, _ count: Int) -> Void) {
        var first = 0
        while first < images.count {
            let count = min(maxBatch, images.count - first)
            forward(images: images, first: first, count: count, training: false, stopwatch: nil)
            body(first, count)
            first += count
        }
    }

    private func checkInput(_ images: Tensor, labels: Int) {
        precondition(images.shape == inputShape, "images of \(images.shape) given to a network for \(inputShape)")
        precondition(images.count == labels, "\(images.count) images but \(labels) labels")
    }

    /// Forward pass in training mode, loss, and backward pass: fills every parameter gradient (mean loss).
    func computeGradients(images: Tensor, labels: [Int32], stopwatch: LayerStopwatch? = nil) -> BatchResult {
        checkInput(images, labels: labels.count)
        let count = labels.count
        forward(images: images, first: 0, count: count, training: true, stopwatch: stopwatch)
        let last = layers.count
        let (loss, correct) = context.softmaxCrossEntropy(
            logits: activations[last], labels: labels, first: 0, count: count, classes: classes,
            gradient: gradientSlots[last % 2], scale: 1 / Float(count))
        for i in stride(from: last - 1, through: 0, by: -1) {
            stopwatch?.start()
            let wantsInput = i > 0 || computesInputGradient
            layers[i].backward(context, input: activations[i], output: activations[i + 1],
                               outputGradient: gradientSlots[(i + 1) % 2],
                               inputGradient: wantsInput ? gradientSlots[i % 2] : nil, count: count)
            stopwatch?.stop(layer: i, backward: true)
        }
        weightTransformsCurrent = false
        return BatchResult(lossSum: loss, correct: correct, count: count)
    }

    func forward(images: Tensor, first: Int, count: Int, training: Bool, stopwatch: LayerStopwatch?) {
        context.loadImages(images, first: first, count: count, into: activations[0])
        for (i, layer) in layers.enumerated() {
            stopwatch?.start()
            layer.forward(context, input: activations[i], output: activations[i + 1], count: count,
                          training: training, weightsTransformed: weightTransformsCurrent, generator: &generator)
            stopwatch?.stop(layer: i, backward: false)
        }
        weightTransformsCurrent = true
    }
}
