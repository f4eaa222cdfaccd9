import Designer
import Foundation
import StoreLocation
import StoreModel
import TestSupport
import Testing

/// The reading commands print and write the same on a PostgreSQL experiment as on an SQLite copy
/// of it (bar the store's name), and the password of the store URL appears nowhere.
@Suite("Commands on a PostgreSQL store", .serialized,
       .enabled(if: PostgresTestCluster.shouldRun && MetaqnnProcess.executable != nil,
                "needs PostgreSQL (apt-get install postgresql) and the built metaqnn"))
struct PostgresCommandOutputTests {
    /// `text` with every store's name in `stores` replaced by `<store>`.
    static func anonymous(_ text: String, _ stores: [String]) -> String {
        stores.reduce(text) { $0.replacingOccurrences(of: $1, with: "<store>") }
    }

    /// Every file under `folder`, by relative path, as text with the names in `stores` replaced by `<store>`.
    static func files(in folder: URL, stores: [String]) throws -> [String: String] {
        var result: [String: String] = [:]
        for path in FileManager.default.enumerator(atPath: folder.path)?.compactMap({ $0 as? String }) ?? [] {
            var isDirectory: ObjCBool = false
            let url = folder.appendingPathComponent(path)
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            result[path] = anonymous(String(decoding: try Data(contentsOf: url), as: UTF8.self), stores)
        }
        return result
    }

    @Test("show, list, export, report and replay agree between PostgreSQL and an SQLite copy; no output holds the password")
    func sameOutputsAndNoPassword() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try PostgresTestDatabase()
        let password = database.cluster.password
        let search = try MetaqnnProcess.run(
            ["search", "--experiment", "tiny", "--store", database.url, "--synthetic-data", "--input-size", "6", "--layer-limit", "2",
             "--schedule", "1.0:8,0.5:6", "--replay-number", "16", "--seed", "5", "--threads", "1", "--epochs", "1",
             "--report-dir", folder.appendingPathComponent("search-report").path], in: folder)
        #expect(search.status == 0, "\(search.error)")
        let postgres = try StoreOpening.open(database.location(), mode: .readOnly)
        let sqlitePath = folder.appendingPathComponent("copy.sqlite").path
        try StoreCopy(from: database.location(), to: .sqlite(path: sqlitePath), experiments: ["tiny"]).run()

        var texts = [search.output, search.error]
        var outputs: [[String: String]] = []
        // The stored reproduce command names the PostgreSQL store in both, so both names go in both.
        let names = [postgres.locationDescription, sqlitePath]
        for store in [database.url, sqlitePath] {
            let tag = store == sqlitePath ? "sqlite" : "postgres"
            var printed: [String: String] = [:]
            let commands: [(String, [String])] = [
                ("show", ["show", "--experiment", "tiny", "--top", "20"]),
                ("list", ["list"]),
                ("export", ["export", "--experiment", "tiny", "--replay-csv", "\(tag)-replay.csv", "--q-csv", "\(tag)-q.csv"]),
                ("report", ["report", "--experiment", "tiny", "--out", "report-\(tag)"]),
                ("replay", ["replay", "--experiment", "tiny", "--order", "sampled", "--top", "5"]),
                // Too few full curves for a study is refused the same way on both.
                ("predictor", ["predictor", "--experiment", "tiny"]),
            ]
            for (name, arguments) in commands {
                let outcome = try MetaqnnProcess.run(arguments + ["--store", store], in: folder)
                #expect(outcome.status == 0 || name == "predictor", "\(name) on \(tag): \(outcome.error)")
                texts += [outcome.output, outcome.error]
                printed[name] = "status \(outcome.status)\n" + Self.anonymous(outcome.output + outcome.error, names)
                    .replacingOccurrences(of: tag, with: "<tag>")
            }
            for file in ["\(tag)-replay.csv", "\(tag)-q.csv"] {
                printed[file.replacingOccurrences(of: tag, with: "<tag>")] = try String(contentsOf: folder.appendingPathComponent(file),
                                                                                     encoding: .utf8)
            }
            for (path, text) in try Self.files(in: folder.appendingPathComponent("report-\(tag)"), stores: names) {
                printed["report/" + path] = text
                texts.append(text)
            }
            outputs.append(printed)
        }
        #expect(outputs[0].count == outputs[1].count && outputs[0].keys.contains("report/README.md"))
        for (name, text) in outputs[0] {
            #expect(text == outputs[1][name], "\(name) differs between PostgreSQL and SQLite")
        }
        #expect(outputs[0]["show"]?.contains("tiny") == true && outputs[0]["replay"]?.contains("greedy net") == true)

