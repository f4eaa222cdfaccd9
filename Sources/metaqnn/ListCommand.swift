import ArgumentParser
import Designer
import Foundation
import StoreLocation

/// `metaqnn list`: the experiments in one store, or in every store under `Replay/`.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List experiments with their status, models and best net.",
        discussion: "Stores are only read. Without --store or METAQNN_STORE every Replay/*.sqlite is listed; one that "
            + "cannot be read is named in one line and the others are still listed; the exit status is then 1.")

    @Option(help: ArgumentHelp(StoreOptions.storeHelp(default: "$METAQNN_STORE, else every Replay/*.sqlite"),
                               valueName: "path|url"))
    var store: String?

    func validate() throws {
        do { _ = try chosenStore() } catch { throw ValidationError(error.description) }
    }

    func run() throws {
        if let location = try chosenStore() {
            return print(try ExperimentCatalog(store: StoreOpening.open(location, mode: .readOnly)).listing(), terminator: "")
        }
        let paths = Self.defaultStores()
        if paths.isEmpty { print("No replay stores under Replay/; run `metaqnn search` first.") }
        var unreadable = 0
        for path in paths {
            print("\(path):")
            do {
                print(try ExperimentCatalog(store: StoreOpening.open(.sqlite(path: path), mode: .readOnly)).listing(),
                      terminator: "")
            } catch {
                // One bad file does not hide the other stores; it is named and the exit status says so.
                unreadable += 1
                FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
            }
        }
        if unreadable > 0 { throw ExitCode(1) }
    }

    /// The one store `--store` or `METAQNN_STORE` names; nil when neither does.
    private func chosenStore() throws(StoreLocationError) -> StoreLocation? {
        let environment = ProcessInfo.processInfo.environment
        return try StoreLocation.value(option: store, environment: environment)
            .map { value throws(StoreLocationError) in try StoreLocation(parsing: value, environment: environment) }
    }

    static func defaultStores() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "Replay")) ?? []
        return names.filter { $0.hasSuffix(".sqlite") }.sorted().map { "Replay/" + $0 }
    }
}
