import Designer
import Foundation
import ReplayStore
import Testing

/// Bad stores and files given to the real `metaqnn` binary: a one-sentence error, exit status 1,
/// and nothing on disk changed.
@Suite struct StoreCommandErrorTests {
    struct Run {
        var status: Int32
        var error: String
    }

    static func metaqnn(_ arguments: [String], in directory: String) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ImportKillTests.executable!)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let errorFile = directory + "/stderr-\(UUID().uuidString).txt"
        #expect(FileManager.default.createFile(atPath: errorFile, contents: nil))
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errorFile))
        try process.run()
        process.waitUntilExit()
        defer { try? FileManager.default.removeItem(atPath: errorFile) }
        return Run(status: process.terminationStatus, error: try String(contentsOfFile: errorFile, encoding: .utf8))
    }

    static func temporaryDirectory() throws -> String {
        let dir = NSTemporaryDirectory() + "store-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// One line, starting "Error: ", containing `fragment`.
    static func isOneSentence(_ run: Run, containing fragment: String) -> Bool {
        let lines = run.error.split(separator: "\n")
        return run.status == 1 && lines.count == 1 && lines[0].hasPrefix("Error: ") && lines[0].contains(fragment)
    }

    @Test(.enabled(if: ImportKillTests.executable != nil)) func missingStoreIsNamedAndNotCreated() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for arguments in [["show", "--experiment", "x"], ["list", "--store", "Replay/x.sqlite"],
                          ["replay", "--experiment", "x"], ["export", "--experiment", "x", "--replay-csv", "r.csv"]] {
            let run = try Self.metaqnn(arguments, in: dir)
            #expect(Self.isOneSentence(run, containing: "No replay store at Replay/x.sqlite"), "\(arguments): \(run.error)")
        }
        #expect(!FileManager.default.fileExists(atPath: dir + "/Replay"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/r.csv"))
    }

    @Test(.enabled(if: ImportKillTests.executable != nil)) func notAStoreIsRefusedUntouched() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let text = Data("just some notes\n".utf8)
        try text.write(to: URL(fileURLWithPath: dir + "/notes.sqlite"))
        let run = try Self.metaqnn(["list", "--store", "notes.sqlite"], in: dir)
        #expect(Self.isOneSentence(run, containing: "notes.sqlite is not an SQLite database"), "\(run.error)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/notes.sqlite")) == text)
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3") {
            let sqlite = Process()
            sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
            sqlite.arguments = [dir + "/photos.db", "CREATE TABLE photo (id INTEGER PRIMARY KEY); INSERT INTO photo VALUES (1);"]
            try sqlite.run()
            sqlite.waitUntilExit()
            let before = try Data(contentsOf: URL(fileURLWithPath: dir + "/photos.db"))
            let importRun = try Self.metaqnn(["import", "missing-or-not.csv", "--store", "photos.db"], in: dir)
            #expect(importRun.status == 1)
            let show = try Self.metaqnn(["show", "--store", "photos.db"], in: dir)
            #expect(Self.isOneSentence(show, containing: "another program"), "\(show.error)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/photos.db")) == before)
            #expect(!FileManager.default.fileExists(atPath: dir + "/photos.db-wal"))
        }
    }

    @Test(.enabled(if: ImportKillTests.executable != nil)) func brokenImportNamesTheLineAndChangesNothing() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try ReplayImportTests.file.write(toFile: dir + "/good.csv", atomically: true, encoding: .utf8)
        #expect(try Self.metaqnn(["import", "good.csv", "--experiment", "good"], in: dir).status == 0)
        let store = try ReplayStore(path: dir + "/Replay/good.sqlite", mode: .mustExist)
        let before = try store.experiments()
        let broken = ReplayImportTests.file.replacingOccurrences(of: "\"[SM(10)]\",0.1,10", with: "\"[SM(10)]\",0.1,ten")
        try broken.write(toFile: dir + "/broken.csv", atomically: true, encoding: .utf8)
        let run = try Self.metaqnn(["import", "broken.csv", "--experiment", "other", "--store", "Replay/good.sqlite"], in: dir)
        #expect(Self.isOneSentence(run, containing: "Line 3 of the replay file has 'ten' in column iter_best_val"), "\(run.error)")
        #expect(try store.experiments() == before)
    }

    @Test(.enabled(if: ImportKillTests.executable != nil && FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3")))
    func aLockedStoreFailsAfterTheBusyTimeoutAndStaysUnchanged() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try ReplayImportTests.file.write(toFile: dir + "/good.csv", atomically: true, encoding: .utf8)
        #expect(try Self.metaqnn(["import", "good.csv", "--experiment", "a"], in: dir).status == 0)
        // Another process holds the write lock for two seconds.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        holder.arguments = [dir + "/Replay/a.sqlite"]
        let input = Pipe()
        holder.standardInput = input
        holder.standardOutput = FileHandle.nullDevice
        try holder.run()
        input.fileHandleForWriting.write(Data("BEGIN IMMEDIATE;\nUPDATE experiment SET updatedAt = updatedAt;\nSELECT 'locked';\n.shell sleep 2\nCOMMIT;\n".utf8))
        try input.fileHandleForWriting.close()
        usleep(500_000)
        let run = try Self.metaqnn(["import", "good.csv", "--experiment", "b", "--store", "Replay/a.sqlite", "--busy-timeout", "0.3"], in: dir)
        holder.waitUntilExit()
        #expect(Self.isOneSentence(run, containing: "stayed locked by another process for 0.3 s"), "\(run.error)")
        let store = try ReplayStore(path: dir + "/Replay/a.sqlite", mode: .mustExist)
        #expect(try store.experiments().map(\.experiment.name) == ["a"])
    }
}

/// A negative number after a numeric option is named by that option's check, not "Missing value".
@Suite struct NegativeOptionValueTests {
    @Test func negativeValuesReachTheirValidation() throws {
        guard ImportKillTests.executable != nil else { return }
        let dir = try StoreCommandErrorTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let epochs = try StoreCommandErrorTests.metaqnn(["train", "[FC(16), SM(10)]", "--epochs", "-1"], in: dir)
        #expect(epochs.status != 0)
        #expect(epochs.error.contains("--epochs -1 is not usable"))
        #expect(!epochs.error.contains("Missing value"))
        let top = try StoreCommandErrorTests.metaqnn(["show", "--experiment", "x", "--top", "-2"], in: dir)
        #expect(top.status != 0)
        #expect(top.error.contains("--top must be 0 or more"))
    }
}
