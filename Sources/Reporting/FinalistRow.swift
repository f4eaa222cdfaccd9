/// One finalized net: its search-time score and what its longer trainings from several seeds gave.
public struct FinalistRow: Hashable, Sendable {
    /// Canonical net string.
    public var net: String
    /// Best validation accuracy the search measured with its short budget; nil when the net is gone from the search.
    public var searchValidationAccuracy: Double?
    /// Seeds trained, ascending.
    public var seeds: [Int]
    /// Final-epoch validation accuracy per seed, in `seeds` order.
    public var validationAccuracies: [Double]
    /// Final-epoch test accuracy (the stored weights') per seed, in `seeds` order.
    public var testAccuracies: [Double]
    /// Trainable parameters.
    public var parameters: Int
    /// Forward FLOPs per image.
    public var forwardFLOPs: Int
    /// Mean training seconds per seed.
    public var meanSeconds: Double
    /// The seed of the net's best single model (highest validation accuracy).
    public var bestSeed: Int

    /// Creates a row.
    public init(net: String, searchValidationAccuracy: Double?, seeds: [Int], validationAccuracies: [Double],
                testAccuracies: [Double], parameters: Int, forwardFLOPs: Int, meanSeconds: Double, bestSeed: Int) {
        self.net = net
        self.searchValidationAccuracy = searchValidationAccuracy
        self.seeds = seeds
        self.validationAccuracies = validationAccuracies
        self.testAccuracies = testAccuracies
        self.parameters = parameters
        self.forwardFLOPs = forwardFLOPs
        self.meanSeconds = meanSeconds
        self.bestSeed = bestSeed
    }

    /// Mean test accuracy over the seeds.
    public var meanTestAccuracy: Double { testAccuracies.reduce(0, +) / Double(max(1, testAccuracies.count)) }

    /// Sample standard deviation of the test accuracy over the seeds; nil with a single seed.
    public var testAccuracyDeviation: Double? {
        guard testAccuracies.count > 1 else { return nil }
        let mean = meanTestAccuracy
        let squares = testAccuracies.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return (squares / Double(testAccuracies.count - 1)).squareRoot()
    }
}
