/// Why named tensors cannot be loaded into a network; each description is one sentence.
public enum NetworkParameterError: Error, Equatable, CustomStringConvertible {
    /// The network has a tensor of this name that the given tensors lack.
    case missing(name: String)
    /// A tensor has the right name but another shape than the network's.
    case shapeMismatch(name: String, expected: [Int], found: [Int])
    /// A tensor names nothing in the network, so the tensors belong to another net.
    case unexpected(name: String)
    /// The same name appears more than once.
    case duplicate(name: String)

    /// One sentence naming the problem and what to do.
    public var description: String {
        switch self {
        case let .missing(name):
            "The weights have no tensor \(name), which this network needs; load weights saved from the same net."
        case let .shapeMismatch(name, expected, found):
            "The tensor \(name) has shape \(Self.format(found)) but this network needs \(Self.format(expected)); load weights saved from the same net and input shape."
        case let .unexpected(name):
            "The weights hold a tensor \(name) that this network does not have; load weights saved from the same net."
        case let .duplicate(name):
            "The weights hold the tensor \(name) more than once; save them again."
        }
    }

    private static func format(_ shape: [Int]) -> String {
        "[" + shape.map(String.init).joined(separator: ", ") + "]"
    }
}
