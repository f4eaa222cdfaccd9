/// The test accuracy of one finalist ensemble: the averaged softmax of every stored model of the
/// top `size` finalist nets.
public struct EnsembleRecord: Codable, Hashable, Sendable {
    /// The experiment's row identifier; set by the store on insertion.
    public var experimentID: Int64
    /// Finalist nets in the ensemble (the top `size` by mean validation accuracy).
    public var size: Int
    /// The nets, best first.
    public var nets: [String]
    /// Trained models averaged (every seed of every net).
    public var models: Int
    /// Test accuracy of the averaged softmax, a fraction.
    public var testAccuracy: Double
    /// When it was computed, seconds since 1970.
    public var computedAt: Double

    /// A record; `experimentID` is assigned by the store on insertion.
    public init(experimentID: Int64 = 0, size: Int, nets: [String], models: Int, testAccuracy: Double, computedAt: Double) {
        self.experimentID = experimentID
        self.size = size
        self.nets = nets
        self.models = models
        self.testAccuracy = testAccuracy
        self.computedAt = computedAt
    }
}
