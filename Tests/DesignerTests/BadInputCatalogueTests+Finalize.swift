/// The catalogue's `metaqnn finalize` rows (its weights-file and resume cases live in `FinalizeTests`).
extension BadInputCatalogueTests {
    static let finalize: [BadInput] = [
        BadInput(arguments: ["finalize", "--experiment", "missing"], status: 1, phrase: "No replay store at Replay/missing.sqlite"),
        BadInput(arguments: ["finalize", "--store", "Replay/good.sqlite", "--experiment", "nope"], status: 1,
                 phrase: "experiment named 'nope'"),
        BadInput(arguments: ["finalize", "--store", "Replay/good.sqlite", "--experiment", "small", "--top", "0"], status: 1,
                 phrase: "--top 0 is not usable; it must be at least 1."),
        BadInput(arguments: ["finalize", "--store", "Replay/good.sqlite", "--experiment", "small", "--seeds", "0"], status: 1,
                 phrase: "--seeds 0 is not usable"),
        BadInput(arguments: ["finalize", "--store", "notes.sqlite", "--experiment", "small"], status: 1,
                 phrase: "is not an SQLite database"),
    ]
}
