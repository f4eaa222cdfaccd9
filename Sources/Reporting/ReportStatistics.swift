/// Values derived from a `ReportInput` that several report parts share.
struct ReportStatistics: Sendable {
    /// Unique nets in the order they were first sampled.
    let models: [RankedModel]
    /// Unique nets, best validation accuracy first (ties: found earlier first).
    let ranked: [RankedModel]
    /// Per-ε statistics over unique models, highest ε first.
    let perEpsilon: [EpsilonSummary]
    /// All replay rows, repeats included.
    let totalRows: Int
    /// Validation accuracy of every replay row in sequence order.
    let rowAccuracies: [Double]
    /// ε of every replay row in sequence order.
    let rowEpsilons: [Double]

    init(_ input: ReportInput) {
        let details = Dictionary(input.models.map { ($0.net, $0) }, uniquingKeysWith: { first, _ in first })
        var order: [String] = []
        var byNet: [String: RankedModel] = [:]
        for (index, row) in input.replays.enumerated() {
            if byNet[row.net] != nil {
                byNet[row.net]!.samples += 1
                continue
            }
            let detail = details[row.net]
            order.append(row.net)
            byNet[row.net] = RankedModel(
                net: row.net,
                validationAccuracy: detail?.validationAccuracy ?? row.validationAccuracy,
                testAccuracy: detail?.testAccuracy ?? row.testAccuracy,
                parameters: detail?.parameters,
                forwardFLOPs: detail?.forwardFLOPs,
                epochs: detail?.epochs,
                trainingSeconds: detail?.trainingSeconds,
                percentScale: detail?.percentScale ?? row.percentScale,
                predicted: detail?.stoppedAfterEpoch != nil,
                firstEpsilon: row.epsilon,
                firstIteration: index + 1,
                samples: 1)
        }
        models = order.map { byNet[$0]! }
        ranked = models.sorted {
            $0.validationAccuracy != $1.validationAccuracy
                ? $0.validationAccuracy > $1.validationAccuracy : $0.firstIteration < $1.firstIteration
        }
        let groups = Dictionary(grouping: models, by: \.firstEpsilon)
        perEpsilon = groups.keys.sorted(by: >).map { epsilon in
            EpsilonSummary(epsilon: epsilon, accuracies: groups[epsilon]!.map(\.validationAccuracy))
        }
        totalRows = input.replays.count
        rowAccuracies = input.replays.map(\.validationAccuracy)
        rowEpsilons = input.replays.map(\.epsilon)
    }

    /// Models first found by pure random search (ε = 1).
    var randomSearch: [RankedModel] { models.filter { $0.firstEpsilon >= 1 } }

    /// Models first found while exploiting the Q table (ε < 1).
    var qLearning: [RankedModel] { models.filter { $0.firstEpsilon < 1 } }

    /// The rolling window used when the caller does not choose one: about 1/20 of the run, at
    /// least 5 so short runs still smooth, at most 100 (and never more than the rows there are).
    func defaultWindow() -> Int { max(1, min(totalRows, max(5, min(100, totalRows / 20)))) }

    /// Trailing mean of the last `window` row accuracies at every iteration (shorter at the start).
    func rollingMean(window: Int) -> [Double] {
        precondition(window > 0, "rolling window must be positive")
        // Summing each window afresh (n × window additions) keeps every value exact to the last bit.
        let result = rowAccuracies.indices.map { index in
            let slice = rowAccuracies[max(0, index - window + 1)...index]
            return slice.reduce(0, +) / Double(slice.count)
        }
        return result
    }
}
