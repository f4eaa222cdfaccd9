import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A throwaway PostgreSQL server for tests: Debian's (or `pg_config`'s) `initdb` into a temporary
/// directory and `postgres` as a child of the test process, listening on a free port of 127.0.0.1
/// and on a unix socket in that directory.
///
/// One cluster serves every test of a test process (`shared`, started on first use; `sharedWithTLS`
/// is a second one with a self-signed certificate); each test takes its own database from
/// `createDatabase()`. Authentication is `scram-sha-256` for every connection,
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
    /// The directory of `initdb`, `postgres`, `pg_ctl`, `pg_isready`, `createdb` and `psql`.
    public let binaries: URL
    private let runner: PostgresClusterRunner
    private let serverProcessID: pid_t

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

    /// A new, empty database owned by `user`, made with `createdb`'s `options` (a collation, say);
    /// its name is unique in this cluster.
    public func createDatabase(options: [String] = []) throws -> String {
        let name = "test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try runner.run(binaries.appendingPathComponent("createdb"),
                ["-h", host, "-p", String(port), "-U", user] + options + [name], asServerUser: false)
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
        let runAs = geteuid() == 0 ? try PostgresServerIdentity.unprivileged() : nil
        let directory = URL(fileURLWithPath: "/tmp").appendingPathComponent("metaqnn-pg-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false,
                                                attributes: [.posixPermissions: 0o700])
        self.directory = directory
        try Self.startWatchdog(directory: directory, binaries: binaries, runAs: runAs)
        let runner = PostgresClusterRunner(directory: directory, password: password, runAs: runAs)
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
    private static func makeCertificate(in directory: URL, runner: PostgresClusterRunner) throws -> [String] {
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
    private static func waitUntilReady(_ server: Process, runner: PostgresClusterRunner, binaries: URL, port: Int) throws -> Bool {
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
    private static func startWatchdog(directory: URL, binaries: URL, runAs: PostgresServerIdentity?) throws {
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

    private static let registered = PostgresClusterRegistry()

    private static func register(_ cluster: PostgresTestCluster) {
        if registered.add(cluster) == 1 {
            atexit { for cluster in PostgresTestCluster.registered.all { cluster.tearDown() } }
        }
    }
}
