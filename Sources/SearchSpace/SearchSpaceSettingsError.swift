/// Why search-space settings (a preset override or a space file) are unusable; one sentence each.
public enum SearchSpaceSettingsError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No preset has this name.
    case unknownPreset(String)
    /// A list that must hold at least one value is empty.
    case emptyList(String)
    /// A list holds the same value twice.
    case duplicate(String)
    /// A field has a value outside its allowed range.
    case invalidValue(String, String, String)
    /// A conv or pool kernel is not smaller than the input, so it could never be used.
    case kernelNotSmallerThanInput(list: String, kernel: Int, inputSize: Int)
    /// The ε schedule is invalid.
    case schedule(EpsilonScheduleError)
    /// A space file has a key this version does not know.
    case unknownKey(String)
    /// A space file could not be read or decoded.
    case unreadable(String, reason: String)

    /// One sentence naming the problem and what to do.
    public var description: String {
        switch self {
        case let .unknownPreset(name):
            "Unknown preset \"\(name)\"; use one of \(SearchSpaceSettings.presetNames.joined(separator: ", ")) or --space FILE."
        case let .emptyList(field):
            "The search space's \(field) is empty; give at least one value."
        case let .duplicate(field):
            "The search space's \(field) lists a value twice; list each value once."
        case let .invalidValue(field, value, requirement):
            "The search space's \(field) is \(value) but must be \(requirement)."
        case let .kernelNotSmallerThanInput(list, kernel, inputSize):
            "The search space's \(list) has kernel \(kernel), which is not smaller than the input size \(inputSize); remove it or enlarge the input."
        case let .schedule(error):
            error.description
        case let .unknownKey(key):
            "The space file has the unknown key \"\(key)\"; check its spelling against the README's space section."
        case let .unreadable(file, reason):
            "Cannot read the space file \(file): \(reason)."
        }
    }
}
