/// The regression methods the predictor can use, compared by out-of-fold error on stored curves.
public enum Regressor: String, Hashable, Sendable, CaseIterable, Codable {
    /// Kernel ridge regression with an RBF kernel; hyperparameters λ and γ.
    case kernelRidgeRBF = "kernel-ridge-rbf"
    /// Ridge regression on the standardised features (kernel ridge with a linear kernel); hyperparameter λ.
    case linearRidge = "linear-ridge"
    /// ν-support-vector regression with an RBF kernel, as in Baker et al. 2017; cost C = 1/λ, ν and γ.
    case nuSVR = "nu-svr"

    /// A short name for tables.
    public var label: String {
        switch self {
        case .kernelRidgeRBF: "kernel ridge (RBF)"
        case .linearRidge: "linear ridge"
        case .nuSVR: "ν-SVR (RBF)"
        }
    }

    /// The hyperparameter candidates searched by cross-validation; γ is scaled by 1/features.
    func candidates(features: Int) -> [Hyperparameters] {
        let lambdas = [0.001, 0.01, 0.1, 1, 10, 100]
        let base = 1 / Double(max(features, 1))
        switch self {
        case .kernelRidgeRBF:
            return [0.03, 0.1, 0.3, 1, 3].flatMap { g in lambdas.map { Hyperparameters(lambda: $0, gamma: g * base) } }
        case .linearRidge:
            return lambdas.map { Hyperparameters(lambda: $0, gamma: nil) }
        case .nuSVR:
            // Fewer candidates: each is an iterative solve, not one Cholesky.
            return [0.1, 0.3, 1, 3].flatMap { g in
                [0.1, 1, 10].flatMap { c in [0.25, 0.5].map { Hyperparameters(lambda: c, gamma: g * base, nu: $0) } }
            }
        }
    }

    /// The model fitted on raw feature rows; nil when the system is not positive definite (kernel ridge).
    func fit(rows: [[Double]], targets: [Double], hyperparameters: Hyperparameters) -> RegressionModel? {
        switch self {
        case .kernelRidgeRBF, .linearRidge:
            KernelRidge(rows: rows, targets: targets, hyperparameters: hyperparameters).map(RegressionModel.kernelRidge)
        case .nuSVR:
            NuSVR(rows: rows, targets: targets, hyperparameters: hyperparameters).map(RegressionModel.nuSVR)
        }
    }
}
