/// A net in flight: which worker trains it, and when that worker last said it was alive.
public struct LeaseRecord: Hashable, Sendable {
    /// Row identifier.
    public var id: Int64
    /// Canonical net string being trained.
    public var net: String
    /// Schedule stage the net was claimed at.
    public var stage: Int
    /// ε of that stage.
    public var epsilon: Double
    /// Worker name.
    public var worker: String
    /// Process identifier of the worker.
    public var pid: Int32
    /// Host name of the worker.
    public var host: String
    /// When the lease was taken, seconds since 1970.
    public var claimedAt: Double
    /// Last heartbeat, seconds since 1970.
    public var heartbeatAt: Double

    /// A lease; `id` is assigned by the store on insertion.
    public init(id: Int64 = 0, net: String, stage: Int, epsilon: Double, worker: String, pid: Int32, host: String,
                claimedAt: Double, heartbeatAt: Double) {
        self.id = id
        self.net = net
        self.stage = stage
        self.epsilon = epsilon
        self.worker = worker
        self.pid = pid
        self.host = host
        self.claimedAt = claimedAt
        self.heartbeatAt = heartbeatAt
    }
}
