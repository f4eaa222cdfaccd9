/// What a per-epoch stopping decision sees: the attempt's curve so far and the net's size.
public struct EpochCheck: Hashable, Sendable {
    /// The attempt's epochs so far, epoch 1 first (the last one just finished).
    public var epochs: [EpochRecord]
    /// Which attempt the curve belongs to, 1 for the first.
    public var attempt: Int
    /// Trainable parameters of the net.
    public var parameterCount: Int
    /// Forward FLOPs per image of the net.
    public var forwardFLOPs: Int

    /// A check from its parts.
    public init(epochs: [EpochRecord], attempt: Int, parameterCount: Int, forwardFLOPs: Int) {
        self.epochs = epochs
        self.attempt = attempt
        self.parameterCount = parameterCount
        self.forwardFLOPs = forwardFLOPs
    }
}
