import Foundation
import Testing
@testable import SearchSpace

/// The CIFAR-10 preset with one change applied.
private func cifar(_ change: (inout SearchSpaceSettings) -> Void) -> SearchSpaceSettings {
    var settings = SearchSpaceSettings.paperCIFAR10
    change(&settings)
    return settings
}

@Suite struct SettingsTests {
    @Test func presetsMatchTheSpec() throws {
        for settings in [SearchSpaceSettings.paperCIFAR10, .paperSVHN, .paperMNIST] {
            #expect(settings.convDepths == [64, 128, 256, 512])
            #expect(settings.convSizes == [1, 3, 5])
            #expect(settings.poolOptions.map(\.description) == ["(5,3)", "(3,2)", "(2,2)"])
            #expect(settings.fcSizes == [512, 256, 128] && settings.maxFC == 2)
            #expect(!settings.allowInitialPooling && !settings.allowConsecutivePooling)
            #expect(settings.initUtility == 0.5 && settings.replayNumber == 128)
            #expect(settings.learningRate == 0.01 && settings.discount == 1)
            #expect(settings.fcMaxImageSize == 4 && settings.imageSizeBuckets == [8, 4, 1])
            #expect(settings.epsilonSchedule == .paper)
        }
        #expect([SearchSpaceSettings.paperCIFAR10, .paperSVHN, .paperMNIST].map(\.layerLimit) == [18, 12, 12])
        #expect([SearchSpaceSettings.paperCIFAR10, .paperSVHN, .paperMNIST].map { [$0.inputSize, $0.inputChannels] }
            == [[32, 3], [32, 3], [28, 1]])
        #expect(EpsilonSchedule.paper.totalModels == 2700)
        #expect(EpsilonSchedule.paper.description == "1.0:1500,0.9:100,0.8:100,0.7:100,0.6:150,0.5:150,0.4:150,0.3:150,0.2:150,0.1:150")
        for settings in SearchSpaceSettings.presets { try settings.validate() }
        #expect((150...250).contains(SearchSpaceSettings.cpuDigits.epsilonSchedule.totalModels))
        #expect(try SearchSpaceSettings.preset(named: "cpu-fashion") == .cpuFashion)
    }

    @Test func unknownPresetListsTheNames() {
        #expect(throws: SearchSpaceError.unknownPreset("cifar", known: SearchSpaceSettings.presetNames)) {
            try SearchSpaceSettings.preset(named: "cifar")
        }
    }

    @Test func overridesReplaceInputAndLimit() {
        let s = SearchSpaceSettings.paperCIFAR10.overriding(inputSize: 16, layerLimit: 4)
        #expect(s.inputSize == 16 && s.layerLimit == 4 && s.convDepths == [64, 128, 256, 512])
        #expect(SearchSpaceSettings.paperMNIST.overriding() == .paperMNIST)
    }

    @Test(arguments: [
        (cifar { $0.convDepths = [] }, SearchSpaceError.emptyList(setting: "conv depths")),
        (cifar { $0.convSizes = [] }, .emptyList(setting: "conv sizes")),
        (cifar { $0.convSizes = [1, 3, 32] }, .kernelNotSmallerThanInput(setting: "conv", kernel: 32, inputSize: 32)),
        (cifar { $0.poolOptions = [PoolOption(kernel: 40, stride: 2)] }, .kernelNotSmallerThanInput(setting: "pool", kernel: 40, inputSize: 32)),
        (cifar { $0.layerLimit = -1 }, .tooSmall(setting: "layer limit", value: -1, minimum: 0)),
        (cifar { $0.maxFC = -2 }, .tooSmall(setting: "max fc", value: -2, minimum: 0)),
        (cifar { $0.inputSize = 0 }, .tooSmall(setting: "input size", value: 0, minimum: 1)),
        (cifar { $0.convDepths = [64, 64] }, .duplicateValue(setting: "conv depths", value: "64")),
        (cifar { $0.fcSizes = [0] }, .tooSmall(setting: "fc size", value: 0, minimum: 1)),
        (cifar { $0.imageSizeBuckets = [4, 8, 1] }, .badBuckets([4, 8, 1])),
        (cifar { $0.imageSizeBuckets = [8, 4] }, .badBuckets([8, 4])),
        (cifar { $0.learningRate = 0 }, .outOfRange(setting: "learning rate α", value: 0, range: "(0, 1]")),
        (cifar { $0.epsilonSchedule = EpsilonSchedule(steps: []) }, .schedule(.empty)),
        (cifar { $0.epsilonSchedule = EpsilonSchedule(steps: [.init(epsilon: 1.5, models: 3)]) },
         .schedule(.epsilonOutOfRange(1.5, position: 1))),
    ])
    func invalidSettingsAreRejected(settings: SearchSpaceSettings, expected: SearchSpaceError) {
        #expect(throws: expected) { try settings.validate() }
        #expect(expected.description.hasSuffix(".") && expected.description.split(separator: ". ").count == 1)
    }

    @Test func scheduleParsing() throws {
        let schedule = try EpsilonSchedule(parsing: "1.0:1500, 0.9:100,0.1:150")
        #expect(schedule.steps == [.init(epsilon: 1, models: 1500), .init(epsilon: 0.9, models: 100), .init(epsilon: 0.1, models: 150)])
        #expect(try EpsilonSchedule(parsing: EpsilonSchedule.paper.description) == .paper)
        #expect(throws: EpsilonScheduleError.empty) { try EpsilonSchedule(parsing: " ") }
        #expect(throws: EpsilonScheduleError.malformedStep("0.9", position: 2)) { try EpsilonSchedule(parsing: "1.0:5,0.9") }
        #expect(throws: EpsilonScheduleError.notANumber("x", position: 1)) { try EpsilonSchedule(parsing: "x:5") }
        #expect(throws: EpsilonScheduleError.notACount("5.5", position: 1)) { try EpsilonSchedule(parsing: "1:5.5") }
        #expect(throws: EpsilonScheduleError.epsilonOutOfRange(-0.1, position: 2)) { try EpsilonSchedule(parsing: "1:5,-0.1:3") }
        #expect(throws: EpsilonScheduleError.nonPositiveCount(0, position: 1)) { try EpsilonSchedule(parsing: "0.5:0") }
        #expect(throws: EpsilonScheduleError.malformedStep("", position: 2)) { try EpsilonSchedule(parsing: "0.5:3,") }
        #expect(throws: EpsilonScheduleError.repeatedEpsilon(1, position: 2, merged: 6)) { try EpsilonSchedule(parsing: "1.0:3,1.0:3") }
        #expect(throws: EpsilonScheduleError.risingEpsilon(0.5, position: 3, previous: 0.1)) {
            try EpsilonSchedule(parsing: "1.0:3,0.1:3,0.5:3")
        }
    }

    @Test func aNewSearchNeedsNoMoreNetsThanTheSpaceHolds() throws {
        var settings = SearchSpaceSettings.cpuDigits.overriding(inputSize: 6, layerLimit: 2)
        let architectures = StateSpace(settings: settings).counts().architectures
        settings.epsilonSchedule = try EpsilonSchedule(parsing: "1.0:\(architectures)")
        try settings.validateForNewSearch()
        settings.epsilonSchedule = try EpsilonSchedule(parsing: "1.0:\(architectures),0.5:1")
        #expect(throws: SearchSpaceError.schedule(.moreModelsThanSpace(
            total: Int(architectures) + 1, space: settings.name, architectures: "\(architectures)"))) {
            try settings.validateForNewSearch()
        }
        // Stored schedules from older versions may be unsorted; only new searches check the order.
        settings.epsilonSchedule = EpsilonSchedule(steps: [.init(epsilon: 0.1, models: 1), .init(epsilon: 1, models: 1)])
        try settings.validate()
        #expect(throws: SearchSpaceError.schedule(.risingEpsilon(1, position: 2, previous: 0.1))) { try settings.validateForNewSearch() }
    }

    @Test func jsonRoundTripAndDefaults() throws {
        let data = SearchSpaceSettings.cpuFashion.jsonData()
        #expect(try SearchSpaceSettings.decode(data, path: "x.json") == .cpuFashion)
        // Only the space's shape is required; the rest defaults to the paper's values.
        let minimal = #"""
        {"input_size": 16, "layer_limit": 5, "conv_depths": [8, 16], "conv_sizes": [3],
         "pool_options": [{"kernel": 2, "stride": 2}], "fc_sizes": [32], "max_fc": 1,
         "epsilon_schedule": "1.0:10,0.5:5"}
        """#
        let settings = try SearchSpaceSettings.decode(Data(minimal.utf8), path: "mine.json", defaultName: "mine")
        #expect(settings.name == "mine" && settings.inputChannels == 3 && settings.classes == 10)
        #expect(settings.initUtility == 0.5 && settings.replayNumber == 128 && settings.imageSizeBuckets == [8, 4, 1])
        #expect(settings.epsilonSchedule.totalModels == 15)
        #expect(StateSpace(settings: settings).counts().architectures > 0)
    }

    @Test func scheduleInJSONAsStringOrSteps() throws {
        let steps = #"[{"epsilon": 1.0, "models": 4}, {"epsilon": 0.2, "models": 2}]"#
        #expect(try JSONDecoder().decode(EpsilonSchedule.self, from: Data(steps.utf8)).description == "1.0:4,0.2:2")
        #expect(try JSONDecoder().decode(EpsilonSchedule.self, from: Data(#""0.5:3""#.utf8)).totalModels == 3)
        let bad = #"{"input_size": 16, "layer_limit": 3, "conv_depths": [8], "conv_sizes": [3], "pool_options": [], "fc_sizes": [], "max_fc": 0, "epsilon_schedule": "1.0:ten"}"#
        do {
            _ = try SearchSpaceSettings.decode(Data(bad.utf8), path: "e.json")
            Issue.record("a bad schedule string must be rejected")
        } catch {
            #expect(error.description.contains("epsilon_schedule") && error.description.contains("\"ten\""))
        }
        // A step list that parses but breaks the rules is refused as it is read, like a string.
        let zero = #"{"input_size": 16, "layer_limit": 3, "conv_depths": [8], "conv_sizes": [3], "pool_options": [], "fc_sizes": [], "max_fc": 0, "epsilon_schedule": [{"epsilon": 0.5, "models": 0}]}"#
        #expect(throws: SearchSpaceError.invalidFile(
            path: "f.json",
            reason: "epsilon_schedule: " + EpsilonScheduleError.nonPositiveCount(0, position: 1).description)) {
            try SearchSpaceSettings.decode(Data(zero.utf8), path: "f.json")
        }
        // Counts adding up past Int.max are refused when read, in either form, so no later sum traps.
        let huge = #"[{"epsilon": 1.0, "models": 9223372036854775807}, {"epsilon": 0.5, "models": 1}]"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(EpsilonSchedule.self, from: Data(huge.utf8)) }
        #expect(throws: EpsilonScheduleError.totalTooLarge) { try EpsilonSchedule(parsing: "1.0:9223372036854775807,0.5:1") }
    }

    @Test func badJSONFilesSayWhy() throws {
        let missing = #"{"input_size": 16, "layer_limit": 5}"#
        #expect(throws: SearchSpaceError.invalidFile(path: "a.json", reason: "missing key \"conv_depths\"")) {
            try SearchSpaceSettings.decode(Data(missing.utf8), path: "a.json")
        }
        let invalid = #"{"input_size": 16, "layer_limit": -3, "conv_depths": [8], "conv_sizes": [3], "pool_options": [], "fc_sizes": [], "max_fc": 0}"#
        #expect(throws: SearchSpaceError.tooSmall(setting: "layer limit", value: -3, minimum: 0)) {
            try SearchSpaceSettings.decode(Data(invalid.utf8), path: "b.json")
        }
        #expect(throws: SearchSpaceError.self) { try SearchSpaceSettings.decode(Data("{".utf8), path: "c.json") }
        var typo = String(decoding: SearchSpaceSettings.cpuDigits.jsonData(), as: UTF8.self)
        typo = typo.replacingOccurrences(of: "\"init_utility\"", with: "\"init_utilty\"")
        do {
            _ = try SearchSpaceSettings.decode(Data(typo.utf8), path: "d.json")
            Issue.record("a misspelt key must be rejected")
        } catch {
            #expect(error.description.contains("unknown key \"init_utilty\""))
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("metaqnn-no-such-\(UInt64.random(in: 0...UInt64.max)).json")
        #expect(throws: SearchSpaceError.self) { try SearchSpaceSettings.load(from: url) }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("metaqnn-space-test-\(UInt64.random(in: 0...UInt64.max)).json")
        try SearchSpaceSettings.paperMNIST.jsonData().write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(try SearchSpaceSettings.load(from: file) == .paperMNIST)
    }
}

/// A --space path that is a directory or missing says so plainly (not Foundation's "error 256").
@Suite struct SpaceFileErrorTests {
    @Test func directoryAndMissingFileAreNamed() {
        let directory = URL(fileURLWithPath: NSTemporaryDirectory())
        #expect(throws: SearchSpaceError.unreadableFile(path: directory.path, reason: "it is a directory, not a JSON file")) {
            try SearchSpaceSettings.load(from: directory)
        }
        let missing = directory.appendingPathComponent("no-such-space-\(UUID().uuidString).json")
        #expect(throws: SearchSpaceError.unreadableFile(path: missing.path, reason: "no such file")) {
            try SearchSpaceSettings.load(from: missing)
        }
    }
}
