import Foundation
import QLearning
import ReplayStore
import Reporting
import SearchSpace

/// Maps one stored experiment (records read from a `ReplayStore`) to the plain `ReportInput`.
public enum ReportInputBuilder {
    /// Builds the report input; `storePath` is printed as the user would type it.
    public static func input(
        experiment: ExperimentRecord, entries: [ReplayEntry], nets: [TrainedNetRecord], qTable: QTable,
        storePath: String
    ) throws(ReportWriteError) -> ReportInput {
        let settings: SearchSpaceSettings
        do {
            settings = try JSONDecoder().decode(SearchSpaceSettings.self, from: Data(experiment.searchSpaceJSON.utf8))
        } catch {
            throw .unreadableExperiment(name: experiment.name, reason: "its search-space settings do not decode (\(decodingReason(error)))")
        }
        let extra = Self.extraSettings(experiment.settingsJSON)
        let imported = experiment.kind == .imported
        var notes: [String] = []

        let replays = entries.compactMap { entry -> ReplayRow? in
            guard entry.net.status == .trained, let accuracy = entry.net.bestValidationAccuracy else { return nil }
            return ReplayRow(sequence: entry.row.sequence, net: entry.net.net, validationAccuracy: accuracy,
                             testAccuracy: entry.net.testAccuracyAtBest, epsilon: entry.row.epsilon)
        }
        let models = nets.compactMap { net -> ModelRow? in
            guard net.status == .trained, let accuracy = net.bestValidationAccuracy else { return nil }
            return ModelRow(net: net.net, validationAccuracy: accuracy, testAccuracy: net.testAccuracyAtBest,
                            parameters: net.parameterCount, forwardFLOPs: net.forwardFLOPs,
                            epochs: Self.epochCount(net.epochsJSON), trainingSeconds: net.seconds > 0 ? net.seconds : nil)
        }
        let failed = nets.filter { $0.status == .failed }.count
        if failed > 0 {
            notes.append("\(failed) sampled net\(failed == 1 ? "" : "s") could not be built or trained; "
                + "they have no replay rows and are left out of every table.")
        }

        var learner = QLearner(space: StateSpace(settings: settings), table: qTable)
        if qTable.count == 0 && !replays.isEmpty {
            // Imported stores carry no Q table: rebuild one by replaying every row once, in order.
            var skipped = 0
            for row in replays {
                guard let net = try? Architecture(parsing: row.net), let path = try? learner.trajectory(for: net) else {
                    skipped += 1
                    continue
                }
                learner.update(trajectory: path, reward: row.validationAccuracy)
            }
            notes.append("The store holds no Q table, so the Q values shown were rebuilt by replaying every stored row "
                + "once in sequence order" + (skipped > 0 ? " (\(skipped) rows outside the search space skipped)." : "."))
        }
        let hasTable = learner.table.count > 0
        if imported, let source = extra["source"] { notes.insert("Imported from `\(source)`.", at: 0) }

        let header = ExperimentHeader(
            name: experiment.name,
            dataset: extra["dataset"] ?? Format.datasetFallback(settings),
            searchSpace: Self.describe(settings),
            epsilonSchedule: imported ? [] : settings.epsilonSchedule.steps.map { EpsilonStage(epsilon: $0.epsilon, models: $0.models) },
            seed: imported ? nil : experiment.seed,
            wallSeconds: Self.wallSeconds(experiment: experiment, entries: entries),
            storePath: storePath,
            reproduceCommand: extra["command"] ?? Self.command(experiment, settings: settings, extra: extra, storePath: storePath),
            status: experiment.status.rawValue, notes: notes)
        return ReportInput(
            experiment: header, replays: replays, models: models,
            qValues: hasTable ? ReportQValues.samples(learner.table) : [],
            greedy: hasTable ? ReportQValues.greedy(learner) : nil)
    }

    /// One line naming the space: preset, input, classes, layer limit.
    static func describe(_ settings: SearchSpaceSettings) -> String {
        "\(settings.name) (input \(settings.inputSize)×\(settings.inputSize)×\(settings.inputChannels), "
            + "\(settings.classes) classes, layer limit \(settings.layerLimit))"
    }

    /// String values of the experiment's other-settings JSON (top level only); empty if unreadable.
    static func extraSettings(_ json: String) -> [String: String] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else { return [:] }
        return object.compactMapValues { value in
            if let text = value as? String { return text }
            if let number = value as? NSNumber { return number.stringValue }
            return nil
        }
    }

    /// Epochs in the stored curve, or nil when the curve is unknown (imports).
    static func epochCount(_ json: String) -> Int? {
        guard let array = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [Any], !array.isEmpty else { return nil }
        return array.count
    }

    /// Search: first creation to last committed step. Import: span of the file's finish times.
    static func wallSeconds(experiment: ExperimentRecord, entries: [ReplayEntry]) -> Double? {
        if experiment.kind == .imported {
            let times = entries.map(\.row.finishedAt).filter { $0 > 0 }
            guard let first = times.min(), let last = times.max(), last > first else { return nil }
            return last - first
        }
        let span = experiment.updatedAt - experiment.createdAt
        return span > 0 ? span : nil
    }

    /// The command that recreates the experiment, from what the store records about it.
    static func command(_ experiment: ExperimentRecord, settings: SearchSpaceSettings, extra: [String: String],
                        storePath: String) -> String? {
        if experiment.kind == .imported {
            guard let source = extra["source"] else { return nil }
            return "metaqnn import \(shellQuoted(source)) --experiment \(shellQuoted(experiment.name)) --preset \(settings.name)"
        }
        var parts = ["metaqnn search", "--experiment \(shellQuoted(experiment.name))", "--preset \(settings.name)"]
        if let dataset = extra["dataset"] { parts.append("--dataset \(shellQuoted(dataset))") }
        parts.append("--schedule \"\(settings.epsilonSchedule)\"")
        parts.append("--seed \(experiment.seed)")
        parts.append("--store \(shellQuoted(storePath))")
        return parts.joined(separator: " ")
    }

    /// `text` as one shell word: unchanged when plain, else single-quoted.
    static func shellQuoted(_ text: String) -> String {
        let plain = !text.isEmpty && text.allSatisfy { $0.isLetter || $0.isNumber || "-_./:=,".contains($0) }
        return plain ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

private enum Format {
    /// The dataset a preset is meant for, when the store does not say.
    static func datasetFallback(_ settings: SearchSpaceSettings) -> String {
        "— (not recorded; search space \(settings.name))"
    }
}
