import StoreLocation
import Testing

/// Which value names a command's store: `--store` first, then `METAQNN_STORE`, then the command's default.
@Suite struct StoreLocationEnvironmentTests {
    @Test func theStoreOptionWinsOverTheVariable() {
        #expect(StoreLocation.value(option: "a.sqlite", environment: ["METAQNN_STORE": "b.sqlite"]) == "a.sqlite")
    }

    @Test func theVariableNamesTheStoreWithoutTheOption() throws {
        let url = "postgresql://ann@db.example.org/runs"
        #expect(StoreLocation.value(option: nil, environment: ["METAQNN_STORE": "b.sqlite"]) == "b.sqlite")
        let value = try #require(StoreLocation.value(option: nil, environment: ["METAQNN_STORE": url]))
        guard case .postgres(let parsed) = try StoreLocation(parsing: value, environment: [:]) else {
            Issue.record("\(url) read as an SQLite path")
            return
        }
        #expect(parsed.host == "db.example.org" && parsed.database == "runs")
    }

    @Test func anEmptyOrMissingVariableLeavesTheCommandsDefault() {
        #expect(StoreLocation.value(option: nil, environment: [:]) == nil)
        #expect(StoreLocation.value(option: nil, environment: ["METAQNN_STORE": ""]) == nil)
        #expect(StoreLocation.value(option: nil, environment: ["OTHER": "b.sqlite"]) == nil)
    }

    @Test func anEmptyOptionIsKeptAndRefused() {
        let value = StoreLocation.value(option: "", environment: ["METAQNN_STORE": "b.sqlite"])
        #expect(value == "")
        #expect(throws: StoreLocationError.empty) { try StoreLocation(parsing: value ?? "x", environment: [:]) }
    }
}
