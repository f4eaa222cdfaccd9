import Foundation

/// Runs the cluster's commands, as the server's user where needed.
struct PostgresClusterRunner: Sendable {
    let directory: URL
    let password: String
    let runAs: PostgresServerIdentity?

    /// Starts `executable` as the server's user with its output appended to `log`, and returns at once.
    func start(_ executable: URL, _ arguments: [String], log: URL) throws -> Process {
        let process = self.process(executable, arguments, asServerUser: true)
        if !FileManager.default.fileExists(atPath: log.path) { _ = FileManager.default.createFile(atPath: log.path, contents: nil) }
        guard let output = FileHandle(forWritingAtPath: log.path) else {
            throw PostgresTestCluster.Unavailable(description: "could not open \(log.path) for the server's log")
        }
        defer { try? output.close() }
        output.seekToEndOfFile()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }

    private func process(_ executable: URL, _ arguments: [String], asServerUser: Bool) -> Process {
        let process = Process()
        if asServerUser, let runAs {
            process.executableURL = URL(fileURLWithPath: runAs.setpriv[0])
            process.arguments = Array(runAs.setpriv.dropFirst()) + [executable.path] + arguments
        } else {
            process.executableURL = executable
            process.arguments = arguments
        }
        var environment = ProcessInfo.processInfo.environment
        environment["PGPASSWORD"] = password
        environment["LC_ALL"] = "C.UTF-8"
        process.environment = environment
        // The server's working directory must be readable by its user (root's home may not be).
        process.currentDirectoryURL = directory
        return process
    }

    /// Runs `executable`, as the server's user when asked and needed; throws with its output on failure.
    func run(_ executable: URL, _ arguments: [String], asServerUser: Bool) throws {
        let process = self.process(executable, arguments, asServerUser: asServerUser)
        // A file, not a pipe: nothing started here may hold a pipe whose reader waits for its end.
        let outputFile = directory.appendingPathComponent("output-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: outputFile.path, contents: nil),
              let output = FileHandle(forWritingAtPath: outputFile.path) else {
            throw PostgresTestCluster.Unavailable(description: "could not create \(outputFile.path) for the output of \(executable.lastPathComponent)")
        }
        defer { try? FileManager.default.removeItem(at: outputFile) }
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try? output.close()
        let text = (try? String(contentsOf: outputFile, encoding: .utf8)) ?? ""
        guard process.terminationStatus == 0 else {
            throw PostgresTestCluster.Unavailable(description: "\(executable.lastPathComponent) exited with status \(process.terminationStatus): "
                + text.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }
}