        // The password is nowhere: progress lines, reports (with their reproduce command), stored settings.
        let searchReport = try Self.files(in: folder.appendingPathComponent("search-report"), stores: [])
        texts += searchReport.values
        texts += try database.psql.run("SELECT settings || ' ' || \"searchSpace\" FROM experiment")
        texts += try database.psql.run("SELECT DISTINCT worker || ' ' || machine FROM \"trainedNet\" JOIN \"replayRow\" ON \"netID\" = \"trainedNet\".id")
        for text in texts { #expect(!text.contains(password), "the password leaked: \(text.prefix(300))") }
        let readme = try #require(searchReport["README.md"])
        #expect(readme.contains("Reproduce with") && readme.contains("--store 'postgresql://metaqnn:***@"), "\(readme.prefix(2000))")
        #expect(search.output.contains("Search complete: 14 unique models"))
    }

    @Test("import, finalize and export-model on PostgreSQL: weights in Replay/<experiment>-models/, checked against the store")
    func importFinalizeAndExportModel() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try PostgresTestDatabase()
        try Data(BadInputFolder.goodCSV.utf8).write(to: folder.appendingPathComponent("good.csv"))
        var texts: [String] = []
        for store in [database.url, "imported.sqlite"] {
            for arguments in [["import", "good.csv", "--experiment", "ref"],
                              ["export", "--experiment", "ref", "--replay-csv", store == database.url ? "pg.csv" : "sqlite.csv"]] {
                let outcome = try MetaqnnProcess.run(arguments + ["--store", store], in: folder)
                #expect(outcome.status == 0, "\(arguments[0]): \(outcome.error)")
                texts += [outcome.output, outcome.error]
            }
        }
        let exported = try ["pg.csv", "sqlite.csv"].map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }
        #expect(exported[0] == exported[1], "an import exports the same from both stores")
        #expect(exported[0].split(separator: "\n").count == BadInputFolder.goodCSV.split(separator: "\n").count)

        let search = try MetaqnnProcess.run(
            ["search", "--experiment", "tiny", "--store", database.url, "--synthetic-data", "--input-size", "6", "--layer-limit", "2",
             "--schedule", "1.0:4", "--replay-number", "4", "--seed", "5", "--threads", "1", "--epochs", "1", "--report-dir", "r"], in: folder)
        #expect(search.status == 0, "\(search.error)")
        let finalize = try MetaqnnProcess.run(["finalize", "--experiment", "tiny", "--store", database.url, "--top", "1", "--seeds", "1",
                                               "--epochs", "1", "--validation-size", "20", "--report-dir", "r"], in: folder)
        #expect(finalize.status == 0, "\(finalize.error)")
        let stored = try database.psql.run("SELECT \"weightsFile\" FROM finalist")
        #expect(stored.count == 1 && stored[0].hasPrefix("tiny-models/rank1-seed1-"), "\(stored)")
        let weights = folder.appendingPathComponent("Replay").appendingPathComponent(try #require(stored.first))
        #expect(FileManager.default.fileExists(atPath: weights.path), "the weights are under Replay/ of the working directory")
        let export = try MetaqnnProcess.run(["export-model", "--experiment", "tiny", "--store", database.url, "--onnx", "m.onnx"], in: folder)
        #expect(export.status == 0 && FileManager.default.fileExists(atPath: folder.appendingPathComponent("m.onnx").path), "\(export.error)")
        // Another machine's copy that is not the trained file is refused by the stored checksum.
        var bytes = try Data(contentsOf: weights)
        bytes[bytes.count - 1] ^= 0xFF
        try bytes.write(to: weights)
        let refused = try MetaqnnProcess.run(["export-model", "--experiment", "tiny", "--store", database.url, "--onnx", "n.onnx"],
                                             in: folder)
        #expect(refused.status == 1 && refused.error.contains("but the store recorded"), "\(refused.error)")
        texts += [search.output, search.error, finalize.output, finalize.error, export.output, export.error, refused.error]
        for text in texts { #expect(!text.contains(database.cluster.password), "the password leaked: \(text.prefix(300))") }
    }
}
