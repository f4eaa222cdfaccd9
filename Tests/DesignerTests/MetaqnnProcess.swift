import Foundation

/// Runs the built `metaqnn` executable for end-to-end and crash tests.
struct MetaqnnProcess {
    /// The executable beside the test bundle (`swift test` builds every product first), or nil.
    static let executable: URL? = {
        var candidates: [URL] = []
        if let main = Bundle.main.executableURL { candidates.append(main.deletingLastPathComponent()) }
        candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(root.appendingPathComponent(".build/debug"))
        for directory in candidates {
            let url = directory.appendingPathComponent("metaqnn")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }()

    /// The outcome of a run that was allowed to finish.
    struct Outcome {
        var status: Int32
        var killed: Bool
        var output: String
        var error: String
    }

    /// Starts `metaqnn arguments` with its output captured in files (pipes could fill up and block it),
    /// with `environment` over this process's environment.
    static func start(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> (Process, URL, URL) {
        guard let executable else { throw MissingExecutable() }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        // A METAQNN_STORE of the developer's shell would send every command under test to that store.
        process.environment = ProcessInfo.processInfo.environment.filter { $0.key != "METAQNN_STORE" }
            .merging(environment) { $1 }
        let out = directory.appendingPathComponent("out-\(UUID().uuidString).txt")
        let err = directory.appendingPathComponent("err-\(UUID().uuidString).txt")
        // A file that could not be made fails the FileHandle below, which names it.
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        return (process, out, err)
    }

    /// Runs to the end, or SIGKILLs the process after `killAfter` seconds if it is still running.
    static func run(_ arguments: [String], in directory: URL, killAfter: Double? = nil,
                    environment: [String: String] = [:]) throws -> Outcome {
        let (process, out, err) = try start(arguments, in: directory, environment: environment)
        var killed = false
        if let killAfter {
            let deadline = Date().addingTimeInterval(killAfter)
            while process.isRunning, Date() < deadline { usleep(2_000) }
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                killed = true
            }
        }
        process.waitUntilExit()
        let output = (try? String(contentsOf: out, encoding: .utf8)) ?? ""
        let error = (try? String(contentsOf: err, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(at: out)
        try? FileManager.default.removeItem(at: err)
        return Outcome(status: process.terminationStatus, killed: killed, output: output, error: error)
    }

    struct MissingExecutable: Error, CustomStringConvertible {
        var description: String { "the metaqnn executable is not built; run `swift build` (or `swift test`, which builds it)" }
    }
}

/// A fresh temporary folder per test.
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("designer-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
