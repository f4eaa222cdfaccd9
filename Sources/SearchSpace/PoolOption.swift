/// One (kernel, stride) pair a pooling action may use.
public struct PoolOption: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The pooling window side k.
    public var kernel: Int
    /// The pooling stride s.
    public var stride: Int

    /// A pooling option `(kernel, stride)`.
    public init(kernel: Int, stride: Int) {
        self.kernel = kernel
        self.stride = stride
    }

    /// `(k,s)`.
    public var description: String { "(\(kernel),\(stride))" }
}
