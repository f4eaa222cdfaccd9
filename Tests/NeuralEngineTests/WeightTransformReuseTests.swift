import Testing
@testable import NeuralEngine

/// Inference transforms a Winograd layer's weights once and reuses them over later chunks and calls; every
/// change of the parameters, and every backward pass (which writes its own transforms into the same
/// buffers), must make the next forward pass transform them again.
@Suite("Winograd weight transforms reused")
struct WeightTransformReuseTests {
    // 16 channels on 28×28: F(4×4, 3×3), then F(2×2, 5×5), then F(2×2, 3×3) after the pool (14 wide).
    let input = TensorShape(channels: 16, height: 28, width: 28)
    let specs: [LayerSpec] = [.convolution(filters: 16, kernel: 3, stride: 1), .convolution(filters: 16, kernel: 5, stride: 1),
                              .maxPool(kernel: 2, stride: 2), .convolution(filters: 16, kernel: 3, stride: 1),
                              .classifier(classes: 4)]

    func images(_ count: Int, salt: Int) -> Tensor {
        Tensor(count: count, shape: input,
               storage: (0..<(count * input.elementCount)).map { Float(($0 * 31 + salt) % 29) / 14 - 1 })
    }

    /// The logits of a fresh network given `values`: what any network holding those parameters must answer.
    func freshLogits(_ values: [Float], _ images: Tensor) throws -> [Float] {
        let fresh = try Network(layers: specs, input: input, maxBatch: 2, threads: 1, seed: 99)
        fresh.setParameterValues(values)
        return fresh.logits(images: images)
    }

    @Test func theLayersUseTheWinogradVariants() throws {
        let network = try Network(layers: specs, input: input, maxBatch: 2, threads: 1, seed: 1)
        let variants = network.layers.compactMap { layer -> WinogradVariant? in
            if case let .convolution(convolution) = layer { convolution.winograd } else { nil }
        }
        #expect(variants == [.f4x3, .f2x5, .f2x3])
    }

    @Test func parameterChangesAndBackwardPassesAreSeen() throws {
        let network = try Network(layers: specs, input: input, maxBatch: 2, threads: 2, seed: 1)
        let batch = images(5, salt: 0), training = images(2, salt: 7)
        // Three chunks of at most two images: the second and third reuse the first's transforms.
        let before = network.logits(images: batch)
        #expect(before == (try freshLogits(network.parameterValues(), batch)))

        _ = network.trainStep(images: training, labels: [1, 3])
        let trained = network.logits(images: batch)
        #expect(trained != before)
        #expect(trained == (try freshLogits(network.parameterValues(), batch)))

        // Gradients alone leave the parameters as they were, but not the transform buffers.
        _ = network.computeGradients(images: training, labels: [0, 2])
        #expect(network.logits(images: batch) == trained)

        let halved = network.parameterValues().map { $0 / 2 }
        network.setParameterValues(halved)
        let loaded = network.logits(images: batch)
        #expect(loaded != trained)
        #expect(loaded == (try freshLogits(halved, batch)))
    }
}
