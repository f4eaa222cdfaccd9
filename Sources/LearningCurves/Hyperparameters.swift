import Foundation

/// Regularisation λ, for the RBF kernel its width γ in k(a, b) = exp(−γ‖a − b‖²), and ν for ν-SVR.
public struct Hyperparameters: Hashable, Sendable, Codable {
    /// Kernel ridge: the penalty added to the kernel matrix's diagonal; ν-SVR: 1/C.
    public var lambda: Double
    /// RBF width; nil for the linear kernel.
    public var gamma: Double?
    /// ν-SVR's bound on the share of support vectors (and of errors outside the tube); nil for kernel ridge.
    public var nu: Double?

    /// Hyperparameters from their values.
    public init(lambda: Double, gamma: Double?, nu: Double? = nil) {
        self.lambda = lambda
        self.gamma = gamma
        self.nu = nu
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
