/// One unique net with where it was first found and what it scored.
struct RankedModel: Hashable, Sendable {
    var net: String
    var validationAccuracy: Double
    var testAccuracy: Double?
    var parameters: Int?
    var forwardFLOPs: Int?
    var epochs: Int?
    var trainingSeconds: Double?
    /// ε of the first replay row holding this net.
    var firstEpsilon: Double
    /// 1-based position of that row among all replay rows.
    var firstIteration: Int
    /// How many replay rows hold this net.
    var samples: Int
}
