import NeuralEngine
import SearchSpace

/// Maps a net string's layers onto the engine's layer specifications.
public enum NetworkBuilder {
    /// The engine layers of `net` for a dataset of `classes` classes: `D(i,n)` becomes dropout 0.5·i/n,
    /// `SM(c)` the final classifier; the net must end with its only `SM(classes)`.
    public static func layers(for net: Architecture, classes: Int) throws(TrainingError) -> [LayerSpec] {
        let name = net.description
        guard let last = net.layers.last, case .softmax = last else { throw .missingClassifier(net: name) }
        var specs: [LayerSpec] = []
        for (position, layer) in net.layers.enumerated() {
            switch layer {
            case let .conv(filters, kernel, stride):
                guard filters >= 1, kernel >= 1, stride >= 1 else {
                    throw .invalidLayer(net: name, layer: "C(\(filters),\(kernel),\(stride))", reason: "every number must be at least 1")
                }
                specs.append(.convolution(filters: filters, kernel: kernel, stride: stride))
            case let .pool(kernel, stride):
                guard kernel >= 1, stride >= 1 else {
                    throw .invalidLayer(net: name, layer: "P(\(kernel),\(stride))", reason: "every number must be at least 1")
                }
                specs.append(.maxPool(kernel: kernel, stride: stride))
            case let .fc(units):
                guard units >= 1 else { throw .invalidLayer(net: name, layer: "FC(\(units))", reason: "units must be at least 1") }
                specs.append(.fullyConnected(units: units))
            case let .gap(gapClasses):
                guard gapClasses == classes else {
                    throw .classMismatch(net: name, layerClasses: gapClasses, dataClasses: classes)
                }
                specs.append(.globalAveragePool(classes: gapClasses))
            case let .dropout(index, total):
                guard total >= 1, (1...total).contains(index) else {
                    throw .invalidLayer(net: name, layer: "D(\(index),\(total))", reason: "i must be between 1 and n")
                }
                specs.append(.dropout(rate: 0.5 * Float(index) / Float(total)))
            case let .softmax(outputs):
                guard position == net.layers.count - 1 else { throw .misplacedClassifier(net: name) }
                guard outputs == classes else { throw .classMismatch(net: name, layerClasses: outputs, dataClasses: classes) }
                specs.append(.classifier(classes: outputs))
            }
        }
        return specs
    }

    /// Builds the engine network of `net` for `input` images, with Adam set from `settings` at `learningRate`.
    public static func network(for net: Architecture, input: TensorShape, classes: Int, settings: TrainingSettings,
                               learningRate: Float, seed: UInt64) throws(TrainingError) -> Network {
        let specs = try layers(for: net, classes: classes)
        try MemoryEstimate.check(net, input: input, batchSize: settings.batchSize)
        let adam = AdamSettings(learningRate: learningRate, beta1: settings.beta1, beta2: settings.beta2,
                                epsilon: settings.adamEpsilon, weightDecay: settings.weightDecay)
        do {
            return try Network(layers: specs, input: input, maxBatch: settings.batchSize, threads: settings.threads,
                               seed: seed, adam: adam)
        } catch {
            throw .cannotBuild(net: net.description, reason: error)
        }
    }
}
