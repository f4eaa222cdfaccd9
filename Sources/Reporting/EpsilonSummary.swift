/// Accuracy statistics of the unique models first trained at one ε (the paper's per-ε table).
struct EpsilonSummary: Hashable, Sendable {
    var epsilon: Double
    var uniqueModels: Int
    var mean: Double
    var median: Double
    var best: Double

    /// Summarises `accuracies`, which must not be empty.
    init(epsilon: Double, accuracies: [Double]) {
        precondition(!accuracies.isEmpty, "an ε summary needs at least one model")
        let sorted = accuracies.sorted()
        let n = sorted.count
        self.epsilon = epsilon
        uniqueModels = n
        mean = sorted.reduce(0, +) / Double(n)
        median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
        best = sorted[n - 1]
    }
}
