import Foundation
import ModelExport
import ReplayStore
import StoreLocation
import StoreModel
import Testing
@testable import Designer

/// `StoreCopy`: experiments copied whole between SQLite stores, every read equal afterwards, and
/// every refusal or failure leaving the target as it was.
@Suite("Store copy: whole experiments, nothing half-written", .serialized)
struct StoreCopyTests {
    /// A source copy and an empty folder for the target, removed afterwards.
    func withFolders(_ body: (_ source: URL, _ targetFolder: URL) throws -> Void) throws {
        let source = try StoreCopyFixture.source()
        let targetFolder = try temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: source.deletingLastPathComponent().deletingLastPathComponent())
            try? FileManager.default.removeItem(at: targetFolder)
        }
        try body(source, targetFolder)
    }

    /// A target store holding one imported experiment `other`, closed again.
    func existingTarget(in folder: URL, experiment: String = "other") throws -> URL {
        let url = folder.appendingPathComponent("target.sqlite")
        let store = try ReplayStore(path: url.path, mode: .createIfMissing)
        try ReplayImporter(settings: .cpuDigits).importText(ReplayImportTests.file, source: "r.csv", experiment: experiment, into: store)
        return url
    }

    @Test func everyReadOfTheCopyEqualsTheSource() throws {
        try withFolders { source, targetFolder in
            let sourceBytes = try StoreCopyFixture.digests(of: source.deletingLastPathComponent())
            let target = targetFolder.appendingPathComponent("nested/target.sqlite")
            var lines: [CopiedExperiment] = []
            let copy = try StoreCopy(from: .sqlite(path: source.path), to: .sqlite(path: target.path), experiments: [])
            #expect(copy.experiments == ["plain", "ref", "tiny"])
            try copy.run { lines.append($0) }
            #expect(lines.map(\.name) == ["plain", "ref", "tiny"])
            #expect(try StoreCopyFixture.digests(of: source.deletingLastPathComponent()) == sourceBytes, "the source is only read")

            let (from, to) = (try ReplayStore(path: source.path, mode: .readOnly), try ReplayStore(path: target.path, mode: .readOnly))
            #expect(try to.experiments().map(\.experiment.name) == ["plain", "ref", "tiny"])
            for name in ["plain", "ref", "tiny"] {
                let reports = targetFolder.appendingPathComponent("reports-\(name)")
                let expected = try StoreCopyFixture.Reads(from, experiment: name, reportFolder: reports.appendingPathComponent("a"))
                let copied = try StoreCopyFixture.Reads(to, experiment: name, reportFolder: reports.appendingPathComponent("b"))
                #expect(copied == expected, "experiment \(name)")
            }
            let tiny = try StoreCopyFixture.Reads(to, experiment: "tiny", reportFolder: targetFolder.appendingPathComponent("r"))
            #expect(tiny.finalists.count == 2 && tiny.ensembles.count == 2 && !tiny.qValues.isEmpty && tiny.nets.count >= 14)
            let ref = try StoreCopyFixture.Reads(to, experiment: "ref", reportFolder: targetFolder.appendingPathComponent("r"))
            #expect(ref.replay.map { $0.row.ownResult != nil } == [true, true, true], "imported rows keep their own results")
            #expect(ref.replay[0].net.net == ref.replay[2].net.net && ref.replay[0].row.importedUpdateIndex == 1)
            let line = try #require(lines.last)
            #expect([line.trainedNets, line.failedNets, line.replayRows, line.qValues, line.finalists, line.ensembles, line.abandonedLeases]
                == [tiny.summary.trainedNets, tiny.summary.failedNets, tiny.replay.count, tiny.qValues.count, 2, 2, 0] && !line.markedStopped)
            for finalist in try to.finalists(experiment: "tiny") {
                let copiedFile = try Data(contentsOf: target.deletingLastPathComponent().appendingPathComponent(finalist.weightsFile))
                #expect(SHA256.hex(of: [UInt8](copiedFile)) == finalist.weightsSHA256)
                _ = try FinalistWeights.read(finalist, root: target.deletingLastPathComponent())
            }
            #expect(try to.integrityProblems().isEmpty)
        }
    }

    @Test func aNameTheTargetHoldsRefusesTheWholeCopyAndWritesNothing() throws {
        try withFolders { source, targetFolder in
            let target = try existingTarget(in: targetFolder, experiment: "tiny")
            let before = try StoreCopyFixture.digests(of: targetFolder)
            // "ref" comes first and is free: it must not be copied either.
            #expect(throws: StoreCopyError.namesTaken(names: ["tiny"], store: target.path)) {
                try StoreCopy(from: .sqlite(path: source.path), to: .sqlite(path: target.path), experiments: []).run()
            }
            #expect(try StoreCopyFixture.digests(of: targetFolder) == before)
        }
    }

    @Test func aFailureInsideTheTransactionLeavesTheTargetByteIdentical() throws {
        try withFolders { source, targetFolder in
            let target = try existingTarget(in: targetFolder)
            // A file where the weights folder goes: writing the weights fails after every row was inserted.
            try Data("in the way\n".utf8).write(to: targetFolder.appendingPathComponent("tiny-models"))
            let before = try StoreCopyFixture.digests(of: targetFolder)
            let copy = try StoreCopy(from: .sqlite(path: source.path), to: .sqlite(path: target.path), experiments: ["tiny"])
            do {
                try copy.run()
                Issue.record("the copy succeeded with a file where the weights folder goes")
            } catch let error as StoreCopyError {
                guard case let .failed(experiment, _, copied, reason) = error else { throw error }
                #expect(experiment == "tiny" && copied.isEmpty && reason.contains("Cannot write finalist weights"))
                #expect(error.description.contains("left nothing of it there"))
            }
            #expect(try StoreCopyFixture.digests(of: targetFolder) == before)
        }
    }

    @Test func rollingBackRemovesExactlyTheWeightFilesTheCopyWrote() throws {
        try withFolders { source, targetFolder in
            let tiny = try ExperimentContents(experiment: "tiny", of: ReplayStore(path: source.path, mode: .readOnly))
            let weights = { try CopiedWeights(tiny, sourceFolder: source.deletingLastPathComponent(), targetFolder: targetFolder,
                                              target: targetFolder.appendingPathComponent("copy.sqlite").path) }
            let empty = try StoreCopyFixture.digests(of: targetFolder)
            var all = try weights()
            #expect(all.pending.count == 2 && all.present == 0)
            try all.write()
            for finalist in tiny.finalists {
                let written = try Data(contentsOf: targetFolder.appendingPathComponent(finalist.weightsFile))
                #expect(SHA256.hex(of: [UInt8](written)) == finalist.weightsSHA256)
            }
            all.rollBack()
            #expect(try StoreCopyFixture.digests(of: targetFolder) == empty, "the files and the folder it made are gone")

            // One file already there with the recorded checksum (an earlier copy's) is the user's: kept.
            let kept = try #require(tiny.finalists.first).weightsFile
            try FileManager.default.createDirectory(at: targetFolder.appendingPathComponent(kept).deletingLastPathComponent(),
                                                    withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: source.deletingLastPathComponent().appendingPathComponent(kept),
                                             to: targetFolder.appendingPathComponent(kept))
            let withOne = try StoreCopyFixture.digests(of: targetFolder)
            var rest = try weights()
            #expect(rest.pending.count == 1 && rest.present == 1)
            try rest.write()
            rest.rollBack()
            #expect(try StoreCopyFixture.digests(of: targetFolder) == withOne)
        }
    }

    @Test func aFileInTheWayOfAWeightsFileRefusesTheCopy() throws {
        try withFolders { source, targetFolder in
            let first = try #require(try ReplayStore(path: source.path, mode: .readOnly).finalists(experiment: "tiny").first)
            let inTheWay = targetFolder.appendingPathComponent(first.weightsFile)
            try FileManager.default.createDirectory(at: inTheWay, withIntermediateDirectories: true)
            let target = targetFolder.appendingPathComponent("copy.sqlite")
            #expect(throws: StoreCopyError.weightsInTheWay(experiment: "tiny", path: inTheWay.path)) {
                try StoreCopy(from: .sqlite(path: source.path), to: .sqlite(path: target.path), experiments: ["tiny"])
            }
            // A changed weights file beside the source is refused before anything is written too.
            let weights = source.deletingLastPathComponent().appendingPathComponent(first.weightsFile)
            try Data("not the trained weights".utf8).write(to: weights)
            #expect(throws: StoreCopyError.weightsChanged(experiment: "tiny", path: weights.path)) {
                try StoreCopy(from: .sqlite(path: source.path), to: .sqlite(path: target.path), experiments: ["tiny"])
            }
            try FileManager.default.removeItem(at: weights)
            #expect(throws: StoreCopyError.weightsMissing(experiment: "tiny", path: weights.path)) {
                try StoreCopy(from: .sqlite(path: source.path), to: .sqlite(path: target.path), experiments: ["tiny"])
            }
            #expect(!FileManager.default.fileExists(atPath: target.path))
            // A target that is no file (a database server) has no folder to take the weights.
            let tiny = try ExperimentContents(experiment: "tiny", of: ReplayStore(path: source.path, mode: .readOnly))
            #expect(throws: StoreCopyError.finalistsNeedFiles(experiment: "tiny", files: 2, store: "postgresql://ann@db/runs")) {
                try CopiedWeights(tiny, sourceFolder: source.deletingLastPathComponent(), targetFolder: nil,
                                  target: "postgresql://ann@db/runs")
            }
        }
    }

    @Test func aFailureOnTheSecondExperimentKeepsTheFirstWholeAndNamesIt() throws {
        try withFolders { source, targetFolder in
            let target = try existingTarget(in: targetFolder)
            try Data("in the way\n".utf8).write(to: targetFolder.appendingPathComponent("tiny-models"))
            let copy = try StoreCopy(from: .sqlite(path: source.path), to: .sqlite(path: target.path), experiments: ["ref", "tiny"])
            let error = #expect(throws: StoreCopyError.self) { try copy.run() }
            #expect(error?.description.contains("'ref' was copied whole before it, so name the rest with --experiment") == true)
            let store = try ReplayStore(path: target.path, mode: .readOnly)
            #expect(try store.experiments().map(\.experiment.name) == ["other", "ref"])
            #expect(try store.experimentIfPresent(named: "tiny") == nil)
            #expect(!FileManager.default.fileExists(atPath: targetFolder.appendingPathComponent("tiny-models/x").path))
        }
    }

    @Test func replayOnTheCopyRebuildsTheSourcesQTable() throws {
        try withFolders { source, targetFolder in
            let target = targetFolder.appendingPathComponent("copy.sqlite")
            try StoreCopy(from: .sqlite(path: source.path), to: .sqlite(path: target.path), experiments: ["tiny"]).run()
            let rebuild = { (path: URL) in
                try ReplayRebuilder(store: ReplayStore(path: path.path, mode: .readOnly))
                    .rebuild(experiment: "tiny", order: .sampled, passes: 2, seed: 7)
            }
            let (expected, copied) = (try rebuild(source), try rebuild(target))
            #expect(copied.learner.table.csv() == expected.learner.table.csv())
            #expect(copied.greedyNet == expected.greedyNet && copied.updates == expected.updates)
        }
    }

    @Test func liveWorkersAreRefusedAndDeadWorkersLeasesStayBehind() throws {
        try withFolders { source, targetFolder in
            let store = try ReplayStore(path: source.path, mode: .mustExist)
            let target = targetFolder.appendingPathComponent("copy.sqlite")
            func copy() throws { try StoreCopy(from: .sqlite(path: source.path), to: .sqlite(path: target.path), experiments: ["tiny"]).run() }
            let now = Date().timeIntervalSince1970
            try store.write(experiment: "tiny") { try $0.setStatus(.running, at: now) }
            #expect(throws: StoreCopyError.runningWithoutLeases(experiment: "tiny")) { try copy() }
            let net = try #require(try store.nets(experiment: "tiny").first?.net)
            let host = ProcessInfo.processInfo.hostName
            let live = try store.write(experiment: "tiny") {
                try $0.insertLease(LeaseRecord(net: net, stage: 1, epsilon: 0.5, worker: "w1", pid: getpid(), host: host,
                                               claimedAt: now, heartbeatAt: now))
            }
            #expect(throws: StoreCopyError.liveLeases(experiment: "tiny", workers: ["\(host) pid \(getpid())"])) { try copy() }
            #expect(!FileManager.default.fileExists(atPath: target.path), "a refused copy creates no target")
            // The worker died on another host long ago: its lease is abandoned.
            try store.write(experiment: "tiny") { transaction in
                _ = try transaction.reassignLease(id: live.id, worker: "w1", pid: 1, host: "gone.example.org", at: now - 3_600)
            }
            var lines: [CopiedExperiment] = []
            try StoreCopy(from: .sqlite(path: source.path), to: .sqlite(path: target.path), experiments: ["tiny"]).run { lines.append($0) }
            #expect(lines.map(\.abandonedLeases) == [1] && lines.map(\.markedStopped) == [true])
            let copied = try ReplayStore(path: target.path, mode: .readOnly)
            #expect(try copied.experiment(named: "tiny").status == .stopped)
            #expect(try copied.leases(experiment: "tiny").isEmpty)
        }
    }

    @Test func theSameStoreIsRecognisedThroughOtherPaths() throws {
        try withFolders { source, targetFolder in
            let link = targetFolder.appendingPathComponent("link.sqlite"), hard = targetFolder.appendingPathComponent("hard.sqlite")
            try FileManager.default.createSymbolicLink(at: link, withDestinationURL: source)
            try FileManager.default.linkItem(at: source, to: hard)
            let dotted = source.deletingLastPathComponent().path + "/./" + source.lastPathComponent
            for other in [link.path, hard.path, dotted] {
                #expect(StoreCopy.sameStore(.sqlite(path: source.path), .sqlite(path: other)), "\(other)")
            }
            #expect(!StoreCopy.sameStore(.sqlite(path: source.path), .sqlite(path: targetFolder.appendingPathComponent("new.sqlite").path)))
            let url = { (text: String) in try StoreLocation(parsing: text, environment: [:]) }
            #expect(StoreCopy.sameStore(try url("postgresql://ann@DB.example.org/runs"), try url("postgresql://bob@db.example.org:5432/runs")))
            #expect(!StoreCopy.sameStore(try url("postgresql://ann@db.example.org/runs"), try url("postgresql://ann@db.example.org/other")))
        }
    }
}
