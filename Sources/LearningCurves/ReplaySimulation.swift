/// Replays an experiment's nets in stored order as if early stopping had been on, for several thresholds Δ.
///
/// A net is stopped after epoch τ when the rule says so, using a predictor fitted on the full curves
/// of the nets before it that the simulation trained to the end (refitted on `RefitSchedule`).
/// Curves shorter than T (nets that never learned) are counted as stored and never stopped.
public struct ReplaySimulation: Hashable, Sendable {
    /// One net in stored order: its stored curve and reward.
    public struct Net: Hashable, Sendable {
        /// The stored curve and context.
        public var sample: CurveSample
        /// The stored reward (best validation accuracy).
        public var reward: Double

        /// A net from its parts.
        public init(sample: CurveSample, reward: Double) {
            self.sample = sample
            self.reward = reward
        }
    }

    /// What early stopping at one threshold would have done.
    public struct Outcome: Hashable, Sendable {
        /// Δ.
        public var threshold: Double
        /// Epochs the stored curves hold.
        public var storedEpochs: Int
        /// Epochs trained with early stopping.
        public var trainedEpochs: Int
        /// For each net, the epoch it would have stopped after, or nil when trained to the end.
        public var stoppedAfter: [Int?]
        /// How many of the `topCount` best nets (by stored reward) would still have been trained to the end.
        public var topKept: Int
        /// How many top nets were checked (at most 5).
        public var topCount: Int
        /// Whether the best net would still have been trained to the end.
        public var bestKept: Bool

        /// Share of the stored epochs saved, 0 … 1.
        public var savedFraction: Double {
            storedEpochs > 0 ? Double(storedEpochs - trainedEpochs) / Double(storedEpochs) : 0
        }
        /// Nets stopped early.
        public var stoppedCount: Int { stoppedAfter.compactMap { $0 }.count }
    }

    /// T.
    public let horizon: Int
    /// B.
    public let burnIn: Int
    /// One outcome per threshold, in the order asked.
    public let outcomes: [Outcome]

    /// Simulates each threshold; every fit draws its folds from a fresh copy of `generator`.
    public init<G: RandomNumberGenerator>(nets: [Net], horizon: Int, thresholds: [Double], burnIn: Int,
                                          regressor: Regressor = .nuSVR, folds: Int = 5, generator: G) {
        precondition(horizon >= 2, "curves of one epoch cannot be stopped early")
        self.horizon = horizon
        self.burnIn = burnIn
        let ranking = nets.indices.sorted { nets[$0].reward != nets[$1].reward ? nets[$0].reward > nets[$1].reward : $0 < $1 }
        let top = Array(ranking.prefix(5))
        // Thresholds often train the same nets to the end early on, so their fits are shared.
        var cache: [[Int]: CurvePredictor] = [:]
        outcomes = thresholds.map { threshold in
            let rule = StoppingRule(threshold: threshold, burnIn: burnIn)
            var full: [Int] = [], stopped = [Int?](repeating: nil, count: nets.count)
            var best = -Double.infinity, stored = 0, trained = 0
            for (index, net) in nets.enumerated() {
                let curve = net.sample.accuracies
                stored += curve.count
                var trainedTo = curve.count
                if curve.count == horizon, let size = EarlyStopper.fitSize(available: full.count, rule: rule) {
                    let key = Array(full.prefix(size))
                    let predictor = cache[key] ?? EarlyStopper.fit(key.map { nets[$0].sample }, horizon: horizon,
                                                                   regressor: regressor, folds: folds, generator: generator)
                    cache[key] = predictor
                    let stopper = EarlyStopper(rule: rule, predictor: predictor, fullCurveCount: full.count, best: best)
                    if let prefix = (1..<horizon).first(where: { stopper.stop(net.sample, after: $0) != nil }) {
                        trainedTo = prefix
                        stopped[index] = prefix
                    }
                }
                trained += trainedTo
                if stopped[index] == nil {
                    best = max(best, net.reward)
                    if curve.count == horizon { full.append(index) }
                }
            }
            let kept = top.filter { stopped[$0] == nil }.count
            return Outcome(threshold: threshold, storedEpochs: stored, trainedEpochs: trained, stoppedAfter: stopped,
                           topKept: kept, topCount: top.count, bestKept: top.first.map { stopped[$0] == nil } ?? true)
        }
    }
}
