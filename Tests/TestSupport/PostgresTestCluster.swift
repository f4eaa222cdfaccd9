import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A throwaway PostgreSQL server for tests: Debian's (or `pg_config`'s) `initdb` and `pg_ctl` into a
/// temporary directory, listening on a free port of 127.0.0.1 and on a unix socket in that directory.
///
/// One cluster serves every test of a test process (`shared`, started on first use); each test takes
/// its own database from `createDatabase()`. Authentication is `scram-sha-256` for every connection,
/// local and TCP, with one superuser and a random password: under `trust` any password would be
/// accepted, so a test of a wrong password could not fail. `initdb` refuses to run as root, so when
/// the tests run as root (as CI does) every server command runs as the `postgres` user (or `nobody`)
/// through `setpriv`, and the directory belongs to that user.
///
/// The server is stopped and its directory deleted when the test process exits; a watchdog process
/// does the same should the test process die without exiting (a crash or a signal).
public final class PostgresTestCluster: Sendable {
    /// Why no cluster could be started; one sentence.
    public struct Unavailable: Error, CustomStringConvertible {
        /// The sentence.
        public let description: String
    }

    /// The server's TCP address.
    public let host = "127.0.0.1"
    /// The free port the server listens on.
    public let port: Int
    /// The superuser every test connects as.
    public let user = "metaqnn"
    /// The superuser's password (random per cluster).
    public let password: String
    /// The temporary directory holding the data directory, the socket, the log and the password file.
    public let directory: URL
    /// The directory of `initdb`, `pg_ctl`, `pg_isready` and `createdb`.
    public let binaries: URL
    private let runner: Runner
    private let serverProcessID: pid_t
    private let counter = Counter()

    /// The directory of PostgreSQL's server binaries, or nil when PostgreSQL is not installed.
    public static let installedBinaries: URL? = findBinaries()

    /// True when the PostgreSQL tests should run: the server is installed, or `CI` is set (then a
    /// missing server fails the tests instead of skipping them).
    public static let shouldRun: Bool = installedBinaries != nil || inCI

    /// The PEM certificate (self-signed, for `localhost` and 127.0.0.1) of a cluster with TLS; nil without.
    public let certificate: URL?

    /// The cluster of this test process, without TLS, started on first use.
    public static func shared() throws -> PostgresTestCluster {
        try started.get()
    }

    /// A second cluster of this test process that also offers TLS (`certificate`), started on first use.
    public static func sharedWithTLS() throws -> PostgresTestCluster {
        try startedWithTLS.get()
    }

