/// One row of the reference `replay_database.csv` (spec §5), as plain values.
public struct ReplayCSVRow: Hashable, Sendable {
    /// Net string as written (may carry dropout tokens).
    public var net: String
    /// `accuracy_best_val` as written: a fraction, or a percentage in some reference files.
    public var accuracyBestValidation: Double
    /// `iter_best_val`.
    public var iterationBestValidation: Int
    /// `accuracy_last_val`, as written.
    public var accuracyLastValidation: Double
    /// `iter_last_val`.
    public var iterationLastValidation: Int
    /// `accuracy_best_test`; nil when not measured (an empty cell or the reference's `-1.0`).
    public var accuracyBestTest: Double?
    /// `accuracy_last_test`; nil when not measured (an empty cell or the reference's `-1.0`).
    public var accuracyLastTest: Double?
    /// `ix_q_value_update` (not unique in reference files; file order is the order).
    public var qValueUpdateIndex: Double
    /// `epsilon`.
    public var epsilon: Double
    /// `time_finished`, seconds since 1970.
    public var timeFinished: Double
    /// `machine_run_on`.
    public var machine: String
    /// 1-based line of the file the row started on (0 for rows not read from a file).
    public var line: Int

    /// The row's accuracy columns as a result.
    public var result: RowResult {
        RowResult(bestValidationAccuracy: accuracyBestValidation, bestValidationIteration: iterationBestValidation,
                  lastValidationAccuracy: accuracyLastValidation, lastValidationIteration: iterationLastValidation,
                  testAccuracyAtBest: accuracyBestTest, testAccuracyAtLast: accuracyLastTest)
    }

    /// A row.
    public init(net: String, accuracyBestValidation: Double, iterationBestValidation: Int,
                accuracyLastValidation: Double, iterationLastValidation: Int, accuracyBestTest: Double?,
                accuracyLastTest: Double?, qValueUpdateIndex: Double, epsilon: Double, timeFinished: Double,
                machine: String, line: Int = 0) {
        self.net = net
        self.accuracyBestValidation = accuracyBestValidation
        self.iterationBestValidation = iterationBestValidation
        self.accuracyLastValidation = accuracyLastValidation
        self.iterationLastValidation = iterationLastValidation
        self.accuracyBestTest = accuracyBestTest
        self.accuracyLastTest = accuracyLastTest
        self.qValueUpdateIndex = qValueUpdateIndex
        self.epsilon = epsilon
        self.timeFinished = timeFinished
        self.machine = machine
        self.line = line
    }
}
