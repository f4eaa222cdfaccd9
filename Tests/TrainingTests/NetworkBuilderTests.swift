import NeuralEngine
import SearchSpace
import Testing
@testable import Training

@Suite struct NetworkBuilderTests {
    @Test func mapsEveryLayerKind() throws {
        let net = Architecture(layers: [.conv(filters: 8, kernel: 3, stride: 1), .pool(kernel: 2, stride: 2),
                                        .dropout(index: 1, total: 4), .fc(units: 16), .dropout(index: 3, total: 4),
                                        .gap(classes: 10), .softmax(classes: 10)])
        let specs = try NetworkBuilder.layers(for: net, classes: 10)
        #expect(specs == [.convolution(filters: 8, kernel: 3, stride: 1), .maxPool(kernel: 2, stride: 2), .dropout(rate: 0.125),
                          .fullyConnected(units: 16), .dropout(rate: 0.375), .globalAveragePool(classes: 10), .classifier(classes: 10)])
    }

    @Test func rejectsNetsTheSearchMustSkip() {
        let noClassifier = Architecture(layers: [.fc(units: 4)])
        #expect(throws: TrainingError.missingClassifier(net: noClassifier.description)) {
            try NetworkBuilder.layers(for: noClassifier, classes: 10)
        }
        let early = Architecture(layers: [.softmax(classes: 10), .fc(units: 4), .softmax(classes: 10)])
        #expect(throws: TrainingError.misplacedClassifier(net: early.description)) {
            try NetworkBuilder.layers(for: early, classes: 10)
        }
        let wrongClasses = Architecture(layers: [.fc(units: 4), .softmax(classes: 3)])
        #expect(throws: TrainingError.classMismatch(net: wrongClasses.description, layerClasses: 3, dataClasses: 10)) {
            try NetworkBuilder.layers(for: wrongClasses, classes: 10)
        }
        let badDropout = Architecture(layers: [.dropout(index: 3, total: 2), .softmax(classes: 10)])
        #expect(throws: TrainingError.invalidLayer(net: badDropout.description, layer: "D(3,2)", reason: "i must be between 1 and n")) {
            try NetworkBuilder.layers(for: badDropout, classes: 10)
        }
    }

    @Test func vanishingRepresentationIsATypedBuildError() {
        // Three 2×2 stride-2 pools on 4×4 input leave nothing: the engine must refuse, and the trainer reports it.
        let net = Architecture(layers: [.conv(filters: 4, kernel: 3, stride: 1), .pool(kernel: 2, stride: 2),
                                        .pool(kernel: 2, stride: 2), .pool(kernel: 2, stride: 2), .softmax(classes: 2)])
        #expect {
            _ = try NetworkBuilder.network(for: net, input: TensorShape(channels: 1, height: 4, width: 4), classes: 2,
                                           settings: .paper, learningRate: 0.001, seed: 1)
        } throws: { error in
            guard case .cannotBuild(let name, _) = error as? TrainingError else { return false }
            return name == net.description
        }
    }
}
