import Foundation
import ReplayStore
import Testing
@testable import Designer

/// The dataset fingerprint stored with a search and checked whenever a worker starts or joins it.
@Suite("Dataset fingerprint")
struct DatasetFingerprintTests {
    /// A tiny search on the IDX files in `folder/data`, stored in `folder/fp.sqlite`.
    static func request(_ folder: URL) throws -> SearchRequest {
        var request = try SearchFixtures.request(folder, experiment: "fp")
        request.dataset = DatasetChoice(name: "auto", directory: folder.appendingPathComponent("data").path)
        request.schedule = try .init(parsing: "1.0:3")
        // The directory's fallback scheme (cpu-fashion) wants far more images than these 40.
        request.training = { settings in
            var settings = settings
            (settings.epochs, settings.validationSize, settings.trainLimit) = (1, 10, 30)
            return settings
        }
        return request
    }

    /// A folder whose `data` holds `BadInputFolder`'s fingerprint set, unchanged.
    static func folderWithData() throws -> URL {
        let folder = try temporaryDirectory()
        let data = folder.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        for (name, bytes) in BadInputFolder.fingerprintSet(changedByte: false) { try Data(bytes).write(to: data.appendingPathComponent(name)) }
        return folder
    }

    static func storedFingerprint(_ folder: URL) throws -> DatasetFingerprint? {
        let store = try ReplayStore(path: folder.appendingPathComponent("fp.sqlite").path, mode: .readOnly)
        return try StoredSearchSettings(json: store.experiment(named: "fp").settingsJSON).datasetFingerprint
    }

    @Test("A search on dataset files stores each file's name, size and SHA-256 and its split sizes")
    func stored() throws {
        let folder = try Self.folderWithData()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try Search(Self.request(folder)).run(cancellation: SearchCancellation())
        let fingerprint = try #require(try Self.storedFingerprint(folder))
        let files = BadInputFolder.fingerprintSet(changedByte: false)
        let expected = try files.map { name, bytes in
            DatasetFingerprint.File(name: name, bytes: bytes.count,
                                    sha256: try BadInputFolder.sha256(of: folder.appendingPathComponent("data/\(name)")))
        }
        #expect(Set(fingerprint.files) == Set(expected) && fingerprint.files.count == 4)
        #expect(fingerprint.trainImages == 30 && fingerprint.validationImages == 10 && fingerprint.testImages == 10)
    }

    @Test("One byte changed in one file: the resume is refused naming that file, and the store keeps its bytes")
    func changedByteRefused() throws {
        let folder = try Self.folderWithData()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try Search(Self.request(folder)).run(cancellation: SearchCancellation())
        let store = folder.appendingPathComponent("fp.sqlite")
        let before = try BadInputFolder.sha256(of: store)
        let changed = BadInputFolder.fingerprintSet(changedByte: true).first { $0.0 == "t10k-images-idx3-ubyte" }!
        try Data(changed.1).write(to: folder.appendingPathComponent("data/t10k-images-idx3-ubyte"))
        do {
            _ = try Search(Self.request(folder))
            Issue.record("a resume on changed data must be refused")
        } catch let SearchError.datasetChanged(experiment, file, difference) {
            #expect(experiment == "fp" && file == "t10k-images-idx3-ubyte" && difference.contains("same size"))
        }
        #expect(try BadInputFolder.sha256(of: store) == before)
    }

    @Test("The same data gzip-compressed is accepted: the hash is over the inflated bytes",
          .enabled(if: FileManager.default.isExecutableFile(atPath: "/bin/gzip"), "needs /bin/gzip"))
    func compressedCopyAccepted() throws {
        let folder = try Self.folderWithData()
        defer { try? FileManager.default.removeItem(at: folder) }
        var request = try Self.request(folder)
        request.schedule = try .init(parsing: "1.0:2")
        _ = try Search(request).run(cancellation: SearchCancellation())
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
        gzip.arguments = [folder.appendingPathComponent("data/train-images-idx3-ubyte").path]
        try gzip.run()
        gzip.waitUntilExit()
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("data/train-images-idx3-ubyte.gz").path))
        let outcome = try Search(request).run(cancellation: SearchCancellation())
        #expect(outcome.completed)
    }

    @Test("Fingerprints compare file by file, then by split sizes")
    func differences() {
        let file = DatasetFingerprint.File(name: "a", bytes: 3, sha256: "00")
        var stored = DatasetFingerprint(files: [file], trainImages: 5, validationImages: 2, testImages: 1)
        #expect(stored.difference(from: stored) == nil)
        var here = stored
        here.files = []
        #expect(here.difference(from: stored)?.file == "a" && here.difference(from: stored)?.difference == "it is missing here")
        here.files = [DatasetFingerprint.File(name: "a", bytes: 4, sha256: "00")]
        #expect(here.difference(from: stored)?.difference == "4 bytes here, 3 when started")
        here.files = [file, DatasetFingerprint.File(name: "b", bytes: 1, sha256: "11")]
        #expect(here.difference(from: stored)?.file == "b")
        here.files = [file]
        here.trainImages = 6
        #expect(here.difference(from: stored)?.file == "split")
        stored.trainImages = 6
        #expect(here.difference(from: stored) == nil)
    }

    @Test("The embedded digits and the generated set store no fingerprint: they ship with the program")
    func noFilesNoFingerprint() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var request = try SearchFixtures.request(folder, experiment: "fp")
        request.schedule = try .init(parsing: "1.0:2")
        _ = try Search(request).run(cancellation: SearchCancellation())
        #expect(try Self.storedFingerprint(folder) == nil)
        #expect(try DatasetFingerprint.files(of: .digits).isEmpty)
    }
}
