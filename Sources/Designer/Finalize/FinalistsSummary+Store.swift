import Foundation
import Reporting
import StoreModel
import Training

extension FinalistsSummary {
    /// The report's view of stored finalists: nets ranked as `FinalistStanding` ranks them, with the
    /// search-time accuracy from `nets`; nil when nothing has been finalized.
    public init?(finalists: [FinalistRecord], ensembles: [EnsembleRecord], nets: [TrainedNetRecord]) {
        guard !finalists.isEmpty else { return nil }
        let search = Dictionary(nets.map { ($0.net, $0.reward) }, uniquingKeysWith: { first, _ in first })
        let rows = FinalistStanding.rank(finalists).map { standing in
            FinalistRow(net: standing.net, searchValidationAccuracy: search[standing.net] ?? nil,
                        seeds: standing.runs.map(\.seed), validationAccuracies: standing.runs.map(\.lastValidationAccuracy),
                        testAccuracies: standing.runs.map(\.testAccuracyAtLast), parameters: standing.runs[0].parameterCount,
                        forwardFLOPs: standing.runs[0].forwardFLOPs,
                        meanSeconds: standing.runs.map(\.seconds).reduce(0, +) / Double(standing.runs.count),
                        bestSeed: standing.bestRun.seed)
        }
        let epochs = (try? JSONDecoder().decode(FinalistSettings.self, from: Data(finalists[0].settingsJSON.utf8)))?.training.epochs
        self.init(rows: rows, ensembles: ensembles.map { EnsembleRow(size: $0.size, models: $0.models, testAccuracy: $0.testAccuracy) },
                  epochs: epochs)
    }
}
