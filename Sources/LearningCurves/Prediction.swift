/// A predicted final accuracy ŷ_T and the standard deviation σ(τ) of its error.
public struct Prediction: Hashable, Sendable, Codable {
    /// ŷ_T.
    public var mean: Double
    /// σ(τ), the cross-validated RMSE at this prefix length.
    public var sigma: Double

    /// A prediction from its parts.
    public init(mean: Double, sigma: Double) {
        self.mean = mean
        self.sigma = sigma
    }
}
