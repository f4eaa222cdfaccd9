import Foundation
import ReplayStore
import StoreModel
import Testing
import TestSupport

/// The real `metaqnn`: commands that only read a store leave every byte of it (and of the files
/// SQLite keeps beside it) as it was, and outputs never overwrite the store or end half written.
@Suite(.enabled(if: MetaqnnProcess.executable != nil, "the metaqnn executable is not built; run `swift build` first"))
struct StoreSafetyCommandTests {
    /// A folder holding `Replay/good.sqlite` (experiment `good`, imported and closed).
    static func folderWithStore() throws -> URL {
        let dir = try temporaryDirectory()
        try ReplayImportTests.file.write(to: dir.appendingPathComponent("good.csv"), atomically: true, encoding: .utf8)
        let imported = try MetaqnnProcess.run(["import", "good.csv", "--experiment", "good"], in: dir)
        #expect(imported.status == 0, "\(imported.error)")
        return dir
    }

    /// Exit status 1 and one line on standard error, "Error: …" containing `fragment`.
    static func isOneSentence(_ outcome: MetaqnnProcess.Outcome, containing fragment: String) -> Bool {
        let lines = outcome.error.split(separator: "\n")
        return outcome.status == 1 && lines.count == 1 && lines[0].hasPrefix("Error: ") && lines[0].contains(fragment)
    }

    @Test func readOnlyCommandsChangeNoByteOfTheStore() throws {
        let dir = try Self.folderWithStore()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = dir.appendingPathComponent("Replay/good.sqlite").path
        let before = storeFiles(store)
        #expect(before[0] != nil && before[1] == nil && before[2] == nil)
        for arguments in [["list"], ["list", "--store", "Replay/good.sqlite"], ["show", "--experiment", "good"],
                          ["report", "--experiment", "good", "--out", "report"],
                          ["export", "--experiment", "good", "--replay-csv", "r.csv", "--q-csv", "q.csv"],
                          ["replay", "--experiment", "good", "--q-out", "q2.csv"]] {
            let outcome = try MetaqnnProcess.run(arguments, in: dir)
            #expect(outcome.status == 0, "\(arguments): \(outcome.error)")
            #expect(storeFiles(store) == before, "\(arguments) changed the store or created files beside it")
        }
    }

