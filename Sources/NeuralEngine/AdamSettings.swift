/// Hyper-parameters of the Adam optimiser with L2 weight decay on the weights (not the biases).
public struct AdamSettings: Hashable, Sendable, Codable {
    /// Step size α.
    public var learningRate: Float = 0.001
    /// Decay of the first-moment estimate.
    public var beta1: Float = 0.9
    /// Decay of the second-moment estimate.
    public var beta2: Float = 0.999
    /// Added to the root of the second moment to avoid division by zero.
    public var epsilon: Float = 1e-8
    /// L2 coefficient λ: the gradient of every weight gains λ·w before the Adam update.
    public var weightDecay: Float = 0.0005

    /// Creates settings; every argument defaults to the paper's value.
    public init(learningRate: Float = 0.001, beta1: Float = 0.9, beta2: Float = 0.999,
                epsilon: Float = 1e-8, weightDecay: Float = 0.0005) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
    }
}
