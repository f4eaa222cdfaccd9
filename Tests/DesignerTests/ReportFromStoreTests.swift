import Foundation
import QLearning
import ReplayStore
import Reporting
import SearchSpace
import StoreModel
import Testing
@testable import Designer

/// A report read from a real (temporary) replay store: search experiments and imports.
@Suite struct ReportFromStoreTests {
    let settings = SearchSpaceSettings.cpuDigits

    private func temporaryPath(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("report-store-\(UUID().uuidString)").appendingPathComponent(name)
    }

    /// Distinct legal nets of the space with their trajectories, sampled at ε = 1 from a fixed seed.
    private func sampledNets(_ count: Int) -> [(net: String, trajectory: [State])] {
        var learner = QLearner(settings: settings)
        var rng = SplitMix64(seed: 11)
        var result: [(String, [State])] = []
        while result.count < count {
            let sample = learner.sampleArchitecture(epsilon: 1, rng: &rng)
            if !result.contains(where: { $0.0 == sample.architecture.description }) {
                result.append((sample.architecture.description, sample.trajectory))
            }
        }
        return result
    }

    /// Five trained nets (one sampled twice), one failed net, and the Q table those updates give.
    private func makeSearchStore(at path: URL) throws -> (store: ReplayStore, learner: QLearner, nets: [String]) {
        try FileManager.default.createDirectory(at: path.deletingLastPathComponent(), withIntermediateDirectories: true)
        let store = try ReplayStore(path: path.path, mode: .createIfMissing)
        let nets = sampledNets(6)
        let accuracies = [0.71, 0.93, 0.55, 0.88, 0.97]
        var learner = QLearner(settings: settings)
        let record = ExperimentRecord(
            name: "demo", kind: .search, status: .running, seed: 7,
            searchSpaceJSON: String(decoding: settings.jsonData(), as: UTF8.self),
            settingsJSON: #"{"dataset":"digits"}"#, rngState: 0, createdAt: 1_000, updatedAt: 4_600)
        try store.createExperiment(record) { transaction in
            var ids: [Int64] = []
            for (index, accuracy) in accuracies.enumerated() {
                let epsilon = index < 3 ? 1.0 : 0.5
                let stored = try transaction.insertNet(TrainedNetRecord(
                    net: nets[index].net, status: .trained, stage: index < 3 ? 0 : 1, epsilon: epsilon,
                    bestValidationAccuracy: accuracy, bestValidationIteration: 30, lastValidationAccuracy: accuracy,
                    lastValidationIteration: 40, testAccuracyAtBest: accuracy - 0.02, parameterCount: 1_000 * (index + 1),
                    forwardFLOPs: 50_000, epochsJSON: "[{},{},{}]", attempts: 1, learned: true, seconds: 12,
                    worker: "w0", finishedAt: 1_000 + Double(index)))
                ids.append(stored.id)
                try transaction.appendReplayRow(netID: stored.id, epsilon: epsilon, finishedAt: 1_000, machine: "w0")
                learner.update(trajectory: nets[index].trajectory, reward: accuracy)
                if index == 3 {  // net 1 sampled again at ε 0.5: a cached replay row, no retraining
                    try transaction.appendReplayRow(netID: ids[1], epsilon: 0.5, finishedAt: 1_000, machine: "w0")
                }
            }
            _ = try transaction.insertNet(TrainedNetRecord(
                net: nets[5].net, status: .failed, stage: 1, epsilon: 0.5, worker: "w0", failure: "empty representation",
                finishedAt: 1_010))
            try transaction.saveQValues(learner.table.storeRecords)
        }
        return (store, learner, nets.map(\.net))
    }

    @Test func searchExperimentReportReflectsTheStore() throws {
        let path = temporaryPath("demo.sqlite")
        defer { try? FileManager.default.removeItem(at: path.deletingLastPathComponent()) }
        let (store, learner, nets) = try makeSearchStore(at: path)
        let out = path.deletingLastPathComponent().appendingPathComponent("Reports/demo")
        try ReportWriter(options: ReportOptions(topK: 3)).write(experiment: "demo", from: store, storePath: "Replay/demo.sqlite", to: out)
        let page = try String(contentsOf: out.appendingPathComponent("README.md"), encoding: .utf8)

        #expect(page.contains("| Models trained | 5 unique of 210 scheduled, 6 replay rows in all |"))
        #expect(page.contains("| Dataset | digits |"))
        #expect(page.contains("| Status | running |"))
        #expect(page.contains("| Seed | 7 |"))
        #expect(page.contains("| Wall time | 1 h 00 min |"))
        #expect(page.contains("| Models per hour | 5.0 unique |"))
        #expect(page.contains("## Top 3 of 5 architectures"))
        #expect(page.contains("| 1 | `\(nets[4])` | 97.00 % | 95.00 % | 5.00 k | 50.0 k | 3 | 12.0 s | 0.5 | 6 |"))
        #expect(page.contains("1 sampled net could not be built or trained"))
        #expect(!page.contains(nets[5]), "a failed net appears in no table")
        #expect(page.contains("--seed 7") && page.contains("--store Replay/demo.sqlite") && page.contains("--dataset digits"))

        let greedy = ReportQValues.greedy(learner)
        #expect(page.contains("With ε = 0 the agent now builds `\(greedy.net)`"))
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: out.path))
        #expect(names.isSuperset(of: ["README.md", "rolling_accuracy.svg", "accuracy_histograms.svg", "q_values_by_depth.svg",
                                      "accuracy_vs_parameters.svg", "top1_layers.svg", "top2_layers.svg", "top3_layers.svg"]))
    }

    @Test func storedQTableRoundTripsThroughTheReader() throws {
        let path = temporaryPath("demo.sqlite")
        defer { try? FileManager.default.removeItem(at: path.deletingLastPathComponent()) }
        let (store, learner, _) = try makeSearchStore(at: path)
        let table = try QTable(storeRecords: try store.qValues(experiment: "demo"), experiment: "demo")
        #expect(table.count == learner.table.count)
        for state in learner.table.states {
            for entry in learner.table[state]! { #expect(table.value(state, entry.action) == entry.value) }
        }
    }

    @Test func importedExperimentWithoutQTableRebuildsItByReplay() throws {
        let path = temporaryPath("ref.sqlite")
        defer { try? FileManager.default.removeItem(at: path.deletingLastPathComponent()) }
        try FileManager.default.createDirectory(at: path.deletingLastPathComponent(), withIntermediateDirectories: true)
        let store = try ReplayStore(path: path.path, mode: .createIfMissing)
        let nets = sampledNets(3)
        let record = ExperimentRecord(
            name: "ref", kind: .imported, status: .imported, seed: 0,
            searchSpaceJSON: String(decoding: settings.jsonData(), as: UTF8.self),
            settingsJSON: #"{"source":"replay_database.csv"}"#, rngState: 0, createdAt: 99_999, updatedAt: 99_999)
        try store.createExperiment(record) { transaction in
            for (index, net) in nets.enumerated() {
                let stored = try transaction.insertNet(TrainedNetRecord(
                    net: net.net, status: .trained, stage: nil, epsilon: 1, bestValidationAccuracy: 0.5 + 0.1 * Double(index),
                    bestValidationIteration: 1, lastValidationAccuracy: 0.5, lastValidationIteration: 2,
                    worker: "ref", finishedAt: 100 + 1_800 * Double(index)))
                try transaction.appendReplayRow(netID: stored.id, epsilon: 1, finishedAt: 100 + 1_800 * Double(index), machine: "ref")
            }
        }
        let input = try ReportInputBuilder.input(
            experiment: try store.experiment(named: "ref"), entries: try store.replayEntries(experiment: "ref"),
            nets: try store.nets(experiment: "ref"), qTable: QTable(), storePath: "Replay/ref.sqlite")
        #expect(input.experiment.seed == nil)
        #expect(input.experiment.epsilonSchedule.isEmpty)
        #expect(input.experiment.wallSeconds == 3_600)
        #expect(input.experiment.reproduceCommand == "metaqnn import replay_database.csv --experiment ref --preset cpu-digits")
        #expect(input.models.allSatisfy { $0.parameters == nil && $0.testAccuracy == nil && $0.epochs == nil })
        // Replaying the three rows once in order must give exactly the table the learner computes.
        var expected = QLearner(settings: settings)
        for (index, net) in nets.enumerated() { expected.update(trajectory: net.trajectory, reward: 0.5 + 0.1 * Double(index)) }
        #expect(input.qValues.count == expected.table.count)
        #expect(input.greedy == ReportQValues.greedy(expected))
        let report = ReportRenderer.render(input)
        #expect(report.markdown.contains("rebuilt by replaying every stored row"))
        #expect(report.markdown.contains("Imported from `replay_database.csv`."))
    }

    @Test func unknownExperimentNamesTheOnesThatExist() throws {
        let path = temporaryPath("demo.sqlite")
        defer { try? FileManager.default.removeItem(at: path.deletingLastPathComponent()) }
        let (store, _, _) = try makeSearchStore(at: path)
        #expect(throws: ReportWriteError.unknownExperiment(name: "nope", store: "s.sqlite", known: ["demo"])) {
            try ReportWriter().write(experiment: "nope", from: store, storePath: "s.sqlite", to: path.deletingLastPathComponent())
        }
    }

    @Test func greedyIsStableAndLeavesTheTableAlone() {
        var learner = QLearner(settings: settings)
        let nets = sampledNets(2)
        learner.update(trajectory: nets[0].trajectory, reward: 0.9)
        let before = learner.table
        let first = ReportQValues.greedy(learner)
        #expect(first == ReportQValues.greedy(learner))
        #expect(learner.table == before)
        #expect((try? Architecture(parsing: first.net)) != nil)
        #expect(first.expectedAccuracy == learner.table[learner.space.bucketed(learner.space.startState)]!.map(\.value).max())
    }

    @Test func undecodableSettingsAreAOneSentenceError() {
        let record = ExperimentRecord(name: "odd", kind: .search, status: .running, seed: 1, searchSpaceJSON: "{}",
                                      settingsJSON: "{}", rngState: 0, createdAt: 0, updatedAt: 0)
        #expect {
            try ReportInputBuilder.input(experiment: record, entries: [], nets: [], qTable: QTable(), storePath: "s")
        } throws: { error in
            guard case .unreadableExperiment(name: "odd", _) = error as? ReportWriteError else { return false }
            let text = "\(error)"
            return text.hasPrefix("Experiment 'odd' cannot be reported") && !text.contains("\n")
        }
    }
}
