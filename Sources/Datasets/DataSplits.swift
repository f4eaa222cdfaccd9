/// Training, validation and test sets ready for training: normalised with statistics of the training split only.
public struct DataSplits: Sendable {
    /// The images the network is trained on (normalised).
    public var train: ImageDataset
    /// The stratified validation set drawn from the training pool (normalised); it selects models.
    public var validation: ImageDataset
    /// The dataset's separate test set (normalised); it never influences training or selection.
    public var test: ImageDataset
    /// Per-channel mean of the training split, subtracted from every split.
    public var mean: [Float]
    /// Per-channel standard deviation of the training split, dividing every split.
    public var std: [Float]

    /// Wraps already prepared splits.
    public init(train: ImageDataset, validation: ImageDataset, test: ImageDataset, mean: [Float], std: [Float]) {
        self.train = train
        self.validation = validation
        self.test = test
        self.mean = mean
        self.std = std
    }

    /// Splits `sets.train` into a stratified validation set of `validationSize` (nil: `defaultValidationSize`)
    /// and a training split, optionally cut to a stratified `trainLimit`, then normalises all three
    /// with the training split's per-channel statistics.
    public init(splitting sets: TrainTestSets, validationSize: Int? = nil, trainLimit: Int? = nil,
                using generator: inout some RandomNumberGenerator) throws(DatasetError) {
        let pool = sets.train
        let classes = pool.classes
        let size = validationSize ?? Self.defaultValidationSize(pool: pool.count)
        guard size >= 1, size < pool.count else {
            throw .invalidValidationSize(requested: size, available: pool.count)
        }
        let (validationIndices, trainIndices) = StratifiedSampler.split(labels: pool.labels, classes: classes, size: size, using: &generator)
        var kept = trainIndices
        if let limit = trainLimit, limit < trainIndices.count {
            guard limit >= classes else {
                throw .invalidTrainLimit(requested: limit, available: trainIndices.count, classes: classes)
            }
            let labels = trainIndices.map { pool.labels[$0] }
            let chosen = StratifiedSampler.split(labels: labels, classes: classes, size: limit, using: &generator).sample
            kept = chosen.map { trainIndices[$0] }
        } else if let limit = trainLimit, limit < 1 {
            throw .invalidTrainLimit(requested: limit, available: trainIndices.count, classes: classes)
        }
        let base = sets.name
        let rawTrain = pool.subset(kept, name: "\(base)/train")
        let statistics = ChannelStatistics(of: rawTrain)
        self.init(train: statistics.normalise(rawTrain),
                  validation: statistics.normalise(pool.subset(validationIndices, name: "\(base)/validation")),
                  test: statistics.normalise(sets.test),
                  mean: statistics.mean, std: statistics.std)
    }

    /// The paper's 5,000 validation images, or a fifth of the pool when that is smaller (small sets).
    public static func defaultValidationSize(pool: Int) -> Int {
        min(5_000, pool / 5)
    }

    /// Number of classes.
    public var classes: Int { train.classes }
}
