/// One max-pooling choice `P(kernel, stride)` offered by a search space.
public struct PoolOption: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Pooling window side.
    public var kernel: Int
    /// Pooling stride.
    public var stride: Int

    /// A pooling choice with window `kernel` and step `stride`.
    public init(kernel: Int, stride: Int) {
        self.kernel = kernel
        self.stride = stride
    }

    /// `(k,s)`, as in the spec's preset table.
    public var description: String { "(\(kernel),\(stride))" }
}
