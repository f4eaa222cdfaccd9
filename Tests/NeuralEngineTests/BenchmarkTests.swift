import Testing
@testable import NeuralEngine

@Suite struct BenchmarkTests {
    @Test func medianIsTheMiddleValueOrTheMeanOfTheMiddleTwo() {
        #expect(Benchmark.median([7]) == 7)
        #expect(Benchmark.median([9, 1, 4]) == 4)
        #expect(Benchmark.median([10, 1, 3, 4]) == 3.5)
        #expect(Benchmark.median([2, 2, 100, 1, 3]) == 2)
    }

    /// Each rate is the median of its windows, one rate per window, and every window ran at least 3 steps.
    @Test func measureReportsTheMedianOfItsWindows() throws {
        let layers: [LayerSpec] = [.convolution(filters: 4, kernel: 3, stride: 1), .classifier(classes: 3)]
        let shape = TensorShape(channels: 1, height: 6, width: 6)
        let m = try Benchmark.measure(layers: layers, input: shape, batch: 4, threads: 1, seconds: 0.002, windows: 3)
        #expect(m.trainWindows.count == 3)
        #expect(m.inferenceWindows.count == 3)
        #expect(m.trainImagesPerSecond == Benchmark.median(m.trainWindows))
        #expect(m.inferenceImagesPerSecond == Benchmark.median(m.inferenceWindows))
        #expect(m.trainSteps >= 9)
        #expect(m.trainWindows.allSatisfy { $0 > 0 } && m.inferenceWindows.allSatisfy { $0 > 0 })
        let one = try Benchmark.measure(layers: layers, input: shape, batch: 4, threads: 1, seconds: 0.002)
        #expect(one.trainWindows.count == 1 && one.trainImagesPerSecond == one.trainWindows[0])
    }
}
