import PostgresNIO

extension PostgresStore {
    /// Runs `body` in one transaction holding the row lock of the experiment `name`
    /// (`SELECT … FOR UPDATE`): writers of one experiment, in any process on any host, take turns,
    /// so a read-modify-write inside `body` loses no update. COMMIT when `body` returns; ROLLBACK
    /// when it throws, so nothing of a failed step is kept.
    ///
    /// Throws `experimentMissing` when there is no such experiment.
    func withExperimentLock<T>(named name: String, _ body: (Session, _ experimentID: Int64) throws -> T) throws -> T {
        try transaction { session in
            let rows = try session.rows("SELECT id FROM experiment WHERE name = \(name) FOR UPDATE")
            guard let row = rows.first else { throw PostgresStoreError.experimentMissing(url: url.description, name: name) }
            let id: Int64
            do {
                id = try row.decode(Int64.self)
            } catch {
                throw PostgresStoreError.server(url: url.description, message: "an unexpected type of experiment.id (\(error))")
            }
            return try body(session, id)
        }
    }
}
