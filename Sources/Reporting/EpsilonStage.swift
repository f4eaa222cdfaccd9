/// One step of the ε schedule: `models` unique models trained at exploration rate `epsilon`.
public struct EpsilonStage: Hashable, Sendable {
    /// Exploration rate in [0, 1].
    public var epsilon: Double
    /// Unique models to train at this ε.
    public var models: Int

    /// Creates a stage.
    public init(epsilon: Double, models: Int) {
        self.epsilon = epsilon
        self.models = models
    }
}
