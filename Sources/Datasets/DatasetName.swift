import Foundation

/// The datasets `--dataset` can name.
public enum DatasetName: String, CaseIterable, Sendable, Codable {
    /// The embedded 8×8 digits (default).
    case digits
    /// Fashion-MNIST (IDX files).
    case fashionMNIST = "fashion-mnist"
    /// MNIST (IDX files).
    case mnist
    /// CIFAR-10 (binary batches).
    case cifar10

    /// Directories searched when no `--data-dir` is given (Debian's `dataset-*` packages install here).
    public var defaultDirectories: [URL] {
        switch self {
        case .digits: return []
        case .fashionMNIST: return [URL(fileURLWithPath: "/usr/share/datasets/fashion-mnist")]
        case .mnist: return [URL(fileURLWithPath: "/usr/share/datasets/mnist")]
        case .cifar10: return [URL(fileURLWithPath: "/usr/share/datasets/cifar-10"),
                               URL(fileURLWithPath: "/usr/share/datasets/cifar-10-batches-bin")]
        }
    }

    /// The name used in messages.
    public var displayName: String {
        switch self {
        case .digits: return "digits"
        case .fashionMNIST: return "Fashion-MNIST"
        case .mnist: return "MNIST"
        case .cifar10: return "CIFAR-10"
        }
    }
}
