import Foundation
import QLearning
import ReplayStore
import Reporting
import SearchSpace
import StoreModel
import Testing
@testable import Designer

/// A replay file as the reference code really writes them, imported, replayed and exported.
@Suite struct ReferenceReplayFileTests {
    /// Every property of the reference's own files: test accuracies of `-1.0` (not measured), one
    /// row on a percent scale (line 4), nets repeated with other results (trained again
    /// elsewhere), `ix_q_value_update` repeating `1.0`, `time_finished` 0.0, `machine_run_on`
    /// `unknown`, dropout tokens in the nets, and whole numbers written as floats.
    static let file = ReplayCSV.columns.joined(separator: ",") + """

        "[C(8,3,1), P(2,2), D(1,2), FC(64), D(2,2), SM(10)]",0.62,1500.0,0.6,3000.0,-1.0,-1.0,1.0,1.0,0.0,unknown
        "[SM(10)]",0.1,10.0,0.1,20.0,-1.0,-1.0,1.0,1.0,0.0,unknown
        "[C(16,3,1), SM(10)]",86.0,2000.0,85.5,3000.0,84.0,84.5,1.0,1.0,0.0,unknown
        "[C(8,3,1), P(2,2), D(1,2), FC(64), D(2,2), SM(10)]",0.7,1600.0,0.69,3000.0,0.68,-1.0,1.0,0.9,0.0,unknown
        "[SM(10)]",0.12,10.0,0.11,20.0,-1.0,-1.0,2.0,0.9,0.0,unknown
        "[C(16,3,1), SM(10)]",0.9,2000.0,0.88,3000.0,-1.0,-1.0,1.0,0.8,0.0,unknown

        """

    /// Each row's path through the cpu-digits space as `q_values.csv` cells (spec §1, §2, §6),
    /// written out by hand: bucketed states s0 … sT−1, the stored action taken from each, and the
    /// reward (the row's own best validation accuracy, as written).
    static let paths: [(states: [String], actions: [String], reward: Double)] = {
        let start = "start,0,1,0,0,8,0,0"
        let convPoolFC = (
            states: [start, "conv,1,8,3,1,8,0,0", "pool,2,0,2,2,4,0,0", "fc,3,0,0,0,1,64,0"],
            actions: ["conv,1,8,3,1,8,0,0", "pool,2,0,2,2,8,0,0", "fc,3,0,0,0,1,64,0", "fc,4,0,0,0,1,64,1"])
        let stop = (states: [start], actions: ["start,1,1,0,0,8,0,1"])
        let conv16 = (states: [start, "conv,1,16,3,1,8,0,0"], actions: ["conv,1,16,3,1,8,0,0", "conv,2,16,3,1,8,0,1"])
        return [(convPoolFC.states, convPoolFC.actions, 0.62), (stop.states, stop.actions, 0.1),
                (conv16.states, conv16.actions, 86.0), (convPoolFC.states, convPoolFC.actions, 0.7),
                (stop.states, stop.actions, 0.12), (conv16.states, conv16.actions, 0.9)]
    }()

    /// Spec §4 written out plainly, apart from the QLearning module: Q starts at 0.5, α = 0.01,
    /// γ = 1; the last step moves toward the reward, earlier ones toward the next state's largest
    /// Q. Every state on these paths has some action no path takes, so its largest Q is at least
    /// the initial 0.5. Returns Q by "state,action" (16 cells).
    static func oracle(passes: Int) -> [String: Double] {
        oracle(updates: Array(repeating: paths.map { ($0.states, $0.actions, $0.reward) }, count: passes).flatMap { $0 })
    }

    /// The oracle's Q table after `updates`, applied in order.
    static func oracle(updates: [(states: [String], actions: [String], reward: Double)]) -> [String: Double] {
        var q: [String: Double] = [:]
        func largest(_ state: String) -> Double {
            q.filter { $0.key.hasPrefix(state + ",") && $0.key.split(separator: ",").count == 16 }
                .values.reduce(0.5, max)
        }
        for path in updates {
            for t in stride(from: path.states.count - 1, through: 0, by: -1) {
                let key = path.states[t] + "," + path.actions[t]
                let target = t == path.states.count - 1 ? path.reward : largest(path.states[t + 1])
                let old = q[key] ?? 0.5
                q[key] = old + 0.01 * (target - old)
            }
        }
        return q
    }

