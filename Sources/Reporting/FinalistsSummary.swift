/// The finalists of an experiment as the report shows them.
public struct FinalistsSummary: Hashable, Sendable {
    /// Finalized nets ranked by mean validation accuracy over seeds, best first.
    public var rows: [FinalistRow]
    /// Ensembles of the top k rows, k = 1 … K.
    public var ensembles: [EnsembleRow]
    /// Epochs of the final training scheme, when the stored settings say.
    public var epochs: Int?

    /// Creates a summary.
    public init(rows: [FinalistRow], ensembles: [EnsembleRow], epochs: Int?) {
        self.rows = rows
        self.ensembles = ensembles
        self.epochs = epochs
    }

    /// Spearman's rank correlation between search-time validation accuracy and finalized mean test
    /// accuracy over the rows that have both (ties get their mean rank); nil below three such rows.
    public var rankCorrelation: Double? {
        let pairs = rows.compactMap { row in row.searchValidationAccuracy.map { ($0, row.meanTestAccuracy) } }
        guard pairs.count >= 3 else { return nil }
        return Self.pearson(Self.ranks(pairs.map(\.0)), Self.ranks(pairs.map(\.1)))
    }

    /// 1-based ranks of `values` (ascending), ties sharing their mean rank.
    static func ranks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count, values[order[end + 1]] == values[order[start]] { end += 1 }
            let shared = Double(start + end) / 2 + 1
            for position in start...end { ranks[order[position]] = shared }
            start = end + 1
        }
        return ranks
    }

    /// Pearson correlation; nil when either side is constant.
    static func pearson(_ x: [Double], _ y: [Double]) -> Double? {
        let n = Double(x.count)
        let (mx, my) = (x.reduce(0, +) / n, y.reduce(0, +) / n)
        var (sxy, sxx, syy) = (0.0, 0.0, 0.0)
        for (a, b) in zip(x, y) {
            sxy += (a - mx) * (b - my)
            sxx += (a - mx) * (a - mx)
            syy += (b - my) * (b - my)
        }
        guard sxx > 0, syy > 0 else { return nil }
        return sxy / (sxx * syy).squareRoot()
    }
}
