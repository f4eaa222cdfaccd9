import Foundation

extension BadInputCatalogueTests {
    /// A PostgreSQL URL with a password; nothing listens on port 1, and nothing may try to.
    static let postgresURL = "postgresql://ann:s3cret@127.0.0.1:1/runs"

    /// `--store` and `METAQNN_STORE` values that are no store location, and a PostgreSQL URL where no
    /// server answers.
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
        BadInput(arguments: ["show", "--store", postgresURL], status: 1, phrase: unreachable),
        BadInput(arguments: ["list", "--store", postgresURL], status: 1, phrase: unreachable),
        BadInput(arguments: ["report", "--store", postgresURL], status: 1, phrase: unreachable),
        BadInput(arguments: ["export", "--store", postgresURL, "--replay-csv", "r.csv"], status: 1, phrase: unreachable),
        BadInput(arguments: ["import", "good.csv", "--experiment", "x", "--store", postgresURL], status: 1, phrase: unreachable),
        BadInput(arguments: ["finalize", "--experiment", "small", "--store", postgresURL], status: 1, phrase: unreachable),
        BadInput(arguments: ["search", "--experiment", "fresh", "--store", postgresURL, "--epochs", "1"], status: 1,
                 phrase: unreachable),
        BadInput(arguments: ["replay", "--store", postgresURL], status: 1, phrase: unreachable),
        BadInput(arguments: ["predictor", "--store", postgresURL], status: 1, phrase: unreachable),
        BadInput(arguments: ["show", "--experiment", "small"], environment: ["METAQNN_STORE": postgresURL], status: 1,
                 phrase: unreachable),
    ]

    /// The sentence for `postgresURL`, its password hidden: nothing listens on port 1.
    static let unreachable = "No PostgreSQL server answered for the store postgresql://ann:***@127.0.0.1:1/runs (Connection refused); "
        + "check the host and port and that the server is running."

    /// Stands for the test cluster's `127.0.0.1:port` in the rows of `postgresCluster`.
    static let clusterAddress = "TEST-CLUSTER"
    /// Stands for the test cluster's password in the rows of `postgresCluster`.
    static let clusterPassword = "CLUSTER-PASSWORD"

    /// PostgreSQL URLs of the test cluster that cannot be used: a wrong password, a database that
    /// does not exist, TLS the server does not offer, and a database that holds no store (for
    /// commands that only read). Run only where PostgreSQL is installed (`PostgresTestCluster`).
    static let postgresCluster: [BadInput] = [
        BadInput(arguments: ["show", "--store", "postgresql://metaqnn:wrong-s3cret@\(clusterAddress)/postgres?sslmode=disable"],
                 status: 1, phrase: "The PostgreSQL server refused the user or password of the store postgresql://metaqnn:***@"),
        BadInput(arguments: ["search", "--experiment", "fresh", "--epochs", "1",
                             "--store", "postgresql://metaqnn:wrong-s3cret@\(clusterAddress)/postgres?sslmode=disable"],
                 status: 1, phrase: "The PostgreSQL server refused the user or password of the store postgresql://metaqnn:***@"),
        BadInput(arguments: ["list"], environment: ["METAQNN_STORE": "postgresql://metaqnn@\(clusterAddress)/postgres?sslmode=disable",
                                                    "PGPASSWORD": "wrong-s3cret"],
                 status: 1, phrase: "refused the user or password of the store postgresql://metaqnn:***@"),
        BadInput(arguments: ["report", "--store", "postgresql://metaqnn:\(clusterPassword)@\(clusterAddress)/no_such_db?sslmode=disable"],
                 status: 1, phrase: "has no such database; create it (createdb) or fix its name"),
        BadInput(arguments: ["export", "--store", "postgresql://metaqnn:\(clusterPassword)@\(clusterAddress)/postgres?sslmode=require",
                             "--replay-csv", "r.csv"],
                 status: 1, phrase: "does not offer TLS, which its sslmode requires"),
        BadInput(arguments: ["show", "--store", "postgresql://metaqnn:\(clusterPassword)@\(clusterAddress)/postgres?sslmode=disable"],
                 status: 1, phrase: "No replay store at postgresql://metaqnn:***@"),
        BadInput(arguments: ["finalize", "--experiment", "small",
                             "--store", "postgresql://metaqnn:\(clusterPassword)@\(clusterAddress)/postgres?sslmode=disable"],
                 status: 1, phrase: "No replay store at postgresql://metaqnn:***@"),
    ]
}