    func withDirectory(_ body: (String) throws -> Void) throws {
        let dir = NSTemporaryDirectory() + "reference-file-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try body(dir)
    }

    @Test func importKeepsEveryRowAsWritten() throws {
        try withDirectory { dir in
            let store = try ReplayStore(path: dir + "/s.sqlite", mode: .createIfMissing)
            let summary = try ReplayImporter(settings: .cpuDigits).importText(Self.file, source: "ref.csv", experiment: "ref", into: store)
            #expect(summary == ReplayImporter.Summary(rows: 6, nets: 3, percentScaleLines: [4]))
            let entries = try store.replayEntries(experiment: "ref")
            #expect(entries.map(\.row.sequence) == Array(1...6), "file order is the order")
            #expect(entries.map(\.result.bestValidationAccuracy) == [0.62, 0.1, 86.0, 0.7, 0.12, 0.9])
            #expect(entries.map(\.result.testAccuracyAtBest) == [nil, nil, 84.0, 0.68, nil, nil])
            #expect(entries.map(\.result.testAccuracyAtLast) == [nil, nil, 84.5, nil, nil, nil])
            #expect(entries.map(\.updateIndex) == [1, 1, 1, 1, 2, 1])
            #expect(entries.map(\.result.isPercentScale) == [false, false, true, false, false, false])
            #expect(entries.allSatisfy { $0.row.machine == "unknown" && $0.row.finishedAt == 0 })
            // One record per net, holding its first row's result; the rows sharing it keep their own.
            #expect(entries[0].net.id == entries[3].net.id && entries[3].net.bestValidationAccuracy == 0.62)
            #expect(try store.nets(experiment: "ref").count == 3)
        }
    }

    @Test func exportWritesEachRowsOwnResultBack() throws {
        try withDirectory { dir in
            let store = try ReplayStore(path: dir + "/s.sqlite", mode: .createIfMissing)
            try ReplayImporter(settings: .cpuDigits).importText(Self.file, source: "ref.csv", experiment: "ref", into: store)
            let exported = try ReplayExporter(store: store).replayCSV(experiment: "ref")
            let strip = { (rows: [ReplayCSVRow]) in rows.map { row -> ReplayCSVRow in
                var row = row
                row.line = 0
                return row
            } }
            #expect(strip(try ReplayCSV.parse(exported)) == strip(try ReplayCSV.parse(Self.file)))
        }
    }

    @Test func importThenReplayGivesTheReferenceQTable() throws {
        for passes in [1, 3] {
            try withDirectory { dir in
                let store = try ReplayStore(path: dir + "/s.sqlite", mode: .createIfMissing)
                try ReplayImporter(settings: .cpuDigits).importText(Self.file, source: "ref.csv", experiment: "ref", into: store)
                let rebuild = try ReplayRebuilder(store: store).rebuild(experiment: "ref", order: .stored, passes: passes)
                try compare(csv: rebuild.learner.table.csv(), passes: passes)
            }
        }
    }

    /// A sampled rebuild draws as the search does and, as the search and the reference's random
    /// replay do, rewards a drawn row with its net's FIRST recorded accuracy (spec §4): rows 4–6
    /// repeat the nets of rows 1–3 with other results, so their own accuracies must not be used.
    @Test func sampledReplayRewardsADrawnNetWithItsFirstResult() throws {
        try withDirectory { dir in
            let store = try ReplayStore(path: dir + "/s.sqlite", mode: .createIfMissing)
            try ReplayImporter(settings: .cpuDigits).importText(Self.file, source: "ref.csv", experiment: "ref", into: store)
            let rebuild = try ReplayRebuilder(store: store).rebuild(experiment: "ref", order: .sampled, passes: 2, seed: 7)
            let firstRewards = [0.62, 0.1, 86.0, 0.62, 0.1, 86.0]
            var rng = SplitMix64(seed: 7)
            var updates: [(states: [String], actions: [String], reward: Double)] = []
            for _ in 0..<2 {
                for appended in Self.paths.indices {
                    let draws = QLearner.replayIndices(
                        count: SearchSpaceSettings.cpuDigits.replayNumber, rowCount: appended + 1, rng: &rng)
                    updates += draws.map { (Self.paths[$0].states, Self.paths[$0].actions, firstRewards[$0]) }
                }
            }
            try compare(csv: rebuild.learner.table.csv(), expected: Self.oracle(updates: updates))
        }
    }

