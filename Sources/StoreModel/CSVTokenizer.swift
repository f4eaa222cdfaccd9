/// Splits RFC 4180 CSV text into records of cells, remembering each record's first line.
enum CSVTokenizer {
    /// One record: its cells and the 1-based line it starts on.
    struct Record: Equatable {
        var cells: [String]
        var line: Int
    }

    static func records(in text: String) throws(ReplayCSVError) -> [Record] {
        var records: [Record] = []
        var cells: [String] = []
        var cell = ""
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var quoteLine = 1
        var characters = Array(text.unicodeScalars)[...]
        if characters.first == "\u{FEFF}" { characters.removeFirst() }
        var iterator = characters.makeIterator()
        var pending: Unicode.Scalar? = nil
        func finishRecord() {
            cells.append(cell)
            cell = ""
            records.append(Record(cells: cells, line: recordLine))
            cells = []
        }
        while let scalar = pending ?? iterator.next() {
            pending = nil
            if inQuotes {
                if scalar == "\"" {
                    let next = iterator.next()
                    if next == "\"" {
                        cell.unicodeScalars.append("\"")
                    } else {
                        inQuotes = false
                        pending = next
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    cell.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"":
                inQuotes = true
                quoteLine = line
            case ",":
                cells.append(cell)
                cell = ""
            case "\r":
                continue
            case "\n":
                finishRecord()
                line += 1
                recordLine = line
            default:
                cell.unicodeScalars.append(scalar)
            }
        }
        if inQuotes { throw .unterminatedQuote(line: quoteLine) }
        if !cell.isEmpty || !cells.isEmpty { finishRecord() }
        return records
    }
}
