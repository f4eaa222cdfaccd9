import Foundation

extension BadInputCatalogueTests {
    /// A PostgreSQL URL with a password; nothing listens on port 1, and nothing may try to.
    static let postgresURL = "postgresql://ann:s3cret@127.0.0.1:1/runs"

    /// `--store` and `METAQNN_STORE` values that are no store location, and PostgreSQL URLs, which
    /// this build refuses before connecting.
    static let storeLocations: [BadInput] = [
        BadInput(arguments: ["show", "--store", ""], status: 64, phrase: "The store location is empty"),
        BadInput(arguments: ["show", "--store", "mysql://ann@db.example.org/runs"], status: 64,
                 phrase: "uses the scheme 'mysql', which metaqnn does not know"),
        BadInput(arguments: ["list", "--store", "postgresql://db.example.org/runs"], status: 64, phrase: "names no user"),
        BadInput(arguments: ["report", "--store", "postgresql://ann@db.example.org"], status: 64, phrase: "names no database"),
        BadInput(arguments: ["replay", "--store", "postgresql://ann@db.example.org:99999/runs"], status: 64,
                 phrase: "is not a number from 1 to 65535"),
        BadInput(arguments: ["export", "--store", "postgresql://ann@db.example.org/runs?sslmode=sometimes", "--replay-csv", "r.csv"],
                 status: 64, phrase: "has sslmode 'sometimes'"),
        BadInput(arguments: ["show", "--store", "postgresql://ann:s3cret@db.example.org/runs?color=red"], status: 64,
                 phrase: "postgresql://ann:***@db.example.org/runs?color=red has the parameter 'color'"),
        BadInput(arguments: ["show"], environment: ["METAQNN_STORE": "mysql://ann@db.example.org/runs"], status: 64,
                 phrase: "uses the scheme 'mysql'"),
        BadInput(arguments: ["list"], environment: ["METAQNN_STORE": "notes.sqlite"], status: 1,
                 phrase: "notes.sqlite is not an SQLite database"),
        BadInput(arguments: ["show", "--store", postgresURL], status: 1, phrase: postgresRefusal),
        BadInput(arguments: ["list", "--store", postgresURL], status: 1, phrase: postgresRefusal),
        BadInput(arguments: ["report", "--store", postgresURL], status: 1, phrase: postgresRefusal),
        BadInput(arguments: ["export", "--store", postgresURL, "--replay-csv", "r.csv"], status: 1, phrase: postgresRefusal),
        BadInput(arguments: ["import", "good.csv", "--experiment", "x", "--store", postgresURL], status: 1,
                 phrase: postgresRefusal),
        BadInput(arguments: ["finalize", "--experiment", "small", "--store", postgresURL], status: 1, phrase: postgresRefusal),
        BadInput(arguments: ["search", "--experiment", "fresh", "--store", postgresURL, "--epochs", "1"], status: 1,
                 phrase: postgresRefusal),
        BadInput(arguments: ["show", "--experiment", "small"], environment: ["METAQNN_STORE": postgresURL], status: 1,
                 phrase: postgresRefusal),
    ]

    /// The refusal of `postgresURL`, its password hidden.
    static let postgresRefusal = "The store postgresql://ann:***@127.0.0.1:1/runs is a PostgreSQL database, which this build "
        + "of metaqnn cannot open yet"
}
