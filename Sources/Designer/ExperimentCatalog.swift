import Foundation
import QLearning
import SearchSpace
import StoreModel

/// The text of `metaqnn list` and `metaqnn show`: what a store holds, for people.
public struct ExperimentCatalog: Sendable {
    /// The store to describe.
    public var store: any ExperimentStore

    /// A catalog of `store`.
    public init(store: any ExperimentStore) {
        self.store = store
    }

    /// One line per experiment: status, models, nets, best accuracy and net.
    public func listing() throws -> String {
        let summaries = try store.experiments()
        if summaries.isEmpty { return "No experiments in \(store.locationDescription).\n" }
        let header = ["experiment", "kind", "status", "models", "nets", "failed", "in flight", "best val", "best net"]
        let rows = try summaries.map { summary in
            let (status, inFlight) = try liveStatus(summary)
            return [summary.experiment.name, summary.experiment.kind.rawValue, status,
             String(summary.models), String(summary.trainedNets), String(summary.failedNets), String(inFlight),
             summary.best.flatMap(Self.reward) ?? "-", summary.best?.net ?? "-"]
        }
        let legend = summaries.contains { $0.best?.isPredicted == true } ? Self.predictedLegend + "\n" : ""
        return Self.table(header: header, rows: rows) + legend
    }

    /// The legend of the † that marks a predicted accuracy.
    static let predictedLegend = "† stopped early: the predicted final accuracy, its reward (the store keeps the partial curve)."

    /// A net's reward as a percentage, † when it is predicted.
    static func reward(_ net: TrainedNetRecord) -> String? {
        net.reward.map { percent($0) + (net.isPredicted ? "†" : "") }
    }

    /// The status to show and the nets really in flight: a search stored as running whose every
    /// lease is abandoned (its process was killed) is shown as "stopped (interrupted)".
    private func liveStatus(_ summary: ExperimentSummary) throws -> (status: String, inFlight: Int) {
        let stored = summary.experiment.status
        guard summary.leases > 0 else { return (stored.rawValue, 0) }
        let live = try store.leases(experiment: summary.experiment.name).filter { !$0.isAbandoned() }.count
        let interrupted = stored == .running && live == 0
        return (interrupted ? "stopped (interrupted)" : stored.rawValue, live)
    }

    /// Settings, progress and the `top` best nets of one experiment.
    public func details(experiment name: String, top: Int = 10) throws -> String {
        let experiment = try store.experiment(named: name)
        let summary = try store.experiments().first { $0.experiment.name == name }!
        let nets = try store.nets(experiment: name)
        let (status, inFlight) = try liveStatus(summary)
        var lines = [
            "experiment: \(experiment.name) (\(experiment.kind.rawValue), \(status))",
            "store: \(store.locationDescription)",
            "created: \(Self.date(experiment.createdAt)); last step: \(Self.date(experiment.updatedAt))",
            "seed: \(experiment.seed)",
            "models: \(summary.models) replay rows; \(summary.trainedNets) nets trained, \(summary.failedNets) failed, \(inFlight) in flight",
        ]
        if let note = StoredSearchSettings.syntheticNote(settingsJSON: experiment.settingsJSON) { lines.append("accuracies: " + note) }
        if let settings = try? JSONDecoder().decode(SearchSpaceSettings.self, from: Data(experiment.searchSpaceJSON.utf8)) {
            lines.append("search space:")
            lines += settings.summaryLines().map { "  " + $0 }
            if experiment.kind == .search {
                lines.append("schedule progress:")
                lines += Self.progress(schedule: settings.epsilonSchedule, nets: nets).map { "  " + $0 }
            }
        }
        lines.append("settings:")
        lines += Self.prettyJSON(experiment.settingsJSON).map { "  " + $0 }
        let leases = try store.leases(experiment: name)
        if !leases.isEmpty {
            lines.append("leased:")
            lines += leases.map { lease in
                "  \(lease.net) on \(lease.worker) (pid \(lease.pid)), heartbeat \(Self.date(lease.heartbeatAt))"
                    + (lease.isAbandoned() ? ", abandoned: the next run trains it first" : "")
            }
        }
        let ranked = nets.filter { $0.status == .trained }
            .sorted { ($0.reward!, -$0.id) > ($1.reward!, -$1.id) }
            .prefix(top)
        lines.append("")
        lines.append("top \(ranked.count) nets by best validation accuracy:")
        let header = ["rank", "best val", "test@best", "last val", "params", "FLOPs", "ε", "net"]
        let rows = ranked.enumerated().map { rank, net in
            [String(rank + 1), Self.reward(net)!, net.testAccuracyAtBest.map(Self.percent) ?? "-",
             Self.percent(net.lastValidationAccuracy!), net.parameterCount.map(String.init) ?? "-",
             net.forwardFLOPs.map(String.init) ?? "-", String(net.epsilon), net.net]
        }
        let legend = ranked.contains(where: \.isPredicted) ? Self.predictedLegend + "\n" : ""
        return lines.joined(separator: "\n") + "\n" + Self.table(header: header, rows: rows) + legend
    }

    /// "ε 1.0: 120/120" lines: unique nets first trained at each schedule stage.
    static func progress(schedule: EpsilonSchedule, nets: [TrainedNetRecord]) -> [String] {
        let progress = EpsilonProgress(schedule: schedule, stepsOfTrainedNets: nets.filter { $0.status == .trained }.map(\.stage))
        return schedule.steps.enumerated().map { index, step in
            "ε \(step.epsilon): \(progress.counts[index])/\(step.models)"
        }
    }

    /// One "key.path: value" line per setting (top-level objects opened one level, values as compact
    /// key-sorted JSON); the text itself when it is not a JSON object.
    static func prettyJSON(_ text: String) -> [String] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else { return [text] }
        func compact(_ value: Any) -> String {
            guard let data = try? JSONSerialization.data(
                withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed])
            else { return "\(value)" }
            return String(decoding: data, as: UTF8.self)
        }
        func lines(_ object: [String: Any], prefix: String, depth: Int) -> [String] {
            object.keys.sorted().flatMap { key -> [String] in
                if depth < 1, let nested = object[key] as? [String: Any] {
                    return lines(nested, prefix: prefix + key + ".", depth: depth + 1)
                }
                return ["\(prefix)\(key): \(compact(object[key]!))"]
            }
        }
        return lines(object, prefix: "", depth: 0)
    }

    static func percent(_ fraction: Double) -> String { String(format: "%.2f%%", fraction * 100) }

    static func date(_ seconds: Double) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date(timeIntervalSince1970: seconds))
    }

    /// Left-aligned columns separated by two spaces; the last column is not padded.
    static func table(header: [String], rows: [[String]]) -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max()! }
        return all.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}