    private static let inCI = ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty } ?? false

    private static let started = start(tls: false)
    private static let startedWithTLS = start(tls: true)

    private static func start(tls: Bool) -> Result<PostgresTestCluster, Unavailable> {
        Result { () throws(Unavailable) -> PostgresTestCluster in
            do { return try PostgresTestCluster(tls: tls) } catch let error as Unavailable { throw error } catch {
                throw Unavailable(description: "the throwaway PostgreSQL cluster did not start: \(error)")
            }
        }
    }

    /// A new, empty database owned by `user`; its name is unique in this cluster.
    public func createDatabase() throws -> String {
        let name = "test_\(counter.next())_\(UInt32.random(in: 0...UInt32.max))"
        try runner.run(binaries.appendingPathComponent("createdb"),
                ["-h", host, "-p", String(port), "-U", user, name], asServerUser: false)
        return name
    }

    /// `postgresql://user:password@host:port/database`, with `password` replacing the real one when given.
    public func url(database: String, password: String? = nil, port: Int? = nil, query: String = "") -> String {
        "postgresql://\(user):\(password ?? self.password)@\(host):\(port ?? self.port)/\(database)\(query)"
    }

    private init(tls: Bool) throws {
        guard let binaries = Self.installedBinaries else {
            throw Unavailable(description: Self.inCI
                ? "CI is set but PostgreSQL's initdb was not found under /usr/lib/postgresql/*/bin or pg_config --bindir: .ci/run must install postgresql"
                : "PostgreSQL's initdb was not found under /usr/lib/postgresql/*/bin or pg_config --bindir; install postgresql")
        }
        self.binaries = binaries
        self.password = (0..<4).map { _ in String(UInt64.random(in: 0...UInt64.max), radix: 36) }.joined()
        let runAs = geteuid() == 0 ? try Identity.unprivileged() : nil
        let directory = URL(fileURLWithPath: "/tmp").appendingPathComponent("metaqnn-pg-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false,
                                                attributes: [.posixPermissions: 0o700])
        self.directory = directory
        try Self.startWatchdog(directory: directory, binaries: binaries, runAs: runAs)
        let runner = Runner(directory: directory, password: password, runAs: runAs)
        self.runner = runner
        let dataDirectory = directory.appendingPathComponent("data").path
        let passwordFile = directory.appendingPathComponent("password")
        try Data(password.utf8).write(to: passwordFile)
        if let runAs {
            for path in [directory.path, passwordFile.path] where chown(path, runAs.uid, runAs.gid) != 0 {
                throw Unavailable(description: "could not hand \(path) to uid \(runAs.uid) for the PostgreSQL server (errno \(errno))")
            }
        }
        var started: (port: Int, server: pid_t)?
        var tlsSettings: [String] = []
        do {
            try runner.run(binaries.appendingPathComponent("initdb"),
                           ["-D", dataDirectory, "-U", user, "--pwfile=\(passwordFile.path)", "--auth=scram-sha-256",
                            "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], asServerUser: true)
            if tls {
                tlsSettings = try Self.makeCertificate(in: directory, runner: runner)
            }
            // Another process may take the probed port before the server binds it; try a few.
            for _ in 0..<5 where started == nil {
                let candidate = try Self.freePort()
                // The server runs as a child, not daemonised by `pg_ctl start`: Foundation's `Process`
                // sees a child end only when every holder of its end of a socket pair has exited,
                // and a daemon started by `pg_ctl` holds it, so `pg_ctl` would never be seen to end.
                let server = try runner.start(
                    binaries.appendingPathComponent("postgres"),
                    ["-D", dataDirectory, "-p", String(candidate), "-k", directory.path,
                     "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off"] + tlsSettings,
                    log: directory.appendingPathComponent("server.log"))
                if try Self.waitUntilReady(server, runner: runner, binaries: binaries, port: candidate) {
                    started = (candidate, server.processIdentifier)
                }
            }
            guard started != nil else {
                throw Unavailable(description: "the PostgreSQL server did not start; see \(directory.path)/server.log")
            }
        } catch {
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
        certificate = tls ? directory.appendingPathComponent("server.crt") : nil
        self.port = started!.port
        serverProcessID = started!.server
        Self.register(self)
    }

    private var dataDirectory: String { directory.appendingPathComponent("data").path }

    /// Stops the server at once (SIGQUIT: immediate shutdown) and deletes the directory; what the
    /// exit handler runs, so it spawns nothing.
    fileprivate func tearDown() {
        kill(serverProcessID, SIGQUIT)
        // The server deletes its pid file as it exits.
        let pidFile = directory.appendingPathComponent("data/postmaster.pid").path
        for _ in 0..<100 where FileManager.default.fileExists(atPath: pidFile) { usleep(50_000) }
        try? FileManager.default.removeItem(at: directory)
    }

    /// A self-signed certificate and key for `localhost` and 127.0.0.1 (made by `openssl`), readable
    /// by the server's user only; returns the server settings that use them.
    private static func makeCertificate(in directory: URL, runner: Runner) throws -> [String] {
        let certificate = directory.appendingPathComponent("server.crt").path
        let key = directory.appendingPathComponent("server.key").path
        guard let openssl = ["/usr/bin/openssl", "/bin/openssl"].first(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw Unavailable(description: "openssl was not found; install openssl (postgresql's ssl-cert brings it)")
        }
        try runner.run(URL(fileURLWithPath: openssl),
                       ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
                        "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", key, "-out", certificate],
                       asServerUser: true)
        // The server refuses a key others may read.
        guard chmod(key, 0o600) == 0 else { throw Unavailable(description: "could not make \(key) private (errno \(errno))") }
        return ["-c", "ssl=on", "-c", "ssl_cert_file=\(certificate)", "-c", "ssl_key_file=\(key)"]
    }

    /// True once the server accepts connections on `port`, false if it exits first (the port was taken).
    private static func waitUntilReady(_ server: Process, runner: Runner, binaries: URL, port: Int) throws -> Bool {
        for _ in 0..<600 {
            guard server.isRunning else { return false }
            do {
                try runner.run(binaries.appendingPathComponent("pg_isready"),
                               ["-q", "-h", "127.0.0.1", "-p", String(port)], asServerUser: false)
                return true
            } catch {
                // Not accepting connections yet.
            }
            usleep(100_000)
        }
        kill(server.processIdentifier, SIGQUIT)
        throw Unavailable(description: "the PostgreSQL server on port \(port) did not accept connections within a minute")
    }

    /// A shell that outlives a crashed test process, then stops the server and deletes its directory.
    /// Started before `initdb`, so no moment leaves a server or directory behind unwatched.
    private static func startWatchdog(directory: URL, binaries: URL, runAs: Identity?) throws {
        let stop = [binaries.appendingPathComponent("pg_ctl").path, "-D", directory.appendingPathComponent("data").path,
                    "-m", "immediate", "-w", "stop"]
        let command = (runAs.map { $0.setpriv } ?? []) + stop
        let script = "while kill -0 \(getpid()) 2>/dev/null; do sleep 1; done; "
            + "[ -d '\(directory.path)' ] && { \(command.map { "'\($0)'" }.joined(separator: " ")) >/dev/null 2>&1; rm -rf '\(directory.path)'; }"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    private static func findBinaries() -> URL? {
        let fileManager = FileManager.default
        var candidates: [String] = []
        if let versions = try? fileManager.contentsOfDirectory(atPath: "/usr/lib/postgresql") {
            // Newest major version first.
            candidates += versions.sorted { (Int($0) ?? 0) > (Int($1) ?? 0) }.map { "/usr/lib/postgresql/\($0)/bin" }
        }
        for directory in ProcessInfo.processInfo.environment["PATH", default: ""].split(separator: ":")
        where fileManager.isExecutableFile(atPath: "\(directory)/pg_config") {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "\(directory)/pg_config")
            process.arguments = ["--bindir"]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            if (try? process.run()) != nil {
                let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                process.waitUntilExit()
                candidates.append(text.trimmingCharacters(in: .whitespacesAndNewlines))
            }
            break
        }
        return candidates.first { directory in
            ["initdb", "postgres", "pg_ctl", "pg_isready", "createdb"].allSatisfy { fileManager.isExecutableFile(atPath: "\(directory)/\($0)") }
        }.map { URL(fileURLWithPath: $0) }
    }

    /// A TCP port on 127.0.0.1 that was free a moment ago (the kernel's pick for port 0).
    public static func freePort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Unavailable(description: "could not open a socket to find a free port (errno \(errno))") }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(descriptor, socketAddress, length) == 0 && getsockname(descriptor, socketAddress, &length) == 0
            }
        }
        guard bound else { throw Unavailable(description: "could not bind 127.0.0.1 to find a free port (errno \(errno))") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    // MARK: Exit handling

    private static let registered = Registry()

    private static func register(_ cluster: PostgresTestCluster) {
        if registered.add(cluster) == 1 {
            atexit { for cluster in PostgresTestCluster.registered.all { cluster.tearDown() } }
        }
    }
}

