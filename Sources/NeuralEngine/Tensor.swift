/// A batch of images in NCHW order with `[Float]` storage: the engine's plain-value tensor.
public struct Tensor: Hashable, Sendable {
    /// Number of images in the batch.
    public var count: Int
    /// The shape of each image.
    public var shape: TensorShape
    /// `count × channels × height × width` floats, image-major then channel, row, column.
    public var storage: [Float]

    /// Creates a tensor from existing storage, whose length must match the shape.
    public init(count: Int, shape: TensorShape, storage: [Float]) {
        precondition(storage.count == count * shape.elementCount,
                     "storage holds \(storage.count) floats but \(count)×\(shape) needs \(count * shape.elementCount)")
        self.count = count
        self.shape = shape
        self.storage = storage
    }

    /// Creates a zero-filled tensor.
    public init(zeros count: Int, shape: TensorShape) {
        self.init(count: count, shape: shape, storage: [Float](repeating: 0, count: count * shape.elementCount))
    }

    /// Creates a tensor of values uniform in `range`, drawn from `generator`.
    public init<G: RandomNumberGenerator>(uniform count: Int, shape: TensorShape, in range: ClosedRange<Float>,
                                          using generator: inout G) {
        let storage = (0..<(count * shape.elementCount)).map { _ in Float.random(in: range, using: &generator) }
        self.init(count: count, shape: shape, storage: storage)
    }

    /// The flat index of element (n, c, y, x).
    @inlinable public func index(_ n: Int, _ c: Int, _ y: Int, _ x: Int) -> Int {
        ((n * shape.channels + c) * shape.height + y) * shape.width + x
    }

    /// Element (n, c, y, x).
    @inlinable public subscript(n: Int, c: Int, y: Int, x: Int) -> Float {
        get { storage[index(n, c, y, x)] }
        set { storage[index(n, c, y, x)] = newValue }
    }
}
