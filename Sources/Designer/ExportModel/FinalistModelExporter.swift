import Foundation
import ModelExport
import NeuralEngine
import SearchSpace
import StoreModel
import Training

/// `export-model`: one finalized net with its trained weights as an ONNX file. Reads the store only;
/// the weights file must match the checksum its finalist row recorded.
public struct FinalistModelExporter: Sendable {
    /// The store to read.
    public var store: any ExperimentStore
    /// Where the weights of a store that is no file are (as `FinalizeRequest.serverStoreWeightsRoot`).
    public var serverStoreWeightsRoot: URL?

    /// An exporter reading `store`, and the weights of a store that is no file under `serverStoreWeightsRoot`.
    public init(store: any ExperimentStore, serverStoreWeightsRoot: URL? = nil) {
        self.store = store
        self.serverStoreWeightsRoot = serverStoreWeightsRoot
    }

    /// What `export` wrote.
    public struct Exported: Sendable, Equatable {
        /// The finalist's canonical net string.
        public var net: String
        /// Its rank among the finalists (1 = best mean validation accuracy).
        public var rank: Int
        /// The training seed of the exported weights.
        public var seed: Int
        /// Test accuracy of these weights, a fraction.
        public var testAccuracy: Double
        /// Size of the ONNX file.
        public var bytes: Int
    }

    /// Writes finalist `rank` (as `FinalistStanding` ranks them) trained from `seed` (nil: its best seed)
    /// to `path` atomically. Everything is checked before the file is written.
    public func export(experiment: String, rank: Int, seed: Int?, onnx path: String) throws -> Exported {
        let output = OutputFile(path: path)
        try OutputFile.check([output], store: store.filePath)
        let standings = FinalistStanding.rank(try store.finalists(experiment: experiment))
        guard !standings.isEmpty else { throw FinalistExportError.noFinalists(experiment: experiment) }
        guard (1...standings.count).contains(rank) else {
            throw FinalistExportError.rankPastFinalists(rank: rank, count: standings.count, experiment: experiment)
        }
        let standing = standings[rank - 1]
        let record = try seed.map { wanted in
            guard let run = standing.runs.first(where: { $0.seed == wanted }) else {
                throw FinalistExportError.seedNotFinalized(rank: rank, net: standing.net, seed: wanted,
                                                           seeds: standing.runs.map(\.seed))
            }
            return run
        } ?? standing.bestRun
        let weights = try FinalistWeights.read(record, root: try FinalistWeights.root(of: store, serverStoreRoot: serverStoreWeightsRoot))
        let model = try onnx(record, weights: weights, experiment: experiment, rank: rank)
        try output.write(bytes: model)
        return Exported(net: record.net, rank: rank, seed: record.seed, testAccuracy: record.testAccuracyAtLast,
                        bytes: model.count)
    }

    /// The ONNX bytes of `record`'s net with its weights; the metadata names net, data, accuracies and tool.
    func onnx(_ record: FinalistRecord, weights: (tensors: [NamedParameter], metadata: [String: String]),
              experiment: String, rank: Int) throws -> [UInt8] {
        let file = try FinalistWeights.root(of: store, serverStoreRoot: serverStoreWeightsRoot)
            .appendingPathComponent(record.weightsFile).path
        let layers: [LayerSpec]
        do {
            let net = try Architecture(parsing: record.net)
            guard case let .softmax(classes)? = net.layers.last else {
                throw FinalistExportError.netUnusable(net: record.net, reason: "it does not end with SM(classes)")
            }
            layers = try NetworkBuilder.layers(for: net, classes: classes)
        } catch let error as FinalistExportError {
            throw error
        } catch {
            throw FinalistExportError.netUnusable(net: record.net, reason: "\(error)")
        }
        let numbers = weights.metadata["input"]?.split(separator: ",").compactMap { Int($0) } ?? []
        guard numbers.count == 3 else {
            throw FinalizeError.weightsUnreadable(path: file, reason: "its metadata has no input shape C,H,W")
        }
        let input = TensorShape(channels: numbers[0], height: numbers[1], width: numbers[2])
        let metadata = [
            "net": record.net, "experiment": experiment, "dataset": weights.metadata["dataset"] ?? "",
            "rank": "\(rank)", "seed": "\(record.seed)", "input": "\(numbers[0]),\(numbers[1]),\(numbers[2])",
            "test_accuracy": "\(record.testAccuracyAtLast)", "validation_accuracy": "\(record.lastValidationAccuracy)",
            "mean": record.normalizationMean.map { "\($0)" }.joined(separator: ","),
            "std": record.normalizationStd.map { "\($0)" }.joined(separator: ","),
            "weights_sha256": record.weightsSHA256, "tool_version": ToolVersion.current,
        ]
        return try ONNXModel.encode(layers: layers, input: input, parameters: weights.tensors,
                                    mean: record.normalizationMean, std: record.normalizationStd, metadata: metadata,
                                    producerVersion: ToolVersion.current)
    }
}
