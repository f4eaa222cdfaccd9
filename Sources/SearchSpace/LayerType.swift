/// The kind of layer a state stands for; raw values are the reference code's `layer_type` strings.
public enum LayerType: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    /// The state before any layer.
    case start
    /// A convolution `C(d,k,s)`.
    case conv
    /// A max pooling `P(k,s)`.
    case pool
    /// A fully connected layer `FC(n)`.
    case fc
    /// A global average pooling `GAP(c)`.
    case gap

    /// Orders types as they are listed in spec §1, so sorted Q tables read naturally.
    public static func < (lhs: LayerType, rhs: LayerType) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
