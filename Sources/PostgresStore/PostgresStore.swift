import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresNIO
import StoreLocation
import StoreModel

/// A metaqnn store in a PostgreSQL database, used synchronously: opening connects, checks the
/// schema and, when the mode allows, applies the migrations this build knows, all in one transaction.
///
/// The code base is synchronous, so every method blocks its calling thread until the server has
/// answered. The connection runs on an event loop thread of the store's own, and the caller waits
/// on its futures (`EventLoopFuture.wait()`). Call it from ordinary threads (the main thread,
/// `Thread`s, Dispatch queues), never from `async` code: blocking a Swift concurrency thread can
/// starve the cooperative pool, so every method is unavailable from `async` contexts.
///
/// One connection serves the store; a lock makes each statement and each transaction exclusive,
/// so threads sharing a store take turns. Separate stores (processes, hosts) are serialised by the
/// server (`withExperimentLock`). A connection the server has closed (a restart, a network cut,
/// `pg_terminate_backend`) fails the statement it was running with `connectionLost`; the next
/// statement or transaction connects again, so a caller may retry a whole transaction.
public final class PostgresStore: @unchecked Sendable {
    /// Where the store is; its `description` is the redacted URL.
    public let url: PostgresURL
    /// How the store was opened; `readOnly` refuses every write, here and on the server.
    public let mode: StoreOpenMode
    private let group: MultiThreadedEventLoopGroup
    private let configuration: PostgresConnection.Configuration
    private var connection: PostgresConnection
    /// Set when a statement failed for a lost connection: the server may have said so (57P01)
    /// before the socket is seen closed, and the next transaction must not start on it.
    private var connectionBroken = false
    private var connections = 1
    /// The name of each statement run as a named statement, by its SQL; names outlive connections,
    /// since each new connection prepares a statement again the first time it runs it.
    private var statementNames: [String: String] = [:]
    /// The named statements the current connection has run without an error, so prepared.
    private var prepared: Set<String> = []
    /// Set when a named statement failed in a way that fails it again on this connection (see
    /// `Session.prepared`): the next statement or transaction starts on a new connection.
    private var preparationFailed = false
    /// Runs the tasks of named statements on the connection's event loop.
    private let executor: EventLoopTaskExecutor
    private let logger: Logger
    private let lock = NSLock()
    private var isClosed = false
    /// Experiments as first read by `withExperimentLock`, by id, for their columns that never
    /// change; read and written only inside `transaction`, which holds `lock`.
    var immutableExperimentColumns: [Int64: ExperimentRecord] = [:]

    /// How long connecting may take before the server counts as unreachable.
    public static let connectTimeout: TimeAmount = .seconds(10)

    /// Connects to `url` and checks (and, unless read-only, migrates) the database's schema.
    ///
    /// `createIfMissing` makes the schema in an empty database; `mustExist` wants the schema there
    /// already (else `noStore`) and brings an older one up to date; `readOnly` wants it there and
    /// current (else `noStore` or `olderSchema`) and writes nothing, its session being read-only.
    /// Throws `newerSchema` (and changes nothing) for a database a newer metaqnn migrated,
    /// `foreignDatabase` for one holding other tables, and a connection error naming the redacted URL.
    @available(*, noasync, message: "PostgresStore blocks its caller; call it from a thread, not from async code")
    public init(url: PostgresURL, mode: StoreOpenMode = .createIfMissing) throws(PostgresStoreError) {
        self.url = url
        self.mode = mode
        // A library prints nothing: postgres-nio's log goes nowhere.
        logger = Logger(label: "metaqnn.postgres-store") { _ in SwiftLogNoOpLogHandler() }
        group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        executor = EventLoopTaskExecutor(group.next())
        do {
            configuration = try Self.configuration(for: url)
            connection = try Self.connect(configuration, on: group, id: 1, readOnly: mode == .readOnly, logger: logger)
        } catch {
            try? group.syncShutdownGracefully()
            throw PostgresStoreError(error, url: url)
        }
        do {
            try PostgresSchema.migrate(self, mode: mode)
        } catch {
            close()
            throw error
        }
    }

    /// A new connection; a read-only store's session refuses writes on the server too.
    private static func connect(_ configuration: PostgresConnection.Configuration, on group: MultiThreadedEventLoopGroup,
                                id: Int, readOnly: Bool, logger: Logger) throws -> PostgresConnection {
        let connection = try PostgresConnection.connect(on: group.next(), configuration: configuration, id: id,
                                                        logger: logger).wait()
        if readOnly {
            do {
                _ = try connection.query("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY", logger: logger).wait()
            } catch {
                try? connection.close().wait()
                throw error
            }
        }
        return connection
    }

    /// Connects again when the server has closed the connection, or when a named statement cannot run
    /// on it again (`Session.prepared`); called with the lock held, between
    /// transactions, so nothing of an open transaction can be lost by it.
    private func reconnectIfClosed() throws(PostgresStoreError) {
        guard connection.isClosed || connectionBroken || preparationFailed else { return }
        try? connection.close().wait()
        connections += 1
        do {
            connection = try Self.connect(configuration, on: group, id: connections, readOnly: mode == .readOnly, logger: logger)
            connectionBroken = false
            preparationFailed = false
            prepared = []
        } catch {
            throw PostgresStoreError(error, url: url)
        }
    }

    deinit {
        close()
    }

