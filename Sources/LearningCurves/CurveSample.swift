/// One net's learning curve with what is known about the net and its training: the predictor's input.
public struct CurveSample: Hashable, Sendable {
    /// Validation accuracy after each epoch (fractions), epoch 1 first; a full curve has the horizon's length.
    public var accuracies: [Double]
    /// What is known before training starts: the net and the training settings that vary.
    public var context: CurveContext

    /// A sample from its curve and context.
    public init(accuracies: [Double], context: CurveContext) {
        self.accuracies = accuracies
        self.context = context
    }

    /// The value predicted: the net's reward had it been trained to the end, its best validation accuracy.
    ///
    /// The best rather than the last epoch's accuracy, because the best is the reward Q-learning
    /// uses and what the stopping rule compares with the experiment's best.
    public var finalAccuracy: Double {
        precondition(!accuracies.isEmpty, "an empty learning curve has no final accuracy")
        return accuracies.max()!
    }
}

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
