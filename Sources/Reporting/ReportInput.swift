/// Everything a report shows, as plain values; the caller reads the store, Reporting only renders.
public struct ReportInput: Hashable, Sendable {
    /// Who, what and how: the experiment's settings and provenance.
    public var experiment: ExperimentHeader
    /// Replay rows in sequence order (the order models were sampled), repeats included.
    public var replays: [ReplayRow]
    /// Training details per unique net, keyed by canonical net string; nets missing here show "—".
    public var models: [ModelRow]
    /// Q values of the current table, one per stored (state, action) pair.
    public var qValues: [QValueSample]
    /// The architecture the current Q table picks greedily (ε = 0), if the caller computed it.
    public var greedy: GreedyArchitecture?
    /// The finalized nets and their ensembles, when `metaqnn finalize` has stored any.
    public var finalists: FinalistsSummary?
    /// Early stopping measured on the stored curves; nil when not studied or too few nets were trained to the end.
    public var predictor: PredictorSummary?

    /// Creates a report input from its parts.
    public init(
        experiment: ExperimentHeader, replays: [ReplayRow], models: [ModelRow] = [],
        qValues: [QValueSample] = [], greedy: GreedyArchitecture? = nil, finalists: FinalistsSummary? = nil,
        predictor: PredictorSummary? = nil
    ) {
        self.experiment = experiment
        self.replays = replays
        self.models = models
        self.qValues = qValues
        self.greedy = greedy
        self.finalists = finalists
        self.predictor = predictor
    }
}
