import SearchSpace

extension QTable {
    /// The reference `q_values.csv` columns (spec §6), in order.
    public static let csvColumns: [String] = {
        let fields = ["layer_type", "layer_depth", "filter_depth", "filter_size", "stride", "image_size", "fc_size", "terminate"]
        return fields.map { "start_" + $0 } + fields.map { "end_" + $0 } + ["utility"]
    }()

    /// The table as `q_values.csv`: the header, then one row per (state, action), states
    /// sorted and actions in table order; utilities in shortest round-trip decimal form.
    public func csv() -> String {
        var lines = [Self.csvColumns.joined(separator: ",")]
        for state in states {
            for entry in entries[state]! {
                lines.append((state.fields + entry.action.fields + [String(entry.value)]).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Reads a `q_values.csv` (columns located by header name, so extra columns such as a
    /// pandas index are ignored); rows keep file order within a state.
    public init(csv text: String) throws(QTableCSVError) {
        self.init()
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        while let last = lines.last, last.trimmingWhitespace.isEmpty { lines.removeLast() }
        guard let header = lines.first else { throw .missingHeader }
        let names = header.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingWhitespace }
        var columns: [Int] = []
        for name in Self.csvColumns {
            guard let index = names.firstIndex(of: name) else { throw .missingColumn(name) }
            columns.append(index)
        }
        for (offset, line) in lines.enumerated().dropFirst() where !line.trimmingWhitespace.isEmpty {
            let lineNumber = offset + 1
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingWhitespace }
            guard cells.count == names.count else {
                throw .wrongCellCount(line: lineNumber, expected: names.count, found: cells.count)
            }
            let values = columns.map { cells[$0] }
            let start = try Self.state(values[0..<8], prefix: "start_", line: lineNumber)
            let end = try Self.state(values[8..<16], prefix: "end_", line: lineNumber)
            guard let utility = Double(values[16]), utility.isFinite else {
                throw .badCell(line: lineNumber, column: "utility", value: values[16])
            }
            setValue(utility, start, end)
        }
    }

    private static func state(_ cells: ArraySlice<String>, prefix: String, line: Int) throws(QTableCSVError) -> State {
        let cells = Array(cells)
        let fields = csvColumns[0..<8].map { String($0.dropFirst("start_".count)) }
        guard let type = LayerType(rawValue: cells[0]) else {
            throw .badCell(line: line, column: prefix + fields[0], value: cells[0])
        }
        var numbers: [Int] = []
        for index in 1..<8 {
            // pandas may write integer columns as floats ("8.0"); accept whole floats too.
            if let value = Int(cells[index]) {
                numbers.append(value)
            } else if let value = Double(cells[index]), value == value.rounded(), abs(value) < 1e15 {
                numbers.append(Int(value))
            } else {
                throw .badCell(line: line, column: prefix + fields[index], value: cells[index])
            }
        }
        guard numbers[6] == 0 || numbers[6] == 1 else {
            throw .badCell(line: line, column: prefix + "terminate", value: cells[7])
        }
        return State(layerType: type, layerDepth: numbers[0], filterDepth: numbers[1], filterSize: numbers[2],
                     stride: numbers[3], imageSize: numbers[4], fcSize: numbers[5], terminate: numbers[6] == 1)
    }
}

extension String {
    fileprivate var trimmingWhitespace: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
