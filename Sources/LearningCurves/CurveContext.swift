/// Net and training features of one curve, known before its first epoch.
public struct CurveContext: Hashable, Sendable {
    /// Trainable parameters.
    public var parameterCount: Int
    /// Forward FLOPs per image.
    public var forwardFLOPs: Int
    /// Convolution layers.
    public var convolutions: Int
    /// Max-pooling layers.
    public var poolings: Int
    /// Fully connected hidden layers (the classifier not counted).
    public var fullyConnected: Int
    /// Global-average-pooling layers.
    public var globalPoolings: Int
    /// Learning rate of the curve's first epoch (restarts lower it).
    public var learningRate: Double
    /// Which training attempt the curve is from, 1 for the first.
    public var attempt: Int

    /// A context from its parts.
    public init(parameterCount: Int, forwardFLOPs: Int, convolutions: Int, poolings: Int, fullyConnected: Int,
                globalPoolings: Int, learningRate: Double, attempt: Int) {
        self.parameterCount = parameterCount
        self.forwardFLOPs = forwardFLOPs
        self.convolutions = convolutions
        self.poolings = poolings
        self.fullyConnected = fullyConnected
        self.globalPoolings = globalPoolings
        self.learningRate = learningRate
        self.attempt = attempt
    }
}
