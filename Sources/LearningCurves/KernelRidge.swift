/// A fitted kernel ridge regression: ŷ(x) = ȳ + Σᵢ αᵢ k(x, xᵢ) with (K + λI) α = y − ȳ.
struct KernelRidge: Sendable {
    let hyperparameters: Hyperparameters
    let standardizer: Standardizer
    let rows: [[Double]]
    let coefficients: [Double]
    let mean: Double

    /// Fits on raw feature rows (standardised here); nil when K + λI is not positive definite.
    init?(rows raw: [[Double]], targets: [Double], hyperparameters: Hyperparameters) {
        precondition(raw.count == targets.count && !raw.isEmpty, "need one target per row and at least one row")
        standardizer = Standardizer(rows: raw)
        rows = raw.map(standardizer.apply)
        self.hyperparameters = hyperparameters
        let mean = targets.reduce(0, +) / Double(targets.count)
        self.mean = mean
        let n = rows.count
        var matrix = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0...i {
                let k = hyperparameters.kernel(rows[i], rows[j])
                matrix[i * n + j] = k
                matrix[j * n + i] = k
            }
            matrix[i * n + i] += hyperparameters.lambda
        }
        guard let factor = Cholesky(matrix, n: n) else { return nil }
        coefficients = factor.solve(targets.map { $0 - mean })
    }

    /// The prediction for one raw feature row.
    func predict(_ raw: [Double]) -> Double {
        let x = standardizer.apply(raw)
        var sum = mean
        for i in 0..<rows.count { sum += coefficients[i] * hyperparameters.kernel(x, rows[i]) }
        return sum
    }
}
