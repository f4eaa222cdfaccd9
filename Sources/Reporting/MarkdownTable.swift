/// A GitHub-flavoured Markdown table; cells are escaped, `rightAligned` columns hold numbers.
struct MarkdownTable {
    let header: [String]
    let rightAligned: Set<Int>
    private(set) var rows: [[String]] = []

    init(_ header: [String], rightAligned: Set<Int> = []) {
        self.header = header
        self.rightAligned = rightAligned
    }

    mutating func append(_ row: [String]) {
        precondition(row.count == header.count, "a table row needs one cell per column")
        rows.append(row)
    }

    func render() -> String {
        func line(_ cells: [String]) -> String { "| " + cells.map(Format.cell).joined(separator: " | ") + " |" }
        let rule = "|" + header.indices.map { rightAligned.contains($0) ? "---:|" : "---|" }.joined()
        return ([line(header), rule] + rows.map(line)).joined(separator: "\n")
    }
}
