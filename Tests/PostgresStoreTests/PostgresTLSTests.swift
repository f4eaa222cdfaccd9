import Foundation
@testable import PostgresStore
import StoreLocation
import TestSupport
import Testing

/// `sslmode` against a server with a self-signed certificate: encrypting modes encrypt, verifying
/// modes trust exactly the `sslrootcert` given, and `disable` stays plain.
@Suite(.enabled(if: PostgresTestCluster.shouldRun, "PostgreSQL is not installed (apt-get install postgresql)"))
struct PostgresTLSTests {
    /// A fresh database on the TLS cluster, as a URL with `query`.
    func url(_ query: String) throws -> PostgresURL {
        let cluster = try PostgresTestCluster.sharedWithTLS()
        return try PostgresURL(parsing: cluster.url(database: try cluster.createDatabase(), query: query))
    }

    /// Whether the store's own connection is encrypted, as the server sees it.
    func encrypted(_ store: PostgresStore) throws -> Bool {
        let answer = try store.exclusively { session throws(PostgresStoreError) in
            try session.strings("SELECT ssl::text FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
        }
        return answer == ["true"]
    }

    @Test(arguments: ["?sslmode=require", "?sslmode=prefer", ""])
    func encryptingModesEncrypt(_ query: String) throws {
        let store = try PostgresStore(url: try url(query))
        defer { store.close() }
        #expect(try encrypted(store))
        #expect(try store.appliedMigrations() == PostgresMigrationTests.names)
    }

    @Test func disableStaysPlain() throws {
        let store = try PostgresStore(url: try url("?sslmode=disable"))
        defer { store.close() }
        #expect(try encrypted(store) == false)
    }

    @Test(arguments: ["verify-ca", "verify-full"])
    func verifyingModesTrustTheGivenRootCertificate(_ mode: String) throws {
        let certificate = try #require(try PostgresTestCluster.sharedWithTLS().certificate)
        let store = try PostgresStore(url: try url("?sslmode=\(mode)&sslrootcert=\(certificate.path)"))
        defer { store.close() }
        #expect(try encrypted(store))
    }

    @Test func verifyFullWithoutTheRootCertificateIsRefused() throws {
        // The self-signed certificate chains to none of the system's roots.
        let url = try url("?sslmode=verify-full")
        do {
            _ = try PostgresStore(url: url)
            Issue.record("a self-signed certificate was trusted")
        } catch {
            guard case .tlsFailed(let named, let reason) = error else {
                Issue.record("expected tlsFailed, got \(error)")
                return
            }
            #expect(named == url.description)
            #expect(reason == "the server's certificate could not be verified")
        }
    }
}
