import Foundation
@testable import ReplayStore
import StoreModel
import TestSupport
import Testing

/// `v5-typed-q-values`: a store written before it keeps every Q value bit for bit and in the order
/// it was read in, and a row that is not two reference tuples stops the migration, leaving the store as it was.
@Suite(.enabled(if: Fixtures.hasSQLite3)) struct TypedQValueMigrationTests {
    /// The `qValue` table as `v1-experiments-nets-replay-q-leases` made it (and v2 to v4 left it).
    static let textTable = """
        DROP TABLE qValue;
        CREATE TABLE qValue (
            experimentID INTEGER NOT NULL REFERENCES experiment(id) ON DELETE CASCADE,
            state        TEXT NOT NULL,
            action       TEXT NOT NULL,
            utility      REAL NOT NULL,
            PRIMARY KEY (experimentID, state, action)
        ) WITHOUT ROWID;
        DELETE FROM grdb_migrations WHERE identifier = 'v5-typed-q-values';
        """

    /// Rows whose text sorts unlike their numbers ("128" before "64", "10" before "9"), with
    /// utilities of long expansions, as SQL values.
    static let textRows = """
        INSERT INTO qValue VALUES
            (1, 'conv,1,64,3,1,8,0,0', 'pool,2,0,2,2,8,0,0', 2.0 / 3.0),
            (1, 'conv,1,128,3,1,8,0,0', 'pool,2,0,2,2,8,0,0', 0.1 + 0.2),
            (1, 'fc,9,0,0,0,0,512,0', 'fc,10,1,0,0,0,256,0', -1e-300),
            (1, 'fc,9,0,0,0,0,512,0', 'fc,10,0,0,0,0,512,1', 0.5),
            (1, 'start,0,1,0,0,8,0,0', 'conv,1,128,3,1,8,0,0', 4.9406564584124654e-324),
            (1, 'start,0,1,0,0,8,0,0', 'gap,1,0,0,0,1,0,0', 1.0 / 7.0);
        """

    /// A store at `v4-early-stopping` holding one experiment and the Q rows `rows` inserts.
    static func v4Store(in dir: TemporaryDirectory, rows: String) throws -> String {
        let path = dir.file("v4.sqlite")
        try ReplayStore(path: path, mode: .createIfMissing).createExperiment(Fixtures.experiment()) { _ in }
        _ = try Fixtures.sqlite3(path, textTable + rows)
        #expect(try Fixtures.sqlite3(path, "SELECT identifier FROM grdb_migrations ORDER BY identifier;")
            == "v1-experiments-nets-replay-q-leases\nv2-imported-row-results\nv3-finalists\nv4-early-stopping\n")
        return path
    }

    /// Every Q value of a store before `v5-typed-q-values` as "experiment state action bits", in the
    /// order that schema read them (by experiment, then by the state's and action's text byte for byte).
    static func textQValues(_ path: String) throws -> [String] {
        try qValueLines(path, """
            SELECT e.name, q.state, q.action, printf('%!.17g', q.utility)
            FROM qValue q JOIN experiment e ON e.id = q.experimentID ORDER BY e.name, q.state, q.action;
            """)
    }

    /// The rows of `sql` (experiment, state, action, utility as `%!.17g`) as `textQValues` gives them.
    static func qValueLines(_ path: String, _ sql: String) throws -> [String] {
        try Fixtures.sqlite3(path, sql).split(separator: "\n").map { line in
            let cells = line.split(separator: "|").map(String.init)
            return "\(cells[0]) \(cells[1]) \(cells[2]) \(Double(cells[3])!.bitPattern)"
        }
    }

    /// The same for a store this build opened.
    static func typedQValues(_ store: ReplayStore) throws -> [String] {
        try store.experiments().map(\.experiment.name).flatMap { name in
            try store.qValues(experiment: name).map {
                "\(name) \($0.state.referenceText) \($0.action.referenceText) \($0.utility.bitPattern)"
            }
        }
    }

    @Test func aV4StoreKeepsItsQValuesExactlyAndInOrder() throws {
        let dir = TemporaryDirectory()
        defer { dir.cleanUp() }
        let path = try Self.v4Store(in: dir, rows: Self.textRows)
        let expected = try Self.textQValues(path)
        #expect(expected.count == 6)
        #expect(try Self.typedQValues(ReplayStore(path: path, mode: .readOnly)) == expected)
        #expect(try Fixtures.sqlite3(path, "SELECT COUNT(*) FROM grdb_migrations;") == "4\n", "a read-only open migrates a copy")
        let store = try ReplayStore(path: path, mode: .mustExist)
        #expect(try Self.typedQValues(store) == expected)
        let first = try #require(try store.qValues(experiment: "exp").first)
        #expect(first == QValueRecord(
            state: StoredLayerState(layerType: "conv", layerDepth: 1, filterDepth: 128, filterSize: 3, stride: 1, imageSize: 8,
                                    fcSize: 0, terminate: false),
            action: StoredLayerState(layerType: "pool", layerDepth: 2, filterDepth: 0, filterSize: 2, stride: 2, imageSize: 8,
                                     fcSize: 0, terminate: false),
            utility: 0.1 + 0.2))
        #expect(try Fixtures.sqlite3(path, "SELECT stateTerminate, actionTerminate, actionFcSize FROM qValue WHERE actionLayerType = 'fc';")
            == "0|1|512\n0|0|256\n")
        #expect(try store.integrityProblems().isEmpty)
    }

    @Test func theCommittedStoresKeepTheirQValuesExactly() throws {
        let replay = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Replay")
        let stores = try FileManager.default.contentsOfDirectory(atPath: replay.path).filter { $0.hasSuffix(".sqlite") }
        #expect(!stores.isEmpty)
        var migrated = 0
        for name in stores {
            let dir = TemporaryDirectory()
            defer { dir.cleanUp() }
            let path = dir.file(name)
            try FileManager.default.copyItem(atPath: replay.appendingPathComponent(name).path, toPath: path)
            // A store written since v5 (a finalize run adds rows with this build) holds typed
            // values already: its raw columns are what it must read back.
            let typed = try Fixtures.sqlite3(path, "SELECT COUNT(*) FROM grdb_migrations WHERE identifier = 'v5-typed-q-values';") == "1\n"
            let expected = try typed ? Self.typedColumnQValues(path) : Self.textQValues(path)
            if !typed { migrated += 1 }
            #expect(expected.count > 100, "\(name)")
            #expect(try Self.typedQValues(ReplayStore(path: path, mode: .readOnly)).sorted() == expected.sorted(), "\(name)")
            #expect(try Self.typedQValues(ReplayStore(path: path, mode: .mustExist)).sorted() == expected.sorted(), "\(name)")
            if !typed {
                #expect(try Self.typedQValues(ReplayStore(path: path, mode: .readOnly)) == expected, "\(name): in order")
            }
        }
        #expect(migrated >= 1, "some committed store still exercises the v5 migration")
    }

    /// The Q values of a store at v5 or later, from its typed columns, as `textQValues` gives them.
    static func typedColumnQValues(_ path: String) throws -> [String] {
        let state = ["LayerType", "LayerDepth", "FilterDepth", "FilterSize", "Stride", "ImageSize", "FcSize", "Terminate"]
        func tuple(_ side: String) -> String { state.map { "q.\(side)\($0)" }.joined(separator: " || ',' || ") }
        return try qValueLines(path, """
            SELECT e.name, \(tuple("state")), \(tuple("action")), printf('%!.17g', q.utility)
            FROM qValue q JOIN experiment e ON e.id = q.experimentID;
            """)
    }

    @Test func aRowThatIsNoReferenceTupleStopsTheMigration() throws {
        let dir = TemporaryDirectory()
        defer { dir.cleanUp() }
        let path = try Self.v4Store(in: dir, rows: Self.textRows + """
            INSERT INTO qValue VALUES (1, 'conv,1,64,3,1,8,0', 'pool,2,0,2,2,8,0,0', 0.5);
            """)
        let error = StoreError.corrupt(store: path, detail: """
            the Q value of experiment 1 for state 'conv,1,64,3,1,8,0' and action 'pool,2,0,2,2,8,0,0' is not two reference \
            tuples, so the migration v5-typed-q-values changed nothing
            """)
        #expect(throws: error) { try ReplayStore(path: path, mode: .readOnly) }
        #expect(throws: error) { try ReplayStore(path: path, mode: .mustExist) }
        #expect(try Fixtures.sqlite3(path, "SELECT COUNT(*) FROM grdb_migrations; SELECT COUNT(*) FROM qValue;") == "4\n7\n")
        #expect(error.description.hasSuffix("restore the store from a backup."))
    }

    @Test func onlyReferenceTuplesAreParsed() {
        #expect(StoreSchema.parseReferenceTuple("gap,3,0,0,0,1,0,1")?.referenceText == "gap,3,0,0,0,1,0,1")
        for bad in ["", "conv,1,64,3,1,8,0", "conv,1,64,3,1,8,0,0,0", "dropout,1,0,0,0,8,0,0", "conv,1,-64,3,1,8,0,0",
                    "conv,1,64,3,1,8,0,2", "conv,1,6.4,3,1,8,0,0", "conv, 1,64,3,1,8,0,0", "conv,1,1234567890123456789,3,1,8,0,0"] {
            #expect(StoreSchema.parseReferenceTuple(bad) == nil, "\(bad)")
        }
    }
}
