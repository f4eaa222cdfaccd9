import Datasets
import Foundation
import ModelExport
import NeuralEngine
import SearchSpace
import TestSupport
import Testing
import Training

/// Exports briefly trained Fashion-MNIST nets and runs them with onnxruntime (the Python named by
/// `METAQNN_ONNX_PYTHON`, which `.ci/run` sets up): ONNX logits must match the engine's.
@Suite struct ONNXRuntimeTests {
    static let environment = ProcessInfo.processInfo.environment
    static let python = environment["METAQNN_ONNX_PYTHON"].flatMap { $0.isEmpty ? nil : $0 }
    static let inCI = environment["CI"].map { !$0.isEmpty } ?? false
    static let directory = DatasetName.fashionMNIST.defaultDirectories[0]
    static let dataInstalled = FileManager.default.fileExists(
        atPath: directory.appendingPathComponent("t10k-images-idx3-ubyte.gz").path)

    /// One net per feature the exporter has to get right: GAP, pools with stride ≠ kernel, stride-2 and
    /// even-kernel SAME padding (odd pixel at the bottom/right), an FC stack, dropout.
    static let nets = [
        "[C(16,3,1), P(3,2), C(24,5,1), GAP(10), SM(10)]",
        "[C(8,5,1), P(5,3), C(16,3,2), P(3,2), FC(32), SM(10)]",
        "[C(12,4,2), C(12,3,3), P(2,2), D(1,3), FC(48), D(2,3), FC(24), D(3,3), SM(10)]",
        "[FC(64), FC(32), SM(10)]",
    ]

    @Test(.enabled(if: (python != nil && dataInstalled) || inCI,
                   "set METAQNN_ONNX_PYTHON to a Python with onnx, onnxruntime and numpy, and install Fashion-MNIST"),
          .timeLimit(.minutes(10)))
    func onnxruntimeGivesTheEngineLogits() throws {
        guard let python = Self.python else {
            Issue.record("CI is set but METAQNN_ONNX_PYTHON is not: .ci/run must create the onnxruntime venv")
            return
        }
        guard Self.dataInstalled else {
            Issue.record("CI is set but Fashion-MNIST is missing at \(Self.directory.path): .ci/run must install it")
            return
        }
        let sets = try DatasetLoader.load(.fashionMNIST)
        let settings = TrainingSettings(batchSize: 50, epochs: 1, threads: 2, validationSize: 500, trainLimit: 3_000)
        let splits = try settings.splits(of: sets, seed: 5)
        // The first 1,000 test images as loaded: byte / 255, what the ONNX model takes.
        let count = 1_000
        let raw = sets.test.subset(Array(0..<count))
        let input = TensorShape(channels: raw.channels, height: raw.height, width: raw.width)
        // What training feeds the engine: the same pixels normalised with the training split's statistics.
        let normalised = ChannelStatistics(mean: splits.mean, std: splits.std).normalise(raw)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("onnx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let pixels = scratch.appendingPathComponent("pixels.f32")
        try Data(raw.images.flatMap { withUnsafeBytes(of: $0.bitPattern.littleEndian, Array.init) }).write(to: pixels)
        let script = try #require(Bundle.module.url(forResource: "check_onnx", withExtension: "py", subdirectory: "Resources"))

        for (index, text) in Self.nets.enumerated() {
            let net = try Architecture(parsing: text)
            let layers = try NetworkBuilder.layers(for: net, classes: 10)
            let network = try NetworkBuilder.network(for: net, input: input, classes: 10, settings: settings,
                                                     learningRate: 0.002, seed: UInt64(index + 1))
            train(network, on: splits.train, steps: 40, batch: settings.batchSize)
            let expected = network.logits(images: normalised.images, count: count)
            let model = try ONNXModel.encode(
                layers: layers, input: input, parameters: network.namedParameters(), mean: splits.mean,
                std: splits.std, metadata: ["net": net.description, "dataset": "fashion-mnist"], producerVersion: "test")
            let modelURL = scratch.appendingPathComponent("net\(index).onnx")
            let logitsURL = scratch.appendingPathComponent("net\(index).logits")
            try Data(model).write(to: modelURL)
            let output = try run(python, [script.path, modelURL.path, pixels.path, "\(count)", "\(input.channels)",
                                          "\(input.height)", "\(input.width)", logitsURL.path])
            let metadata = try JSONDecoder().decode([String: String].self, from: Data(output.utf8))
            #expect(metadata == ["net": net.description, "dataset": "fashion-mnist", "opset": "\(ONNXModel.opset)"])
            let bytes = try [UInt8](Data(contentsOf: logitsURL))
            try #require(bytes.count == 4 * expected.count, "\(text): onnxruntime gave \(bytes.count / 4) logits")
            let actual = (0..<expected.count).map { i in
                Float(bitPattern: UInt32(bytes[4 * i]) | UInt32(bytes[4 * i + 1]) << 8 | UInt32(bytes[4 * i + 2]) << 16
                    | UInt32(bytes[4 * i + 3]) << 24)
            }
            let worst = maxAbsoluteDifference(actual, expected)
            #expect(worst <= 1e-4, "\(text): max |Δ| \(worst)")
            let differing = zip(argmaxes(actual), argmaxes(expected)).filter { $0 != $1 }.count
            #expect(differing == 0, "\(text): \(differing) of \(count) predicted classes differ")
            // A trained net is not constant: the comparison is over varied logits.
            #expect(Set(argmaxes(expected)).count > 3, "\(text) predicts almost one class")
            print("ONNX check \(text): max |Δ| = \(worst) over \(count) images")
        }
    }

    private func train(_ network: Network, on data: ImageDataset, steps: Int, batch: Int) {
        let size = data.imageSize
        let shape = TensorShape(channels: data.channels, height: data.height, width: data.width)
        for step in 0..<steps {
            let first = (step * batch) % (data.count - batch)
            let images = Tensor(count: batch, shape: shape,
                                storage: Array(data.images[(first * size)..<((first + batch) * size)]))
            _ = network.trainStep(images: images, labels: Array(data.labels[first..<(first + batch)]))
        }
    }

    private func argmaxes(_ logits: [Float]) -> [Int] {
        stride(from: 0, to: logits.count, by: 10).map { start in
            let row = logits[start..<(start + 10)]
            return row.firstIndex(of: row.max()!)! - start
        }
    }

    /// Runs `executable arguments` and returns its standard output; a failure is an error with its standard error.
    private func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // The outputs are small (one JSON line, a traceback at most), so reading after exit cannot block.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ScriptFailure(message: String(decoding: stderr, as: UTF8.self))
        }
        return String(decoding: stdout, as: UTF8.self)
    }

    struct ScriptFailure: Error, CustomStringConvertible {
        var message: String
        var description: String { "check_onnx.py failed: \(message)" }
    }
}
