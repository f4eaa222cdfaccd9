/// Everything that defines a MetaQNN search: the state space (spec §1–2, §8), the Q-learning
/// hyperparameters and the ε schedule (spec §4). Presets live in `SearchSpaceSettings+Presets`.
public struct SearchSpaceSettings: Hashable, Sendable {
    /// A name for reports: the preset name, or whatever a space file calls itself.
    public var name: String
    /// Side R of the square input images.
    public var inputSize: Int
    /// Channels of the input images (3 for colour, 1 for grey).
    public var inputChannels: Int
    /// Classes of the task: the size of `GAP(c)` and `SM(c)`.
    public var classes: Int
    /// Layers allowed before the classifier (`layer_limit`).
    public var layerLimit: Int
    /// Filter counts a conv layer may have.
    public var convDepths: [Int]
    /// Kernel sides a conv layer may have (stride is always 1, SAME padding).
    public var convSizes: [Int]
    /// (kernel, stride) pairs a pool layer may have, in action order.
    public var poolOptions: [PoolOption]
    /// Units an fc layer may have.
    public var fcSizes: [Int]
    /// Most fc layers in a row (`max_fc`).
    public var maxFC: Int
    /// fc layers may follow start, conv or pool only when the bucketed R is at most this.
    public var fcMaxImageSize: Int
    /// Whether pooling may be the first layer.
    public var allowInitialPooling: Bool
    /// Whether pooling may follow pooling.
    public var allowConsecutivePooling: Bool
    /// Bucket edges for R, descending: R ≥ edge maps to the first such edge, anything smaller to 1.
    public var imageSizeBuckets: [Int]
    /// Initial Q value of every action (`init_utility`).
    public var initUtility: Double
    /// Trajectories replayed after each newly recorded model (`replay_number`).
    public var replayNumber: Int
    /// Q-learning rate α.
    public var learningRate: Double
    /// Discount γ.
    public var discount: Double
    /// The ε schedule.
    public var epsilonSchedule: EpsilonSchedule

    /// Settings from every field; call `validate()` before trusting user-supplied values.
    public init(
        name: String, inputSize: Int, inputChannels: Int, classes: Int = 10, layerLimit: Int,
        convDepths: [Int], convSizes: [Int], poolOptions: [PoolOption], fcSizes: [Int], maxFC: Int,
        fcMaxImageSize: Int = 4, allowInitialPooling: Bool = false, allowConsecutivePooling: Bool = false,
        imageSizeBuckets: [Int] = [8, 4], initUtility: Double = 0.5, replayNumber: Int = 128,
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

    /// The bucket of a representation size: the first edge R reaches, else 1 (spec §1).
    public func bucket(imageSize: Int) -> Int {
        for edge in imageSizeBuckets where imageSize >= edge { return edge }
        return 1
    }

    /// These settings with the input size and/or layer limit replaced (the CLI overrides).
    public func overriding(inputSize: Int? = nil, layerLimit: Int? = nil, epsilonSchedule: EpsilonSchedule? = nil) -> SearchSpaceSettings {
        var copy = self
        if let inputSize { copy.inputSize = inputSize }
        if let layerLimit { copy.layerLimit = layerLimit }
        if let epsilonSchedule { copy.epsilonSchedule = epsilonSchedule }
        return copy
    }

    /// Checks the settings; throws the first problem as a one-sentence error.
    public func validate() throws(SearchSpaceSettingsError) {
        typealias E = SearchSpaceSettingsError
        guard inputSize >= 1 else { throw E.invalidValue("inputSize", "\(inputSize)", "at least 1") }
        guard inputChannels >= 1 else { throw E.invalidValue("inputChannels", "\(inputChannels)", "at least 1") }
        guard classes >= 2 else { throw E.invalidValue("classes", "\(classes)", "at least 2") }
        guard layerLimit >= 0 else { throw E.invalidValue("layerLimit", "\(layerLimit)", "0 or more") }
        guard !convDepths.isEmpty else { throw E.emptyList("convDepths") }
        guard !convSizes.isEmpty else { throw E.emptyList("convSizes") }
        try Self.checkPositiveUnique(convDepths, "convDepths")
        try Self.checkPositiveUnique(convSizes, "convSizes")
        try Self.checkPositiveUnique(fcSizes, "fcSizes")
        for kernel in convSizes where kernel >= inputSize {
            throw E.kernelNotSmallerThanInput(list: "convSizes", kernel: kernel, inputSize: inputSize)
        }
        for option in poolOptions {
            guard option.kernel >= 1, option.stride >= 1 else {
                throw E.invalidValue("poolOptions", "\(option)", "a kernel and stride of at least 1")
            }
            guard option.kernel < inputSize else {
                throw E.kernelNotSmallerThanInput(list: "poolOptions", kernel: option.kernel, inputSize: inputSize)
            }
        }
        if Set(poolOptions).count != poolOptions.count { throw E.duplicate("poolOptions") }
        if !fcSizes.isEmpty, maxFC < 1 {
            throw E.invalidValue("maxFC", "\(maxFC)", "at least 1 when fcSizes is not empty (leave fcSizes empty for no fc layers)")
        }
        guard maxFC >= 0 else { throw E.invalidValue("maxFC", "\(maxFC)", "0 or more") }
        guard fcMaxImageSize >= 0 else { throw E.invalidValue("fcMaxImageSize", "\(fcMaxImageSize)", "0 or more") }
        for (previous, edge) in zip([Int.max] + imageSizeBuckets, imageSizeBuckets) where edge <= 1 || edge >= previous {
            throw E.invalidValue("imageSizeBuckets", "\(imageSizeBuckets)", "strictly decreasing edges above 1, like [8, 4]")
        }
        guard initUtility.isFinite else { throw E.invalidValue("initUtility", "\(initUtility)", "a finite number") }
        guard replayNumber >= 0 else { throw E.invalidValue("replayNumber", "\(replayNumber)", "0 or more") }
        guard learningRate > 0, learningRate <= 1 else {
            throw E.invalidValue("learningRate", "\(learningRate)", "in (0, 1]")
        }
        guard discount >= 0, discount <= 1 else { throw E.invalidValue("discount", "\(discount)", "in [0, 1]") }
        do { try epsilonSchedule.validate() } catch { throw E.schedule(error) }
    }

    private static func checkPositiveUnique(_ values: [Int], _ name: String) throws(SearchSpaceSettingsError) {
        for value in values where value < 1 {
            throw .invalidValue(name, "\(value)", "at least 1 in every entry")
        }
        if Set(values).count != values.count { throw .duplicate(name) }
    }
}
