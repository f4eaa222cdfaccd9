import Foundation
import ModelExport
import ReplayStore
import SearchSpace
import StoreModel
import Testing
@testable import Designer

/// The source store of `StoreCopyTests`, made once: the tiny synthetic search `tiny` with its two
/// best nets finalized (weights beside the store, ensembles stored), `plain`, a smaller search left
/// as it finished, and `ref`, an import of `ReplayImportTests.file` (a repeated net whose rows keep
/// their own results).
enum StoreCopyFixture {
    /// The folder holding `source.sqlite` and `tiny-models/`, or why it could not be made.
    static let template: Result<URL, FixtureFailed> = {
        do {
            let folder = try temporaryDirectory()
            let outcome = try Search(SearchFixtures.request(folder, experiment: "tiny")).run(cancellation: SearchCancellation())
            guard outcome.completed else { return .failure(FixtureFailed(reason: "the tiny search did not complete")) }
            try FileManager.default.moveItem(at: folder.appendingPathComponent("tiny.sqlite"), to: folder.appendingPathComponent("source.sqlite"))
            var request = FinalizeRequest(experiment: "tiny", store: .sqlite(path: folder.appendingPathComponent("source.sqlite").path),
                                          reportDirectory: nil)
            (request.top, request.seeds) = (2, 1)
            // The `final` scheme holds out 5,000 validation images; the generated set has 120 for training.
            request.training = { settings in
                var settings = SearchFixtures.epochs(1)(settings)
                (settings.validationSize, settings.batchSize) = (24, 16)
                return settings
            }
            _ = try Finalize(request).run()
            var plain = try SearchFixtures.request(folder, experiment: "plain", seed: 9)
            (plain.store, plain.schedule) = (.sqlite(path: folder.appendingPathComponent("source.sqlite").path), try EpsilonSchedule(parsing: "1.0:4,0.5:2"))
            guard try Search(plain).run(cancellation: SearchCancellation()).completed else {
                return .failure(FixtureFailed(reason: "the plain search did not complete"))
            }
            let store = try ReplayStore(path: folder.appendingPathComponent("source.sqlite").path, mode: .mustExist)
            try ReplayImporter(settings: .cpuDigits).importText(ReplayImportTests.file, source: "r.csv", experiment: "ref", into: store)
            return .success(folder)
        } catch {
            return .failure(FixtureFailed(reason: "\(error)"))
        }
    }()

    /// A fresh copy of the template folder: `source.sqlite` and its weights, in a new folder.
    static func source() throws -> URL {
        let folder = try temporaryDirectory()
        let copy = folder.appendingPathComponent("source")
        try FileManager.default.copyItem(at: try template.get(), to: copy)
        return copy.appendingPathComponent("source.sqlite")
    }

    /// Why the template could not be made.
    struct FixtureFailed: Error, CustomStringConvertible {
        var reason: String
        var description: String { "making the copy source failed: \(reason)" }
    }

    /// Every read of one experiment, with the identifiers a store assigns (which a copy may change) zeroed.
    struct Reads: Equatable {
        var summary: ExperimentSummary
        var nets: [TrainedNetRecord]
        var replay: [ReplayEntry]
        var qValues: [QValueRecord]
        var finalists: [FinalistRecord]
        var ensembles: [EnsembleRecord]
        var leases: [LeaseRecord]
        var show: String
        var report: [String: String]
        var rebuiltQ: String
        var exported: String

        init(_ store: any ExperimentStore, experiment name: String, reportFolder: URL) throws {
            var summary = try #require(try store.experiments().first { $0.experiment.name == name })
            summary.experiment.id = 0
            summary.best?.id = 0
            self.summary = summary
            nets = try store.nets(experiment: name).map { net in
                var net = net
                net.id = 0
                return net
            }
            replay = try store.replayEntries(experiment: name).map { entry in
                var entry = entry
                (entry.row.netID, entry.net.id) = (0, 0)
                return entry
            }
            qValues = try store.qValues(experiment: name)
            finalists = try store.finalists(experiment: name).map { finalist in
                var finalist = finalist
                (finalist.id, finalist.experimentID) = (nil, 0)
                return finalist
            }
            ensembles = try store.ensembles(experiment: name).map { ensemble in
                var ensemble = ensemble
                ensemble.experimentID = 0
                return ensemble
            }
            leases = try store.leases(experiment: name)
            show = try ExperimentCatalog(store: store).details(experiment: name)
                .replacingOccurrences(of: store.locationDescription, with: "STORE")
            let files = try ReportWriter().write(experiment: name, from: store, storePath: "STORE", to: reportFolder)
            report = try Dictionary(uniqueKeysWithValues: files.map { ($0.lastPathComponent, try String(contentsOf: $0, encoding: .utf8)) })
            rebuiltQ = try ReplayRebuilder(store: store).rebuild(experiment: name, order: .stored).learner.table.csv()
            exported = try ReplayExporter(store: store).replayCSV(experiment: name)
        }
    }

    /// SHA-256 of every file in `folder` and below (the store, its side files, the weights), by relative path.
    static func digests(of folder: URL) throws -> [String: String] {
        var digests: [String: String] = [:]
        for file in FileManager.default.enumerator(atPath: folder.path)?.compactMap({ $0 as? String }) ?? [] {
            var isDirectory: ObjCBool = false
            let url = folder.appendingPathComponent(file)
            _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
            digests[file] = isDirectory.boolValue ? "folder" : SHA256.hex(of: [UInt8](try Data(contentsOf: url)))
        }
        return digests
    }
}
