/// Why search-space settings cannot be used; each description is one sentence.
public enum SearchSpaceError: Error, Hashable, Sendable, CustomStringConvertible {
    /// `--preset` names no built-in preset.
    case unknownPreset(String, known: [String])
    /// A space file could not be read.
    case unreadableFile(path: String, reason: String)
    /// A space file is not valid JSON of the expected shape.
    case invalidFile(path: String, reason: String)
    /// A setting that must hold at least one value is empty.
    case emptyList(setting: String)
    /// A setting lists the same value twice, which would make two identical actions.
    case duplicateValue(setting: String, value: String)
    /// A count or size is below its minimum.
    case tooSmall(setting: String, value: Int, minimum: Int)
    /// A kernel does not fit inside the input image.
    case kernelNotSmallerThanInput(setting: String, kernel: Int, inputSize: Int)
    /// The bucket edges are not strictly decreasing positive sides ending in 1.
    case badBuckets([Int])
    /// A real-valued constant is outside its range.
    case outOfRange(setting: String, value: Double, range: String)
    /// The ε schedule is unusable.
    case schedule(EpsilonScheduleError)

    /// One sentence naming the problem and what to do.
    public var description: String {
        switch self {
        case let .unknownPreset(name, known):
            "Unknown preset \"\(name)\"; use one of \(known.joined(separator: ", ")) or give a JSON file with --space."
        case let .unreadableFile(path, reason):
            "Cannot read the search-space file \(path) (\(reason)); check the path given to --space."
        case let .invalidFile(path, reason):
            "The search-space file \(path) is not a valid space (\(reason)); see the README's space section for the format."
        case let .emptyList(setting):
            "The search space's \(setting) list is empty; give it at least one value."
        case let .duplicateValue(setting, value):
            "The search space's \(setting) list holds \(value) twice; list each choice once."
        case let .tooSmall(setting, value, minimum):
            "The search space's \(setting) is \(value) but must be at least \(minimum)."
        case let .kernelNotSmallerThanInput(setting, kernel, inputSize):
            "The \(setting) kernel \(kernel) is not smaller than the \(inputSize)×\(inputSize) input; remove it or raise the input size."
        case let .badBuckets(edges):
            "The image-size buckets \(edges) must be strictly decreasing positive sides ending in 1, like [8, 4, 1]."
        case let .outOfRange(setting, value, range):
            "The search space's \(setting) is \(value) but must lie in \(range)."
        case let .schedule(error):
            error.description
        }
    }
}
