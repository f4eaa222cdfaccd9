/// `metaqnn copy` rows of the bad-input catalogue: every refusal comes before the first write, so
/// neither store changes and no target file appears (a failure while writing is in `StoreCopyTests`).
extension BadInputCatalogueTests {
    static func copy(_ extra: [String]) -> [String] { ["copy", "--from", "Replay/good.sqlite"] + extra }

    static let copies: [BadInput] = [
        BadInput(arguments: ["copy", "--from", "missing.sqlite", "--to", "out.sqlite"], status: 1,
                 phrase: "No replay store at missing.sqlite"),
        BadInput(arguments: copy(["--to", "./Replay/good.sqlite"]), status: 1,
                 phrase: "--from and --to both name ./Replay/good.sqlite; copy into another store"),
        BadInput(arguments: copy(["--to", "out.sqlite", "--experiment", "good", "--experiment", "nope"]), status: 1,
                 phrase: "No experiment named 'nope' in Replay/good.sqlite"),
        BadInput(arguments: copy(["--to", "twin.sqlite", "--experiment", "good"]), status: 1,
                 phrase: "An experiment named 'good' already exists in twin.sqlite, so nothing was copied"),
        BadInput(arguments: copy(["--to", "twin.sqlite"]), status: 1,
                 phrase: "Experiments named 'good', 'overflow', 'small' already exist in twin.sqlite, so nothing was copied"),
        BadInput(arguments: copy(["--to", "mysql://ann@db.example.org/runs"]), status: 64, phrase: "uses the scheme 'mysql'"),
        BadInput(arguments: ["copy", "--from", "postgresql://ann@db.example.org", "--to", "out.sqlite"], status: 64,
                 phrase: "names no database"),
        BadInput(arguments: copy(["--to", postgresURL]), status: 1, phrase: unreachable),
        BadInput(arguments: ["copy", "--from", postgresURL, "--to", "out.sqlite"], status: 1, phrase: unreachable),
        BadInput(arguments: copy(["--to", "notes.sqlite"]), status: 1, phrase: "notes.sqlite is not an SQLite database"),
        BadInput(arguments: copy(["--to", "empty.sqlite"]), status: 1, phrase: "empty.sqlite is empty, not a metaqnn replay store"),
        BadInput(arguments: copy(["--to", "empty-dir"]), status: 1, phrase: "empty-dir is a directory"),
        BadInput(arguments: copy(["--to", "out.sqlite", "--busy-timeout", "-1"]), status: 64,
                 phrase: "--busy-timeout must be 0 or more seconds"),
        BadInput(arguments: copy([]), status: 64, phrase: "Missing expected argument '--to <path|url>'"),
    ]
}
