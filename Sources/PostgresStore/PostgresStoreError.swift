import StoreModel

/// Why a PostgreSQL store could not be opened or used; every URL in a description is redacted.
public enum PostgresStoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No server answered at the URL's host and port.
    case unreachable(url: String, reason: String)
    /// The server refused the user name or password.
    case authenticationFailed(url: String)
    /// The server has no database of the URL's name.
    case databaseMissing(url: String)
    /// `sslmode` asks for TLS and the server does not offer it.
    case tlsUnsupported(url: String)
    /// The TLS handshake failed (an untrusted or mismatched certificate, say).
    case tlsFailed(url: String, reason: String)
    /// `sslrootcert` could not be read as PEM certificates.
    case rootCertificateUnreadable(url: String, path: String)
    /// The database holds tables but is no metaqnn store.
    case foreignDatabase(url: String)
    /// The database holds no metaqnn store, and the store was opened with a mode that needs one.
    case noStore(url: String)
    /// A read-only store would need migrations this build knows, and reading writes nothing.
    case olderSchema(url: String, missingMigrations: [String])
    /// The store was made or migrated by a newer metaqnn.
    case newerSchema(url: String, unknownMigrations: [String])
    /// The connection broke during a statement; nothing of the unfinished transaction is kept.
    case connectionLost(url: String)
    /// Any other error the server reported, with its message.
    case server(url: String, message: String)

    /// One sentence naming the problem and what to do.
    public var description: String {
        switch self {
        case .unreachable(let url, let reason):
            return "No PostgreSQL server answered for the store \(url) (\(reason)); check the host and port and that the server is running."
        case .authenticationFailed(let url):
            return "The PostgreSQL server refused the user or password of the store \(url); check the user and the password (in the URL, PGPASSWORD or ~/.pgpass)."
        case .databaseMissing(let url):
            return "The PostgreSQL server of the store \(url) has no such database; create it (createdb) or fix its name."
        case .tlsUnsupported(let url):
            return "The PostgreSQL server of the store \(url) does not offer TLS, which its sslmode requires; enable ssl on the server or choose sslmode=disable or prefer."
        case .tlsFailed(let url, let reason):
            return "The TLS connection to the store \(url) failed (\(reason)); check the server's certificate and sslrootcert."
        case .rootCertificateUnreadable(let url, let path):
            return "The sslrootcert \(path) of the store \(url) could not be read as PEM certificates; give a readable PEM file of the certificate authority."
        case .foreignDatabase(let url):
            return "The database of the store \(url) holds tables but is no metaqnn store; name an empty database or one metaqnn made."
        case .noStore(let url):
            return StoreError.missing(store: url).description
        case .olderSchema(let url, let missingMigrations):
            return "The store \(url) was made by an older metaqnn (it lacks the migrations \(missingMigrations.joined(separator: ", "))) and reading it changes nothing; run any command that writes to it (`metaqnn search` to resume, say) once to bring it up to date."
        case .newerSchema(let url, let unknownMigrations):
            return "The store \(url) was made by a newer metaqnn (it holds the migrations \(unknownMigrations.joined(separator: ", ")), which this build does not know); upgrade metaqnn."
        case .connectionLost(let url):
            return StoreError.connectionLost(store: url).description
        case .server(let url, let message):
            return "The PostgreSQL server of the store \(url) reported: \(message)."
        }
    }
}
