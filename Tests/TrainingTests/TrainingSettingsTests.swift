import Datasets
import Testing
@testable import Training

@Suite struct TrainingSettingsTests {
    @Test func paperDefaults() {
        let paper = TrainingSettings.paper
        #expect(paper.learningRate == 0.001 && paper.batchSize == 128 && paper.epochs == 20)
        #expect(paper.learningRateDecay == 0.2 && paper.decayEvery == 5 && paper.weightDecay == 0.0005)
        #expect(paper.maxAttempts == 5 && paper.restartFactor == 0.4 && paper.restartThreshold == nil)
        #expect(paper.threshold(classes: 10) == 0.15)
    }

    @Test func stepDecayAndRestartSchedule() {
        let s = TrainingSettings.paper
        #expect(s.learningRate(epoch: 1, attempt: 1) == 0.001)
        #expect(s.learningRate(epoch: 5, attempt: 1) == 0.001)
        #expect(abs(s.learningRate(epoch: 6, attempt: 1) - 0.0002) < 1e-9)
        #expect(abs(s.learningRate(epoch: 11, attempt: 1) - 0.00004) < 1e-10)
        #expect(abs(s.learningRate(epoch: 1, attempt: 3) - 0.001 * 0.16) < 1e-9)
    }

    @Test func presetsAreValidAndNamed() throws {
        for (name, settings) in TrainingSettings.presets {
            try settings.validate()
            #expect(TrainingSettings.preset(named: name) == settings)
        }
        #expect(TrainingSettings.preset(named: "gpu") == nil)
        #expect(TrainingSettings.cpuPreset(for: .digits) == .cpuDigits)
        #expect(TrainingSettings.cpuPreset(for: .fashionMNIST) == .cpuFashion)
    }

    @Test func invalidSettingsThrowOneSentence() {
        var s = TrainingSettings.paper
        s.batchSize = 0
        #expect(throws: TrainingError.invalidSetting(name: "batch size", value: "0", requirement: "at least 1")) { try s.validate() }
        s = .paper
        s.restartFactor = 1.5
        #expect(throws: TrainingError.self) { try s.validate() }
        #expect(TrainingError.invalidSetting(name: "batch size", value: "0", requirement: "at least 1").description
                == "batch size 0 is not usable; it must be at least 1.")
    }
}
