/// Seeded k-fold cross-validation: fold assignment, out-of-fold predictions and the grid search.
public struct CrossValidation: Hashable, Sendable {
    /// The fold (0 ..< folds) of each row.
    public let assignment: [Int]
    /// Number of folds actually used (at most the number of rows).
    public let folds: Int

    /// Assigns `count` rows to `folds` folds of near-equal size by a shuffle drawn from `generator`.
    public init(count: Int, folds: Int, using generator: inout some RandomNumberGenerator) {
        precondition(count >= 2 && folds >= 2, "cross-validation needs at least two rows and two folds")
        self.folds = min(folds, count)
        var assignment = [Int](repeating: 0, count: count)
        for (position, row) in Array(0..<count).shuffled(using: &generator).enumerated() {
            assignment[row] = position % self.folds
        }
        self.assignment = assignment
    }

    /// Each row's prediction by a model fitted on the other folds; nil when a fit is not positive definite.
    func outOfFold(rows: [[Double]], targets: [Double], regressor: Regressor, hyperparameters: Hyperparameters) -> [Double]? {
        var predictions = [Double](repeating: 0, count: rows.count)
        for fold in 0..<folds {
            let train = assignment.indices.filter { assignment[$0] != fold }
            guard let model = regressor.fit(rows: train.map { rows[$0] }, targets: train.map { targets[$0] },
                                            hyperparameters: hyperparameters) else { return nil }
            for row in assignment.indices where assignment[row] == fold { predictions[row] = model.predict(rows[row]) }
        }
        return predictions
    }

    /// The candidate with the smallest out-of-fold mean squared error (first listed wins ties), with its predictions.
    func tune(rows: [[Double]], targets: [Double], regressor: Regressor) -> (Hyperparameters, [Double]) {
        var best: (Hyperparameters, [Double], Double)?
        for candidate in regressor.candidates(features: rows[0].count) {
            guard let predictions = outOfFold(rows: rows, targets: targets, regressor: regressor, hyperparameters: candidate)
            else { continue }
            let error = RegressionMetrics.meanSquaredError(predictions, targets)
            if best == nil || error < best!.2 { best = (candidate, predictions, error) }
        }
        // The largest λ of every kernel ridge grid keeps K + λI positive definite, and ν-SVR always fits.
        precondition(best != nil, "no hyperparameter candidate gave a positive-definite system")
        return (best!.0, best!.1)
    }
}
