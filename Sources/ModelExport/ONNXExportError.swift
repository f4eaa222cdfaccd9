import NeuralEngine

/// Why a net and its weights cannot be written as ONNX; each description is one sentence.
public enum ONNXExportError: Error, Equatable, CustomStringConvertible {
    /// The layers do not form a network on this input.
    case cannotBuild(NetworkBuildError)
    /// The weights do not fit the network.
    case parameters(NetworkParameterError)
    /// The normalisation does not give one positive, finite mean and std per input channel.
    case invalidNormalisation(channels: Int, mean: [Float], std: [Float])

    /// One sentence naming the problem and what to do.
    public var description: String {
        switch self {
        case let .cannotBuild(error): error.description
        case let .parameters(error): error.description
        case let .invalidNormalisation(channels, mean, std):
            "The normalisation (mean \(mean), std \(std)) does not give one finite mean and one positive std for each of the \(channels) input channels; export from a finalist whose normalisation is stored."
        }
    }
}
