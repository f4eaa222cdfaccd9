/// A rule of the search space that a layer of a net string breaks (spec §2).
public enum NetRule: Hashable, Sendable, CustomStringConvertible {
    /// The net does not end with `SM(classes)`.
    case missingClassifier
    /// `SM` appears before the last layer.
    case classifierNotLast
    /// `GAP(c)` or `SM(c)` names a class count other than the space's.
    case wrongClasses(found: Int, expected: Int)
    /// Only `SM` may follow `GAP`.
    case layerAfterGAP
    /// The space allows at most this many layers before `SM`.
    case layerLimit(Int)
    /// Only `FC` or `SM` may follow `FC`.
    case layerAfterFC
    /// The conv filter count is not one of the space's.
    case convDepth(Int, allowed: [Int])
    /// The conv kernel is not one of the space's.
    case convSize(Int, allowed: [Int])
    /// Conv layers in the space have stride 1.
    case convStride(Int)
    /// A conv or pool kernel is not smaller than the bucketed image size it is applied to.
    case kernelNotSmallerThanImage(kernel: Int, bucketedSize: Int, trueSize: Int)
    /// Pooling may not be the first layer in this space.
    case initialPooling
    /// Pooling may not follow pooling in this space.
    case consecutivePooling
    /// The (kernel, stride) pair is not one of the space's pool options.
    case poolOption(PoolOption, allowed: [PoolOption])
    /// fc may follow a feature map only when its bucketed size is small enough.
    case fcImageTooLarge(bucketedSize: Int, limit: Int)
    /// The fc width is not one of the space's.
    case fcSize(Int, allowed: [Int])
    /// More fc layers in a row than the space's max_fc.
    case tooManyFC(max: Int)
    /// An fc layer may not be wider than the fc layer before it.
    case fcWiderThanPrevious(Int, previous: Int)
    /// The transition is not an action of the space for another reason.
    case notAnAction

    /// The rule as a clause, e.g. "consecutive pooling is not allowed".
    public var description: String {
        switch self {
        case .missingClassifier: "the net must end with SM(classes)"
        case .classifierNotLast: "SM must be the last layer"
        case let .wrongClasses(found, expected): "it names \(found) classes but the space has \(expected)"
        case .layerAfterGAP: "only SM may follow GAP"
        case let .layerLimit(limit): "the space allows at most \(limit) layers before SM (dropout not counted)"
        case .layerAfterFC: "only FC or SM may follow FC"
        case let .convDepth(d, allowed): "\(d) filters is not one of the space's conv depths \(allowed)"
        case let .convSize(k, allowed): "kernel \(k) is not one of the space's conv sizes \(allowed)"
        case let .convStride(s): "conv stride is \(s) but the space only has stride 1"
        case let .kernelNotSmallerThanImage(k, bucket, size):
            "kernel \(k) is not smaller than the bucketed image size \(bucket) (true size \(size))"
        case .initialPooling: "pooling may not be the first layer in this space"
        case .consecutivePooling: "pooling may not follow pooling in this space"
        case let .poolOption(option, allowed):
            "pool \(option) is not one of the space's pool options \(allowed.map(\.description).joined(separator: ", "))"
        case let .fcImageTooLarge(bucket, limit):
            "FC may only follow a feature map of bucketed size at most \(limit), not \(bucket)"
        case let .fcSize(n, allowed): "\(n) units is not one of the space's fc sizes \(allowed)"
        case let .tooManyFC(max): "the space allows at most \(max) FC layers in a row"
        case let .fcWiderThanPrevious(n, previous): "FC(\(n)) may not be wider than the FC(\(previous)) before it"
        case .notAnAction: "it is not an action of this space"
        }
    }
}
