import Datasets
import SearchSpace
@testable import Training

/// Small in-memory datasets for training tests.
enum ToyData {
    /// Two-pixel images whose class is the brighter pixel (plus seeded noise): easy to learn.
    static func separable(count: Int, seed: UInt64, name: String) -> ImageDataset {
        var rng = SplitMix64(seed: seed)
        var images: [Float] = []
        var labels: [Int32] = []
        for i in 0..<count {
            let label = Int32(i % 2)
            let noise = Float(rng.next() % 1000) / 1000 * 0.4
            images += label == 0 ? [1 - noise, noise] : [noise, 1 - noise]
            labels.append(label)
        }
        return ImageDataset(name: name, channels: 1, height: 1, width: 2, classes: 2, images: images, labels: labels)
    }

    /// Images of pure noise with uniformly random labels over `classes`: nothing to learn.
    static func randomLabels(count: Int, classes: Int, seed: UInt64, name: String) -> ImageDataset {
        var rng = SplitMix64(seed: seed)
        var images: [Float] = []
        var labels: [Int32] = []
        for _ in 0..<count {
            for _ in 0..<4 { images.append(Float(rng.next() % 1000) / 1000) }
            labels.append(Int32(rng.next() % UInt64(classes)))
        }
        return ImageDataset(name: name, channels: 1, height: 2, width: 2, classes: classes, images: images, labels: labels)
    }

    /// Splits a training pool and test set with the given validation size.
    static func splits(train: ImageDataset, test: ImageDataset, validationSize: Int, seed: UInt64 = 5) throws -> DataSplits {
        var rng = SplitMix64(seed: seed)
        return try DataSplits(splitting: TrainTestSets(train: train, test: test), validationSize: validationSize, using: &rng)
    }
}
