import Foundation
import StoreLocation
import TestSupport

/// A new, empty database of the shared test cluster, as the commands under test name it.
struct PostgresTestDatabase {
    let cluster: PostgresTestCluster
    let name: String

    /// A fresh database of `PostgresTestCluster.shared()`.
    init() throws {
        cluster = try PostgresTestCluster.shared()
        name = try cluster.createDatabase()
    }

    /// The store URL, password included (as a user would pass it to `--store`).
    var url: String { cluster.url(database: name, query: "?sslmode=disable") }

    /// The store location of `url`.
    func location() throws -> StoreLocation { try StoreLocation(parsing: url, environment: [:]) }

    /// `psql` on this database, independent of the code under test.
    var psql: PSQL { PSQL(cluster: cluster, database: name) }
}