    /// Closes the connection and stops the store's event loop; using the store afterwards is a
    /// programmer error. Closing twice does nothing.
    @available(*, noasync, message: "PostgresStore blocks its caller; call it from a thread, not from async code")
    public func close() {
        lock.lock()
        defer { lock.unlock() }
        guard !isClosed else { return }
        isClosed = true
        try? connection.close().wait()
        try? group.syncShutdownGracefully()
    }

    /// The names of the migrations applied to the database, sorted.
    @available(*, noasync, message: "PostgresStore blocks its caller; call it from a thread, not from async code")
    public func appliedMigrations() throws(PostgresStoreError) -> [String] {
        try exclusively { session throws(PostgresStoreError) in
            try session.strings("SELECT identifier FROM \(PostgresSchema.migrationsTable) ORDER BY identifier")
        }
    }

    /// Runs `body` with the connection to itself: nothing else uses it meanwhile.
    func exclusively<T>(_ body: (Session) throws(PostgresStoreError) -> T) throws(PostgresStoreError) -> T {
        lock.lock()
        defer { lock.unlock() }
        precondition(!isClosed, "PostgresStore used after close()")
        try reconnectIfClosed()
        return try body(Session(store: self))
    }

    /// Runs `body` in a transaction of its own, opened by `begin`: COMMIT when it returns, ROLLBACK when it throws.
    func transaction<T>(begin: String = "BEGIN", _ body: (Session) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        precondition(!isClosed, "PostgresStore used after close()")
        try reconnectIfClosed()
        let session = Session(store: self)
        try session.execute(begin)
        let result: T
        do {
            result = try body(session)
        } catch {
            // A lost connection has rolled back already; the error that ended the body is the one to report.
            if !connectionBroken { try? session.execute("ROLLBACK") }
            throw error
        }
        try session.execute("COMMIT")
        return result
    }

    /// The connection while the store's lock is held; only `exclusively` and `transaction` make one.
    struct Session {
        let store: PostgresStore

        /// Runs `query` and returns its rows.
        func rows(_ query: PostgresQuery) throws(PostgresStoreError) -> [PostgresRow] {
            let connection = store.connection
            let logger = store.logger
            let lost = PostgresStoreError.connectionLost(url: store.url.description)
            // Postgres-nio (1.33.2) never completes a query written to a connection the server has
            // closed, so the check and the write happen on the connection's own event loop, where
            // nothing can close it in between; a query written to an open connection fails when it closes.
            let result = connection.eventLoop.flatSubmit { () -> EventLoopFuture<PostgresQueryResult> in
                guard !connection.isClosed else { return connection.eventLoop.makeFailedFuture(lost) }
                return connection.query(query, logger: logger)
            }
            do {
                return try result.wait().rows
            } catch {
                let failure = PostgresStoreError(error, url: store.url)
                if case .connectionLost = failure { store.connectionBroken = true }
                throw failure
            }
        }

        /// Runs `query` as a named statement: parsed and planned once per connection, then only bound
        /// and executed. For the statements a store runs again and again; others go through `rows`.
        ///
        /// postgres-nio (1.33.2) remembers a statement whose preparation failed and fails each later
        /// run of it on that connection alike, and a statement the server no longer knows (SQLSTATE
        /// 26000) fails each run, so either failure gets the next statement or transaction a new
        /// connection (the failing transaction still rolls back on the old one first).
        func prepared(_ query: PostgresQuery) throws(PostgresStoreError) -> [PostgresRow] {
            let connection = store.connection
            let logger = store.logger
            let url = store.url
            let name: String
            if let known = store.statementNames[query.sql] {
                name = known
            } else {
                name = "metaqnn\(store.statementNames.count + 1)"
                store.statementNames[query.sql] = name
            }
            let promise = connection.eventLoop.makePromise(of: [PostgresRow].self)
            // On the event loop (see `rows`): the check and postgres-nio's write run in one job.
            Task(executorPreference: store.executor) {
                do {
                    let rows = try await NamedStatement.$text.withValue((name: name, sql: query.sql)) {
                        guard !connection.isClosed else { throw PostgresStoreError.connectionLost(url: url.description) }
                        var rows: [PostgresRow] = []
                        for try await row in try await connection.execute(NamedStatement(binds: query.binds), logger: logger) {
                            rows.append(row)
                        }
                        return rows
                    }
                    promise.succeed(rows)
                } catch {
                    promise.fail(error)
                }
            }
            do {
                let rows = try promise.futureResult.wait()
                store.prepared.insert(name)
                return rows
            } catch {
                let failure = PostgresStoreError(error, url: url)
                let unknownStatement = (error as? PSQLError)?.serverInfo?[.sqlState] == "26000"
                if case .connectionLost = failure {
                    store.connectionBroken = true
                } else if !store.prepared.contains(name) || unknownStatement {
                    store.preparationFailed = true
                }
                throw failure
            }
        }

        /// Runs one SQL statement written in this module (never built from input: values go in binds).
        func execute(_ sql: String) throws(PostgresStoreError) {
            _ = try rows(PostgresQuery(unsafeSQL: sql))
        }

        /// The first column of every row of `sql`, as text.
        func strings(_ sql: String) throws(PostgresStoreError) -> [String] {
            do {
                return try rows(PostgresQuery(unsafeSQL: sql)).map { try $0.decode(String.self) }
            } catch let error as PostgresStoreError {
                throw error
            } catch {
                throw .server(url: store.url.description, message: "an unexpected column type (\(error))")
            }
        }
    }
}
