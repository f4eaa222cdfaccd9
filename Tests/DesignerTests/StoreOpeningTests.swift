import Designer
import Foundation
import StoreLocation
import StoreModel
import Testing

/// `StoreOpening`, the one way into a store: an SQLite path opens a store, and a PostgreSQL URL is
/// refused in one sentence that hides its password, in every mode, before any connection.
@Suite struct StoreOpeningTests {
    @Test(arguments: [StoreOpenMode.createIfMissing, .mustExist, .readOnly])
    func aPostgreSQLStoreIsRefusedWithoutItsPassword(mode: StoreOpenMode) throws {
        // Port 1 on this host: nothing answers there, and the refusal must not even try.
        let location = try StoreLocation(parsing: "postgresql://ann:s3cret@127.0.0.1:1/runs", environment: [:])
        let error = #expect(throws: StoreError.self) { try StoreOpening.open(location, mode: mode) }
        #expect(error == .postgresNotWiredIn(url: "postgresql://ann:***@127.0.0.1:1/runs"))
        let sentence = try #require(error?.description)
        #expect(sentence == "The store postgresql://ann:***@127.0.0.1:1/runs is a PostgreSQL database, which this build of "
            + "metaqnn cannot open yet (PostgreSQL support is being wired in); pass an SQLite file path with --store or METAQNN_STORE.")
        #expect(!sentence.contains("s3cret"))
    }

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
}
