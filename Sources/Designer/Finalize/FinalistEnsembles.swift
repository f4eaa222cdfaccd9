import Datasets
import Foundation
import NeuralEngine
import SearchSpace
import StoreModel
import Training

/// Test accuracy of the averaged softmax of the top k finalist nets, k = 1 … K: every stored seed of
/// each net takes part, so the ensemble of k nets averages k × S models.
enum FinalistEnsembles {
    /// The ensembles of `standings` (ranked best first), each model read back from its checked weights file.
    static func evaluate(_ standings: [FinalistStanding], splits: DataSplits, settings: TrainingSettings,
                         storeDirectory: URL, at time: Double) throws -> [EnsembleRecord] {
        let test = splits.test
        let classes = splits.classes
        let input = TensorShape(channels: test.channels, height: test.height, width: test.width)
        var sum = [Double](repeating: 0, count: test.count * classes)
        var models = 0
        var records: [EnsembleRecord] = []
        for (index, standing) in standings.enumerated() {
            for run in standing.runs {
                let network = try NetworkBuilder.network(for: try Architecture(parsing: run.net), input: input, classes: classes,
                                                         settings: settings, learningRate: settings.learningRate, seed: 0)
                let weights = try FinalistWeights.read(run, root: storeDirectory)
                do {
                    try network.loadNamedParameters(weights.tensors)
                } catch {
                    throw FinalizeError.weightsUnreadable(path: storeDirectory.appendingPathComponent(run.weightsFile).path,
                                                          reason: "\(error)")
                }
                let logits = network.logits(images: test.images, count: test.count)
                for image in 0..<test.count {
                    let row = logits[(image * classes)..<((image + 1) * classes)]
                    let largest = row.max()!
                    let exponentials = row.map { Foundation.exp(Double($0 - largest)) }
                    let total = exponentials.reduce(0, +)
                    for (offset, value) in exponentials.enumerated() { sum[image * classes + offset] += value / total }
                }
                models += 1
            }
            var correct = 0
            for image in 0..<test.count {
                let row = sum[(image * classes)..<((image + 1) * classes)]
                let predicted = row.indices.max { row[$0] < row[$1] }! - image * classes
                if predicted == Int(test.labels[image]) { correct += 1 }
            }
            records.append(EnsembleRecord(size: index + 1, nets: standings.prefix(index + 1).map(\.net), models: models,
                                          testAccuracy: Double(correct) / Double(max(1, test.count)), computedAt: time))
        }
        return records
    }
}
