import Foundation
import ReplayStore
import SearchSpace
import StoreModel
import Testing
@testable import Designer

/// `metaqnn finalize` as a user runs it: the real executable on a tiny digits search, killed at
/// random moments, resumed, and fed bad input.
@Suite("Finalize: resume after kill -9, bad input", .serialized)
struct FinalizeTests {
    /// A finished tiny search on the embedded digits (two-layer nets, one epoch each), its store closed.
    static func searchedStore(in directory: URL, name: String = "tiny") throws -> URL {
        let request = try SearchFixtures.digitsRequest(directory, experiment: "tiny", file: "\(name).sqlite", layerLimit: 2,
                                                       schedule: "1.0:6", replayNumber: 4, epochs: 1)
        let outcome = try Search(request).run(cancellation: SearchCancellation())
        #expect(outcome.completed)
        return request.store.fileURL
    }

    static func arguments(store: URL, top: Int = 3, seeds: Int = 2, workers: Int = 1, epochs: Int = 2) -> [String] {
        ["finalize", "--experiment", "tiny", "--store", store.path, "--top", "\(top)", "--seeds", "\(seeds)",
         "--training-preset", "cpu-digits", "--epochs", "\(epochs)", "--workers", "\(workers)",
         "--report-dir", store.deletingLastPathComponent().appendingPathComponent("report").path]
    }

    /// What a finished finalize leaves in the store, independent of how it got there.
    static func snapshot(_ store: URL) throws -> (finalists: [String], ensembles: [String], problems: [String]) {
        let opened = try ReplayStore(path: store.path, mode: .mustExist)
        let finalists = try opened.finalists(experiment: "tiny").map {
            "\($0.selectionRank) \($0.net) seed=\($0.seed) val=\($0.lastValidationAccuracy) test=\($0.testAccuracyAtLast) "
                + "\($0.weightsFile) \($0.weightsSHA256)"
        }
        let ensembles = try opened.ensembles(experiment: "tiny").map { "\($0.size) \($0.models) \($0.nets) \($0.testAccuracy)" }
        return (finalists, ensembles, try opened.integrityProblems())
    }

    /// Everything the store holds, as text (SQLite rewrites header counters on every open, so bytes would not do).
    static func contents(_ store: URL) throws -> String {
        let opened = try ReplayStore(path: store.path, mode: .mustExist)
        var text = "\(try opened.experiments())"
        for name in try opened.experiments().map(\.experiment.name) {
            text += "\(try opened.nets(experiment: name))\(try opened.replayEntries(experiment: name))"
                + "\(try opened.qValues(experiment: name))\(try opened.finalists(experiment: name))\(try opened.ensembles(experiment: name))"
        }
        return text
    }

