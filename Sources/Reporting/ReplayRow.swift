/// One replay row: a sampled net and the accuracy it was (or had been) trained to.
public struct ReplayRow: Hashable, Sendable {
    /// Sequence number in the store (1-based in this project's stores; file order for imports).
    public var sequence: Int
    /// Canonical net string.
    public var net: String
    /// Best validation accuracy, a fraction in [0, 1] (or as written, see `percentScale`).
    public var validationAccuracy: Double
    /// Test accuracy at the best validation epoch, if recorded.
    public var testAccuracy: Double?
    /// ε at the time the row was recorded.
    public var epsilon: Double
    /// Whether the accuracies are on a percent scale, as an imported reference file wrote them.
    public var percentScale: Bool

    /// Creates a replay row.
    public init(sequence: Int, net: String, validationAccuracy: Double, testAccuracy: Double? = nil, epsilon: Double,
                percentScale: Bool = false) {
        self.sequence = sequence
        self.net = net
        self.validationAccuracy = validationAccuracy
        self.testAccuracy = testAccuracy
        self.epsilon = epsilon
        self.percentScale = percentScale
    }
}
