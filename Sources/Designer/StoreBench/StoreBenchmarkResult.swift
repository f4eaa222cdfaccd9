/// What one `bench-store` run measured.
public struct StoreBenchmarkResult: Sendable, Equatable {
    /// Worker processes that shared the experiment.
    public var processes: Int
    /// Claim+record steps: one stored replay row each (a repeated net is a step too).
    public var steps: Int
    /// Unique nets trained, over every ε stage.
    public var uniqueNets: Int
    /// Seconds between the first and the last recorded step, so that process start-up and the
    /// schedule's tail (fewer nets left than workers) weigh little.
    public var seconds: Double
    /// The most leases (nets in flight) seen at once; near `processes` means workers seldom queued.
    public var peakLeases: Int
    /// The 1-, 5- and 15-minute load averages before the workers started, where the system tells.
    public var loadAverageBefore: [Double]?
    /// The same when they had all exited.
    public var loadAverageAfter: [Double]?

    /// A result from its parts.
    public init(processes: Int, steps: Int, uniqueNets: Int, seconds: Double, peakLeases: Int,
                loadAverageBefore: [Double]?, loadAverageAfter: [Double]?) {
        (self.processes, self.steps, self.uniqueNets, self.seconds) = (processes, steps, uniqueNets, seconds)
        (self.peakLeases, self.loadAverageBefore, self.loadAverageAfter) = (peakLeases, loadAverageBefore, loadAverageAfter)
    }

    /// Steps per second between the first and the last step (intervals, hence `steps - 1`); nil
    /// when fewer than two steps were recorded or they share one timestamp.
    public var stepsPerSecond: Double? {
        steps >= 2 && seconds > 0 ? Double(steps - 1) / seconds : nil
    }
}
