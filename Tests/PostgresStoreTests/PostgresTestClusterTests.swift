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
    @Test func eachTestGetsItsOwnDatabase() throws {
        let cluster = try PostgresTestCluster.shared()
        let first = try cluster.createDatabase()
        let second = try cluster.createDatabase()
        #expect(first != second)
        #expect(try PSQL(cluster: cluster, database: first).run("SELECT current_database()") == [first])
        #expect(try PSQL(cluster: cluster, database: second).run("SELECT current_database()") == [second])
    }

    @Test func onlyTheClustersPasswordIsAccepted() throws {
        let cluster = try PostgresTestCluster.shared()
        let psql = PSQL(cluster: cluster, database: try cluster.createDatabase())
        #expect(try psql.lines("SELECT 1") == ["1"])
        #expect(try psql.lines("SELECT 1", password: cluster.password + "x") == nil)
    }

    @Test func theServerNeverRunsAsRoot() throws {
        let cluster = try PostgresTestCluster.shared()
        let psql = PSQL(cluster: cluster, database: try cluster.createDatabase())
        // The server's data directory belongs to the user the server runs as.
        let attributes = try FileManager.default.attributesOfItem(atPath: cluster.directory.appendingPathComponent("data").path)
        let owner = try #require(attributes[.ownerAccountID] as? NSNumber).uint32Value
        #expect(owner != 0)
        #expect(owner == geteuid() || geteuid() == 0)
        #expect(try psql.run("SELECT current_setting('port')") == [String(cluster.port)])
    }
}
