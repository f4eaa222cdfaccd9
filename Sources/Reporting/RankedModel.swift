/// One unique net with where it was first found and what it scored.
struct RankedModel: Hashable, Sendable {
    var net: String
    var validationAccuracy: Double
    var testAccuracy: Double?
    var parameters: Int?
    var forwardFLOPs: Int?
    var epochs: Int?
    var trainingSeconds: Double?
    /// Accuracies on a percent scale, kept as an imported file wrote them (marked in tables).
    var percentScale: Bool
    /// Stopped early: the validation accuracy is predicted (marked in tables).
    var predicted: Bool = false
    /// ε of the first replay row holding this net.
    var firstEpsilon: Double
    /// 1-based position of that row among all replay rows.
    var firstIteration: Int
    /// How many replay rows hold this net.
    var samples: Int
}
