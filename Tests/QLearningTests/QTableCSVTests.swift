import Testing
import SearchSpace
@testable import QLearning

@Suite struct QTableCSVTests {
    @Test func readsTheSpecExampleRows() throws {
        let csv = QTable.csvColumns.joined(separator: ",") + "\n"
            + "conv,1,64,1,1,8,0,0,pool,2,0,2,2,8,0,0,0.5001\n"
            + "fc,5,0,0,0,1,256,0,fc,6,1,0,0,1,128,0,0.49996\r\n\n"
        let table = try QTable(csv: csv)
        let conv = State(layerType: .conv, layerDepth: 1, filterDepth: 64, filterSize: 1, stride: 1, imageSize: 8, fcSize: 0, terminate: false)
        let pool = State(layerType: .pool, layerDepth: 2, filterDepth: 0, filterSize: 2, stride: 2, imageSize: 8, fcSize: 0, terminate: false)
        #expect(table.value(conv, pool) == 0.5001)
        let fc = State(layerType: .fc, layerDepth: 5, filterDepth: 0, filterSize: 0, stride: 0, imageSize: 1, fcSize: 256, terminate: false)
        let fc2 = State(layerType: .fc, layerDepth: 6, filterDepth: 1, filterSize: 0, stride: 0, imageSize: 1, fcSize: 128, terminate: false)
        #expect(table.value(fc, fc2) == 0.49996)
        #expect(table.count == 2)
        // Both rows are actions our enumeration produces for those states in the paper space.
        let space = StateSpace(settings: .paperCIFAR10)
        #expect(space.actions(from: conv).contains(pool))
        #expect(space.actions(from: fc).contains(fc2))
        #expect(table.csv() == QTable.csvColumns.joined(separator: ",") + "\n"
            + "conv,1,64,1,1,8,0,0,pool,2,0,2,2,8,0,0,0.5001\n"
            + "fc,5,0,0,0,1,256,0,fc,6,1,0,0,1,128,0,0.49996\n")
    }

    @Test func importedPartialStatesAreCompletedByTheLearner() throws {
        let csv = QTable.csvColumns.joined(separator: ",") + "\n" + "conv,1,64,1,1,8,0,0,pool,2,0,2,2,8,0,0,0.5001\n"
        let space = StateSpace(settings: .paperCIFAR10)
        let learner = QLearner(space: space, table: try QTable(csv: csv))
        let conv = State(layerType: .conv, layerDepth: 1, filterDepth: 64, filterSize: 1, stride: 1, imageSize: 8, fcSize: 0, terminate: false)
        // The imported row keeps its value and its place; the other actions join at init_utility.
        #expect(learner.table[conv]!.count == space.actions(from: conv).count)
        #expect(learner.table[conv]!.first?.value == 0.5001)
        #expect(learner.table[conv]!.dropFirst().allSatisfy { $0.value == 0.5 })
    }

    @Test func exportImportRoundTrip() throws {
        var learner = QLearner(settings: .paperMNIST)
        var rng = SplitMix64(seed: 21)
        for _ in 0..<50 {
            let t = learner.sampleTrajectory(epsilon: 1, rng: &rng)
            learner.update(trajectory: t, reward: Double.random(in: 0...1, using: &rng))
        }
        let csv = learner.table.csv()
        #expect(csv.split(separator: "\n").count == learner.table.count + 1)
        let back = try QTable(csv: csv)
        #expect(back == learner.table)
        #expect(back.csv() == csv)
        // Columns are located by name: a leading pandas index column is ignored.
        let indexed = csv.split(separator: "\n").enumerated().map { i, line in (i == 0 ? "" : String(i - 1)) + "," + line }
            .joined(separator: "\n")
        #expect(try QTable(csv: indexed) == learner.table)
        // Terminal states have no rows.
        #expect(!csv.split(separator: "\n").dropFirst().contains { $0.split(separator: ",")[7] == "1" })
    }

    @Test func importedTableDrivesTheAgent() throws {
        // A table that prefers GAP at the start makes the greedy agent build [GAP(10), SM(10)].
        var source = QLearner(settings: .paperCIFAR10)
        let start = source.space.bucketed(source.space.startState)
        let gap = source.actionValues(at: start).first { $0.action.layerType == .gap }!.action
        source.table.setValue(0.95, start, gap)
        var learner = QLearner(space: source.space, table: try QTable(csv: source.table.csv()))
        var rng = SplitMix64(seed: 1)
        #expect(learner.sampleArchitecture(epsilon: 0, rng: &rng).architecture.description == "[GAP(10), SM(10)]")
    }

    @Test func malformedFilesSayWhere() {
        let header = QTable.csvColumns.joined(separator: ",")
        #expect(throws: QTableCSVError.missingHeader) { try QTable(csv: "\n\n") }
        #expect(throws: QTableCSVError.missingColumn("utility")) {
            try QTable(csv: QTable.csvColumns.dropLast().joined(separator: ",") + "\n")
        }
        #expect(throws: QTableCSVError.wrongCellCount(line: 2, expected: 17, found: 3)) { try QTable(csv: header + "\na,b,c\n") }
        #expect(throws: QTableCSVError.badCell(line: 2, column: "start_layer_type", value: "dropout")) {
            try QTable(csv: header + "\ndropout,1,64,1,1,8,0,0,pool,2,0,2,2,8,0,0,0.5\n")
        }
        #expect(throws: QTableCSVError.badCell(line: 3, column: "end_image_size", value: "eight")) {
            try QTable(csv: header + "\nconv,1,64,1,1,8,0,0,pool,2,0,2,2,8,0,0,0.5\nconv,1,64,1,1,8,0,0,pool,2,0,2,2,eight,0,0,0.5\n")
        }
        #expect(throws: QTableCSVError.badCell(line: 2, column: "utility", value: "nan")) {
            try QTable(csv: header + "\nconv,1,64,1,1,8,0,0,pool,2,0,2,2,8,0,0,nan\n")
        }
        #expect(throws: QTableCSVError.badCell(line: 2, column: "start_terminate", value: "2")) {
            try QTable(csv: header + "\nconv,1,64,1,1,8,0,2,pool,2,0,2,2,8,0,0,0.5\n")
        }
        // pandas float formatting of integer columns is accepted.
        #expect(throws: Never.self) { try QTable(csv: header + "\nconv,1.0,64.0,1,1,8,0,0,pool,2,0,2,2,8,0,0,0.5\n") }
    }
}

@Suite struct QTableRowsTests {
    @Test func rowsRoundTripAndChangesAreTheUpdatedPairs() throws {
        var learner = QLearner(settings: Spaces.small)
        let experience = try learner.experience(for: Architecture(parsing: "[C(8,3,1), D(1,1), P(2,2), SM(10)]"), reward: 0.9)
        _ = learner.actionValues(at: learner.space.bucketed(learner.space.startState))
        let before = learner.table
        learner.update(trajectory: experience.trajectory, reward: experience.reward)
        #expect(QTable(rows: learner.table.rows) == learner.table)
        let changed = learner.table.changedRows(since: before)
        // Three pairs moved; new rows are start's C (updated), all 4 of conv@1 (new state) and pool@2's 1.
        #expect(changed.filter { $0.value != 0.5 }.count == 3)
        #expect(changed.count == 1 + 4 + 1)
    }
}
