import ModelExport
import NeuralEngine
import Testing

@Suite("ONNX model")
struct ONNXModelTests {
    let input = TensorShape(channels: 1, height: 6, width: 6)
    let layers: [LayerSpec] = [.convolution(filters: 2, kernel: 3, stride: 2), .fullyConnected(units: 3),
                               .classifier(classes: 4)]

    private func parameters() throws -> [NamedParameter] {
        try Network(layers: layers, input: input, maxBatch: 1, threads: 1, seed: 1).namedParameters()
    }

    @Test func modelStartsWithTheIRVersionAndHoldsNamesAndMetadata() throws {
        let bytes = try ONNXModel.encode(layers: layers, input: input, parameters: parameters(), mean: [0.5],
                                         std: [0.25], metadata: ["net": "[C(2,3,2), FC(3), SM(4)]"],
                                         producerVersion: "9.9")
        // Field 1 (ir_version) as a varint: tag 0x08, value 7.
        #expect(Array(bytes.prefix(2)) == [0x08, UInt8(ONNXModel.irVersion)])
        let text = String(decoding: bytes, as: UTF8.self)
        for name in ["metaqnn", "9.9", "pixels", "logits", "0.conv.weight", "1.fc.bias", "2.classifier.weight",
                     "normalisation.mean", "Sub", "Div", "Conv", "Relu", "Flatten", "Gemm", "transB",
                     "[C(2,3,2), FC(3), SM(4)]"] {
            #expect(text.contains(name), "\(name) is missing")
        }
        #expect(!text.contains("MaxPool") && !text.contains("Dropout"))
    }

    @Test func badInputsAreTypedErrors() throws {
        let good = try parameters()
        #expect(throws: ONNXExportError.invalidNormalisation(channels: 1, mean: [0.5, 0.5], std: [1, 1])) {
            try ONNXModel.encode(layers: layers, input: input, parameters: good, mean: [0.5, 0.5], std: [1, 1],
                                 metadata: [:], producerVersion: "1")
        }
        #expect(throws: ONNXExportError.invalidNormalisation(channels: 1, mean: [0.5], std: [0])) {
            try ONNXModel.encode(layers: layers, input: input, parameters: good, mean: [0.5], std: [0],
                                 metadata: [:], producerVersion: "1")
        }
        #expect(throws: ONNXExportError.parameters(.missing(name: "2.classifier.bias"))) {
            try ONNXModel.encode(layers: layers, input: input, parameters: Array(good.dropLast()), mean: [0.5],
                                 std: [1], metadata: [:], producerVersion: "1")
        }
        #expect(throws: ONNXExportError.cannotBuild(.missingClassifier)) {
            try ONNXModel.encode(layers: Array(layers.dropLast()), input: input, parameters: good, mean: [0.5],
                                 std: [1], metadata: [:], producerVersion: "1")
        }
    }
}
