import BigInt
import Foundation

extension SearchSpaceSettings {
    /// Checks every setting and throws the first problem found, in one sentence.
    public func validate() throws(SearchSpaceError) {
        try Self.atLeast("input size", inputSize, 1)
        try Self.atLeast("input channels", inputChannels, 1)
        try Self.atLeast("number of classes", classes, 2)
        try Self.atLeast("layer limit", layerLimit, 0)
        try Self.atLeast("max fc", maxFC, 0)
        try Self.atLeast("fc max image size", fcMaxImageSize, 0)
        try Self.atLeast("replay number", replayNumber, 0)
        try Self.list("conv depths", convDepths, allowEmpty: false)
        try Self.list("conv sizes", convSizes, allowEmpty: false)
        try Self.list("fc sizes", fcSizes, allowEmpty: true)
        for kernel in convSizes where kernel >= inputSize {
            throw .kernelNotSmallerThanInput(setting: "conv", kernel: kernel, inputSize: inputSize)
        }
        var seenPools = Set<PoolOption>()
        for option in poolOptions {
            try Self.atLeast("pool kernel", option.kernel, 1)
            try Self.atLeast("pool stride", option.stride, 1)
            if option.kernel >= inputSize {
                throw .kernelNotSmallerThanInput(setting: "pool", kernel: option.kernel, inputSize: inputSize)
            }
            guard seenPools.insert(option).inserted else {
                throw .duplicateValue(setting: "pool options", value: option.description)
            }
        }
        let edges = imageSizeBuckets
        guard let last = edges.last, last == 1, zip(edges, edges.dropFirst()).allSatisfy({ $0 > $1 }) else {
            throw .badBuckets(edges)
        }
        guard initUtility.isFinite else { throw .outOfRange(setting: "init utility", value: initUtility, range: "finite numbers") }
        guard learningRate > 0, learningRate <= 1 else {
            throw .outOfRange(setting: "learning rate α", value: learningRate, range: "(0, 1]")
        }
        guard discount >= 0, discount <= 1 else {
            throw .outOfRange(setting: "discount γ", value: discount, range: "[0, 1]")
        }
        do { try epsilonSchedule.validate() } catch { throw .schedule(error) }
    }

    /// What a new search needs beyond `validate()`: ε falls from step to step, and the schedule asks
    /// for no more unique nets than the space holds (else its last stage could never finish).
    public func validateForNewSearch() throws(SearchSpaceError) {
        do { try epsilonSchedule.validateOrder() } catch { throw .schedule(error) }
        let total = epsilonSchedule.totalModels
        let architectures = StateSpace(settings: self).counts().architectures
        if BigUInt(total) > architectures {
            throw .schedule(.moreModelsThanSpace(total: total, space: name, architectures: "\(architectures)"))
        }
    }

    /// These settings with the input side and/or layer limit replaced (nil keeps the value).
    public func overriding(inputSize: Int? = nil, layerLimit: Int? = nil) -> SearchSpaceSettings {
        var copy = self
        if let inputSize { copy.inputSize = inputSize }
        if let layerLimit { copy.layerLimit = layerLimit }
        return copy
    }

    /// Reads and validates a JSON space file; the name defaults to the file's base name.
    public static func load(from url: URL) throws(SearchSpaceError) -> SearchSpaceSettings {
        let data: Data
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw .unreadableFile(path: url.path, reason: "no such file")
        }
        // Foundation's own message for a directory is an opaque "error 256".
        if isDirectory.boolValue { throw .unreadableFile(path: url.path, reason: "it is a directory, not a JSON file") }
        do { data = try Data(contentsOf: url) } catch {
            throw .unreadableFile(path: url.path, reason: "not readable")
        }
        return try decode(data, path: url.path, defaultName: url.deletingPathExtension().lastPathComponent)
    }

    /// Decodes and validates a JSON space; `path` only appears in error messages.
    public static func decode(_ data: Data, path: String, defaultName: String = "custom") throws(SearchSpaceError)
        -> SearchSpaceSettings
    {
        var settings: SearchSpaceSettings
        do { settings = try JSONDecoder().decode(SearchSpaceSettings.self, from: data) } catch {
            throw .invalidFile(path: path, reason: describe(error))
        }
        // A misspelt optional key would otherwise silently fall back to its default.
        if let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] {
            let known = Set(CodingKeys.allCases.map(\.rawValue))
            if let unknown = object.keys.sorted().first(where: { !known.contains($0) }) {
                throw .invalidFile(path: path, reason: "unknown key \"\(unknown)\"; known keys are "
                    + CodingKeys.allCases.map(\.rawValue).joined(separator: ", "))
            }
        }
        if settings.name == "custom" { settings.name = defaultName }
        try settings.validate()
        return settings
    }

    /// Pretty JSON in the format `load(from:)` reads.
    public func jsonData() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        // Encoding plain numbers, strings and arrays cannot fail.
        return try! encoder.encode(self)
    }

    private static func describe(_ error: any Error) -> String {
        switch error as? DecodingError {
        case let .keyNotFound(key, _)?: "missing key \"\(key.stringValue)\""
        case let .typeMismatch(_, context)?, let .valueNotFound(_, context)?:
            "wrong type at \"\(context.codingPath.map(\.stringValue).joined(separator: "."))\""
        case let .dataCorrupted(context)?:
            context.codingPath.isEmpty
                ? "not JSON" : "\(context.codingPath.map(\.stringValue).joined(separator: ".")): \(context.debugDescription)"
        default: "\(error)"
        }
    }

    private static func atLeast(_ setting: String, _ value: Int, _ minimum: Int) throws(SearchSpaceError) {
        if value < minimum { throw .tooSmall(setting: setting, value: value, minimum: minimum) }
    }

    private static func list(_ setting: String, _ values: [Int], allowEmpty: Bool) throws(SearchSpaceError) {
        if values.isEmpty, !allowEmpty { throw .emptyList(setting: setting) }
        var seen = Set<Int>()
        for value in values {
            try atLeast(setting.replacingOccurrences(of: "sizes", with: "size")
                .replacingOccurrences(of: "depths", with: "depth"), value, 1)
            guard seen.insert(value).inserted else { throw .duplicateValue(setting: setting, value: String(value)) }
        }
    }
}
