import Foundation
import QLearning
import Reporting
import SearchSpace
import StoreModel

/// Maps one stored experiment (records read from an `ExperimentStore`) to the plain `ReportInput`.
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

        let replays = entries.filter { $0.net.status == .trained }.map { entry in
            ReplayRow(sequence: entry.row.sequence, net: entry.net.net, validationAccuracy: entry.result.bestValidationAccuracy,
                      testAccuracy: entry.result.testAccuracyAtBest, epsilon: entry.row.epsilon,
                      percentScale: entry.result.isPercentScale)
        }
        let models = nets.compactMap { net -> ModelRow? in
            guard net.status == .trained, let accuracy = net.reward else { return nil }
            return ModelRow(net: net.net, validationAccuracy: accuracy, testAccuracy: net.testAccuracyAtBest,
                            parameters: net.parameterCount, forwardFLOPs: net.forwardFLOPs,
                            epochs: Self.epochCount(net.epochsJSON), trainingSeconds: net.seconds > 0 ? net.seconds : nil,
                            percentScale: net.result.isPercentScale, stoppedAfterEpoch: net.stoppedAfterEpoch)
        }
        if let note = StoredSearchSettings.syntheticNote(settingsJSON: experiment.settingsJSON) { notes.append(note) }
        if let note = Self.earlyStoppingNote(nets: nets, settingsJSON: experiment.settingsJSON) { notes.append(note) }
        let failed = nets.filter { $0.status == .failed }.count
        if failed > 0 {
            notes.append("\(failed) sampled net\(failed == 1 ? "" : "s") could not be built or trained; "
                + "they have no replay rows and are left out of every table.")
        }

        var learner = QLearner(space: StateSpace(settings: settings), table: qTable)
        if qTable.count == 0 && !replays.isEmpty {
            // Imported stores carry no Q table: rebuild one by replaying every row once, in stored
            // order, exactly as `metaqnn replay` does by default.
            let memory = ReplayMemory(entries: entries.filter { $0.net.status == .trained }, space: learner.space)
            var rng = SplitMix64(seed: 1)
            learner.rebuild(from: memory.experiences, order: .stored, rng: &rng)
            let skipped = memory.rejected.count
            notes.append("The store holds no Q table, so the Q values shown were rebuilt by replaying every stored row "
                + "once in sequence order" + (skipped > 0 ? " (\(skipped) rows outside the search space skipped)." : "."))
        }
        let hasTable = learner.table.count > 0
        let percentRows = replays.filter(\.percentScale).map(\.sequence)
        if !percentRows.isEmpty {
            notes.append("\(percentRows.count) replay row\(percentRows.count == 1 ? " holds" : "s hold") accuracies on a percent "
                + "scale (rows " + Self.list(percentRows) + "); they are kept as written, replayed with that value as "
                + "reward as the reference code does, and marked ‡.")
        }
        if imported, let source = extra["source"] { notes.insert("Imported from `\(source)`.", at: 0) }

        let header = ExperimentHeader(
            name: experiment.name,
            dataset: extra["dataset"] ?? Format.datasetFallback(settings),
            searchSpace: Self.describe(settings),
            epsilonSchedule: imported ? [] : settings.epsilonSchedule.steps,
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

    /// How many nets early stopping stopped and the epochs it saved; nil when it stopped none.
    static func earlyStoppingNote(nets: [TrainedNetRecord], settingsJSON: String) -> String? {
        let stopped = nets.compactMap(\.stoppedAfterEpoch)
        guard !stopped.isEmpty else { return nil }
        let trained = nets.filter { $0.status == .trained }.count
        let configuration = (try? StoredSearchSettings(json: settingsJSON))?.configuration
        var text = "Early stopping stopped \(stopped.count) of \(trained) trained nets"
        if let rule = configuration?.earlyStopping { text += " (Δ = \(rule.threshold), burn-in \(rule.burnIn) nets)" }
        if let epochs = configuration?.training.epochs {
            let saved = stopped.reduce(0) { $0 + epochs - $1 }
            text += ", saving \(saved) of their \(stopped.count * epochs) epochs"
            // The share of the whole search: what its trained nets took plus what was saved is what the
            // same nets would have cost without early stopping (a net that never learned keeps its short curve).
            let trainedEpochs = nets.filter { $0.status == .trained }.reduce(0) { $0 + (epochCount($1.epochsJSON) ?? 0) }
            let share = Double(saved) / Double(max(1, trainedEpochs + saved)) * 100
            text += ", \(String(format: "%.1f", share)) % of the \(trainedEpochs + saved) epochs its trained nets would have taken without it"
        }
        return text + "; their accuracies are predicted final accuracies (their rewards), marked †."
    }

    /// The first few of `numbers`, then how many more: "3, 7, 9 and 12 more".
    static func list(_ numbers: [Int], first: Int = 5) -> String {
        let shown = numbers.prefix(first).map(String.init).joined(separator: ", ")
        return numbers.count > first ? shown + " and \(numbers.count - first) more" : shown
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
