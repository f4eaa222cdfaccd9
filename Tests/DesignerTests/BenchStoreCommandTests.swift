import Designer
import Foundation
import StoreLocation
import StoreModel
import TestSupport
import Testing

/// `metaqnn bench-store` run small: its worker processes finish the schedule exactly in a fresh
/// experiment, its figures count what the store holds, and another experiment of the store is left
/// as it was. Timings are printed by the command, never checked.
@Suite("bench-store: worker processes on a fresh experiment", .serialized,
       .enabled(if: MetaqnnProcess.executable != nil, "the metaqnn executable is not built; run `swift build` first"))
struct BenchStoreCommandTests {
    /// The store a run uses.
    enum Backend: String, CaseIterable, CustomTestStringConvertible {
        case postgresql, sqlite
        var testDescription: String { rawValue }
    }

    /// What a store holds of one experiment, to tell that it did not change.
    struct Snapshot: Equatable {
        var experiment: ExperimentRecord
        var nets: [TrainedNetRecord]
        var replay: [ReplayEntry]
        var qValues: [QValueRecord]

        init(_ store: any ExperimentStore, _ name: String) throws {
            (experiment, nets) = (try store.experiment(named: name), try store.nets(experiment: name))
            (replay, qValues) = (try store.replayEntries(experiment: name), try store.qValues(experiment: name))
        }
    }

    @Test("Two processes: exact unique counts per ε, every step counted, another experiment untouched",
          arguments: Backend.allCases.filter { $0 == .sqlite || PostgresTestCluster.shouldRun })
    func twoProcesses(_ backend: Backend) throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = switch backend {
        case .postgresql: try PostgresTestDatabase().url
        case .sqlite: folder.appendingPathComponent("bench.sqlite").path
        }
        let other = try MetaqnnProcess.run(["search", "--experiment", "other", "--store", store, "--trainer", "synthetic",
                                            "--synthetic-delay", "0", "--layer-limit", "2", "--schedule", "1.0:3",
                                            "--replay-number", "2", "--report-dir", folder.appendingPathComponent("r").path],
                                           in: folder)
        #expect(other.status == 0, "\(other.error)")
        let location = try StoreLocation(parsing: store, environment: [:])
        let before = try Snapshot(StoreOpening.open(location, mode: .readOnly), "other")

        let bench = try MetaqnnProcess.run(["bench-store", "--store", store, "--experiment", "b1", "--processes", "2",
                                            "--schedule", "1.0:12,0.5:6", "--json"], in: folder)
        #expect(bench.status == 0, "\(bench.error)\(bench.output)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(bench.output.utf8)) as? [String: Any])

        let reader = try StoreOpening.open(location, mode: .readOnly)
        let nets = try reader.nets(experiment: "b1")
        #expect([0, 1].map { stage in nets.filter { $0.stage == stage && $0.status == .trained }.count } == [12, 6],
                "exact unique counts per ε")
        #expect(Set(nets.map(\.net)).count == nets.count, "no net trained twice")
        let replay = try reader.replayEntries(experiment: "b1").map(\.row)
        #expect(replay.map(\.sequence).sorted() == Array(1...replay.count), "no replay row lost")
        #expect(try reader.leases(experiment: "b1").isEmpty && reader.experiment(named: "b1").status == .finished)
        #expect(json["processes"] as? Int == 2 && json["unique_nets"] as? Int == 18 && json["steps"] as? Int == replay.count)
        #expect(json["experiment"] as? String == "b1" && (json["build"] as? String).map { ["debug", "release"].contains($0) } == true)
        #expect(try Snapshot(reader, "other") == before, "the store's other experiment is left as it was")
    }
}
