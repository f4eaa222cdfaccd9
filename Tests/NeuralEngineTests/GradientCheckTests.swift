import Testing
@testable import NeuralEngine

/// Every layer's and the loss's backward pass against central finite differences of the mean loss.
@Suite("Backward passes against central finite differences")
struct GradientCheckTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var layers: [LayerSpec]
        var input: TensorShape
        var batch: Int
        var threads: Int
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "softmax cross-entropy + classifier", layers: [.classifier(classes: 4)],
             input: TensorShape(channels: 1, height: 1, width: 5), batch: 3, threads: 1),
        Case(name: "convolution 3×3 stride 1", layers: [.convolution(filters: 3, kernel: 3, stride: 1), .classifier(classes: 3)],
             input: TensorShape(channels: 2, height: 5, width: 4), batch: 2, threads: 2),
        Case(name: "convolution 2×2 stride 2", layers: [.convolution(filters: 4, kernel: 2, stride: 2), .classifier(classes: 3)],
             input: TensorShape(channels: 1, height: 5, width: 5), batch: 2, threads: 1),
        Case(name: "convolution 3×3 Winograd", layers: [.convolution(filters: 16, kernel: 3, stride: 1), .classifier(classes: 3)],
             input: TensorShape(channels: 16, height: 8, width: 9), batch: 1, threads: 2),
        Case(name: "convolution 3×3 Winograd F(4×4, 3×3)",
             layers: [.convolution(filters: 16, kernel: 3, stride: 1), .classifier(classes: 3)],
             input: TensorShape(channels: 16, height: 5, width: 26), batch: 1, threads: 2),
        Case(name: "convolution 5×5 Winograd", layers: [.convolution(filters: 16, kernel: 5, stride: 1), .classifier(classes: 3)],
             input: TensorShape(channels: 16, height: 8, width: 8), batch: 1, threads: 1),
        Case(name: "convolution 1×1", layers: [.convolution(filters: 3, kernel: 1, stride: 1), .classifier(classes: 2)],
             input: TensorShape(channels: 3, height: 3, width: 3), batch: 3, threads: 2),
        Case(name: "max pool", layers: [.maxPool(kernel: 3, stride: 2), .classifier(classes: 3)],
             input: TensorShape(channels: 2, height: 7, width: 6), batch: 2, threads: 2),
        Case(name: "fully connected", layers: [.fullyConnected(units: 6), .classifier(classes: 3)],
             input: TensorShape(channels: 2, height: 3, width: 2), batch: 3, threads: 2),
        // 605 features: the weight gradient and the input gradient in two feature blocks (512 + 93).
        Case(name: "fully connected over two feature blocks", layers: [.fullyConnected(units: 3), .classifier(classes: 2)],
             input: TensorShape(channels: 5, height: 11, width: 11), batch: 2, threads: 2),
        // 132-position maps: channels used in place (no flatten), forward and both gradients per channel.
        Case(name: "fully connected over maps in place", layers: [.fullyConnected(units: 3), .classifier(classes: 2)],
             input: TensorShape(channels: 2, height: 12, width: 11), batch: 3, threads: 2),
        Case(name: "classifier over maps in place", layers: [.classifier(classes: 3)],
             input: TensorShape(channels: 3, height: 11, width: 13), batch: 2, threads: 2),
        Case(name: "global average pool", layers: [.globalAveragePool(classes: 4), .classifier(classes: 4)],
             input: TensorShape(channels: 3, height: 4, width: 3), batch: 2, threads: 1),
        Case(name: "dropout", layers: [.dropout(rate: 0.4), .classifier(classes: 3)],
             input: TensorShape(channels: 2, height: 2, width: 3), batch: 3, threads: 1),
    ]

    @Test(arguments: cases)
    func gradientsMatchFiniteDifferences(_ t: Case) throws {
        let net = try Network(layers: t.layers, input: t.input, maxBatch: t.batch, threads: t.threads, seed: 9)
        net.computesInputGradient = true
        var generator = SeededGenerator(seed: 77)
        var images = (0..<(t.batch * t.input.elementCount)).map { _ in generator.nextUnitFloat() * 2 - 1 }
        let labels = (0..<t.batch).map { Int32($0 % net.classes) }
        let dropoutState = net.generator
        // Which hidden activations ReLU cut to zero: a difference straddling a kink is not a derivative.
        func activePattern() -> [Bool] {
            net.activations.dropFirst().dropLast().flatMap { net.context.arena.array($0).map { $0 > 0 } }
        }
        // The mean loss with the same dropout masks every time.
        func loss() -> Double {
            net.generator = dropoutState
            let r = net.computeGradients(images: Tensor(count: t.batch, shape: t.input, storage: images), labels: labels)
            return Double(r.lossSum) / Double(t.batch)
        }
        var skipped = 0
        /// Central difference at `set(+h)` and `set(−h)`, or nil when a ReLU changed state in between.
        func centralDifference(_ set: (Float) -> Void) -> Float? {
            set(h)
            let plus = loss()
            let plusPattern = activePattern()
            set(-h)
            let minus = loss()
            let minusPattern = activePattern()
            set(0)
            guard plusPattern == minusPattern else {
                skipped += 1
                return nil
            }
            return Float((plus - minus) / Double(2 * h))
        }
        _ = loss()
        let parameterGradient = net.parameterGradients()
        let inputGradient = net.inputGradient(count: t.batch)
        let h: Float = 1e-3
        var parameters = net.parameterValues()
        var checked = 0
        for i in stride(from: 0, to: parameters.count, by: max(1, parameters.count / 40)) {
            let original = parameters[i]
            let numeric = centralDifference { delta in
                parameters[i] = original + delta
                net.setParameterValues(parameters)
            }
            guard let numeric else { continue }
            #expect(abs(numeric - parameterGradient[i]) <= 2e-3 + 2e-2 * abs(numeric),
                    "parameter \(i): analytic \(parameterGradient[i]) numeric \(numeric)")
            checked += 1
        }
        for i in stride(from: 0, to: images.count, by: max(1, images.count / 40)) {
            let original = images[i]
            let numeric = centralDifference { delta in images[i] = original + delta }
            guard let numeric else { continue }
            #expect(abs(numeric - inputGradient[i]) <= 2e-3 + 2e-2 * abs(numeric),
                    "input \(i): analytic \(inputGradient[i]) numeric \(numeric)")
            checked += 1
        }
        #expect(skipped <= checked, "\(skipped) of \(checked + skipped) differences straddled a ReLU kink")
        #expect(checked > 0)
        #expect(parameterGradient.contains { abs($0) > 1e-3 })
        #expect(inputGradient.contains { abs($0) > 1e-3 })
    }

    @Test func dropoutScalesKeptValuesAndZeroesTheRest() throws {
        let shape = TensorShape(channels: 4, height: 8, width: 8)
        let net = try Network(layers: [.dropout(rate: 0.25), .classifier(classes: 2)], input: shape, maxBatch: 4,
                              threads: 1, seed: 3)
        let images = [Float](repeating: 1, count: 4 * shape.elementCount)
        let labels: [Int32] = [0, 1, 0, 1]
        let batch = Tensor(count: 4, shape: shape, storage: images)
        _ = net.computeGradients(images: batch, labels: labels)
        let dropped = net.context.arena.array(net.activations[1])
        let kept = dropped.filter { $0 != 0 }
        #expect(kept.allSatisfy { abs($0 - 1 / 0.75) < 1e-6 })
        let fraction = Double(dropped.count - kept.count) / Double(dropped.count)
        #expect(abs(fraction - 0.25) < 0.05)
        // Eval mode leaves values untouched.
        _ = net.predict(images: batch)
        #expect(net.context.arena.array(net.activations[1]).allSatisfy { $0 == 1 })
    }
}