    @Test func aReadOnlyFileInAReadOnlyFolderIsRead() throws {
        let dir = try Self.folderWithStore()
        let folder = dir.appendingPathComponent("locked")
        defer {
            chmod(folder.path, 0o755)
            try? FileManager.default.removeItem(at: dir)
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let store = folder.appendingPathComponent("good.sqlite").path
        try FileManager.default.copyItem(atPath: dir.appendingPathComponent("Replay/good.sqlite").path, toPath: store)
        chmod(store, 0o444)
        chmod(folder.path, 0o555)
        let before = storeFiles(store)
        // Permissions do not bind root, so as root the command runs as `nobody` (when setpriv exists).
        let setpriv = "/usr/bin/setpriv"
        let asNobody = getuid() == 0 && FileManager.default.isExecutableFile(atPath: setpriv)
        for arguments in [["list", "--store", store], ["show", "--store", store, "--experiment", "good"],
                          ["replay", "--store", store, "--experiment", "good"]] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: asNobody ? setpriv : MetaqnnProcess.executable!.path)
            process.arguments = (asNobody ? ["--reuid=65534", "--regid=65534", "--clear-groups", MetaqnnProcess.executable!.path] : [])
                + arguments
            let errors = Pipe()
            process.standardOutput = FileHandle.nullDevice
            process.standardError = errors
            try process.run()
            let error = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(arguments): \(error)")
            #expect(storeFiles(store) == before, "\(arguments)")
        }
    }

    @Test func aRefusedWriteChangesNoByteEither() throws {
        let dir = try Self.folderWithStore()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = dir.appendingPathComponent("Replay/good.sqlite").path
        let before = storeFiles(store)
        let again = try MetaqnnProcess.run(["import", "good.csv", "--experiment", "good"], in: dir)
        #expect(Self.isOneSentence(again, containing: "An experiment named 'good' already exists"), "\(again.error)")
        let search = try MetaqnnProcess.run(["search", "--experiment", "good", "--synthetic-data"], in: dir)
        #expect(Self.isOneSentence(search, containing: "was imported from a replay file"), "\(search.error)")
        #expect(storeFiles(store) == before)
    }

    @Test func anEmptyFileIsNotTurnedIntoAStore() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(FileManager.default.createFile(atPath: dir.appendingPathComponent("empty.sqlite").path, contents: Data()))
        for arguments in [["list", "--store", "empty.sqlite"], ["show", "--store", "empty.sqlite"],
                          ["report", "--store", "empty.sqlite", "--out", "report"],
                          ["replay", "--store", "empty.sqlite"], ["export", "--store", "empty.sqlite", "--replay-csv", "r.csv"]] {
            let outcome = try MetaqnnProcess.run(arguments, in: dir)
            #expect(Self.isOneSentence(outcome, containing: "empty.sqlite is empty, not a metaqnn replay store"),
                    "\(arguments): \(outcome.error)")
            #expect(storeFiles(dir.appendingPathComponent("empty.sqlite").path) == [Data(), nil, nil], "\(arguments)")
        }
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("r.csv").path))
    }

    @Test func anOutputThatIsTheStoreIsRefusedAndTheStoreKept() throws {
        let dir = try Self.folderWithStore()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = dir.appendingPathComponent("Replay/good.sqlite").path
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("link.csv").path,
                                                   withDestinationPath: store)
        let before = storeFiles(store)
        let export = ["export", "--experiment", "good", "--replay-csv"]
        for arguments in [export + ["Replay/good.sqlite"], export + ["./Replay/../Replay/good.sqlite"], export + ["link.csv"],
                          export + ["Replay/good.sqlite-wal"], export + ["r.csv", "--q-csv", "Replay/good.sqlite"],
                          export + ["r.csv", "--q-csv", "Replay/good.sqlite-shm"],
                          ["replay", "--experiment", "good", "--q-out", "Replay/good.sqlite"],
                          ["replay", "--experiment", "good", "--q-out", "link.csv"]] {
            let outcome = try MetaqnnProcess.run(arguments, in: dir)
            #expect(Self.isOneSentence(outcome, containing: "is the replay store Replay/good.sqlite itself"), "\(arguments): \(outcome.error)")
            #expect(storeFiles(store) == before, "\(arguments)")
        }
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("r.csv").path))
        let same = try MetaqnnProcess.run(export + ["both.csv", "--q-csv", "./both.csv"], in: dir)
        #expect(Self.isOneSentence(same, containing: "both.csv and ./both.csv are the same file"), "\(same.error)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("both.csv").path))
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full")))
    func aFullDeviceIsAFailureNotASuccess() throws {
        let dir = try Self.folderWithStore()
        defer { try? FileManager.default.removeItem(at: dir) }
        for arguments in [["export", "--experiment", "good", "--replay-csv", "/dev/full"],
                          ["export", "--experiment", "good", "--replay-csv", "r.csv", "--q-csv", "/dev/full"],
                          ["replay", "--experiment", "good", "--q-out", "/dev/full"]] {
            let outcome = try MetaqnnProcess.run(arguments, in: dir)
            #expect(outcome.status == 1, "\(arguments)")
            #expect(outcome.error.contains("Writing /dev/full failed (No space left on device)"), "\(arguments): \(outcome.error)")
            #expect(!outcome.output.contains("to /dev/full"), "no success line for \(arguments)")
        }
    }

    @Test func aFailedWriteLeavesTheOldFileWholeAndNoTemporaryFile() throws {
        let dir = try Self.folderWithStore()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let export = try MetaqnnProcess.run(["export", "--experiment", "good", "--replay-csv", "out/r.csv"], in: dir)
        #expect(export.status == 0, "\(export.error)")
        let written = try String(contentsOf: out.appendingPathComponent("r.csv"), encoding: .utf8)
        #expect(written.hasPrefix(ReplayCSV.columns.joined(separator: ",") + "\n") && written.split(separator: "\n").count == 4)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["r.csv"])
        let directory = try MetaqnnProcess.run(["export", "--experiment", "good", "--replay-csv", "out"], in: dir)
        #expect(Self.isOneSentence(directory, containing: "Cannot write out (it is a directory, not a file)"), "\(directory.error)")
    }

    @Test func bareListNamesAnUnreadableStoreAndListsTheOthers() throws {
        let dir = try Self.folderWithStore()
        defer { try? FileManager.default.removeItem(at: dir) }
        let replay = dir.appendingPathComponent("Replay")
        try FileManager.default.copyItem(at: replay.appendingPathComponent("good.sqlite"), to: replay.appendingPathComponent("z.sqlite"))
        try Data("not a database\n".utf8).write(to: replay.appendingPathComponent("m.sqlite"))
        let outcome = try MetaqnnProcess.run(["list"], in: dir)
        #expect(Self.isOneSentence(outcome, containing: "Replay/m.sqlite is not an SQLite database"), "\(outcome.error)")
        #expect(outcome.output.contains("Replay/good.sqlite:\n") && outcome.output.contains("Replay/z.sqlite:\n"))
        #expect(outcome.output.split(separator: "\n").filter { $0.hasPrefix("good ") }.count == 2, "both stores listed: \(outcome.output)")
    }
}
