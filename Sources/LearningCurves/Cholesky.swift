/// Cholesky factor L (lower, row-major n × n) of a symmetric positive-definite matrix, A = L·Lᵀ.
struct Cholesky {
    let n: Int
    private(set) var lower: [Double]

    /// Nil when `matrix` is not numerically positive definite.
    init?(_ matrix: [Double], n: Int) {
        precondition(matrix.count == n * n, "matrix has \(matrix.count) entries, expected \(n)×\(n)")
        self.n = n
        var l = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0...i {
                var sum = matrix[i * n + j]
                for k in 0..<j { sum -= l[i * n + k] * l[j * n + k] }
                if i == j {
                    guard sum > 0 else { return nil }
                    l[i * n + i] = sum.squareRoot()
                } else {
                    l[i * n + j] = sum / l[j * n + j]
                }
            }
        }
        lower = l
    }

    /// x with A·x = b (forward then back substitution).
    func solve(_ b: [Double]) -> [Double] {
        precondition(b.count == n, "right-hand side has \(b.count) entries, expected \(n)")
        var z = b
        for i in 0..<n {
            var sum = z[i]
            for k in 0..<i { sum -= lower[i * n + k] * z[k] }
            z[i] = sum / lower[i * n + i]
        }
        for i in stride(from: n - 1, through: 0, by: -1) {
            var sum = z[i]
            for k in (i + 1)..<n { sum -= lower[k * n + i] * z[k] }
            z[i] = sum / lower[i * n + i]
        }
        return z
    }
}
