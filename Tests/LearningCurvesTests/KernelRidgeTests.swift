import Foundation
@testable import LearningCurves
import Testing

/// The linear algebra under the regressors, on numbers checked by hand.
@Suite struct KernelRidgeTests {
    @Test func choleskySolvesASmallSystem() throws {
        // A = [[4, 2], [2, 3]], L = [[2, 0], [1, √2]]; A·[1, 2] = [8, 8].
        let factor = try #require(Cholesky([4, 2, 2, 3], n: 2))
        #expect(abs(factor.lower[0] - 2) < 1e-12 && abs(factor.lower[2] - 1) < 1e-12
            && abs(factor.lower[3] - 2.0.squareRoot()) < 1e-12)
        let x = factor.solve([8, 8])
        #expect(abs(x[0] - 1) < 1e-12 && abs(x[1] - 2) < 1e-12)
        #expect(Cholesky([1, 2, 2, 1], n: 2) == nil)
    }

    @Test func tinyPenaltyInterpolatesTheTrainingPoints() throws {
        let rows: [[Double]] = [[0, 1], [1, 0], [2, 3], [3, 1], [4, 4]]
        let targets = [0.1, 0.5, 0.3, 0.9, 0.7]
        let model = try #require(KernelRidge(rows: rows, targets: targets,
                                             hyperparameters: Hyperparameters(lambda: 1e-9, gamma: 0.5)))
        for (row, target) in zip(rows, targets) { #expect(abs(model.predict(row) - target) < 1e-6) }
    }

    @Test func hugePenaltyPredictsTheMean() throws {
        let rows: [[Double]] = [[0], [1], [2], [3]]
        let model = try #require(KernelRidge(rows: rows, targets: [1, 2, 3, 6],
                                             hyperparameters: Hyperparameters(lambda: 1e9, gamma: nil)))
        #expect(abs(model.predict([5]) - 3) < 1e-6)
    }

    @Test func nuSVRFitsASmoothCurveWithAtLeastNuSupportVectors() throws {
        let xs = (0..<30).map { Double($0) / 29 }
        let rows = xs.map { [$0] }, targets = xs.map { sin(3 * $0) }
        for nu in [0.25, 0.5] {
            let model = try #require(NuSVR(rows: rows, targets: targets,
                                           hyperparameters: Hyperparameters(lambda: 0.01, gamma: 1, nu: nu)))
            let worst = zip(rows, targets).map { abs(model.predict($0) - $1) }.max()!
            #expect(worst < 0.05, "ν = \(nu): worst training error \(worst)")
            // ν is a lower bound on the share of support vectors.
            #expect(Double(model.coefficients.filter { $0 != 0 }.count) >= nu * 30 - 1e-9)
            // Between the training points too.
            #expect(abs(model.predict([0.51]) - sin(1.53)) < 0.05)
        }
        #expect(NuSVR(rows: rows, targets: targets, hyperparameters: Hyperparameters(lambda: 1, gamma: 1)) == nil)
    }

    @Test func rSquaredAndRMSEByHand() {
        // Mean 2, SS_tot = 2; residuals 0.5, −0.5, 0 → SS_res = 0.5, R² = 0.75, RMSE = √(0.5/3).
        #expect(abs(RegressionMetrics.rSquared([1.5, 2.5, 2], [1, 3, 2])! - 0.75) < 1e-12)
        #expect(abs(RegressionMetrics.rootMeanSquaredError([1.5, 2.5, 2], [1, 3, 2]) - (0.5 / 3).squareRoot()) < 1e-12)
        #expect(RegressionMetrics.rSquared([1, 2], [4, 4]) == nil)
    }
}
