/// The shape of one image-like representation: channels × height × width.
public struct TensorShape: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Number of feature maps.
    public var channels: Int
    /// Rows of each feature map.
    public var height: Int
    /// Columns of each feature map.
    public var width: Int

    /// Creates a shape of `channels` maps of `height` × `width`.
    public init(channels: Int, height: Int, width: Int) {
        self.channels = channels
        self.height = height
        self.width = width
    }

    /// Floats one image of this shape occupies.
    public var elementCount: Int { channels * height * width }

    /// Pixels in one feature map.
    public var spatialCount: Int { height * width }

    /// `CxHxW`, the form the command line accepts.
    public var description: String { "\(channels)x\(height)x\(width)" }
}
