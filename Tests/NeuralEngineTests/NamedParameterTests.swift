import Testing
@testable import NeuralEngine

@Suite("Named parameters")
struct NamedParameterTests {
    let input = TensorShape(channels: 2, height: 7, width: 5)
    let specs: [LayerSpec] = [.convolution(filters: 3, kernel: 3, stride: 2), .maxPool(kernel: 2, stride: 1),
                              .fullyConnected(units: 4), .dropout(rate: 0.25), .globalAveragePool(classes: 3),
                              .classifier(classes: 3)]

    @Test func namesAndShapesFollowTheKernelLayouts() throws {
        let network = try Network(layers: specs, input: input, maxBatch: 4, threads: 1, seed: 3)
        let tensors = network.namedParameters()
        // conv 7×5 stride 2 → 4×3, pool 2/1 → 3×2, so the FC sees 3·3·2 = 18 features.
        #expect(tensors.map(\.name) == ["0.conv.weight", "0.conv.bias", "2.fc.weight", "2.fc.bias",
                                        "4.gap.weight", "4.gap.bias", "5.classifier.weight", "5.classifier.bias"])
        #expect(tensors.map(\.shape) == [[3, 2, 3, 3], [3], [4, 18], [4], [3, 4, 1, 1], [3], [3, 3], [3]])
        #expect(tensors.flatMap(\.values) == network.parameterValues())
    }

    @Test func loadingRestoresEveryTensorAndTheLogits() throws {
        let source = try Network(layers: specs, input: input, maxBatch: 4, threads: 1, seed: 3)
        let target = try Network(layers: specs, input: input, maxBatch: 3, threads: 2, seed: 99)
        let images = (0..<(5 * input.elementCount)).map { Float(($0 * 37) % 23) / 11 - 1 }
        try target.loadNamedParameters(source.namedParameters().reversed())
        #expect(target.namedParameters() == source.namedParameters())
        let logits = target.logits(images: images, count: 5)
        #expect(logits.count == 5 * 3)
        #expect(logits == source.logits(images: images, count: 5))
        // Each row's argmax is what `predict` says, so the layout is image-major.
        let predicted = source.predict(images: Tensor(count: 5, shape: input, storage: images))
        for n in 0..<5 {
            let row = Array(logits[(n * 3)..<(n * 3 + 3)])
            #expect(Int32(row.firstIndex(of: row.max()!)!) == predicted[n])
        }
    }

    @Test func badTensorsAreRejectedAndChangeNothing() throws {
        let network = try Network(layers: specs, input: input, maxBatch: 4, threads: 1, seed: 3)
        let before = network.parameterValues()
        var tensors = network.namedParameters()
        let scaled = tensors.map { NamedParameter(name: $0.name, shape: $0.shape, values: $0.values.map { $0 * 2 }) }
        #expect(throws: NetworkParameterError.missing(name: "5.classifier.bias")) {
            try network.loadNamedParameters(Array(scaled.dropLast()))
        }
        #expect(throws: NetworkParameterError.unexpected(name: "9.fc.bias")) {
            try network.loadNamedParameters(scaled + [NamedParameter(name: "9.fc.bias", shape: [1], values: [0])])
        }
        #expect(throws: NetworkParameterError.duplicate(name: "0.conv.bias")) {
            try network.loadNamedParameters(scaled + [scaled[1]])
        }
        tensors[2] = NamedParameter(name: "2.fc.weight", shape: [18, 4], values: tensors[2].values)
        #expect(throws: NetworkParameterError.shapeMismatch(name: "2.fc.weight", expected: [4, 18], found: [18, 4])) {
            try network.loadNamedParameters(tensors)
        }
        #expect(network.parameterValues() == before)
        let error = NetworkParameterError.shapeMismatch(name: "2.fc.weight", expected: [4, 18], found: [18, 4])
        #expect(error.description.hasSuffix(".") && !error.description.dropLast().contains(". "))
    }
}
