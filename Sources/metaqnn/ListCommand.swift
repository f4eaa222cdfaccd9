import ArgumentParser
import Designer
import Foundation
import ReplayStore

/// `metaqnn list`: the experiments in one store, or in every store under `Replay/`.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List experiments with their status, models and best net.")

    @Option(help: ArgumentHelp("Replay store file (default: every Replay/*.sqlite).", valueName: "path"))
    var store: String?

    func run() throws {
        let paths = try store.map { [$0] } ?? Self.defaultStores()
        if paths.isEmpty { print("No replay stores under Replay/; run `metaqnn search` first.") }
        for path in paths {
            if paths.count > 1 || store == nil { print("\(path):") }
            print(try ExperimentCatalog(store: ReplayStore(path: path, mode: .mustExist)).listing(), terminator: "")
        }
    }

    static func defaultStores() throws -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "Replay")) ?? []
        return names.filter { $0.hasSuffix(".sqlite") }.sorted().map { "Replay/" + $0 }
    }
}
