import Testing
import TestSupport
@testable import NeuralEngine

/// A tiny learnable problem: which quadrant of a noisy 8×8 image holds a bright 3×3 blob.
struct QuadrantProblem {
    static let shape = TensorShape(channels: 1, height: 8, width: 8)
    var images: [Float] = []
    var labels: [Int32] = []

    init(count: Int, seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        for i in 0..<count {
            let label = i % 4
            var image = (0..<64).map { _ in generator.nextUnitFloat() * 0.6 - 0.3 }
            let top = (label / 2) * 4 + Int(generator.next() % 2), left = (label % 2) * 4 + Int(generator.next() % 2)
            for y in top..<(top + 3) { for x in left..<(left + 3) { image[y * 8 + x] += 1 } }
            images += image
            labels.append(Int32(label))
        }
    }

    /// Images first..<first+count as a tensor.
    func tensor(_ first: Int = 0, _ count: Int? = nil) -> Tensor {
        let count = count ?? labels.count - first
        return Tensor(count: count, shape: Self.shape, storage: Array(images[(first * 64)..<((first + count) * 64)]))
    }
}

@Suite("Training")
struct TrainingTests {
    static let layers: [LayerSpec] = [.convolution(filters: 6, kernel: 3, stride: 1), .maxPool(kernel: 2, stride: 2),
                                      .dropout(rate: 0.1), .fullyConnected(units: 16), .classifier(classes: 4)]

    func train(threads: Int, steps: Int, seed: UInt64 = 5) throws -> (Network, first: Float, last: Float) {
        let data = QuadrantProblem(count: 96, seed: 1)
        let net = try Network(layers: Self.layers, input: QuadrantProblem.shape, maxBatch: 32, threads: threads,
                              seed: seed, adam: AdamSettings(learningRate: 0.01))
        var losses: [Float] = []
        for step in 0..<steps {
            let start = (step % 3) * 32
            let r = net.trainStep(images: data.tensor(start, 32), labels: Array(data.labels[start..<(start + 32)]))
            losses.append(r.meanLoss)
        }
        return (net, losses.prefix(3).reduce(0, +) / 3, losses.suffix(3).reduce(0, +) / 3)
    }

    @Test func tinyNetLearnsQuadrants() throws {
        let (net, first, last) = try train(threads: 2, steps: 60)
        #expect(last < first * 0.5, "loss \(first) → \(last)")
        let test = QuadrantProblem(count: 200, seed: 2)
        let result = net.evaluate(images: test.tensor(), labels: test.labels)
        #expect(result.count == 200)
        #expect(result.accuracy >= 0.9, "accuracy \(result.accuracy)")
        let predicted = net.predict(images: test.tensor())
        #expect(predicted.count == 200)
        #expect(zip(predicted, test.labels).filter { $0 == $1 }.count == result.correct)
        // Logits come image after image, over more images than one batch holds, and agree with predict.
        let logits = net.logits(images: test.tensor())
        #expect(logits.count == 200 * 4)
        var best: [Int32] = []
        for n in 0..<200 {
            let row = Array(logits[(n * 4)..<(n * 4 + 4)])
            best.append(Int32(row.firstIndex(of: row.max()!)!))
        }
        #expect(best == predicted)
    }

    @Test func seededTrainingIsBitIdenticalForAFixedThreadCount() throws {
        for threads in [1, 2] {
            let (a, _, _) = try train(threads: threads, steps: 8)
            let (b, _, _) = try train(threads: threads, steps: 8)
            #expect(a.parameterValues() == b.parameterValues())
        }
        let (c, _, _) = try train(threads: 2, steps: 8, seed: 6)
        let (d, _, _) = try train(threads: 2, steps: 8)
        #expect(c.parameterValues() != d.parameterValues())
    }

    /// Every layer kind that sums weight gradients over images: im2col, Winograd F(2×2, 3×3) and
    /// F(2×2, 5×5), pointwise and GAP convolutions, hidden and classifier fully connected layers.
    static let everyReduction: [[LayerSpec]] = [
        [.convolution(filters: 16, kernel: 3, stride: 1), .convolution(filters: 17, kernel: 3, stride: 1),
         .maxPool(kernel: 2, stride: 2), .fullyConnected(units: 16), .classifier(classes: 4)],
        [.convolution(filters: 16, kernel: 1, stride: 1), .convolution(filters: 16, kernel: 5, stride: 1),
         .convolution(filters: 5, kernel: 3, stride: 2), .globalAveragePool(classes: 4), .classifier(classes: 4)],
    ]

