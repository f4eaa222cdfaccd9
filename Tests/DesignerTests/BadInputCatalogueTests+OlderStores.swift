extension BadInputCatalogueTests {
    /// What migration `v5-typed-q-values` says of an older store holding a Q value it cannot read.
    static let unreadableQValue = "the Q value of experiment 2 for state 'start,0,1,0,0,8,0' and action 'fc,1,0,0,0,0,64,0' "
        + "is not two reference tuples, so the migration v5-typed-q-values changed nothing); restore the store from a backup."

    /// Stores of an older build that this build's migrations refuse: every command, reading or writing, stops.
    static let olderStores: [BadInput] = [
        BadInput(arguments: ["show", "--experiment", "small", "--store", "old-q.sqlite"], status: 1, phrase: unreadableQValue),
        BadInput(arguments: ["export", "--experiment", "small", "--store", "old-q.sqlite", "--replay-csv", "r.csv",
                             "--q-csv", "q.csv"], status: 1,
                 phrase: unreadableQValue),
        BadInput(arguments: BadInputFolder.smallSearch.map { $0 == "Replay/good.sqlite" ? "old-q.sqlite" : $0 }, status: 1,
                 phrase: unreadableQValue),
    ]
}
