import Foundation
import ModelExport
import PostgresStore
import ReplayStore
import StoreLocation
import StoreModel
import TestSupport
import Testing
@testable import Designer

/// `StoreCopy` between backends: SQLite into a PostgreSQL database of a throwaway cluster and back,
/// through the same code the command runs (only the opening of the target differs, since the
/// commands do not open PostgreSQL stores yet).
@Suite("Store copy: SQLite to PostgreSQL and back", .serialized,
       .enabled(if: PostgresTestCluster.shouldRun, "PostgreSQL is not installed (apt-get install postgresql)"))
struct StoreCopyPostgresTests {
    @Test func aRoundTripThroughPostgreSQLKeepsEveryRead() throws {
        try withSourceAndDatabase { source, folder, url in
            let postgres = try PostgresStore(url: url)
            defer { postgres.close() }
            let sqlite = try ReplayStore(path: source.path, mode: .readOnly)

            // With no folder named for a server store's weight files, a finalized experiment is refused.
            #expect(throws: StoreCopyError.finalistsNeedFiles(experiment: "tiny", files: 2, store: url.description)) {
                try StoreCopy(source: sqlite, experiments: [], target: url.description, targetFolder: nil) { _ in postgres }
            }
            var lines: [String] = []
            try StoreCopy(source: sqlite, experiments: ["plain", "ref"], target: url.description, targetFolder: nil) { _ in postgres }
                .run { lines.append($0.name) }
            #expect(lines == ["plain", "ref"])
            #expect(throws: StoreCopyError.namesTaken(names: ["ref"], store: url.description)) {
                try StoreCopy(source: sqlite, experiments: ["ref"], target: url.description, targetFolder: nil) { _ in postgres }
            }

            let back = folder.appendingPathComponent("back.sqlite")
            try StoreCopy(source: postgres, experiments: [], target: back.path, targetFolder: folder) { mode throws(StoreError) in
                try ReplayStore(path: back.path, mode: mode)
            }.run()
            let returned = try ReplayStore(path: back.path, mode: .readOnly)
            #expect(try returned.experiments().map(\.experiment.name) == ["plain", "ref"])
            for name in ["plain", "ref"] {
                let reports = folder.appendingPathComponent("reports-\(name)")
                let expected = try StoreCopyFixture.Reads(sqlite, experiment: name, reportFolder: reports.appendingPathComponent("a"))
                let onServer = try StoreCopyFixture.Reads(postgres, experiment: name, reportFolder: reports.appendingPathComponent("b"))
                let after = try StoreCopyFixture.Reads(returned, experiment: name, reportFolder: reports.appendingPathComponent("c"))
                #expect(onServer == expected, "experiment \(name) in PostgreSQL")
                #expect(after == expected, "experiment \(name) back in SQLite")
            }
            #expect(try postgres.integrityProblems().isEmpty && returned.integrityProblems().isEmpty)
        }
    }

    /// A finalized experiment goes into PostgreSQL with its weight files in the folder `finalize` and
    /// `export-model` use for a server store, and comes back out of it beside a new SQLite file.
    @Test func finalistWeightsTravelThroughTheServerStoresFolder() throws {
        try withSourceAndDatabase { source, folder, url in
            // Not made beforehand: the copy makes it, as `finalize` does (the working directory may have no `Replay/`).
            let serverRoot = folder.appendingPathComponent("server-weights", isDirectory: true)
            let finalists = try ReplayStore(path: source.path, mode: .readOnly).finalists(experiment: "tiny")
            #expect(finalists.count == 2)

            try StoreCopy(from: .sqlite(path: source.path), to: .postgres(url), experiments: ["tiny"],
                          serverStoreWeightsRoot: serverRoot).run()
            for finalist in finalists {
                let file = try Data(contentsOf: serverRoot.appendingPathComponent(finalist.weightsFile))
                #expect(SHA256.hex(of: [UInt8](file)) == finalist.weightsSHA256)
            }

            let back = folder.appendingPathComponent("back/returned.sqlite")
            try FileManager.default.createDirectory(at: back.deletingLastPathComponent(), withIntermediateDirectories: false)
            try StoreCopy(from: .postgres(url), to: .sqlite(path: back.path), experiments: ["tiny"],
                          serverStoreWeightsRoot: serverRoot).run()
            let returned = try ReplayStore(path: back.path, mode: .readOnly)
            let reports = folder.appendingPathComponent("reports")
            #expect(try StoreCopyFixture.Reads(returned, experiment: "tiny", reportFolder: reports.appendingPathComponent("b"))
                == StoreCopyFixture.Reads(ReplayStore(path: source.path, mode: .readOnly), experiment: "tiny",
                                          reportFolder: reports.appendingPathComponent("a")))
            for finalist in finalists {
                let file = try Data(contentsOf: back.deletingLastPathComponent().appendingPathComponent(finalist.weightsFile))
                #expect(SHA256.hex(of: [UInt8](file)) == finalist.weightsSHA256)
            }
        }
    }

    /// Runs `body` with a fresh copy of the fixture's source store, a temporary folder and a new
    /// database of the throwaway cluster, removing the files afterwards.
    private func withSourceAndDatabase(_ body: (_ source: URL, _ folder: URL, _ url: PostgresURL) throws -> Void) throws {
        let source = try StoreCopyFixture.source()
        let folder = try temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: source.deletingLastPathComponent().deletingLastPathComponent())
            try? FileManager.default.removeItem(at: folder)
        }
        let cluster = try PostgresTestCluster.shared()
        try body(source, folder, try PostgresURL(parsing: cluster.url(database: try cluster.createDatabase(), query: "?sslmode=disable")))
    }
}
