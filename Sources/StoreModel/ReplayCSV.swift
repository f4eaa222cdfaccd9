import Foundation

/// Reads and writes the reference `replay_database.csv` format (spec §5).
public enum ReplayCSV {
    /// The reference columns, in the reference order.
    public static let columns = [
        "net", "accuracy_best_val", "iter_best_val", "accuracy_last_val", "iter_last_val", "accuracy_best_test",
        "accuracy_last_test", "ix_q_value_update", "epsilon", "time_finished", "machine_run_on",
    ]

    /// Parses a whole file; the first bad row fails it, naming its line.
    public static func parse(_ text: String) throws(ReplayCSVError) -> [ReplayCSVRow] {
        let records = try CSVTokenizer.records(in: text)
        guard let header = records.first else { throw .empty }
        var index: [String: Int] = [:]
        for (position, name) in header.cells.enumerated() where index[name] == nil {
            index[name.trimmingSpaces] = position
        }
        let missing = columns.filter { index[$0] == nil }
        if !missing.isEmpty { throw .missingColumns(missing) }
        var rows: [ReplayCSVRow] = []
        for record in records.dropFirst() {
            if record.cells.count == 1 && record.cells[0].trimmingSpaces.isEmpty { continue }
            guard record.cells.count == header.cells.count else {
                throw .wrongCellCount(line: record.line, expected: header.cells.count, found: record.cells.count)
            }
            let cells = CellReader(cells: record.cells, index: index, line: record.line)
            let net = try cells.text("net")
            guard !net.trimmingSpaces.isEmpty else {
                throw .badValue(line: record.line, column: "net", value: net, expected: "a net string")
            }
            rows.append(ReplayCSVRow(
                net: net,
                accuracyBestValidation: try cells.accuracy("accuracy_best_val"),
                iterationBestValidation: try cells.count("iter_best_val"),
                accuracyLastValidation: try cells.accuracy("accuracy_last_val"),
                iterationLastValidation: try cells.count("iter_last_val"),
                accuracyBestTest: try cells.testAccuracy("accuracy_best_test"),
                accuracyLastTest: try cells.testAccuracy("accuracy_last_test"),
                qValueUpdateIndex: try cells.number("ix_q_value_update"),
                epsilon: try cells.fraction("epsilon"),
                timeFinished: try cells.nonNegativeNumber("time_finished"),
                machine: try cells.text("machine_run_on"),
                line: record.line))
        }
        return rows
    }

    /// Writes rows in the reference column order (every cell quoted where CSV needs it).
    public static func render(_ rows: [ReplayCSVRow]) -> String {
        var text = columns.joined(separator: ",") + "\n"
        for row in rows {
            let cells = [
                quote(row.net), number(row.accuracyBestValidation), String(row.iterationBestValidation),
                number(row.accuracyLastValidation), String(row.iterationLastValidation),
                row.accuracyBestTest.map(number) ?? "", row.accuracyLastTest.map(number) ?? "",
                number(row.qValueUpdateIndex), number(row.epsilon), number(row.timeFinished), quote(row.machine),
            ]
            text += cells.joined(separator: ",") + "\n"
        }
        return text
    }

    /// Shortest text that reads back as the same Double; integral values without a fraction.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    static func quote(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// Typed access to one row's cells by column name, failing with the line and column.
private struct CellReader {
    var cells: [String]
    var index: [String: Int]
    var line: Int

    func text(_ column: String) throws(ReplayCSVError) -> String { cells[index[column]!] }

    func number(_ column: String) throws(ReplayCSVError) -> Double {
        let raw = cells[index[column]!].trimmingSpaces
        guard let value = Double(raw), value.isFinite else {
            throw .badValue(line: line, column: column, value: raw, expected: "a finite number")
        }
        return value
    }

    /// A time or count that cannot be negative (the reference writes 0 when it has none).
    func nonNegativeNumber(_ column: String) throws(ReplayCSVError) -> Double {
        let value = try number(column)
        guard value >= 0 else {
            throw .badValue(line: line, column: column, value: cells[index[column]!].trimmingSpaces, expected: "zero or a positive number")
        }
        return value
    }

    func fraction(_ column: String) throws(ReplayCSVError) -> Double {
        let value = try number(column)
        guard (0...1).contains(value) else {
            throw .badValue(line: line, column: column, value: cells[index[column]!].trimmingSpaces, expected: "a fraction in [0, 1]")
        }
        return value
    }

    /// An accuracy as written: a fraction, or a percentage as some reference files hold (`86.0`).
    func accuracy(_ column: String) throws(ReplayCSVError) -> Double {
        let value = try number(column)
        guard (0...100).contains(value) else {
            throw .badValue(line: line, column: column, value: cells[index[column]!].trimmingSpaces,
                            expected: "an accuracy (a fraction in [0, 1] or a percentage up to 100)")
        }
        return value
    }

    /// A test accuracy, nil when not measured: an empty cell, or the reference code's `-1.0`.
    func testAccuracy(_ column: String) throws(ReplayCSVError) -> Double? {
        let raw = cells[index[column]!].trimmingSpaces
        if raw.isEmpty || Double(raw) == -1 { return nil }
        return try accuracy(column)
    }

    func count(_ column: String) throws(ReplayCSVError) -> Int {
        let raw = cells[index[column]!].trimmingSpaces
        // pandas writes integer columns as floats ("1500.0") once a column held a NaN.
        guard let value = Double(raw), value.isFinite, value == value.rounded(), value >= 0, value < 1e15 else {
            throw .badValue(line: line, column: column, value: raw, expected: "a non-negative whole number")
        }
        return Int(value)
    }
}

extension String {
    var trimmingSpaces: String {
        var text = Substring(self)
        while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return String(text)
    }
}
