/// Per-column centring and scaling fitted on training rows, so no feature dominates the RBF distance.
struct Standardizer: Hashable, Sendable {
    let means: [Double]
    /// Standard deviations; 1 for a constant column, which then standardises to 0.
    let scales: [Double]

    init(rows: [[Double]]) {
        precondition(!rows.isEmpty, "a standardizer needs at least one row")
        let width = rows[0].count, n = Double(rows.count)
        var means = [Double](repeating: 0, count: width)
        for row in rows { for j in 0..<width { means[j] += row[j] / n } }
        var variances = [Double](repeating: 0, count: width)
        for row in rows { for j in 0..<width { variances[j] += (row[j] - means[j]) * (row[j] - means[j]) / n } }
        self.means = means
        scales = variances.map { $0 > 1e-18 ? $0.squareRoot() : 1 }
    }

    func apply(_ row: [Double]) -> [Double] {
        precondition(row.count == means.count, "row has \(row.count) features, the standardizer \(means.count)")
        return (0..<row.count).map { (row[$0] - means[$0]) / scales[$0] }
    }
}
