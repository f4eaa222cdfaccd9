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
