import Datasets
import SearchSpace

/// A tiny generated image set for fast end-to-end and crash tests (the CLI's hidden `--synthetic-data`):
/// class k lights up horizontal band k of the image, under seeded noise, so small nets can learn it.
public enum SyntheticData {
    /// Training pool and test set of `side`×`side` greyscale images in `classes` classes.
    public static func make(side: Int = 6, classes: Int = 3, trainCount: Int = 120, testCount: Int = 30,
                            seed: UInt64 = 7) -> TrainTestSets {
        precondition(side >= classes && classes >= 2 && trainCount >= classes && testCount >= 1,
                     "synthetic data needs side ≥ classes ≥ 2 and at least one image per class")
        var generator = SplitMix64(seed: seed)
        func set(_ count: Int, _ name: String) -> ImageDataset {
            var images = [Float](repeating: 0, count: count * side * side)
            var labels = [Int32](repeating: 0, count: count)
            let band = side / classes
            for index in 0..<count {
                let label = index % classes
                labels[index] = Int32(label)
                for row in 0..<side {
                    let lit = row / band == label
                    for column in 0..<side {
                        let noise = Float(generator.next() >> 40) / Float(1 << 24) * 0.5
                        images[(index * side + row) * side + column] = (lit ? 0.5 : 0) + noise
                    }
                }
            }
            return ImageDataset(name: name, channels: 1, height: side, width: side, classes: classes,
                                images: images, labels: labels)
        }
        return TrainTestSets(train: set(trainCount, "synthetic/train"), test: set(testCount, "synthetic/test"))
    }
}
