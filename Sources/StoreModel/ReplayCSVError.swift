/// Why a reference replay file could not be read; each description is one sentence naming the line.
public enum ReplayCSVError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file has no header line.
    case empty
    /// Required columns are absent from the header.
    case missingColumns([String])
    /// A quoted cell is never closed.
    case unterminatedQuote(line: Int)
    /// A row's cell count differs from the header's.
    case wrongCellCount(line: Int, expected: Int, found: Int)
    /// A cell does not hold a valid value for its column.
    case badValue(line: Int, column: String, value: String, expected: String)

    public var description: String {
        switch self {
        case .empty:
            return "The replay file is empty; expected a header line naming the replay_database.csv columns."
        case let .missingColumns(columns):
            return "The replay file's header lacks the column(s) \(columns.joined(separator: ", ")); is it a replay_database.csv?"
        case let .unterminatedQuote(line):
            return "Line \(line) of the replay file opens a quote that is never closed; fix the quoting and import again."
        case let .wrongCellCount(line, expected, found):
            return "Line \(line) of the replay file has \(found) cells where the header has \(expected); fix the row and import again."
        case let .badValue(line, column, value, expected):
            return "Line \(line) of the replay file has '\(value)' in column \(column), which must be \(expected); fix the row and import again."
        }
    }
}