    @Test("kill -9 at random moments, then resume: the same finalists, none trained twice, integrity ok",
          .enabled(if: MetaqnnProcess.executable != nil, "the metaqnn executable is not built; run `swift build` first"))
    func killAndResume() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let searched = try Self.searchedStore(in: directory, name: "searched")
        let referenceFolder = directory.appendingPathComponent("reference"), killedFolder = directory.appendingPathComponent("killed")
        for folder in [referenceFolder, killedFolder] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: searched, to: folder.appendingPathComponent("tiny.sqlite"))
        }
        let reference = referenceFolder.appendingPathComponent("tiny.sqlite")
        let started = Date()
        let first = try MetaqnnProcess.run(Self.arguments(store: reference), in: referenceFolder)
        let duration = Date().timeIntervalSince(started)
        #expect(first.status == 0, "\(first.error)")
        let expected = try Self.snapshot(reference)
        #expect(expected.finalists.count == 6 && expected.ensembles.count == 3)

        // Two workers here against one in the reference: results must not depend on N.
        let killed = killedFolder.appendingPathComponent("tiny.sqlite")
        var generator = SplitMix64(seed: 12)
        var kills = 0, outputs: [String] = []
        for attempt in 0..<40 {
            // The first four runs die within the first 22 % of an uninterrupted run's time, so
            // together they cannot finish the work even if the machine grows 1.5 times faster than
            // it was for the reference; later ones live longer (training, weight writes and commits
            // all get hit), so the work gets done however loaded the machine is.
            let fraction = Double(generator.next() % 1_000) / 1_000
            let delay = duration * (attempt < 4 ? 0.02 + 0.2 * fraction : 0.5 + fraction)
            let outcome = try MetaqnnProcess.run(Self.arguments(store: killed, workers: 2), in: killedFolder, killAfter: delay)
            outputs.append(outcome.output)
            if outcome.killed {
                kills += 1
                continue
            }
            #expect(outcome.status == 0, "\(outcome.error)")
            break
        }
        #expect(kills >= 2, "only \(kills) runs were killed; the test did not exercise resume")
        let after = try Self.snapshot(killed)
        #expect(after.problems.isEmpty, "integrity_check: \(after.problems)")
        #expect(after.finalists == expected.finalists, "the same finalists, seeds, accuracies and weight files")
        #expect(after.ensembles == expected.ensembles)
        // A "done" line is printed just after its commit (a kill can fall between the two): no run
        // is reported done twice, and none is trained again once reported done.
        var committed: Set<Substring> = []
        for line in outputs.flatMap({ $0.split(separator: "\n") }) {
            let label = line.prefix { $0 != "]" }
            if line.contains("] training ") {
                #expect(!committed.contains(label), "\(label) trained again after it was stored")
            } else if line.contains("] done: ") {
                #expect(committed.insert(label).inserted, "\(label) stored twice")
            }
        }
        #expect(committed.count >= 3, "too few runs were reported done: \(committed)")
        let resumed = try MetaqnnProcess.run(Self.arguments(store: killed, workers: 2), in: killedFolder)
        #expect(resumed.status == 0 && resumed.output.contains("6 of 6 runs stored") && !resumed.output.contains("] training "))
        let report = try String(contentsOf: killedFolder.appendingPathComponent("report/README.md"), encoding: .utf8)
        #expect(report.contains("## Finalists") && report.contains("metaqnn export-model --experiment tiny"))
    }

    @Test("Bad input: one sentence, exit status 1, the store unchanged",
          .enabled(if: MetaqnnProcess.executable != nil, "the metaqnn executable is not built; run `swift build` first"))
    func badInput() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try Self.searchedStore(in: directory)
        do {
            // Closed again at the end of this block, so only the executable has the store open below.
            let opened = try ReplayStore(path: store.path, mode: .mustExist)
            try opened.createExperiment(ExperimentRecord(name: "none", kind: .search, status: .finished, seed: 1, searchSpaceJSON: "{}",
                                                         settingsJSON: "{}", rngState: 1, createdAt: 1, updatedAt: 1))
            try opened.createExperiment(ExperimentRecord(name: "busy", kind: .search, status: .running, seed: 1, searchSpaceJSON: "{}",
                                                         settingsJSON: "{}", rngState: 1, createdAt: 1, updatedAt: 1)) { transaction in
                _ = try transaction.insertNet(TrainedNetRecord(net: "[SM(10)]", status: .trained, stage: 0, epsilon: 1,
                                                               bestValidationAccuracy: 0.5, bestValidationIteration: 1,
                                                               lastValidationAccuracy: 0.5, lastValidationIteration: 1,
                                                               worker: "w", finishedAt: 1))
            }
        }
        func refuses(_ arguments: [String], _ fragment: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
            let before = try Self.contents(store)
            let outcome = try MetaqnnProcess.run(arguments, in: directory)
            let lines = outcome.error.split(separator: "\n")
            #expect(outcome.status == 1 && lines.count == 1 && lines.first?.hasPrefix("Error: ") == true
                    && outcome.error.contains(fragment), "\(arguments): \(outcome.error)", sourceLocation: sourceLocation)
            #expect(try Self.contents(store) == before, "the store changed", sourceLocation: sourceLocation)
        }
        let base = Self.arguments(store: store, top: 1, seeds: 1, epochs: 1)
        func with(_ option: String, _ value: String) -> [String] {
            var arguments = base
            arguments[arguments.firstIndex(of: option)! + 1] = value
            return arguments
        }
        try refuses(with("--experiment", "none"), "Experiment 'none' has no trained nets to finalize")
        try refuses(with("--experiment", "busy"), "Experiment 'busy' is still being searched")
        try refuses(with("--top", "0"), "--top 0 is not usable; it must be at least 1.")
        try refuses(with("--seeds", "0"), "--seeds 0 is not usable")
        try refuses(with("--experiment", "nope"), "No experiment named 'nope'")
        try refuses(with("--store", directory.appendingPathComponent("missing.sqlite").path), "No replay store at")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("missing.sqlite").path))

        // The models folder cannot be created: a file is in its place.
        let models = directory.appendingPathComponent("tiny-models")
        try Data("not a folder".utf8).write(to: models)
        try refuses(base, "Cannot write finalist weights into")
        try FileManager.default.removeItem(at: models)

        let good = try MetaqnnProcess.run(base, in: directory)
        #expect(good.status == 0, "\(good.error)")
        let record = try #require(try ReplayStore(path: store.path, mode: .mustExist).finalists(experiment: "tiny").first)
        let weights = directory.appendingPathComponent(record.weightsFile)
        let original = try Data(contentsOf: weights)
        try refuses(with("--epochs", "2"), "were trained with other settings (training.epochs)")

        try FileManager.default.removeItem(at: weights)
        try refuses(base, "of finalist \(record.net) seed 1 is missing")
        var changed = original
        changed[changed.count - 1] ^= 0x01
        try changed.write(to: weights)
        try refuses(base, "but the store recorded")
        try original.write(to: weights)
        let again = try MetaqnnProcess.run(base, in: directory)
        #expect(again.status == 0 && again.output.contains("1 of 1 runs stored"), "\(again.error)")
    }
}
