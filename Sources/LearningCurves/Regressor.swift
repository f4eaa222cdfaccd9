/// The regression methods the predictor can use, compared by out-of-fold error on stored curves.
public enum Regressor: String, Hashable, Sendable, CaseIterable, Codable {
    /// Kernel ridge regression with an RBF kernel; hyperparameters λ and γ.
    case kernelRidgeRBF = "kernel-ridge-rbf"
    /// Ridge regression on the standardised features (kernel ridge with a linear kernel); hyperparameter λ.
    case linearRidge = "linear-ridge"

    /// A short name for tables.
    public var label: String {
        switch self {
        case .kernelRidgeRBF: "kernel ridge (RBF)"
        case .linearRidge: "linear ridge"
        }
    }

    /// The hyperparameter candidates searched by cross-validation; γ is scaled by 1/features.
    func candidates(features: Int) -> [Hyperparameters] {
        let lambdas = [0.001, 0.01, 0.1, 1, 10, 100]
        switch self {
        case .kernelRidgeRBF:
            let base = 1 / Double(max(features, 1))
            return [0.03, 0.1, 0.3, 1, 3].flatMap { g in lambdas.map { Hyperparameters(lambda: $0, gamma: g * base) } }
        case .linearRidge:
            return lambdas.map { Hyperparameters(lambda: $0, gamma: nil) }
        }
    }
}

/// Ridge penalty λ and, for the RBF kernel, its width γ in k(a, b) = exp(−γ‖a − b‖²).
public struct Hyperparameters: Hashable, Sendable, Codable {
    /// Ridge penalty added to the kernel matrix's diagonal.
    public var lambda: Double
    /// RBF width; nil for the linear kernel.
    public var gamma: Double?

    /// Hyperparameters from their values.
    public init(lambda: Double, gamma: Double?) {
        self.lambda = lambda
        self.gamma = gamma
    }

    /// k(a, b) for these hyperparameters: RBF when γ is set, else the dot product.
    func kernel(_ a: [Double], _ b: [Double]) -> Double {
        var sum = 0.0
        if let gamma {
            for j in 0..<a.count { sum += (a[j] - b[j]) * (a[j] - b[j]) }
            return Foundation.exp(-gamma * sum)
        }
        for j in 0..<a.count { sum += a[j] * b[j] }
        return sum
    }
}

import Foundation
