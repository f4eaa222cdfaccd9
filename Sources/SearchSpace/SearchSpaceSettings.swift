/// Everything that defines a MetaQNN search: the layer choices (spec §2, §8) and the
/// Q-learning constants that go with them (spec §4).
///
/// JSON files use the snake_case keys below; only the space's shape (`input_size`,
/// `layer_limit`, `conv_depths`, `conv_sizes`, `pool_options`, `fc_sizes`, `max_fc`) is
/// required, every other key defaults to the paper's value.
public struct SearchSpaceSettings: Codable, Hashable, Sendable {
    /// Name shown in reports (`paper-cifar10`, or the file name of a custom space).
    public var name: String
    /// Side of the square input image.
    public var inputSize: Int
    /// Channels of the input image (3 for colour, 1 for grey).
    public var inputChannels: Int
    /// Number of classes, the argument of `GAP(c)` and `SM(c)`.
    public var classes: Int
    /// Maximum number of layers before the classifier.
    public var layerLimit: Int
    /// Filter counts a convolution may have.
    public var convDepths: [Int]
    /// Kernel sides a convolution may have (stride is always 1).
    public var convSizes: [Int]
    /// Pooling (kernel, stride) pairs, in the order their actions are listed.
    public var poolOptions: [PoolOption]
    /// Neuron counts a fully connected layer may have.
    public var fcSizes: [Int]
    /// Maximum number of fully connected layers (0 disables them).
    public var maxFC: Int
    /// Fully connected layers may follow a spatial layer only when its bucketed side is at most this.
    public var fcMaxImageSize: Int
    /// Whether pooling may be the first layer.
    public var allowInitialPooling: Bool
    /// Whether pooling may follow pooling.
    public var allowConsecutivePooling: Bool
    /// Bucket edges, strictly decreasing and ending in 1: a side R maps to the largest edge ≤ R.
    public var imageSizeBuckets: [Int]
    /// Initial Q value of every (state, action).
    public var initUtility: Double
    /// Trajectories replayed after every newly trained model.
    public var replayNumber: Int
    /// Q-learning rate α.
    public var learningRate: Double
    /// Discount factor γ.
    public var discount: Double
    /// Unique models to train at each ε.
    public var epsilonSchedule: EpsilonSchedule

    /// Settings from every field; the defaults are the paper's.
    public init(
        name: String, inputSize: Int, inputChannels: Int, classes: Int = 10, layerLimit: Int,
        convDepths: [Int], convSizes: [Int], poolOptions: [PoolOption], fcSizes: [Int], maxFC: Int,
        fcMaxImageSize: Int = 4, allowInitialPooling: Bool = false, allowConsecutivePooling: Bool = false,
        imageSizeBuckets: [Int] = [8, 4, 1], initUtility: Double = 0.5, replayNumber: Int = 128,
        learningRate: Double = 0.01, discount: Double = 1, epsilonSchedule: EpsilonSchedule = .paper
    ) {
        self.name = name
        self.inputSize = inputSize
        self.inputChannels = inputChannels
        self.classes = classes
        self.layerLimit = layerLimit
        self.convDepths = convDepths
        self.convSizes = convSizes
        self.poolOptions = poolOptions
        self.fcSizes = fcSizes
        self.maxFC = maxFC
        self.fcMaxImageSize = fcMaxImageSize
        self.allowInitialPooling = allowInitialPooling
        self.allowConsecutivePooling = allowConsecutivePooling
        self.imageSizeBuckets = imageSizeBuckets
        self.initUtility = initUtility
        self.replayNumber = replayNumber
        self.learningRate = learningRate
        self.discount = discount
        self.epsilonSchedule = epsilonSchedule
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, classes
        case inputSize = "input_size", inputChannels = "input_channels", layerLimit = "layer_limit"
        case convDepths = "conv_depths", convSizes = "conv_sizes", poolOptions = "pool_options"
        case fcSizes = "fc_sizes", maxFC = "max_fc", fcMaxImageSize = "fc_max_image_size"
        case allowInitialPooling = "allow_initial_pooling", allowConsecutivePooling = "allow_consecutive_pooling"
        case imageSizeBuckets = "image_size_buckets", initUtility = "init_utility"
        case replayNumber = "replay_number", learningRate = "learning_rate", discount
        case epsilonSchedule = "epsilon_schedule"
    }

    /// Decodes a space; optional keys fall back to the paper's values (see the type's summary).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try c.decodeIfPresent(String.self, forKey: .name) ?? "custom",
            inputSize: try c.decode(Int.self, forKey: .inputSize),
            inputChannels: try c.decodeIfPresent(Int.self, forKey: .inputChannels) ?? 3,
            classes: try c.decodeIfPresent(Int.self, forKey: .classes) ?? 10,
            layerLimit: try c.decode(Int.self, forKey: .layerLimit),
            convDepths: try c.decode([Int].self, forKey: .convDepths),
            convSizes: try c.decode([Int].self, forKey: .convSizes),
            poolOptions: try c.decode([PoolOption].self, forKey: .poolOptions),
            fcSizes: try c.decode([Int].self, forKey: .fcSizes),
            maxFC: try c.decode(Int.self, forKey: .maxFC),
            fcMaxImageSize: try c.decodeIfPresent(Int.self, forKey: .fcMaxImageSize) ?? 4,
            allowInitialPooling: try c.decodeIfPresent(Bool.self, forKey: .allowInitialPooling) ?? false,
            allowConsecutivePooling: try c.decodeIfPresent(Bool.self, forKey: .allowConsecutivePooling) ?? false,
            imageSizeBuckets: try c.decodeIfPresent([Int].self, forKey: .imageSizeBuckets) ?? [8, 4, 1],
            initUtility: try c.decodeIfPresent(Double.self, forKey: .initUtility) ?? 0.5,
            replayNumber: try c.decodeIfPresent(Int.self, forKey: .replayNumber) ?? 128,
            learningRate: try c.decodeIfPresent(Double.self, forKey: .learningRate) ?? 0.01,
            discount: try c.decodeIfPresent(Double.self, forKey: .discount) ?? 1,
            epsilonSchedule: try c.decodeIfPresent(EpsilonSchedule.self, forKey: .epsilonSchedule) ?? .paper)
    }
}
