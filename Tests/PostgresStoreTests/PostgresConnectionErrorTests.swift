import Foundation
import PostgresStore
import StoreLocation
import TestSupport
import Testing

/// A store that cannot be reached or entered gives one sentence naming the redacted URL, never the password.
@Suite(.enabled(if: PostgresTestCluster.shouldRun, "PostgreSQL is not installed (apt-get install postgresql)"))
struct PostgresConnectionErrorTests {
    /// Opens `url` expecting `expected`, and checks its sentence.
    func expectRefusal(_ url: PostgresURL, _ expected: (String) -> PostgresStoreError,
                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        do {
            _ = try PostgresStore(url: url)
            Issue.record("opening \(url) succeeded", sourceLocation: sourceLocation)
        } catch {
            #expect(error == expected(url.description), sourceLocation: sourceLocation)
            let sentence = error.description
            #expect(sentence.contains(url.description), sourceLocation: sourceLocation)
            if let password = url.password?.revealed {
                #expect(!sentence.contains(password), sourceLocation: sourceLocation)
            }
            #expect(sentence.hasSuffix(".") && !sentence.dropLast().contains(". "), "one sentence: \(sentence)",
                    sourceLocation: sourceLocation)
        }
    }

    @Test func aWrongPasswordIsNamed() throws {
        let cluster = try PostgresTestCluster.shared()
        let url = try PostgresURL(parsing: cluster.url(database: try cluster.createDatabase(), password: "wrong-horse-battery",
                                                       query: "?sslmode=disable"))
        try expectRefusal(url) { .authenticationFailed(url: $0) }
    }

    @Test func noPasswordAtAllIsNamed() throws {
        let cluster = try PostgresTestCluster.shared()
        var url = try PostgresURL(parsing: cluster.url(database: try cluster.createDatabase(), query: "?sslmode=disable"))
        url.password = nil
        try expectRefusal(url) { .authenticationFailed(url: $0) }
    }

    @Test func aMissingDatabaseIsNamed() throws {
        let cluster = try PostgresTestCluster.shared()
        let url = try PostgresURL(parsing: cluster.url(database: "no_such_database", query: "?sslmode=disable"))
        try expectRefusal(url) { .databaseMissing(url: $0) }
    }

    @Test func aPortWithoutServerIsNamed() throws {
        let cluster = try PostgresTestCluster.shared()
        // A port the kernel just found free: nothing listens there.
        let url = try PostgresURL(parsing: cluster.url(database: "postgres", port: try PostgresTestCluster.freePort(), query: "?sslmode=disable"))
        do {
            _ = try PostgresStore(url: url)
            Issue.record("opening \(url) succeeded")
        } catch {
            guard case .unreachable(let named, let reason) = error else {
                Issue.record("expected unreachable, got \(error)")
                return
            }
            #expect(named == url.description)
            #expect(reason.lowercased().contains("refused"), "the system's reason: \(reason)")
            #expect(!error.description.contains(cluster.password))
        }
    }

    @Test func sslModeRequireAgainstAServerWithoutTLSIsNamed() throws {
        let cluster = try PostgresTestCluster.shared()
        let url = try PostgresURL(parsing: cluster.url(database: try cluster.createDatabase(), query: "?sslmode=require"))
        try expectRefusal(url) { .tlsUnsupported(url: $0) }
    }

    @Test func sslModePreferFallsBackToPlainTCP() throws {
        let cluster = try PostgresTestCluster.shared()
        let url = try PostgresURL(parsing: cluster.url(database: try cluster.createDatabase()))
        #expect(url.sslMode == .prefer)
        let store = try PostgresStore(url: url)
        #expect(try store.appliedMigrations() == PostgresMigrationTests.names)
        store.close()
    }

    @Test func anUnreadableRootCertificateIsNamed() throws {
        let cluster = try PostgresTestCluster.shared()
        let url = try PostgresURL(parsing: cluster.url(database: "postgres", query: "?sslmode=verify-full&sslrootcert=/nonexistent/ca.pem"))
        try expectRefusal(url) { .rootCertificateUnreadable(url: $0, path: "/nonexistent/ca.pem") }
    }
}
