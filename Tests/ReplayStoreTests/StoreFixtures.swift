import Foundation
import ReplayStore
import StoreModel

/// A fresh directory under the system temporary directory, removed by `cleanUp()`.
struct TemporaryDirectory {
    let path: String

    init() {
        path = NSTemporaryDirectory() + "replaystore-tests-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { path + "/" + name }

    func cleanUp() { try? FileManager.default.removeItem(atPath: path) }
}

enum Fixtures {
    static func experiment(_ name: String = "exp", seed: UInt64 = 7) -> ExperimentRecord {
        ExperimentRecord(name: name, kind: .search, status: .running, seed: seed,
                         searchSpaceJSON: #"{"layerLimit":4}"#, settingsJSON: #"{"replayNumber":2}"#,
                         rngState: seed, createdAt: 1000, updatedAt: 1000)
    }

    static func trained(_ net: String, accuracy: Double, stage: Int? = 0) -> TrainedNetRecord {
        TrainedNetRecord(net: net, status: .trained, stage: stage, epsilon: 1, bestValidationAccuracy: accuracy,
                         bestValidationIteration: 10, lastValidationAccuracy: accuracy - 0.01,
                         lastValidationIteration: 20, testAccuracyAtBest: accuracy - 0.02,
                         testAccuracyAtLast: accuracy - 0.03, parameterCount: 123, forwardFLOPs: 4567,
                         epochsJSON: #"[{"epoch":1}]"#, attempts: 1, learned: true, seconds: 1.5, worker: "w0",
                         finishedAt: 2000)
    }

    /// The start state of a 32×32 input, bucketed.
    static let start = StoredLayerState(layerType: "start", layerDepth: 0, filterDepth: 1, filterSize: 0, stride: 0,
                                        imageSize: 8, fcSize: 0, terminate: false)
    /// A conv action from `start`.
    static let conv = StoredLayerState(layerType: "conv", layerDepth: 1, filterDepth: 64, filterSize: 3, stride: 1,
                                       imageSize: 8, fcSize: 0, terminate: false)
    /// A gap action from `start`.
    static let gap = StoredLayerState(layerType: "gap", layerDepth: 1, filterDepth: 0, filterSize: 0, stride: 0,
                                      imageSize: 1, fcSize: 0, terminate: false)

    /// Runs the sqlite3 command-line shell on `path`; tests that need it are skipped without it.
    static func sqlite3(_ path: String, _ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: sqlite3Path)
        process.arguments = [path, sql]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    static let sqlite3Path = "/usr/bin/sqlite3"
    static var hasSQLite3: Bool { FileManager.default.isExecutableFile(atPath: sqlite3Path) }
}
