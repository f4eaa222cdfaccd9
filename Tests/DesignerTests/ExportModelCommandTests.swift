import Designer
import Foundation
import ModelExport
import NeuralEngine
import ReplayStore
import StoreModel
import Testing

/// `metaqnn export-model` on a store with two finalized nets whose weights files lie beside it.
@Suite struct ExportModelCommandTests {
    static let best = "[C(4,3,1), P(3,2), FC(8), SM(10)]"
    static let second = "[C(6,3,2), GAP(10), SM(10)]"
    static let input = TensorShape(channels: 1, height: 8, width: 8)

    /// A store in `dir/Replay/exp.sqlite` with finalists (best: seeds 1 and 2; second: seed 1) and an
    /// experiment `empty` without any; returns the weights files' paths.
    static func makeStore(in dir: String) throws -> [String] {
        let replay = dir + "/Replay"
        try FileManager.default.createDirectory(atPath: replay + "/exp-models", withIntermediateDirectories: true)
        let store = try ReplayStore(path: replay + "/exp.sqlite", mode: .createIfMissing)
        for name in ["exp", "empty"] {
            try store.createExperiment(ExperimentRecord(name: name, kind: .search, status: .finished, seed: 1,
                                                        searchSpaceJSON: "{}", settingsJSON: #"{"dataset":"digits"}"#,
                                                        rngState: 1, createdAt: 1, updatedAt: 1))
        }
        var files: [String] = []
        for (rank, net, seed, accuracy) in [(1, best, 1, 0.9), (1, best, 2, 0.92), (2, second, 1, 0.8)] {
            let layers: [LayerSpec] = net == best
                ? [.convolution(filters: 4, kernel: 3, stride: 1), .maxPool(kernel: 3, stride: 2), .fullyConnected(units: 8),
                   .classifier(classes: 10)]
                : [.convolution(filters: 6, kernel: 3, stride: 2), .globalAveragePool(classes: 10), .classifier(classes: 10)]
            let network = try Network(layers: layers, input: input, maxBatch: 1, threads: 1, seed: UInt64(seed))
            let bytes = Safetensors.encode(network.namedParameters(), metadata: [
                "net": net, "dataset": "digits", "input": "1,8,8", "mean": "0.25", "std": "0.5", "seed": "\(seed)",
                "experiment": "exp"])
            let name = "exp-models/rank\(rank)-seed\(seed).safetensors"
            try Data(bytes).write(to: URL(fileURLWithPath: replay + "/" + name))
            files.append(replay + "/" + name)
            _ = try store.write(experiment: "exp") { tx in
                try tx.insertFinalist(FinalistRecord(
                    selectionRank: rank, net: net, seed: seed, settingsJSON: "{}", epochsJSON: "[]",
                    bestValidationAccuracy: accuracy, lastValidationAccuracy: accuracy, testAccuracyAtBest: accuracy,
                    testAccuracyAtLast: accuracy - 0.01, parameterCount: network.parameterCount,
                    forwardFLOPs: network.forwardFLOPsPerImage, seconds: 1, weightsFile: name,
                    weightsSHA256: SHA256.hex(of: bytes), normalizationMean: [0.25], normalizationStd: [0.5],
                    worker: "w0", finishedAt: 1))
            }
        }
        return files
    }

    private static func storeDigest(_ dir: String) throws -> String {
        SHA256.hex(of: [UInt8](try Data(contentsOf: URL(fileURLWithPath: dir + "/Replay/exp.sqlite"))))
    }

    @Test(.enabled(if: ImportKillTests.executable != nil)) func exportsTheBestSeedOfTheChosenRank() throws {
        let dir = try StoreCommandErrorTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try Self.makeStore(in: dir)
        let before = try Self.storeDigest(dir)
        let run = try StoreCommandErrorTests.metaqnn(["export-model", "--experiment", "exp", "--onnx", "best.onnx"], in: dir)
        #expect(run.status == 0, "\(run.error)")
        let model = try [UInt8](Data(contentsOf: URL(fileURLWithPath: dir + "/best.onnx")))
        let text = String(decoding: model, as: UTF8.self)
        #expect(model.prefix(2) == [0x08, UInt8(ONNXModel.irVersion)])
        // Rank 1 without --seed: seed 2, the better validation accuracy.
        #expect(text.contains(Self.best) && text.contains("tool_version") && text.contains(ToolVersion.current))
        #expect(text.contains("test_accuracy") && text.contains("0.91"))
        let second = try StoreCommandErrorTests.metaqnn(
            ["export-model", "--experiment", "exp", "--store", "Replay/exp.sqlite", "--rank", "2", "--seed", "1",
             "--onnx", "second.onnx"], in: dir)
        #expect(second.status == 0, "\(second.error)")
        let secondText = String(decoding: try Data(contentsOf: URL(fileURLWithPath: dir + "/second.onnx")), as: UTF8.self)
        #expect(secondText.contains(Self.second) && secondText.contains("GlobalAveragePool"))
        #expect(try Self.storeDigest(dir) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "temporary files left: \(leftovers)")
    }

    @Test(.enabled(if: ImportKillTests.executable != nil)) func badRequestsAreOneSentenceAndChangeNothing() throws {
        let dir = try StoreCommandErrorTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let files = try Self.makeStore(in: dir)
        let before = try Self.storeDigest(dir)
        let cases: [([String], String)] = [
            (["--rank", "3"], "--rank 3 is past the 2 finalized nets of experiment 'exp'"),
            (["--seed", "7"], "was not trained from seed 7; choose one of its seeds: 1, 2."),
            (["--onnx", "no/such/folder/x.onnx"], "Cannot write no/such/folder/x.onnx"),
            (["--onnx", "Replay/exp.sqlite"], "is the replay store"),
            (["--experiment", "empty"], "Experiment 'empty' has no finalized nets to export"),
        ]
        for (extra, fragment) in cases {
            var arguments = ["export-model", "--experiment", "exp", "--store", "Replay/exp.sqlite"]
            if !extra.contains("--onnx") { arguments += ["--onnx", "out.onnx"] }
            let run = try StoreCommandErrorTests.metaqnn(arguments + extra, in: dir)
            #expect(StoreCommandErrorTests.isOneSentence(run, containing: fragment), "\(extra): \(run.error)")
        }
        // A usage error: ArgumentParser's exit status 64, the sentence first, then the usage line.
        let zero = try StoreCommandErrorTests.metaqnn(["export-model", "--rank", "0", "--onnx", "out.onnx"], in: dir)
        #expect(zero.status == 64 && zero.error.hasPrefix("Error: --rank 0 is not a finalist;"), "\(zero.error)")
        // A weights file that differs from the stored one, then one that is gone.
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: files[1])))
        bytes[bytes.count - 1] ^= 1
        try Data(bytes).write(to: URL(fileURLWithPath: files[1]))
        let changed = try StoreCommandErrorTests.metaqnn(["export-model", "--experiment", "exp", "--onnx", "out.onnx"], in: dir)
        #expect(StoreCommandErrorTests.isOneSentence(changed, containing: "SHA-256"), "\(changed.error)")
        try FileManager.default.removeItem(atPath: files[1])
        let missing = try StoreCommandErrorTests.metaqnn(["export-model", "--experiment", "exp", "--onnx", "out.onnx"], in: dir)
        #expect(StoreCommandErrorTests.isOneSentence(missing, containing: "is missing"), "\(missing.error)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/out.onnx"))
        #expect(try Self.storeDigest(dir) == before)
    }
}