    /// Every row of `csv` against the oracle: touched pairs at their value, all others still 0.5.
    func compare(csv: String, passes: Int) throws {
        try compare(csv: csv, expected: Self.oracle(passes: passes))
    }

    /// Every row of `csv` against `expected`: touched pairs at their value, all others still 0.5.
    func compare(csv: String, expected: [String: Double]) throws {
        let rows = csv.split(separator: "\n").dropFirst().map { line -> (String, Double) in
            let cells = line.split(separator: ",")
            return (cells.dropLast().joined(separator: ","), Double(cells.last!)!)
        }
        #expect(Set(expected.keys).isSubset(of: Set(rows.map(\.0))), "every pair the paths update is in the table")
        for (key, value) in rows {
            let want = expected[key] ?? 0.5
            #expect(abs(value - want) <= 1e-12 * max(1, abs(want)), "Q(\(key)) = \(value), reference \(want)")
        }
    }

    @Test(.enabled(if: MetaqnnProcess.executable != nil)) func theCommandsWarnOnceAndReplayTheReferenceTable() throws {
        try withDirectory { dir in
            try Self.file.write(toFile: dir + "/ref.csv", atomically: true, encoding: .utf8)
            let imported = try StoreCommandErrorTests.metaqnn(["import", "ref.csv", "--experiment", "ref"], in: dir)
            #expect(imported.status == 0, "\(imported.error)")
            #expect(imported.error.components(separatedBy: "percent scale").count == 2, "one warning: \(imported.error)")
            #expect(imported.error.contains("1 row has accuracies on a percent scale (line 4)"))
            let replay = try StoreCommandErrorTests.metaqnn(
                ["replay", "--experiment", "ref", "--passes", "3", "--q-out", "q.csv"], in: dir)
            #expect(replay.status == 0, "\(replay.error)")
            try compare(csv: String(contentsOfFile: dir + "/q.csv", encoding: .utf8), passes: 3)
        }
    }

    @Test func replayAndTheReportNameTheSameGreedyNet() throws {
        // The reference file, and one whose table is all ties (every row rewards exactly init_utility).
        let ties = ReplayCSV.columns.joined(separator: ",") + "\n\"[SM(10)]\",0.5,1,0.5,1,-1.0,-1.0,1.0,1.0,0.0,unknown\n"
        for text in [Self.file, ties] {
            try withDirectory { dir in
                let store = try ReplayStore(path: dir + "/s.sqlite", mode: .createIfMissing)
                try ReplayImporter(settings: .cpuDigits).importText(text, source: "ref.csv", experiment: "ref", into: store)
                let replayed = try ReplayRebuilder(store: store).rebuild(experiment: "ref", order: .stored).greedyNet
                let input = try ReportInputBuilder.input(
                    experiment: try store.experiment(named: "ref"), entries: try store.replayEntries(experiment: "ref"),
                    nets: try store.nets(experiment: "ref"), qTable: QTable(), storePath: "s.sqlite")
                #expect(input.greedy?.net == replayed.description)
            }
        }
    }

    @Test func theReportMarksPercentScaleRowsAndShowsUnmeasuredTestsAsMissing() throws {
        try withDirectory { dir in
            let store = try ReplayStore(path: dir + "/s.sqlite", mode: .createIfMissing)
            try ReplayImporter(settings: .cpuDigits).importText(Self.file, source: "ref.csv", experiment: "ref", into: store)
            let input = try ReportInputBuilder.input(
                experiment: try store.experiment(named: "ref"), entries: try store.replayEntries(experiment: "ref"),
                nets: try store.nets(experiment: "ref"), qTable: QTable(), storePath: "s.sqlite")
            #expect(input.replays.map(\.percentScale) == [false, false, true, false, false, false])
            #expect(input.experiment.notes.contains { $0.hasPrefix("1 replay row holds accuracies on a percent scale (rows 3)") })
            let markdown = ReportRenderer.render(input).markdown
            #expect(markdown.contains("| `[C(16,3,1), SM(10)]` | 86.00 ‡ | 84.00 ‡ |"))
            #expect(markdown.contains("| `[C(8,3,1), P(2,2), D(1,2), FC(64), D(2,2), SM(10)]` | 62.00 % | — |"))
        }
    }
}
