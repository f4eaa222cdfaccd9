import Foundation
import StoreLocation
import Testing

/// The password file as libpq reads it: first match wins, `*` wildcards, `\:` escapes, and a file
/// others may read is ignored.
@Suite struct PGPassFileTests {
    let text = """
        # comment:line:that:looks:like-an-entry
        db.example.org:5432:runs:ann:first
        db.example.org:*:*:ann:second
        *:*:*:bob:b\\:ob\\\\pw:tail
        too:few:fields
        host\\:with\\:colons:5432:runs:ann:escaped
        """

    @Test func theFirstMatchingLineWins() {
        let file = PGPassFile(text: text)
        #expect(file.password(host: "db.example.org", port: 5432, database: "runs", user: "ann") == Password("first"))
        #expect(file.password(host: "db.example.org", port: 6000, database: "other", user: "ann") == Password("second"))
        #expect(file.password(host: "elsewhere", port: 5432, database: "runs", user: "ann") == nil)
        #expect(file.password(host: "comment", port: 0, database: "that", user: "looks") == nil)
    }

    @Test func escapesAndColonsInThePasswordAreKept() {
        let file = PGPassFile(text: text)
        #expect(file.password(host: "any", port: 1, database: "x", user: "bob") == Password("b:ob\\pw:tail"))
        #expect(file.password(host: "host:with:colons", port: 5432, database: "runs", user: "ann") == Password("escaped"))
        #expect(file.entries.count == 4)
    }

    /// Writes `text` to a new file with `mode`; returns its path.
    func file(mode: Int) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pgpass-\(UUID().uuidString)").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return path
    }

    @Test func aPrivateFileIsUsedThroughTheEnvironment() throws {
        let path = try file(mode: 0o600)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let location = try StoreLocation(parsing: "postgresql://ann@db.example.org/runs", environment: ["PGPASSFILE": path])
        #expect(location == .postgres(PostgresURL(user: "ann", password: Password("first"), host: "db.example.org", database: "runs")))
    }

    @Test func theHomeDirectoryFileIsTheDefault() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("home-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        let path = home.appendingPathComponent(".pgpass").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        let url = try PostgresURL(parsing: "postgresql://bob@h/d").withPasswordFallbacks(environment: ["HOME": home.path])
        #expect(url.password == Password("b:ob\\pw:tail"))
    }

    @Test(arguments: [0o640, 0o604, 0o644, 0o660])
    func aFileOthersMayReadIsIgnored(mode: Int) throws {
        let path = try file(mode: mode)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(PGPassFile(path: path) == nil)
        let url = try PostgresURL(parsing: "postgresql://ann@db.example.org/runs").withPasswordFallbacks(environment: ["PGPASSFILE": path])
        #expect(url.password == nil)
    }

    @Test func aMissingFileMeansNoPassword() throws {
        let url = try PostgresURL(parsing: "postgresql://ann@db.example.org/runs")
            .withPasswordFallbacks(environment: ["PGPASSFILE": "/nonexistent/pgpass"])
        #expect(url.password == nil)
    }
}
