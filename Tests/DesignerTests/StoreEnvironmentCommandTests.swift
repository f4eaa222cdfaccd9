import Foundation
import Testing

/// The real `metaqnn`: `METAQNN_STORE` names the store of every command run without `--store`,
/// `--store` wins over it, and an empty variable leaves the default (`Replay/<experiment>.sqlite`).
@Suite(.enabled(if: MetaqnnProcess.executable != nil, "the metaqnn executable is not built; run `swift build` first"))
struct StoreEnvironmentCommandTests {
    /// Runs `arguments` in a fresh `BadInputFolder` (whose `Replay/good.sqlite` holds experiment `small`).
    static func run(_ arguments: [String], store variable: String? = nil) throws -> (status: Int32, text: String) {
        let folder = try BadInputFolder.make()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try MetaqnnProcess.run(arguments, in: folder, killAfter: 120,
                                             environment: variable.map { ["METAQNN_STORE": $0] } ?? [:])
        return (outcome.status, outcome.error + outcome.output)
    }

    @Test func theVariableNamesTheStore() throws {
        let without = try Self.run(["show", "--experiment", "small"])
        #expect(without.status == 1 && without.text.contains("No replay store at Replay/small.sqlite"), "\(without.text)")
        let with = try Self.run(["show", "--experiment", "small"], store: "Replay/good.sqlite")
        #expect(with.status == 0 && with.text.contains("store: Replay/good.sqlite"), "\(with.text)")
    }

    @Test func theStoreOptionWinsOverTheVariable() throws {
        let good = try Self.run(["show", "--experiment", "small", "--store", "Replay/good.sqlite"], store: "notes.sqlite")
        #expect(good.status == 0 && good.text.contains("store: Replay/good.sqlite"), "\(good.text)")
        let notes = try Self.run(["show", "--experiment", "small", "--store", "notes.sqlite"], store: "Replay/good.sqlite")
        #expect(notes.status == 1 && notes.text.contains("notes.sqlite is not an SQLite database"), "\(notes.text)")
    }

    /// Bare `list` reads every `Replay/*.sqlite` (and fails on `Replay/broken.sqlite`); with the variable, only that store.
    @Test func listReadsOnlyTheStoreTheVariableNames() throws {
        let every = try Self.run(["list"])
        #expect(every.status == 1 && every.text.contains("Replay/broken.sqlite"), "\(every.text)")
        let one = try Self.run(["list"], store: "Replay/good.sqlite")
        #expect(one.status == 0 && one.text.contains("small") && !one.text.contains("broken"), "\(one.text)")
    }

    @Test func anEmptyVariableLeavesTheDefault() throws {
        let empty = try Self.run(["show", "--experiment", "small"], store: "")
        #expect(empty.status == 1 && empty.text.contains("No replay store at Replay/small.sqlite"), "\(empty.text)")
    }

    @Test(arguments: [["show", "--experiment", "small"], ["search", "--experiment", "fresh", "--epochs", "1"]])
    func anUnreachablePostgreSQLStoreIsNamedWithoutItsPassword(_ arguments: [String]) throws {
        let url = BadInputCatalogueTests.postgresURL
        for outcome in [try Self.run(arguments + ["--store", url]), try Self.run(arguments, store: url)] {
            #expect(outcome.status == 1 && outcome.text.contains(BadInputCatalogueTests.unreachable), "\(outcome.text)")
            #expect(!outcome.text.contains("s3cret"), "\(outcome.text)")
        }
    }
}
