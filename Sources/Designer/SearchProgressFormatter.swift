import Foundation

/// Turns search events into the one-line progress messages the CLI prints.
public enum SearchProgressFormatter {
    /// The line for `event`, or nil for events not worth a line.
    public static func line(_ event: SearchEvent) -> String? {
        switch event {
        case let .started(experiment, resumed, workers, status):
            let verb = resumed ? "Resuming" : "Starting"
            return "\(verb) experiment '\(experiment)': \(status.modelsDone)/\(status.modelsTotal) models done, "
                + "\(status.replayRows) replay rows, \(workers) worker\(workers == 1 ? "" : "s")."
        case let .training(worker, net, epsilon, retry):
            return "[w\(worker + 1)] training \(net) at ε = \(format(epsilon))" + (retry ? " (again: its earlier worker stopped before recording it)" : "")
        case let .trained(net, accuracy, seconds, epsilon, status):
            return "[\(status.modelsDone)/\(status.modelsTotal)] ε \(format(epsilon)): \(net) → \(percent(accuracy)) "
                + "in \(String(format: "%.1f", seconds)) s | \(stage(status)) | \(tail(status))"
        case let .stoppedEarly(net, afterEpoch, epochs, predicted, seconds, epsilon, status):
            return "[\(status.modelsDone)/\(status.modelsTotal)] ε \(format(epsilon)): \(net) → stopped after epoch "
                + "\(afterEpoch)/\(epochs), predicted \(percent(predicted)) in \(String(format: "%.1f", seconds)) s | "
                + "\(stage(status)) | \(tail(status))"
        case let .cached(net, accuracy, epsilon, status):
            return "[\(status.modelsDone)/\(status.modelsTotal)] ε \(format(epsilon)): repeat \(net) → \(percent(accuracy)) "
                + "(stored result, not retrained; \(status.replayRows) replay rows)"
        case let .failed(net, reason):
            return "skipped \(net): \(reason)"
        case let .reportWritten(url):
            return "report: \(url.path)"
        case let .reportFailed(reason):
            return "report not written: \(reason)"
        }
    }

    /// A closing summary for a finished or interrupted search.
    public static func summary(_ status: SearchStatus, completed: Bool, report: URL?) -> [String] {
        var lines = [completed
            ? "Search complete: \(status.modelsDone) unique models, \(status.replayRows) replay rows."
            : "Search stopped at \(status.modelsDone)/\(status.modelsTotal) models; run the same command again to resume."]
        if let net = status.bestNet, let accuracy = status.bestAccuracy {
            lines.append("Best: \(net) at \(percent(accuracy)) validation accuracy.")
        }
        if status.stoppedEarly > 0 {
            lines.append("Early stopping: \(status.stoppedEarly) net\(status.stoppedEarly == 1 ? "" : "s") stopped, "
                + "\(status.epochsSaved) epoch\(status.epochsSaved == 1 ? "" : "s") of training saved.")
        }
        if let report { lines.append("Report: \(report.path)") }
        return lines
    }

    static func stage(_ status: SearchStatus) -> String {
        "stage ε \(format(status.epsilon)): \(status.stageDone)/\(status.stageTarget) unique"
    }

    static func tail(_ status: SearchStatus) -> String {
        var parts: [String] = []
        if let net = status.bestNet, let accuracy = status.bestAccuracy { parts.append("best \(percent(accuracy)) \(net)") }
        if let rate = status.modelsPerHour { parts.append(String(format: "%.0f models/h", rate)) }
        if let eta = status.etaSeconds { parts.append("ETA \(duration(eta))") }
        return parts.joined(separator: " | ")
    }

    static func format(_ epsilon: Double) -> String {
        String(format: "%.2f", epsilon).replacingOccurrences(of: #"0$"#, with: "", options: .regularExpression)
    }

    static func percent(_ fraction: Double) -> String { String(format: "%.2f %%", fraction * 100) }

    static func duration(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        if total >= 3600 { return "\(total / 3600) h \(total % 3600 / 60) min" }
        if total >= 60 { return "\(total / 60) min \(total % 60) s" }
        return "\(total) s"
    }
}
