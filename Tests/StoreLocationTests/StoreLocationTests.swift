import Foundation
import StoreLocation
import Testing

/// `--store` values: paths stay paths, PostgreSQL URLs are read part by part, everything else is refused.
@Suite struct StoreLocationTests {
    @Test(arguments: ["Replay/fashion.sqlite", "/tmp/a b/store.sqlite", "store", "./postgresql.sqlite", "C:store"])
    func pathsAreSQLite(_ value: String) throws {
        #expect(try StoreLocation(parsing: value, environment: [:]) == .sqlite(path: value))
    }

    @Test func aFullURLIsReadPartByPart() throws {
        let location = try StoreLocation(
            parsing: "postgresql://ann:s%40cret@db.example.org:6543/metaqnn?sslmode=verify-full&sslrootcert=/etc/ca.pem",
            environment: [:])
        let expected = PostgresURL(user: "ann", password: Password("s@cret"), host: "db.example.org", port: 6543,
                                   database: "metaqnn", sslMode: .verifyFull, sslRootCertificate: "/etc/ca.pem")
        #expect(location == .postgres(expected))
    }

    @Test func defaultsArePort5432AndSSLModePrefer() throws {
        let url = try PostgresURL(parsing: "postgres://bob@localhost/runs")
        #expect(url == PostgresURL(user: "bob", host: "localhost", port: 5432, database: "runs", sslMode: .prefer))
    }

    @Test func anIPv6HostIsWrittenInBrackets() throws {
        let url = try PostgresURL(parsing: "postgresql://bob@[::1]:5433/runs")
        #expect(url.host == "::1")
        #expect(url.port == 5433)
        #expect(url.description == "postgresql://bob@[::1]:5433/runs")
    }

    @Test func theDescriptionHidesThePasswordAndReadsBack() throws {
        let url = try PostgresURL(parsing: "postgresql://ann:pa%3Ass@host/db%20x?sslmode=require")
        #expect(url.description == "postgresql://ann:***@host:5432/db%20x?sslmode=require")
        #expect(!"\(url)".contains("pa:ss"))
        #expect(!String(reflecting: url).contains("pa:ss"))
        var dumped = ""
        dump(url, to: &dumped)
        #expect(!dumped.contains("pa:ss"))
        let again = try PostgresURL(parsing: url.description)
        #expect(again.database == "db x")
        #expect(again.password == Password("***"))
    }

    @Test func theRawRedactionHidesPasswordsOfURLsThatDoNotParse() {
        #expect(StoreLocation.redacted("postgresql://ann:secret@host:99999/db") == "postgresql://ann:***@host:99999/db")
        #expect(StoreLocation.redacted("postgresql://ann:se@cret@host/db") == "postgresql://ann:***@host/db")
        #expect(StoreLocation.redacted("mysql://ann:secret@host/db") == "mysql://ann:***@host/db")
        #expect(StoreLocation.redacted("postgresql://ann@host/db") == "postgresql://ann@host/db")
        #expect(StoreLocation.redacted("runs/store.sqlite") == "runs/store.sqlite")
    }

    @Test func badValuesGiveTypedErrorsWithoutThePassword() {
        let cases: [(String, StoreLocationError)] = [
            ("", .empty),
            ("mysql://ann:secret@host/db", .unsupportedScheme(url: "mysql://ann:***@host/db", scheme: "mysql")),
            ("postgresql://host/db", .missingUser(url: "postgresql://host/db")),
            ("postgresql://:secret@host/db", .missingUser(url: "postgresql://:***@host/db")),
            ("postgresql://ann:secret@/db", .missingHost(url: "postgresql://ann:***@/db")),
            ("postgresql://ann:secret@[::1/db", .missingHost(url: "postgresql://ann:***@[::1/db")),
            ("postgresql://ann:secret@host", .missingDatabase(url: "postgresql://ann:***@host")),
            ("postgresql://ann:secret@host/", .missingDatabase(url: "postgresql://ann:***@host/")),
            ("postgresql://ann:secret@host:0/db", .badPort(url: "postgresql://ann:***@host:0/db", port: "0")),
            ("postgresql://ann:secret@host:65536/db", .badPort(url: "postgresql://ann:***@host:65536/db", port: "65536")),
            ("postgresql://ann:secret@host:x/db", .badPort(url: "postgresql://ann:***@host:x/db", port: "x")),
            ("postgresql://ann:se%zzt@host/db", .badPercentEncoding(url: "postgresql://ann:***@host/db", part: "password")),
            ("postgresql://ann@host/d%ff", .badPercentEncoding(url: "postgresql://ann@host/d%ff", part: "database name")),
            ("postgresql://ann@host/db?user=root", .unknownParameter(url: "postgresql://ann@host/db?user=root", name: "user")),
            ("postgresql://ann@host/db?sslmode=allow", .badSSLMode(url: "postgresql://ann@host/db?sslmode=allow", mode: "allow")),
            ("postgresql://ann@host/db?sslmode=require&sslrootcert=ca.pem",
             .rootCertificateWithoutVerification(url: "postgresql://ann@host/db?sslmode=require&sslrootcert=ca.pem", mode: .require)),
        ]
        for (value, expected) in cases {
            #expect(throws: expected, "\(value)") { try StoreLocation(parsing: value, environment: [:]) }
            #expect(!expected.description.contains("secret"))
            #expect(expected.description.hasSuffix("."))
            #expect(!expected.description.dropLast().contains(". "), "one sentence: \(expected.description)")
        }
    }

    @Test func pgpasswordFillsAMissingPassword() throws {
        let environment = ["PGPASSWORD": "fromenv", "HOME": "/nonexistent"]
        let without = try StoreLocation(parsing: "postgresql://ann@host/db", environment: environment)
        #expect(without == .postgres(PostgresURL(user: "ann", password: Password("fromenv"), host: "host", database: "db")))
        // A password in the URL wins.
        let with = try StoreLocation(parsing: "postgresql://ann:inurl@host/db", environment: environment)
        #expect(with == .postgres(PostgresURL(user: "ann", password: Password("inurl"), host: "host", database: "db")))
        #expect(without.description == "postgresql://ann:***@host:5432/db")
    }
}
