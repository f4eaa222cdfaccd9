/// One token of a net string (spec §3).
public enum Layer: Hashable, Sendable, Codable {
    /// `C(d,k,s)`: d filters of k×k, stride s, SAME padding, then ReLU.
    case conv(filters: Int, kernel: Int, stride: Int)
    /// `P(k,s)`: max pooling k×k with stride s, no padding.
    case pool(kernel: Int, stride: Int)
    /// `FC(n)`: fully connected with n units, then ReLU.
    case fc(units: Int)
    /// `GAP(c)`: 1×1 convolution to c channels, ReLU, mean over the whole map.
    case gap(classes: Int)
    /// `D(i,n)`: dropout number i of n, rate 0.5·i/n.
    case dropout(index: Int, total: Int)
    /// `SM(c)`: the final fully connected layer to c classes with softmax cross-entropy.
    case softmax(classes: Int)

    /// The token as it appears in a canonical net string, e.g. `C(64,3,1)`.
    public var token: String {
        switch self {
        case let .conv(d, k, s): "C(\(d),\(k),\(s))"
        case let .pool(k, s): "P(\(k),\(s))"
        case let .fc(n): "FC(\(n))"
        case let .gap(c): "GAP(\(c))"
        case let .dropout(i, n): "D(\(i),\(n))"
        case let .softmax(c): "SM(\(c))"
        }
    }

    /// The dropout rate of a `D(i,n)` token (0.5·i/n), nil for other layers.
    public var dropoutRate: Double? {
        guard case let .dropout(i, n) = self else { return nil }
        return 0.5 * Double(i) / Double(n)
    }
}
