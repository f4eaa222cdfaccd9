import PostgresStore
import StoreLocation
import TestSupport
import Testing

/// `integrityProblems()` finds rows whose foreign key lost its parent, which only a server told to
/// skip its checks lets in.
@Suite(.enabled(if: PostgresTestCluster.shouldRun, "PostgreSQL is not installed (apt-get install postgresql)"))
struct PostgresIntegrityTests {
    @Test func anOrphanedRowIsReported() throws {
        let (url, psql) = try PostgresWriteTests().storeWithExperiment()
        let store = try PostgresStore(url: url)
        defer { store.close() }
        #expect(try store.integrityProblems() == [])
        // A replica session skips foreign-key triggers, as a restore of a partial dump would.
        _ = try psql.run("""
            SET session_replication_role = replica;
            INSERT INTO "replayRow" ("experimentID", sequence, "netID", epsilon, "finishedAt", machine) VALUES (1, 1, 999, 0.5, 0, 'm');
            INSERT INTO "qValue" VALUES (77, 'start', 0, 1, 0, 0, 8, 0, false, 'gap', 1, 0, 0, 0, 1, 0, false, 0),
                (78, 'start', 0, 1, 0, 0, 8, 0, false, 'gap', 1, 0, 0, 0, 1, 0, false, 0);
            """)
        let problems = try store.integrityProblems()
        #expect(problems.count == 2)
        #expect(problems.contains { $0.hasPrefix("foreign key: 1 row of replayRow references no row of trainedNet") })
        #expect(problems.contains { $0.hasPrefix("foreign key: 2 rows of qValue reference no row of experiment") })
    }
}
