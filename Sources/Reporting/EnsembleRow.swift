/// The test accuracy of the averaged softmax of the top `size` finalist nets.
public struct EnsembleRow: Hashable, Sendable {
    /// Nets in the ensemble.
    public var size: Int
    /// Models averaged (every seed of each net).
    public var models: Int
    /// Test accuracy, a fraction.
    public var testAccuracy: Double

    /// Creates a row.
    public init(size: Int, models: Int, testAccuracy: Double) {
        self.size = size
        self.models = models
        self.testAccuracy = testAccuracy
    }
}
