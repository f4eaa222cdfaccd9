import PostgresNIO
import StoreModel

/// Nets in flight: which worker trains which net, taken, handed on and released in the experiment's transaction.
extension PostgresTransaction {
    /// Every lease of the experiment, oldest first.
    public func leases() throws -> [LeaseRecord] {
        try session.records("SELECT * FROM lease WHERE \"experimentID\" = \(experiment.id) ORDER BY id", LeaseRecord.init(columns:))
    }

    /// Takes a lease on a net; fails if the net is already leased.
    public func insertLease(_ lease: LeaseRecord) throws -> LeaseRecord {
        let id = try session.value("""
            INSERT INTO lease ("experimentID", net, stage, epsilon, worker, pid, host, "claimedAt", "heartbeatAt")
            VALUES (\(experiment.id), \(lease.net), \(lease.stage), \(lease.epsilon), \(lease.worker), \(Int64(lease.pid)),
                \(lease.host), \(lease.claimedAt), \(lease.heartbeatAt))
            RETURNING id
            """, as: Int64.self)
        var stored = lease
        stored.id = try inserted(id, into: "lease")
        return stored
    }

    /// Hands an existing lease (of a dead worker) to another worker; false if it no longer exists.
    public func reassignLease(id: Int64, worker: String, pid: Int32, host: String, at time: Double) throws -> Bool {
        try !session.fetch("""
            UPDATE lease SET worker = \(worker), pid = \(Int64(pid)), host = \(host), "claimedAt" = \(time), "heartbeatAt" = \(time)
            WHERE id = \(id) AND "experimentID" = \(experiment.id)
            RETURNING id
            """).isEmpty
    }

    /// Removes a lease; false if it did not exist.
    @discardableResult
    public func deleteLease(id: Int64) throws -> Bool {
        try !session.fetch("DELETE FROM lease WHERE id = \(id) AND \"experimentID\" = \(experiment.id) RETURNING id").isEmpty
    }
}
