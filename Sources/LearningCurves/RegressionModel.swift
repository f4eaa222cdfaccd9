/// A fitted regressor of either kind, as cross-validation and the predictor use it.
enum RegressionModel: Sendable {
    /// Kernel ridge regression (RBF or linear kernel).
    case kernelRidge(KernelRidge)
    /// ν-support-vector regression.
    case nuSVR(NuSVR)

    /// The prediction for one raw feature row.
    func predict(_ row: [Double]) -> Double {
        switch self {
        case let .kernelRidge(model): model.predict(row)
        case let .nuSVR(model): model.predict(row)
        }
    }
}
