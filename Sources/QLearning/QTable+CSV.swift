import SearchSpace

/// The reference `q_values.csv` format (spec §6): one row per (state, action), start fields
/// bucketed, end fields the stored action, then the utility.
extension QTable {
    /// The header line's columns, in order.
    public static let csvColumns: [String] = {
        let fields = ["layer_type", "layer_depth", "filter_depth", "filter_size", "stride", "image_size", "fc_size", "terminate"]
        return fields.map { "start_" + $0 } + fields.map { "end_" + $0 } + ["utility"]
    }()

    /// The table as `q_values.csv` text (header, then rows sorted by state, actions in spec order).
    public var csv: String {
        var lines = [Self.csvColumns.joined(separator: ",")]
        for row in rows {
            lines.append((row.state.fields + row.action.fields + ["\(row.utility)"]).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Reads `q_values.csv` text for `space`: each state gets all its actions, the file's
    /// values where given and `init_utility` elsewhere; an action the space lacks is an error.
    public init(csv text: String, space: StateSpace) throws(QLearningError) {
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        while lines.last?.isEmpty == true { lines.removeLast() }
        guard let header = lines.first else { throw .csv(line: 1, reason: "the file is empty; expected the header \(Self.csvColumns.joined(separator: ","))") }
        let columns = header.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters() }
        guard columns == Self.csvColumns else {
            throw .csv(line: 1, reason: "the header must be \(Self.csvColumns.joined(separator: ","))")
        }
        var table = QTable()
        for (offset, line) in lines.enumerated().dropFirst() {
            let number = offset + 1
            if line.allSatisfy(\.isWhitespace) { continue }
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters() }
            guard cells.count == Self.csvColumns.count else {
                throw .csv(line: number, reason: "expected \(Self.csvColumns.count) fields but found \(cells.count)")
            }
            let state = try Self.state(cells[0..<8], line: number, prefix: "start")
            let action = try Self.state(cells[8..<16], line: number, prefix: "end")
            guard let utility = Double(cells[16]), utility.isFinite else {
                throw .csv(line: number, reason: "utility \"\(cells[16])\" is not a finite number")
            }
            guard space.bucketed(state) == state else {
                throw .csv(line: number, reason: "start_image_size \(state.imageSize) is not a bucket of this space's image sizes")
            }
            let actions = table.enumerate(state, in: space)
            guard let index = actions.firstIndex(where: { $0.action == action }) else {
                throw .csv(line: number, reason: "\(action) is not an action of state \(state) in space \(space.settings.name)")
            }
            table.setUtility(utility, state: state, index: index)
        }
        self = table
    }

    private static func state(_ cells: ArraySlice<String>, line: Int, prefix: String) throws(QLearningError) -> LayerState {
        let c = Array(cells)
        guard let type = LayerType(rawValue: c[0]) else {
            throw .csv(line: line, reason: "\(prefix)_layer_type \"\(c[0])\" is not one of start, conv, pool, fc, gap")
        }
        var numbers: [Int] = []
        for (index, cell) in c.enumerated().dropFirst() {
            // Files written by pandas may spell integers as floats ("1.0").
            guard let value = Int(cell) ?? Double(cell).flatMap({ $0 == $0.rounded() ? Int(exactly: $0) : nil }) else {
                throw .csv(line: line, reason: "\(csvColumns[index + (prefix == "end" ? 8 : 0)]) \"\(cell)\" is not a whole number")
            }
            numbers.append(value)
        }
        guard numbers[6] == 0 || numbers[6] == 1 else {
            throw .csv(line: line, reason: "\(prefix)_terminate must be 0 or 1, not \(numbers[6])")
        }
        return LayerState(layerType: type, layerDepth: numbers[0], filterDepth: numbers[1], filterSize: numbers[2],
                          stride: numbers[3], imageSize: numbers[4], fcSize: numbers[5], terminate: numbers[6] == 1)
    }
}

extension Substring {
    fileprivate func trimmingCharacters() -> String {
        var s = self
        while let f = s.first, f.isWhitespace || f == "\"" { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace || l == "\"" { s = s.dropLast() }
        return String(s)
    }
}
