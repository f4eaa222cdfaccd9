import Designer
import Foundation
import QLearning
import ReplayStore
import SearchSpace
import StoreModel
import Testing

@Suite struct ReplayImportTests {
    static let header = ReplayCSV.columns.joined(separator: ",")
    /// Three rows in the reference layout, a repeated net included, nets legal in cpu-digits.
    static let file = header + """

        "[C(16,3,1), P(2,2), D(1,2), FC(64), D(2,2), SM(10)]",0.812,150.0,0.8,300.0,0.79,0.785,1.0,1.0,1479312345.25,gpu-1
        "[SM(10)]",0.1,10,0.1,20,0.1,0.1,1.0,1.0,1479312346,gpu-2
        "[C(16,3,1), P(2,2), D(1,2), FC(64), D(2,2), SM(10)]",0.812,150,0.8,300,0.79,0.785,1.0,0.9,1479312347.5,gpu-1

        """

    func withStore(_ body: (ReplayStore, String) throws -> Void) throws {
        let dir = NSTemporaryDirectory() + "designer-import-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try body(try ReplayStore(path: dir + "/s.sqlite", mode: .createIfMissing), dir)
    }

    @Test func importKeepsFileOrderAndSharesRepeatedNets() throws {
        try withStore { store, _ in
            let summary = try ReplayImporter(settings: .cpuDigits).importText(Self.file, source: "r.csv", experiment: "ref", into: store)
            #expect(summary == ReplayImporter.Summary(rows: 3, nets: 2))
            let entries = try store.replayEntries(experiment: "ref")
            #expect(entries.map(\.row.sequence) == [1, 2, 3])
            #expect(entries.map(\.row.epsilon) == [1, 1, 0.9])
            #expect(entries.map(\.row.machine) == ["gpu-1", "gpu-2", "gpu-1"])
            #expect(entries[0].net.id == entries[2].net.id)
            #expect(entries[0].net.bestValidationAccuracy == 0.812)
            #expect(entries[0].net.bestValidationIteration == 150)
            #expect(entries[2].row.finishedAt == 1_479_312_347.5)
            #expect(try store.experiment(named: "ref").kind == .imported)
        }
    }

    @Test func importExportImportIsLossless() throws {
        try withStore { store, dir in
            try ReplayImporter(settings: .cpuDigits).importText(Self.file, source: "r.csv", experiment: "a", into: store)
            let exporter = ReplayExporter(store: store)
            let first = try exporter.replayCSV(experiment: "a")
            try first.write(toFile: dir + "/a.csv", atomically: true, encoding: .utf8)
            try ReplayImporter(settings: .cpuDigits).importFile(at: dir + "/a.csv", experiment: "b", into: store)
            let strip = { (entries: [ReplayEntry]) in
                entries.map { entry -> ReplayEntry in
                    var entry = entry
                    entry.row.netID = 0
                    entry.net.id = 0
                    return entry
                }
            }
            #expect(strip(try store.replayEntries(experiment: "a")) == strip(try store.replayEntries(experiment: "b")))
            #expect(try exporter.replayCSV(experiment: "b") == first)
            // Exported rows are what the reference reads: its columns, each row's ix as imported.
            let rows = try ReplayCSV.parse(first)
            #expect(rows.map(\.qValueUpdateIndex) == [1, 1, 1])
            #expect(rows[0].net == "[C(16,3,1), P(2,2), D(1,2), FC(64), D(2,2), SM(10)]")
        }
    }

    @Test func aBadRowRejectsTheWholeFileAndLeavesTheStoreUnchanged() throws {
        try withStore { store, _ in
            try ReplayImporter(settings: .cpuDigits).importText(Self.file, source: "r.csv", experiment: "kept", into: store)
            let before = try store.experiments()
            let importer = ReplayImporter(settings: .cpuDigits)
            let cases: [(String, ReplayImportError)] = [
                (Self.file.replacingOccurrences(of: "0.1,10,0.1,20", with: "0.1,10,zero,20"),
                 .malformed(path: "bad.csv", .badValue(line: 3, column: "accuracy_last_val", value: "zero", expected: "a finite number"))),
                (Self.file + "\"[C(16,3,1), SM(10)\",0.2,1,0.2,2,0.2,0.2,1,1,5,m\n", .badNet(path: "bad.csv", line: 5, .missingBrackets)),
                (Self.header + "\n", .noRows(path: "bad.csv")),
            ]
            for (text, expected) in cases {
                #expect(throws: expected) { try importer.importText(text, source: "bad.csv", experiment: "new", into: store) }
            }
            // An illegal net (no 7-filter conv in any preset) names its line and the space's rule.
            let illegal = Self.file + "\"[C(7,3,1), SM(10)]\",0.2,1,0.2,2,0.2,0.2,1,1,5,m\n"
            let error = #expect(throws: ReplayImportError.self) {
                try importer.importText(illegal, source: "bad.csv", experiment: "new", into: store)
            }
            #expect(error?.description.hasPrefix("bad.csv line 5: the net [C(7,3,1), SM(10)] is not in this search space") == true)
            // An accuracy that is neither a fraction nor a percentage names its line and column.
            let outOfRange = Self.file + "\"[SM(10)]\",120,10,0.1,20,0.1,0.1,1,1,5,m\n"
            #expect(throws: ReplayImportError.malformed(path: "bad.csv", .badValue(
                line: 5, column: "accuracy_best_val", value: "120",
                expected: "an accuracy (a fraction in [0, 1] or a percentage up to 100)"))) {
                try importer.importText(outOfRange, source: "bad.csv", experiment: "new", into: store)
            }
            #expect(try store.experiments() == before)
            #expect(try store.experimentIfPresent(named: "new") == nil)
        }
    }

    @Test func qTableSurvivesTheStoreRoundTrip() throws {
        var learner = QLearner(settings: .cpuDigits)
        var rng = SplitMix64(seed: 3)
        for _ in 0..<20 {
            let trajectory = learner.sampleTrajectory(epsilon: 1, rng: &rng)
            learner.update(trajectory: trajectory, reward: Double.random(in: 0..<1, using: &rng))
        }
        let records = learner.table.storeRecords
        #expect(records.count == learner.table.count)
        let back = try QTable(storeRecords: records.reversed(), experiment: "x")
        for state in learner.table.states {
            for entry in learner.table[state]! {
                #expect(back.value(state, entry.action) == entry.value)
            }
        }
        #expect(back.count == learner.table.count)
    }
}
