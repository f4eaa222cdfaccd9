import StoreModel

/// A finalized net with all its stored seeds, and the order finalists are ranked in after
/// finalizing: by mean validation accuracy over seeds (test accuracy never selects). The weights
/// kept are each run's last epoch (the end of the decay schedule), so the figures used are the
/// last epoch's: they describe the models a user gets.
public struct FinalistStanding: Hashable, Sendable {
    /// Canonical net string.
    public var net: String
    /// Its stored trainings, by seed.
    public var runs: [FinalistRecord]

    /// Mean last-epoch validation accuracy over the seeds.
    public var meanValidationAccuracy: Double { runs.map(\.lastValidationAccuracy).reduce(0, +) / Double(runs.count) }

    /// The run with the best last-epoch validation accuracy (the lower seed on ties): the net's best single model.
    public var bestRun: FinalistRecord {
        runs.min { a, b in
            a.lastValidationAccuracy != b.lastValidationAccuracy ? a.lastValidationAccuracy > b.lastValidationAccuracy : a.seed < b.seed
        }!
    }

    /// Groups `records` by net and ranks the nets: best mean validation accuracy first; ties go to
    /// fewer parameters, then to the smaller net string.
    public static func rank(_ records: [FinalistRecord]) -> [FinalistStanding] {
        let groups = Dictionary(grouping: records, by: \.net)
        let standings = groups.map { net, runs in FinalistStanding(net: net, runs: runs.sorted { $0.seed < $1.seed }) }
        return standings.sorted { a, b in
            let (x, y) = (a.meanValidationAccuracy, b.meanValidationAccuracy)
            if x != y { return x > y }
            let (p, q) = (a.runs[0].parameterCount, b.runs[0].parameterCount)
            if p != q { return p < q }
            return a.net < b.net
        }
    }
}
