import Foundation

/// Text for training progress and results; callers decide where it goes (the library prints nothing).
public enum ProgressFormatter {
    /// A one-line progress bar for the current epoch: bar, images/s, running loss and accuracy, ETA of the attempt.
    public static func bar(_ progress: BatchProgress, width: Int = 24) -> String {
        let fraction = Double(progress.images) / Double(max(progress.epochImages, 1))
        let filled = min(width, Int((fraction * Double(width)).rounded(.down)))
        let rate = progress.seconds > 0 ? Double(progress.images) / progress.seconds : 0
        let remaining = Double(progress.epochImages - progress.images + (progress.epochs - progress.epoch) * progress.epochImages)
        let eta = rate > 0 ? clock(remaining / rate) : "--:--"
        return "epoch \(progress.epoch)/\(progress.epochs) [\(String(repeating: "#", count: filled))\(String(repeating: ".", count: width - filled))] "
            + "\(progress.batch)/\(progress.batches)  \(Int(rate.rounded())) img/s  loss \(fixed(progress.meanLoss, 4))  "
            + "acc \(percent(progress.accuracy))  ETA \(eta)"
    }

    /// One line summing up a finished epoch.
    public static func epochLine(_ record: EpochRecord, epochs: Int, attempt: Int) -> String {
        let prefix = attempt > 1 ? "attempt \(attempt) " : ""
        return "\(prefix)epoch \(record.epoch)/\(epochs)  loss \(fixed(record.trainLoss, 4))  train \(percent(record.trainAccuracy))  "
            + "val \(percent(record.validationAccuracy))  test \(percent(record.testAccuracy))  lr \(record.learningRate)  \(fixed(record.seconds, 1)) s"
    }

    /// The line reported when an attempt's first epoch does not beat the threshold.
    public static func belowThresholdLine(attempt: Int, of attempts: Int, validationAccuracy: Double, threshold: Double) -> String {
        let next = attempt < attempts ? "restarting at a lower learning rate" : "the net never learned"
        return "attempt \(attempt)/\(attempts): validation \(percent(validationAccuracy)) does not beat \(percent(threshold)) after epoch 1; \(next)"
    }

    /// A few lines summing up a result.
    public static func summary(_ result: TrainingResult) -> String {
        var lines = ["net          \(result.net)"]
        if !result.learned {
            lines.append("learned      no: every attempt (\(result.attempts)) stayed at or below the restart threshold after epoch 1; recorded as \(percent(result.bestValidationAccuracy))")
        }
        lines += [
            "validation   best \(percent(result.bestValidationAccuracy)) (iteration \(result.bestValidationIteration)), "
                + "last \(percent(result.lastValidationAccuracy)) (iteration \(result.lastValidationIteration))",
            "test         \(percent(result.testAccuracyAtBest)) at best validation, \(percent(result.testAccuracyAtLast)) at last",
            "parameters   \(result.parameterCount)",
            "forward      \(fixed(Double(result.forwardFLOPs) / 1e6, 2)) MFLOP per image",
            "attempts     \(result.attempts)",
            "time         \(fixed(result.seconds, 1)) s",
        ]
        return lines.joined(separator: "\n")
    }

    /// The result as pretty-printed JSON with sorted keys.
    public static func json(_ result: TrainingResult) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        // Encoding plain numbers, strings and arrays cannot fail.
        let data = try! encoder.encode(result)
        return String(decoding: data, as: UTF8.self)
    }

    /// A fraction as a percentage with two decimals, e.g. "90.12 %".
    public static func percent(_ fraction: Double) -> String {
        "\(fixed(fraction * 100, 2)) %"
    }

    static func fixed(_ value: Double, _ digits: Int) -> String {
        guard value.isFinite else { return "\(value)" }
        return String(format: "%.\(digits)f", value)
    }

    static func clock(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        let (hours, minutes, rest) = (total / 3600, total / 60 % 60, total % 60)
        let mmss = String(format: "%02d:%02d", minutes, rest)
        return hours > 0 ? "\(hours):\(mmss)" : mmss
    }
}
