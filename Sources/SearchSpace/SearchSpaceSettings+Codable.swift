import Foundation

/// JSON form of the settings: every field by its Swift name, the ε schedule in `--schedule`
/// syntax. A space file may name a `preset` to start from and give only the fields it changes;
/// unknown keys are rejected so that a typo cannot silently fall back to a default.
extension SearchSpaceSettings: Codable {
    private enum Key: String, CodingKey, CaseIterable {
        case preset, name, inputSize, inputChannels, classes, layerLimit, convDepths, convSizes, poolOptions
        case fcSizes, maxFC, fcMaxImageSize, allowInitialPooling, allowConsecutivePooling, imageSizeBuckets
        case initUtility, replayNumber, learningRate, discount, epsilonSchedule
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Decodes settings, starting from `preset` (default `paper-cifar10`) for absent fields.
    public init(from decoder: any Decoder) throws {
        let raw = try decoder.container(keyedBy: AnyKey.self)
        for key in raw.allKeys where Key(rawValue: key.stringValue) == nil {
            throw SearchSpaceSettingsError.unknownKey(key.stringValue)
        }
        let c = try decoder.container(keyedBy: Key.self)
        let base = try c.decodeIfPresent(String.self, forKey: .preset)
        var s = try SearchSpaceSettings.preset(named: base ?? "paper-cifar10")
        if base == nil { s.name = "custom" }
        func field<T: Decodable>(_ key: Key, _ path: WritableKeyPath<SearchSpaceSettings, T>) throws {
            if let value = try c.decodeIfPresent(T.self, forKey: key) { s[keyPath: path] = value }
        }
        try field(.name, \.name)
        try field(.inputSize, \.inputSize)
        try field(.inputChannels, \.inputChannels)
        try field(.classes, \.classes)
        try field(.layerLimit, \.layerLimit)
        try field(.convDepths, \.convDepths)
        try field(.convSizes, \.convSizes)
        try field(.poolOptions, \.poolOptions)
        try field(.fcSizes, \.fcSizes)
        try field(.maxFC, \.maxFC)
        try field(.fcMaxImageSize, \.fcMaxImageSize)
        try field(.allowInitialPooling, \.allowInitialPooling)
        try field(.allowConsecutivePooling, \.allowConsecutivePooling)
        try field(.imageSizeBuckets, \.imageSizeBuckets)
        try field(.initUtility, \.initUtility)
        try field(.replayNumber, \.replayNumber)
        try field(.learningRate, \.learningRate)
        try field(.discount, \.discount)
        if let text = try c.decodeIfPresent(String.self, forKey: .epsilonSchedule) {
            s.epsilonSchedule = try EpsilonSchedule(parsing: text)
        }
        self = s
    }

    /// Encodes every field (no `preset` key), so decoding gives back the same value.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(name, forKey: .name)
        try c.encode(inputSize, forKey: .inputSize)
        try c.encode(inputChannels, forKey: .inputChannels)
        try c.encode(classes, forKey: .classes)
        try c.encode(layerLimit, forKey: .layerLimit)
        try c.encode(convDepths, forKey: .convDepths)
        try c.encode(convSizes, forKey: .convSizes)
        try c.encode(poolOptions, forKey: .poolOptions)
        try c.encode(fcSizes, forKey: .fcSizes)
        try c.encode(maxFC, forKey: .maxFC)
        try c.encode(fcMaxImageSize, forKey: .fcMaxImageSize)
        try c.encode(allowInitialPooling, forKey: .allowInitialPooling)
        try c.encode(allowConsecutivePooling, forKey: .allowConsecutivePooling)
        try c.encode(imageSizeBuckets, forKey: .imageSizeBuckets)
        try c.encode(initUtility, forKey: .initUtility)
        try c.encode(replayNumber, forKey: .replayNumber)
        try c.encode(learningRate, forKey: .learningRate)
        try c.encode(discount, forKey: .discount)
        try c.encode(epsilonSchedule.description, forKey: .epsilonSchedule)
    }

    /// Reads and validates a JSON space file's contents; `file` names it in errors.
    public init(json data: Data, file: String = "space file") throws(SearchSpaceSettingsError) {
        do {
            self = try JSONDecoder().decode(SearchSpaceSettings.self, from: data)
        } catch let error as SearchSpaceSettingsError {
            throw error
        } catch let error as EpsilonScheduleError {
            throw .schedule(error)
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw .unreadable(file, reason: "the value of \"\(path)\" has the wrong type")
        } catch {
            throw .unreadable(file, reason: "it is not valid JSON")
        }
        try validate()
    }

    /// Reads and validates the JSON space file at `url`.
    public init(contentsOf url: URL) throws(SearchSpaceSettingsError) {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw .unreadable(url.path, reason: "the file does not exist or is not readable")
        }
        try self.init(json: data, file: url.path)
    }
}