/// Runs the cluster's commands, as the server's user where needed.
private struct Runner: Sendable {
    let directory: URL
    let password: String
    let runAs: Identity?

    /// Runs `executable`, as the server's user when asked and needed; throws with its output on failure.
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

/// The unprivileged account the server runs as when the tests run as root.
private struct Identity: Sendable {
    let uid: uid_t
    let gid: gid_t

    /// `setpriv` and its arguments that run the rest of a command line as this identity.
    var setpriv: [String] {
        ["/usr/bin/setpriv", "--reuid=\(uid)", "--regid=\(gid)", "--clear-groups"]
    }

    /// `postgres` (Debian's package makes it) or else `nobody`.
    static func unprivileged() throws -> Identity {
        for name in ["postgres", "nobody"] {
            if let entry = getpwnam(name) { return Identity(uid: entry.pointee.pw_uid, gid: entry.pointee.pw_gid) }
        }
        throw PostgresTestCluster.Unavailable(description: "the tests run as root and neither a postgres nor a nobody user exists to run the PostgreSQL server as")
    }
}

/// A thread-safe counter for unique database names.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}

/// Holds the started clusters for the C exit handler, which cannot capture context.
private final class Registry: @unchecked Sendable {
    private let lock = NSLock()
    private var clusters: [PostgresTestCluster] = []

    /// Adds `cluster`; returns how many there are now.
    func add(_ cluster: PostgresTestCluster) -> Int {
        lock.lock()
        defer { lock.unlock() }
        clusters.append(cluster)
        return clusters.count
    }

    var all: [PostgresTestCluster] {
        lock.lock()
        defer { lock.unlock() }
        return clusters
    }
}
