/// Choices about what a report shows.
public struct ReportOptions: Hashable, Sendable {
    /// How many architectures the top table lists.
    public var topK: Int
    /// How many of the top architectures get a layer diagram.
    public var diagrams: Int
    /// Rolling-mean window in iterations; nil picks one from the number of rows.
    public var rollingWindow: Int?

    /// Creates options; `topK` and `diagrams` must be positive or zero.
    public init(topK: Int = 10, diagrams: Int = 3, rollingWindow: Int? = nil) {
        precondition(topK >= 0 && diagrams >= 0, "topK and diagrams must not be negative")
        precondition(rollingWindow.map { $0 > 0 } ?? true, "rollingWindow must be positive")
        self.topK = topK
        self.diagrams = diagrams
        self.rollingWindow = rollingWindow
    }
}
