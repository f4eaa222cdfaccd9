/// Why a `q_values.csv` could not be read; each description is one sentence.
public enum QTableCSVError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file is empty.
    case missingHeader
    /// The header lacks a required column.
    case missingColumn(String)
    /// A row has a different number of cells than the header.
    case wrongCellCount(line: Int, expected: Int, found: Int)
    /// A cell cannot be read as its column's type.
    case badCell(line: Int, column: String, value: String)

    /// One sentence naming the problem and where.
    public var description: String {
        switch self {
        case .missingHeader:
            "The Q-value file is empty; it needs the q_values.csv header and rows."
        case let .missingColumn(name):
            "The Q-value file's header lacks the column \"\(name)\"; it must have the 17 q_values.csv columns."
        case let .wrongCellCount(line, expected, found):
            "Line \(line) of the Q-value file has \(found) cells but the header has \(expected)."
        case let .badCell(line, column, value):
            "Line \(line) of the Q-value file has \"\(value)\" in column \(column), which is not a valid value there."
        }
    }
}
