import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The throwaway cluster itself: it runs unprivileged, takes only its own password, and hands out
/// separate databases. Checked with the server's own `psql`, independent of the code under test.
@Suite(.enabled(if: PostgresTestCluster.shouldRun, "PostgreSQL is not installed (apt-get install postgresql)"))
struct PostgresTestClusterTests {
    /// `psql`'s output for `sql` on `database`, or nil when it could not connect.
    func psql(_ cluster: PostgresTestCluster, database: String, password: String, _ sql: String) throws -> String? {
        let process = Process()
        process.executableURL = cluster.binaries.appendingPathComponent("psql")
        process.arguments = ["-X", "-At", "-h", cluster.host, "-p", String(cluster.port), "-U", cluster.user,
                             "-d", database, "-c", sql]
        var environment = ProcessInfo.processInfo.environment
        environment["PGPASSWORD"] = password
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return process.terminationStatus == 0 ? text.trimmingCharacters(in: .whitespacesAndNewlines) : nil
    }

    @Test func eachTestGetsItsOwnDatabase() throws {
        let cluster = try PostgresTestCluster.shared()
        let first = try cluster.createDatabase()
        let second = try cluster.createDatabase()
        #expect(first != second)
        #expect(try psql(cluster, database: first, password: cluster.password, "SELECT current_database()") == first)
        #expect(try psql(cluster, database: second, password: cluster.password, "SELECT current_database()") == second)
    }

    @Test func onlyTheClustersPasswordIsAccepted() throws {
        let cluster = try PostgresTestCluster.shared()
        let database = try cluster.createDatabase()
        #expect(try psql(cluster, database: database, password: cluster.password, "SELECT 1") == "1")
        #expect(try psql(cluster, database: database, password: cluster.password + "x", "SELECT 1") == nil)
    }

    @Test func theServerNeverRunsAsRoot() throws {
        let cluster = try PostgresTestCluster.shared()
        let database = try cluster.createDatabase()
        // The server's data directory belongs to the user the server runs as.
        let attributes = try FileManager.default.attributesOfItem(atPath: cluster.directory.appendingPathComponent("data").path)
        let owner = try #require(attributes[.ownerAccountID] as? NSNumber).uint32Value
        #expect(owner != 0)
        #expect(owner == geteuid() || geteuid() == 0)
        #expect(try psql(cluster, database: database, password: cluster.password, "SELECT current_setting('port')") == String(cluster.port))
    }
}
