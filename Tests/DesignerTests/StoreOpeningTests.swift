import Designer
import Foundation
import StoreLocation
import StoreModel
import TestSupport
import Testing

/// `StoreOpening`, the one way into a store: an SQLite path opens a store file, and a PostgreSQL URL
/// a store in that database, its failures as `StoreError`s that never show the password.
@Suite struct StoreOpeningTests {
    @Test func anSQLitePathOpensTheStoreThere() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("s.sqlite").path
        #expect(throws: StoreError.missing(store: path)) { try StoreOpening.open(.sqlite(path: path), mode: .mustExist) }
        let store = try StoreOpening.open(.sqlite(path: path), mode: .createIfMissing)
        #expect(store.locationDescription == path && store.filePath == path)
        #expect(try store.experiments().isEmpty)
        #expect(FileManager.default.fileExists(atPath: path))
    }

    @Test(.enabled(if: PostgresTestCluster.shouldRun, "PostgreSQL is not installed (apt-get install postgresql)"))
    func aPostgreSQLURLOpensTheStoreInThatDatabase() throws {
        let cluster = try PostgresTestCluster.shared()
        let location = try StoreLocation(parsing: cluster.url(database: try cluster.createDatabase(), query: "?sslmode=disable"),
                                         environment: [:])
        let redacted = location.description
        #expect(!redacted.contains(cluster.password))
        #expect(throws: StoreError.missing(store: redacted)) { try StoreOpening.open(location, mode: .mustExist) }
        #expect(throws: StoreError.missing(store: redacted)) { try StoreOpening.open(location, mode: .readOnly) }
        let store = try StoreOpening.open(location, mode: .createIfMissing)
        #expect(store.locationDescription == redacted && store.filePath == nil)
        #expect(try store.experiments().isEmpty)
        #expect(try StoreOpening.open(location, mode: .mustExist).experiments().isEmpty)
        let reader = try StoreOpening.open(location, mode: .readOnly)
        #expect(throws: StoreError.readOnly(store: redacted)) {
            try reader.createExperiment(ExperimentRecord(name: "x", kind: .search, status: .running, seed: 1, searchSpaceJSON: "{}",
                                                         settingsJSON: "{}", rngState: 1, createdAt: 0, updatedAt: 0))
        }
    }

    @Test(.enabled(if: PostgresTestCluster.shouldRun, "PostgreSQL is not installed (apt-get install postgresql)"),
          arguments: [StoreOpenMode.createIfMissing, .mustExist, .readOnly])
    func aServerThatCannotBeEnteredIsOneSentenceWithoutThePassword(mode: StoreOpenMode) throws {
        let cluster = try PostgresTestCluster.shared()
        let database = try cluster.createDatabase()
        let cases: [(url: String, phrase: String)] = [
            (cluster.url(database: database, password: "wrong-s3cret", query: "?sslmode=disable"), "refused the user or password"),
            (cluster.url(database: database, password: "wrong-s3cret", port: try PostgresTestCluster.freePort(),
                         query: "?sslmode=disable"), "No PostgreSQL server answered"),
            (cluster.url(database: "no_such_db", query: "?sslmode=disable"), "has no such database"),
            (cluster.url(database: database, query: "?sslmode=require"), "does not offer TLS"),
        ]
        for (url, phrase) in cases {
            let location = try StoreLocation(parsing: url, environment: [:])
            let error = #expect(throws: StoreError.self) { try StoreOpening.open(location, mode: mode) }
            let sentence = try #require(error?.description)
            #expect(sentence.contains(phrase) && sentence.contains(location.description), "\(sentence)")
            #expect(!sentence.contains("wrong-s3cret") && !sentence.contains(cluster.password), "\(sentence)")
        }
    }
}
