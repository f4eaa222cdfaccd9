import Foundation
import ModelExport

/// The folder every `BadInputCatalogueTests` case runs in: a good store and its twin, files that are not stores,
/// broken dataset folders and broken replay CSVs, all built here (nothing is downloaded).
enum BadInputFolder {
    /// A fresh folder holding every fixture.
    static func make() throws -> URL {
        let folder = try temporaryDirectory()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Replay"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: try template.get(), to: folder.appendingPathComponent("Replay/good.sqlite"))
        // A second store holding the same experiments: a copy into it must be refused by name.
        try FileManager.default.copyItem(at: try template.get(), to: folder.appendingPathComponent("twin.sqlite"))
        // Kept apart from good.sqlite, so that rows listing its experiments are not about these.
        try FileManager.default.copyItem(at: try template.get().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(trainersStore), to: folder.appendingPathComponent(trainersStore))
        try olderStoreWithAnUnreadableQValue(folder.appendingPathComponent("old-q.sqlite"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("empty-dir"), withIntermediateDirectories: true)
        try write(Array("just some notes\n".utf8), "notes.sqlite", in: folder)
        try write([], "empty.sqlite", in: folder)  // a 0-byte file: not a store, and never made one by a command that fails
        try write(Array("not a store\n".utf8), "Replay/broken.sqlite", in: folder)  // bare `list` must get past it
        for (name, text) in csvFiles { try write(Array(text.utf8), name, in: folder) }
        try write(Array(space(#""conv_depth": [8], "epsilon_schedule": "1.0:3""#).utf8), "unknown-key.json", in: folder)
        try write(Array(space(#""epsilon_schedule": "0.1:3,1.0:3""#).utf8), "unsorted-schedule.json", in: folder)
        // The files experiment `fp` was started on, with one byte changed: a resume must be refused.
        for (file, bytes) in fingerprintSet(changedByte: true) { try write(bytes, file, in: try folderNamed("fp-data", in: folder)) }
        for (name, files) in datasetFolders {
            let directory = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            for (file, bytes) in files { try write(bytes, file, in: directory) }
        }
        return folder
    }

    /// SHA-256 of every store file in `folder` (`.sqlite` and its `-wal` and `-shm`), by path relative to it.
    static func storeDigests(in folder: URL) throws -> [String: String] {
        var digests: [String: String] = [:]
        let files = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []
        for file in files where file.contains(".sqlite") {
            digests[file] = try sha256(of: folder.appendingPathComponent(file))
        }
        return digests
    }

    /// The hex SHA-256 of a file, with the project's one SHA-256 (the weights files' checksum)
    /// rather than a `sha256sum` process per file and case.
    static func sha256(of file: URL) throws -> String {
        SHA256.hex(of: [UInt8](try Data(contentsOf: file)))
    }

    /// A store made once by the real binary and copied per case: the imported experiment `good`, the
    /// finished two-net search `small` (synthetic data, 6×6, layer limit 2, seed 1), and `overflow`,
    /// a copy of `small` whose stored schedule adds up past `Int.max` (as older versions stored it).
    static let template: Result<URL, TemplateFailed> = {
        do {
            let folder = try temporaryDirectory()
            try write(Array(goodCSV.utf8), "good.csv", in: folder)
            for (file, bytes) in fingerprintSet(changedByte: false) { try write(bytes, file, in: try folderNamed("fp-data", in: folder)) }
            let store = "Replay/good.sqlite"
            for arguments in [["import", "good.csv", "--experiment", "good"], smallSearch, fingerprintSearch, syntheticSearch] {
                let outcome = try MetaqnnProcess.run(arguments, in: folder)
                guard outcome.status == 0 else { return .failure(TemplateFailed(output: outcome.error)) }
            }
            let sqlite = Process()
            sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
            sqlite.arguments = [folder.appendingPathComponent(store).path, """
                INSERT INTO experiment (name, kind, status, seed, searchSpace, settings, rngState, createdAt, updatedAt)
                SELECT 'overflow', kind, status, seed, replace(searchSpace, '"1.0:2"', '"1.0:9223372036854775807,0.5:1"'),
                       replace(settings, '"1.0:2"', '"1.0:9223372036854775807,0.5:1"'), rngState, createdAt, updatedAt
                FROM experiment WHERE name = 'small';
                """]
            try sqlite.run()
            sqlite.waitUntilExit()
            guard sqlite.terminationStatus == 0 else { return .failure(TemplateFailed(output: "sqlite3 could not add 'overflow'")) }
            return .success(folder.appendingPathComponent(store))
        } catch {
            return .failure(TemplateFailed(output: "\(error)"))
        }
    }()

    /// A copy of the template as a store before `v5-typed-q-values` (Q values as text cells) holding
    /// a Q value whose state is no reference tuple (seven fields), which that migration must refuse.
    static func olderStoreWithAnUnreadableQValue(_ path: URL) throws {
        try FileManager.default.copyItem(at: try template.get(), to: path)
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        sqlite.arguments = [path.path, """
            DROP TABLE qValue;
            CREATE TABLE qValue (
                experimentID INTEGER NOT NULL REFERENCES experiment(id) ON DELETE CASCADE,
                state TEXT NOT NULL, action TEXT NOT NULL, utility REAL NOT NULL,
                PRIMARY KEY (experimentID, state, action)
            ) WITHOUT ROWID;
            DELETE FROM grdb_migrations WHERE identifier = 'v5-typed-q-values';
            INSERT INTO qValue SELECT id, 'start,0,1,0,0,8,0,0', 'gap,1,0,0,0,1,0,0', 0.5 FROM experiment WHERE name = 'small';
            INSERT INTO qValue SELECT id, 'start,0,1,0,0,8,0', 'fc,1,0,0,0,0,64,0', 0.5 FROM experiment WHERE name = 'small';
            """]
        try sqlite.run()
        sqlite.waitUntilExit()
        guard sqlite.terminationStatus == 0 else { throw TemplateFailed(output: "sqlite3 could not make old-q.sqlite") }
    }

    /// The search that made experiment `small`; run again with other settings it must be refused.
    static let smallSearch = ["search", "--experiment", "small", "--store", "Replay/good.sqlite", "--synthetic-data",
                              "--input-size", "6", "--layer-limit", "2", "--schedule", "1.0:2", "--replay-number", "2",
                              "--epochs", "1", "--threads", "1"]

    /// The store of the experiments `fp` and `syn`, made with the template.
    static let trainersStore = "trainers.sqlite"

    /// A finished two-net search `fp` on the IDX files in `fp-data` (6×6), which stores their fingerprint.
    static let fingerprintSearch = ["search", "--experiment", "fp", "--store", trainersStore, "--data-dir", "fp-data",
                                    "--input-size", "6", "--layer-limit", "2", "--schedule", "1.0:2", "--replay-number", "2",
                                    "--epochs", "1", "--validation-size", "10", "--train-limit", "30", "--threads", "1"]

    /// A finished two-net search `syn` with the synthetic trainer, which reads no images.
    static let syntheticSearch = ["search", "--experiment", "syn", "--store", trainersStore, "--trainer", "synthetic",
                                  "--synthetic-delay", "0", "--layer-limit", "2", "--schedule", "1.0:2", "--replay-number", "2"]

    /// The IDX files of `fp`: 40 training and 10 test images of 6×6 in 10 classes; with `changedByte`,
    /// one pixel of the test images differs (the file keeps its size).
    static func fingerprintSet(changedByte: Bool) -> [(String, [UInt8])] {
        var test = idxImages(count: 10, rows: 6, cols: 6)
        if changedByte { test[100] ^= 1 }
        return [("train-images-idx3-ubyte", idxImages(count: 40, rows: 6, cols: 6)),
                ("train-labels-idx1-ubyte", idxLabels((0..<40).map { UInt8($0 % 10) })),
                ("t10k-images-idx3-ubyte", test), ("t10k-labels-idx1-ubyte", idxLabels((0..<10).map { UInt8($0) }))]
    }

    private static func folderNamed(_ name: String, in folder: URL) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Why the template store could not be made.
    struct TemplateFailed: Error, CustomStringConvertible {
        var output: String
        var description: String { "importing the template store failed: \(output)" }
    }

    private static func write(_ bytes: [UInt8], _ name: String, in folder: URL) throws {
        try Data(bytes).write(to: folder.appendingPathComponent(name))
    }

    /// A space file: `cpu-digits` as `metaqnn space --json` writes it, with `extra` keys.
    static func space(_ extra: String) -> String {
        #"{"allow_consecutive_pooling": false, "allow_initial_pooling": false, "classes": 10, "conv_depths": [8, 16, 32], "#
            + #""conv_sizes": [1, 3, 5], "discount": 1, "fc_max_image_size": 4, "fc_sizes": [128, 64], "#
            + #""image_size_buckets": [8, 4, 1], "init_utility": 0.5, "input_channels": 1, "input_size": 8, "layer_limit": 6, "#
            + #""learning_rate": 0.01, "max_fc": 2, "name": "file-space", "pool_options": [{"kernel": 2, "stride": 2}], "#
            + #""replay_number": 128, "# + extra + "}"
    }

    // MARK: Replay CSV files

    static let header = "net,accuracy_best_val,iter_best_val,accuracy_last_val,iter_last_val,accuracy_best_test,"
        + "accuracy_last_test,ix_q_value_update,epsilon,time_finished,machine_run_on"
    static let goodRow = "\"[C(16,3,1), P(2,2), D(1,2), FC(64), D(2,2), SM(10)]\",0.812,150,0.8,300,0.79,0.785,1.0,1.0,1479312345.25,gpu-1"
    static let goodCSV = header + "\n" + goodRow + "\n\"[SM(10)]\",0.1,10,0.1,20,0.1,0.1,1.0,1.0,1479312346,gpu-2\n"

    static let csvFiles: [(String, String)] = [
        ("good.csv", goodCSV),
        ("bad-header.csv", header.replacingOccurrences(of: "epsilon", with: "eps") + "\n" + goodRow + "\n"),
        ("bad-number.csv", header + "\n" + goodRow + "\n\"[SM(10)]\",0.1,ten,0.1,20,0.1,0.1,1.0,1.0,1479312346,gpu-2\n"),
        ("negative-iterations.csv", header + "\n" + goodRow.replacingOccurrences(of: ",300,", with: ",-300,") + "\n"),
        ("negative-time.csv", header + "\n" + goodRow.replacingOccurrences(of: "1479312345.25", with: "-1479312345") + "\n"),
        ("extra-cell.csv", header + "\n" + goodRow + ",extra\n"),
        ("open-quote.csv", header + "\n" + goodRow.replacingOccurrences(of: "SM(10)]\"", with: "SM(10)]") + "\n"),
    ]

    // MARK: Dataset folders

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    static func idxImages(count: Int, rows: Int, cols: Int, magic: UInt32 = 0x803) -> [UInt8] {
        bigEndian(magic) + bigEndian(UInt32(count)) + bigEndian(UInt32(rows)) + bigEndian(UInt32(cols))
            + (0..<(count * rows * cols)).map { UInt8($0 % 251) }
    }

    static func idxLabels(_ labels: [UInt8]) -> [UInt8] { bigEndian(0x801) + bigEndian(UInt32(labels.count)) + labels }

    /// A complete, readable IDX set (12 training and 5 test images of 4×4) with `changes` applied.
    static func idxSet(_ changes: [String: [UInt8]] = [:]) -> [(String, [UInt8])] {
        var files: [String: [UInt8]] = [
            "train-images-idx3-ubyte": idxImages(count: 12, rows: 4, cols: 4),
            "train-labels-idx1-ubyte": idxLabels((0..<12).map { UInt8($0 % 10) }),
            "t10k-images-idx3-ubyte": idxImages(count: 5, rows: 4, cols: 4),
            "t10k-labels-idx1-ubyte": idxLabels([9, 8, 7, 6, 5]),
        ]
        for (name, bytes) in changes {
            if name.hasSuffix(".gz") { files[String(name.dropLast(3))] = nil }
            files[name] = bytes
        }
        return files.sorted { $0.key < $1.key }
    }

    static func cifarBatch(_ labels: [UInt8]) -> [UInt8] {
        labels.flatMap { [$0] + [UInt8](repeating: 7, count: 3072) }
    }

    static func cifarSet(train: [UInt8] = cifarBatch([1]), test: [UInt8] = cifarBatch([2])) -> [(String, [UInt8])] {
        (1...5).map { ("data_batch_\($0).bin", train) } + [("test_batch.bin", test)]
    }

    static let datasetFolders: [(String, [(String, [UInt8])])] = [
        ("idx-good", idxSet()),
        ("idx-no-images", idxSet(["train-images-idx3-ubyte": idxImages(count: 0, rows: 4, cols: 4)])),
        ("idx-zero-bytes", idxSet(["train-images-idx3-ubyte": []])),
        ("idx-huge-header", idxSet(["train-images-idx3-ubyte": bigEndian(0x803) + [UInt8](repeating: 0xFF, count: 12) + [1, 2, 3]])),
        ("idx-truncated", idxSet(["train-images-idx3-ubyte": Array(idxImages(count: 12, rows: 4, cols: 4).dropLast(9))])),
        ("idx-bad-magic", idxSet(["train-images-idx3-ubyte": idxLabels([1, 2, 3])])),
        ("idx-count-mismatch", idxSet(["train-labels-idx1-ubyte": idxLabels([1, 2, 3])])),
        ("idx-bad-label", idxSet(["train-labels-idx1-ubyte": idxLabels([12] + [UInt8](repeating: 1, count: 11))])),
        ("idx-not-gzip", idxSet(["train-images-idx3-ubyte.gz": idxImages(count: 12, rows: 4, cols: 4)])),
        ("idx-corrupt-gzip", idxSet(["train-images-idx3-ubyte.gz": [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3]])),
        ("idx-shape-mismatch", idxSet(["t10k-images-idx3-ubyte": idxImages(count: 5, rows: 5, cols: 5)])),
        ("cifar-extra-bytes", cifarSet(train: cifarBatch([1]) + [0, 0, 0])),
        ("cifar-empty", cifarSet(train: [])),
        ("cifar-bad-label", cifarSet(train: cifarBatch([12]))),
    ]
}
