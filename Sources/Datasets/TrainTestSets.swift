/// A dataset's training pool and its separate test set, as loaded (pixels in [0, 1]).
public struct TrainTestSets: Sendable, Equatable {
    /// The training pool, from which the validation set is also drawn.
    public var train: ImageDataset
    /// The test set, never used for training or model selection.
    public var test: ImageDataset

    /// Pairs a training pool with its test set.
    public init(train: ImageDataset, test: ImageDataset) {
        self.train = train
        self.test = test
    }

    /// The dataset's name without the `/train` suffix.
    public var name: String {
        train.name.hasSuffix("/train") ? String(train.name.dropLast(6)) : train.name
    }
}
