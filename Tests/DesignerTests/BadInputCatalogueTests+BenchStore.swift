extension BadInputCatalogueTests {
    /// `metaqnn bench-store`: its flags, and an experiment name the store already holds.
    static let benchStore: [BadInput] = [
        BadInput(arguments: ["bench-store"], status: 64,
                 phrase: "bench-store needs a store to measure; give --store PATH|URL or set METAQNN_STORE."),
        BadInput(arguments: ["bench-store", "--store", "b.sqlite", "--processes", "0"], status: 64,
                 phrase: "--processes must be between 1 and 256."),
        BadInput(arguments: ["bench-store", "--store", "b.sqlite", "--synthetic-delay=-1"], status: 64,
                 phrase: "--synthetic-delay -1.0 is not a number of seconds from 0 to 3600."),
        BadInput(arguments: ["bench-store", "--store", "b.sqlite", "--schedule", "1.0"], status: 64,
                 phrase: "is not of the form epsilon:models"),
        BadInput(arguments: ["bench-store", "--store", "b.sqlite", "--experiment", ".x"], status: 64,
                 phrase: "--experiment must be a non-empty name without '/' or a leading '.'"),
        BadInput(arguments: ["bench-store", "--store", "mysql://db/x"], status: 64, phrase: "uses the scheme 'mysql'"),
        BadInput(arguments: ["bench-store", "--store", "postgresql://metaqnn:pw@127.0.0.1:1/none?sslmode=disable", "--processes", "2"],
                 status: 1, phrase: "Worker process 1 exited with status 1 after printing \"Error: "),
        BadInput(arguments: ["bench-store", "--store", BadInputFolder.trainersStore, "--experiment", "syn", "--processes", "1"],
                 status: 1, phrase: "Experiment 'syn' already exists in "),
    ]
}
