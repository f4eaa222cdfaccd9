/// One trainable tensor of a network with a stable name, its shape and its values in row-major order.
public struct NamedParameter: Sendable, Hashable {
    /// `<layer index>.<kind>.weight|bias`, e.g. `0.conv.weight`.
    public var name: String
    /// Dimensions, outermost first; the product is `values.count`.
    public var shape: [Int]
    /// The values, row-major over `shape`.
    public var values: [Float]

    /// Creates a tensor; `values` must hold exactly the product of `shape` floats.
    public init(name: String, shape: [Int], values: [Float]) {
        precondition(shape.allSatisfy { $0 >= 0 }, "tensor \(name) has a negative dimension in \(shape)")
        precondition(shape.reduce(1, *) == values.count,
                     "tensor \(name) of shape \(shape) needs \(shape.reduce(1, *)) values, got \(values.count)")
        self.name = name
        self.shape = shape
        self.values = values
    }
}
