/// Loss and accuracy counts over one batch, summed so that batches can be added up.
public struct BatchResult: Sendable, Hashable {
    /// Sum over the images of the softmax cross-entropy loss (natural log).
    public var lossSum: Float
    /// Images whose highest logit is their label.
    public var correct: Int
    /// Images in the batch.
    public var count: Int

    /// Creates a result from its sums.
    public init(lossSum: Float, correct: Int, count: Int) {
        self.lossSum = lossSum
        self.correct = correct
        self.count = count
    }

    /// Mean loss per image (0 for an empty batch).
    public var meanLoss: Float { count == 0 ? 0 : lossSum / Float(count) }

    /// Fraction of images classified correctly (0 for an empty batch).
    public var accuracy: Double { count == 0 ? 0 : Double(correct) / Double(count) }

    /// Adds another batch's sums to this one.
    public static func += (lhs: inout BatchResult, rhs: BatchResult) {
        lhs.lossSum += rhs.lossSum
        lhs.correct += rhs.correct
        lhs.count += rhs.count
    }
}
