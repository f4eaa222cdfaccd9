import Datasets
import Foundation
import Training

/// Shows training progress: a redrawn bar on a terminal, one plain line per epoch otherwise.
final class ProgressDisplay {
    private let terminal: Bool
    private let silent: Bool
    private let settings: TrainingSettings
    private var lastDraw = ContinuousClock.now
    private var barShown = false
    private let header: String
    private let label: String?

    /// `label`, when given, prefixes every line and replaces the header (a caller running several
    /// trainings prints the header once itself).
    init(terminal: Bool, silent: Bool, settings: TrainingSettings, dataset: String, splits: DataSplits, label: String? = nil) {
        self.terminal = terminal
        self.silent = silent
        self.settings = settings
        self.label = label
        header = Self.describe(dataset: dataset, splits: splits, settings: settings)
    }

    /// One line describing the data and the scheme, shown once the network is built.
    static func describe(dataset: String, splits: DataSplits, settings: TrainingSettings) -> String {
        "\(dataset): \(splits.train.count) training, \(splits.validation.count) validation, \(splits.test.count) test images "
            + "(\(splits.train.channels)×\(splits.train.height)×\(splits.train.width), \(splits.classes) classes); "
            + "batch \(settings.batchSize), \(settings.epochs) epochs, lr \(settings.learningRate), \(settings.threads) thread(s)"
    }

    /// Handles one progress event.
    func report(_ event: TrainingProgress) {
        guard !silent else { return }
        switch event {
        case let .attemptStarted(attempt, _):
            if attempt == 1 && label == nil { print(header) }
        case let .batch(progress):
            // Redraw at most ten times a second, and always at the epoch's end.
            guard terminal, progress.batch == progress.batches || lastDraw.duration(to: .now) > .milliseconds(100) else { return }
            lastDraw = .now
            print("\r" + prefix + ProgressFormatter.bar(progress) + "\u{1B}[K", terminator: "")
            barShown = true
        case let .epochFinished(record, attempt):
            clearBar()
            print(prefix + ProgressFormatter.epochLine(record, epochs: settings.epochs, attempt: attempt))
        case let .belowThreshold(attempt, accuracy, threshold):
            clearBar()
            print(prefix + ProgressFormatter.belowThresholdLine(attempt: attempt, of: settings.maxAttempts,
                                                       validationAccuracy: accuracy, threshold: threshold))
        }
        fflush(nil)
    }

    private var prefix: String { label.map { "\($0) " } ?? "" }

    private func clearBar() {
        if barShown { print("\r\u{1B}[K", terminator: "") }
        barShown = false
    }
}