    /// Tasks are cut from the batch alone and their partial gradients summed in task order, so the thread
    /// count and whichever thread ran which task cannot change a seeded run. With one thread the tasks run
    /// in order on one thread; with two or three they interleave, so a sum in thread or completion order
    /// would differ in the last bits.
    @Test(arguments: everyReduction)
    func seededTrainingIsBitIdenticalAcrossThreadCounts(layers: [LayerSpec]) throws {
        let data = QuadrantProblem(count: 69, seed: 7)
        func trained(threads: Int) throws -> [Float] {
            let net = try Network(layers: layers, input: QuadrantProblem.shape, maxBatch: 32, threads: threads,
                                  seed: 11, adam: AdamSettings(learningRate: 0.01))
            // 32 images make the most tasks (8 of 4); 5 make one task per image; 32 again after both.
            for (first, count) in [(0, 32), (32, 5), (37, 32)] {
                _ = net.trainStep(images: data.tensor(first, count),
                                  labels: Array(data.labels[first..<(first + count)]))
            }
            return net.parameterValues()
        }
        let one = try trained(threads: 1)
        #expect(try trained(threads: 2) == one)
        #expect(try trained(threads: 3) == one)
        for _ in 0..<3 { #expect(try trained(threads: 2) == one) }
    }

    /// Fully connected layers over maps of at least `FullyConnectedKernels.directPlane` positions use each
    /// channel in place (a different split of the work): still the same bits at any thread count.
    @Test func fullyConnectedOverLargeMapsIsBitIdenticalAcrossThreadCounts() throws {
        let shape = TensorShape(channels: 3, height: 12, width: 12)
        #expect(!FullyConnectedKernels.flattens(shape))
        var generator = SeededGenerator(seed: 5)
        let images = (0..<(69 * shape.elementCount)).map { _ in generator.nextUnitFloat() * 2 - 1 }
        let labels = (0..<69).map { Int32($0 % 3) }
        func trained(threads: Int) throws -> [Float] {
            let net = try Network(layers: [.fullyConnected(units: 5), .classifier(classes: 3)], input: shape, maxBatch: 40,
                                  threads: threads, seed: 11, adam: AdamSettings(learningRate: 0.01))
            // 40 images: two forward tasks (32 + 8); then one short batch; then 24.
            for (first, count) in [(0, 40), (40, 5), (45, 24)] {
                let slice = Array(images[(first * shape.elementCount)..<((first + count) * shape.elementCount)])
                _ = net.trainStep(images: Tensor(count: count, shape: shape, storage: slice),
                                  labels: Array(labels[first..<(first + count)]))
            }
            return net.parameterValues()
        }
        let one = try trained(threads: 1)
        #expect(try trained(threads: 2) == one)
        #expect(try trained(threads: 3) == one)
    }

    @Test func smallerBatchesAndLearningRateHookWork() throws {
        let data = QuadrantProblem(count: 5, seed: 3)
        let net = try Network(layers: Self.layers, input: QuadrantProblem.shape, maxBatch: 32, threads: 2, seed: 1)
        net.learningRate = 0
        let before = net.parameterValues()
        let r = net.trainStep(images: data.tensor(), labels: data.labels)
        #expect(r.count == 5)
        // Zero learning rate: Adam moves nothing (weight decay acts through the step size too).
        #expect(net.parameterValues() == before)
        net.learningRate = 0.01
        _ = net.trainStep(images: data.tensor(), labels: data.labels)
        #expect(net.parameterValues() != before)
    }

    @Test func wideLayersSplitAdamOverThreadsWithoutChangingTheResult() throws {
        // 1,100 × 64 inputs > 65,536 parameters, so Adam runs split over threads.
        let layers: [LayerSpec] = [.fullyConnected(units: 1100), .classifier(classes: 4)]
        let data = QuadrantProblem(count: 16, seed: 4)
        func trained(threads: Int) throws -> [Float] {
            let net = try Network(layers: layers, input: QuadrantProblem.shape, maxBatch: 16, threads: threads, seed: 3)
            #expect(net.parameterCount > 65_536)
            for _ in 0..<3 {
                _ = net.trainStep(images: data.tensor(), labels: data.labels)
            }
            return net.parameterValues()
        }
        let two = try trained(threads: 2)
        #expect(try trained(threads: 2) == two)
        // Gradient sums follow the batch's tasks, not the threads, so other thread counts agree bit for bit.
        #expect(try trained(threads: 1) == two)
    }
}
