import Designer
import Foundation
import QLearning
import ReplayStore
import SearchSpace
import StoreModel
import Testing

/// `metaqnn import` SIGKILLed at random moments: the store is always sound and holds either
/// the whole experiment or none of it, and a later import completes it.
@Suite struct ImportKillTests {
    /// The built `metaqnn` beside the test bundle (`swift test` builds every product), or in `.build/debug`.
    static let executable: String? = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let candidates = [
            Bundle.main.executableURL?.deletingLastPathComponent(),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            root.appendingPathComponent(".build/debug"),
        ]
        return candidates.compactMap { $0?.appendingPathComponent("metaqnn").path }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// A reference-format file of `rows` rows over the legal nets an ε = 1 agent samples in cpu-digits.
    static func referenceFile(rows: Int) -> String {
        var rng = SplitMix64(seed: 11)
        var learner = QLearner(settings: .cpuDigits)
        let nets = (0..<40).map { _ in learner.sampleArchitecture(epsilon: 1, rng: &rng).architecture.description }
        var accuracy: [String: Double] = [:]
        var text = ReplayCSV.columns.joined(separator: ",") + "\n"
        for index in 0..<rows {
            let net = nets[Int.random(in: 0..<nets.count, using: &rng)]
            let value = accuracy[net] ?? Double(Int.random(in: 100...990, using: &rng)) / 1000
            accuracy[net] = value
            text += "\"\(net)\",\(value),10,\(value),20,\(value),\(value),1.0,1.0,\(1000 + index),m\n"
        }
        return text
    }

    @Test(.enabled(if: executable != nil)) func killedImportsLeaveAllOrNothing() throws {
        let dir = NSTemporaryDirectory() + "import-kill-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let rows = 3000
        try Self.referenceFile(rows: rows).write(toFile: dir + "/r.csv", atomically: true, encoding: .utf8)
        let arguments = ["import", dir + "/r.csv", "--experiment", "k", "--preset", "cpu-digits"]

        // The uninterrupted run: its duration bounds the kill times, its export is the reference.
        let started = Date()
        #expect(try Self.run(arguments + ["--store", dir + "/whole.sqlite"], killAfter: nil) == 0)
        let duration = Date().timeIntervalSince(started)
        let whole = try ReplayExporter(store: ReplayStore(path: dir + "/whole.sqlite", mode: .mustExist)).replayCSV(experiment: "k")

        // Each attempt imports into a store of its own and is killed within the first 60 % of the
        // uninterrupted run's time, so a run that happens to go faster than that one is still
        // killed in all likelihood; every killed store then holds all rows or none, and the same
        // command completes it.
        var rng = SplitMix64(seed: 5)
        var killedCount = 0
        for attempt in 0..<4 {
            let path = dir + "/s\(attempt).sqlite"
            let delay = Double.random(in: 0.005...max(0.01, duration * 0.6), using: &rng)
            if try Self.run(arguments + ["--store", path], killAfter: delay) == nil { killedCount += 1 }
            if FileManager.default.fileExists(atPath: path) {
                let store = try ReplayStore(path: path, mode: .mustExist)
                #expect(try store.integrityProblems().isEmpty)
                if try store.experimentIfPresent(named: "k") != nil {
                    #expect(try store.replayEntries(experiment: "k").count == rows, "all rows or none")
                    continue
                }
            }
            #expect(try Self.run(arguments + ["--store", path], killAfter: nil) == 0)
            let exported = try ReplayExporter(store: ReplayStore(path: path, mode: .mustExist)).replayCSV(experiment: "k")
            #expect(exported.split(separator: "\n").map { $0.split(separator: ",").dropLast(2) }
                == whole.split(separator: "\n").map { $0.split(separator: ",").dropLast(2) })
        }
        #expect(killedCount > 0, "no run was killed; the test did not exercise an interrupted import")
    }

    /// Runs metaqnn; returns its exit status, or nil when it was SIGKILLed after `killAfter` seconds.
    static func run(_ arguments: [String], killAfter: Double?) throws -> Int32? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable!)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        if let killAfter {
            let deadline = Date().addingTimeInterval(killAfter)
            while process.isRunning, Date() < deadline { usleep(1_000) }
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                return nil
            }
        }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
