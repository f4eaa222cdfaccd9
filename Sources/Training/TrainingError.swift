import NeuralEngine

/// Why a net could not be trained; the search skips such nets. Each description is one sentence.
public enum TrainingError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The engine refused the layer list (empty representation, bad sizes, too large, …).
    case cannotBuild(net: String, reason: NetworkBuildError)
    /// The net string has no final `SM(c)` layer.
    case missingClassifier(net: String)
    /// `SM(c)` appears before the last layer.
    case misplacedClassifier(net: String)
    /// `SM(c)` or `GAP(c)` disagrees with the dataset's class count.
    case classMismatch(net: String, layerClasses: Int, dataClasses: Int)
    /// A layer's numbers are unusable (e.g. `D(3,2)`).
    case invalidLayer(net: String, layer: String, reason: String)
    /// A training setting is out of range.
    case invalidSetting(name: String, value: String, requirement: String)
    /// Training the net at this batch size needs more memory than the machine has (`bytes` nil: past `Int.max`).
    case needsTooMuchMemory(net: String, batchSize: Int, bytes: Int?, available: Int)

    /// One sentence naming the problem and what to do.
    public var description: String {
        switch self {
        case let .cannotBuild(net, reason):
            return "\(net) cannot be built: \(reason.description.lowercasingFirst)"
        case let .missingClassifier(net):
            return "\(net) has no final SM(c) layer; end the net string with SM(classes)."
        case let .misplacedClassifier(net):
            return "\(net) has SM(c) before its last layer; SM(c) must come last and only once."
        case let .classMismatch(net, layerClasses, dataClasses):
            return "\(net) outputs \(layerClasses) classes but the dataset has \(dataClasses); use SM(\(dataClasses)) (and GAP(\(dataClasses)))."
        case let .invalidLayer(net, layer, reason):
            return "\(net) has an unusable layer \(layer) (\(reason)); fix that token."
        case let .invalidSetting(name, value, requirement):
            return "\(name) \(value) is not usable; it must be \(requirement)."
        case let .needsTooMuchMemory(net, batchSize, bytes, available):
            let needed = bytes.map { "at least \(gibibytes($0))" } ?? "more than 2^63 bytes"
            return "\(net) needs \(needed) to train with batch size \(batchSize), more than this machine's \(gibibytes(available)) of memory; use a smaller net or a smaller batch size."
        }
    }
}

/// `bytes` in GiB with one decimal, e.g. "23.5 GiB".
private func gibibytes(_ bytes: Int) -> String {
    let tenths = (Double(bytes) / Double(1 << 30) * 10).rounded()
    return "\(Int(tenths) / 10).\(Int(tenths) % 10) GiB"
}

extension String {
    /// The engine's sentences start with a capital; inside ours they follow a colon.
    var lowercasingFirst: String { prefix(1).lowercased() + dropFirst() }
}
