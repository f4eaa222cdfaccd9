import Testing
@testable import NeuralEngine

@Suite("Network builder")
struct NetworkBuilderTests {
    let mnist = TensorShape(channels: 1, height: 28, width: 28)

    @Test func poolingBelowOneByOneIsRejected() {
        let layers: [LayerSpec] = [.convolution(filters: 8, kernel: 3, stride: 1), .maxPool(kernel: 5, stride: 3),
                                   .maxPool(kernel: 5, stride: 3), .maxPool(kernel: 3, stride: 2), .classifier(classes: 10)]
        #expect(throws: NetworkBuildError.vanishingRepresentation(
            index: 3, spec: .maxPool(kernel: 3, stride: 2), input: TensorShape(channels: 8, height: 2, width: 2))) {
            try Network(layers: layers, input: mnist, maxBatch: 4, threads: 1, seed: 1)
        }
    }

    @Test func malformedLayerListsAreRejected() {
        #expect(throws: NetworkBuildError.missingClassifier) {
            try Network(layers: [.fullyConnected(units: 3)], input: mnist, maxBatch: 4, threads: 1, seed: 1)
        }
        #expect(throws: NetworkBuildError.misplacedClassifier(index: 0)) {
            try Network(layers: [.classifier(classes: 3), .classifier(classes: 3)], input: mnist, maxBatch: 4,
                        threads: 1, seed: 1)
        }
        #expect(throws: NetworkBuildError.invalidLayer(index: 0, spec: .dropout(rate: 1))) {
            try Network(layers: [.dropout(rate: 1), .classifier(classes: 3)], input: mnist, maxBatch: 4, threads: 1, seed: 1)
        }
        #expect(throws: NetworkBuildError.invalidLayer(index: 0, spec: .convolution(filters: 0, kernel: 3, stride: 1))) {
            try Network(layers: [.convolution(filters: 0, kernel: 3, stride: 1), .classifier(classes: 3)], input: mnist,
                        maxBatch: 4, threads: 1, seed: 1)
        }
        #expect(throws: NetworkBuildError.invalidBatchSize(0)) {
            try Network(layers: [.classifier(classes: 3)], input: mnist, maxBatch: 0, threads: 1, seed: 1)
        }
        #expect(throws: NetworkBuildError.invalidThreadCount(0)) {
            try Network(layers: [.classifier(classes: 3)], input: mnist, maxBatch: 1, threads: 0, seed: 1)
        }
    }

    @Test func errorDescriptionsAreOneSentence() {
        let errors: [NetworkBuildError] = [
            .invalidInput(TensorShape(channels: 0, height: 1, width: 1)), .invalidBatchSize(0), .invalidThreadCount(-1),
            .missingClassifier, .misplacedClassifier(index: 2), .invalidLayer(index: 1, spec: .fullyConnected(units: 0)),
            .vanishingRepresentation(index: 3, spec: .maxPool(kernel: 3, stride: 2),
                                     input: TensorShape(channels: 8, height: 2, width: 2)),
        ]
        for error in errors {
            let text = error.description
            #expect(text.hasSuffix("."))
            #expect(text.dropLast().contains(". ") == false, "\(text)")
        }
    }

    @Test func countsParametersAndFLOPsOfN1() throws {
        let net = try Network(layers: [.convolution(filters: 32, kernel: 3, stride: 1), .maxPool(kernel: 2, stride: 2),
                                       .convolution(filters: 64, kernel: 3, stride: 1), .maxPool(kernel: 2, stride: 2),
                                       .fullyConnected(units: 128), .classifier(classes: 10)],
                              input: mnist, maxBatch: 2, threads: 1, seed: 1)
        let parameters = (32 * 9 + 32) + (64 * 32 * 9 + 64) + (128 * 7 * 7 * 64 + 128) + (10 * 128 + 10)
        #expect(net.parameterCount == parameters)
        #expect(net.forwardFLOPsPerImage == 2 * (32 * 9 * 784 + 64 * 288 * 196 + 128 * 3136 + 10 * 128))
        #expect(net.outputShape == TensorShape(channels: 128, height: 1, width: 1))
        #expect(net.parameterValues().count == parameters)
    }

    @Test func sameConvolutionWithStrideRoundsUp() throws {
        let net = try Network(layers: [.convolution(filters: 2, kernel: 3, stride: 2), .classifier(classes: 2)],
                              input: TensorShape(channels: 1, height: 7, width: 8), maxBatch: 1, threads: 1, seed: 1)
        #expect(net.outputShape == TensorShape(channels: 2, height: 4, width: 4))
    }
}
