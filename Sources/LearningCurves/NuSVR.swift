import Foundation

/// A fitted ν-support-vector regression with an RBF kernel (Schölkopf et al. 2000), solved by SMO
/// in the form LIBSVM uses: 2l variables (α, α*), their two sums fixed per sign, pairs of one sign
/// updated at a time with second-order working-set selection (Fan, Chen & Lin 2005).
///
/// Targets are standardised inside, so the cost C = 1/λ means the same whatever their scale.
struct NuSVR: Sendable {
    let hyperparameters: Hyperparameters
    let standardizer: Standardizer
    let rows: [[Double]]
    /// α_i − α*_i per training row.
    let coefficients: [Double]
    let offset: Double
    let mean: Double
    let scale: Double

    /// Iterations are capped so a badly conditioned candidate cannot stall cross-validation.
    static let maximumIterations = 100_000
    static let tolerance = 1e-3
    private static let tau = 1e-12

    /// Fits on raw feature rows; nil when the hyperparameters are not those of a ν-SVR (γ and ν needed).
    init?(rows raw: [[Double]], targets: [Double], hyperparameters: Hyperparameters) {
        guard let nu = hyperparameters.nu, hyperparameters.gamma != nil, hyperparameters.lambda > 0 else { return nil }
        precondition(raw.count == targets.count && !raw.isEmpty, "need one target per row and at least one row")
        standardizer = Standardizer(rows: raw)
        let rows = raw.map(standardizer.apply)
        self.rows = rows
        self.hyperparameters = hyperparameters
        let l = rows.count
        let mean = targets.reduce(0, +) / Double(l)
        let spread = (targets.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(l)).squareRoot()
        let scale = spread > 1e-12 ? spread : 1
        self.mean = mean
        self.scale = scale
        let y = targets.map { ($0 - mean) / scale }
        let cost = 1 / hyperparameters.lambda

        var kernel = [Double](repeating: 0, count: l * l)
        for i in 0..<l {
            for j in 0...i {
                let k = hyperparameters.kernel(rows[i], rows[j])
                kernel[i * l + j] = k
                kernel[j * l + i] = k
            }
        }
        // Variables t < l are α_t (sign +1), t ≥ l are α*_{t−l} (sign −1); Q_st = sign_s·sign_t·K.
        let n = 2 * l
        func sign(_ t: Int) -> Double { t < l ? 1 : -1 }
        func q(_ s: Int, _ t: Int) -> Double { sign(s) * sign(t) * kernel[(s % l) * l + t % l] }
        var alpha = [Double](repeating: 0, count: n)
        var remaining = cost * nu * Double(l) / 2
        for i in 0..<l {
            alpha[i] = min(remaining, cost)
            alpha[i + l] = alpha[i]
            remaining -= alpha[i]
        }
        let linear = (0..<n).map { $0 < l ? -y[$0] : y[$0 - l] }
        var gradient = linear
        for s in 0..<n where alpha[s] != 0 {
            for t in 0..<n { gradient[t] += q(t, s) * alpha[s] }
        }
        func upper(_ t: Int) -> Bool { alpha[t] >= cost }
        func lower(_ t: Int) -> Bool { alpha[t] <= 0 }

        for _ in 0..<Self.maximumIterations {
            // Maximal violating candidates of each sign, then the partner with the largest objective decrease.
            var gMaxP = -Double.infinity, gMaxN = -Double.infinity, iP = -1, iN = -1
            for t in 0..<n {
                if sign(t) > 0 {
                    if !upper(t) && -gradient[t] >= gMaxP { gMaxP = -gradient[t]; iP = t }
                } else if !lower(t) && gradient[t] >= gMaxN {
                    gMaxN = gradient[t]; iN = t
                }
            }
            var gMaxP2 = -Double.infinity, gMaxN2 = -Double.infinity, best = -1, bestDecrease = Double.infinity
            for t in 0..<n {
                if sign(t) > 0 {
                    guard !lower(t) else { continue }
                    gMaxP2 = max(gMaxP2, gradient[t])
                    let difference = gMaxP + gradient[t]
                    if iP >= 0 && difference > 0 {
                        let curvature = q(iP, iP) + q(t, t) - 2 * q(iP, t)
                        let decrease = -difference * difference / (curvature > 0 ? curvature : Self.tau)
                        if decrease <= bestDecrease { best = t; bestDecrease = decrease }
                    }
                } else {
                    guard !upper(t) else { continue }
                    gMaxN2 = max(gMaxN2, -gradient[t])
                    let difference = gMaxN - gradient[t]
                    if iN >= 0 && difference > 0 {
                        let curvature = q(iN, iN) + q(t, t) - 2 * q(iN, t)
                        let decrease = -difference * difference / (curvature > 0 ? curvature : Self.tau)
                        if decrease <= bestDecrease { best = t; bestDecrease = decrease }
                    }
                }
            }
            if max(gMaxP + gMaxP2, gMaxN + gMaxN2) < Self.tolerance || best < 0 { break }
            let i = sign(best) > 0 ? iP : iN, j = best
            // Same sign, so α_i + α_j stays fixed; move along that line and clip to the box.
            var curvature = q(i, i) + q(j, j) - 2 * q(i, j)
            if curvature <= 0 { curvature = Self.tau }
            let delta = (gradient[i] - gradient[j]) / curvature
            let oldI = alpha[i], oldJ = alpha[j], sum = oldI + oldJ
            var newI = oldI - delta, newJ = oldJ + delta
            if sum > cost {
                if newI > cost { newI = cost; newJ = sum - cost }
            } else if newJ < 0 {
                newJ = 0; newI = sum
            }
            if sum > cost {
                if newJ > cost { newJ = cost; newI = sum - cost }
            } else if newI < 0 {
                newI = 0; newJ = sum
            }
            alpha[i] = newI
            alpha[j] = newJ
            let dI = newI - oldI, dJ = newJ - oldJ
            for t in 0..<n { gradient[t] += q(t, i) * dI + q(t, j) * dJ }
        }

        // The offset from the free variables of each sign (their gradients equal r₁ and r₂ at the optimum).
        var free = [0, 0], freeSum = [0.0, 0.0]
        var upperBound = [Double.infinity, .infinity], lowerBound = [-Double.infinity, -.infinity]
        for t in 0..<n {
            let group = sign(t) > 0 ? 0 : 1
            if upper(t) {
                lowerBound[group] = max(lowerBound[group], gradient[t])
            } else if lower(t) {
                upperBound[group] = min(upperBound[group], gradient[t])
            } else {
                free[group] += 1
                freeSum[group] += gradient[t]
            }
        }
        let r = (0..<2).map { group -> Double in
            let value = free[group] > 0 ? freeSum[group] / Double(free[group]) : (upperBound[group] + lowerBound[group]) / 2
            return value.isFinite ? value : 0
        }
        offset = (r[0] - r[1]) / 2
        coefficients = (0..<l).map { alpha[$0] - alpha[$0 + l] }
    }

    /// The prediction for one raw feature row.
    func predict(_ raw: [Double]) -> Double {
        let x = standardizer.apply(raw)
        var sum = -offset
        for i in 0..<rows.count where coefficients[i] != 0 { sum += coefficients[i] * hyperparameters.kernel(x, rows[i]) }
        return mean + scale * sum
    }
}
