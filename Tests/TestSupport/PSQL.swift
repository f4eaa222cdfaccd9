import Foundation

/// Runs SQL through the server's own `psql`, independent of the code under test.
public struct PSQL {
    /// The cluster to connect to, as its superuser.
    public let cluster: PostgresTestCluster
    /// The database to connect to.
    public let database: String

    /// `psql` on `database` of `cluster`.
    public init(cluster: PostgresTestCluster, database: String) {
        self.cluster = cluster
        self.database = database
    }

    /// The rows `sql` prints (one line each), or nil when `psql` fails (it could not connect, or
    /// the SQL failed) with `password`.
    public func lines(_ sql: String, password: String? = nil) throws -> [String]? {
        let process = Process()
        process.executableURL = cluster.binaries.appendingPathComponent("psql")
        process.arguments = ["-X", "-At", "-v", "ON_ERROR_STOP=1", "-h", cluster.host, "-p", String(cluster.port),
                             "-U", cluster.user, "-d", database, "-c", sql]
        var environment = ProcessInfo.processInfo.environment
        environment["PGPASSWORD"] = password ?? cluster.password
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return text.split(separator: "\n").map(String.init)
    }

    /// `lines(sql)` for SQL that must succeed.
    public func run(_ sql: String) throws -> [String] {
        guard let lines = try lines(sql) else { throw CommandFailed(description: "psql failed to run: \(sql)") }
        return lines
    }
}

/// A helper command of a test failed.
public struct CommandFailed: Error, CustomStringConvertible {
    /// What failed.
    public let description: String

    /// A failure described by `description`.
    public init(description: String) {
        self.description = description
    }
}
