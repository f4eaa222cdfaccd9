/// Why a `--store` value is no store location; every URL in a description is redacted.
public enum StoreLocationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The value is empty.
    case empty
    /// A URL whose scheme is neither `postgresql` nor `postgres`.
    case unsupportedScheme(url: String, scheme: String)
    /// No user name before `@`.
    case missingUser(url: String)
    /// No host after `@`.
    case missingHost(url: String)
    /// No database name after the host.
    case missingDatabase(url: String)
    /// The port is not a number from 1 to 65535.
    case badPort(url: String, port: String)
    /// A part holds a `%` not followed by two hex digits, or bytes that are not UTF-8.
    case badPercentEncoding(url: String, part: String)
    /// A query parameter metaqnn does not know.
    case unknownParameter(url: String, name: String)
    /// An `sslmode` that is not one of the supported modes.
    case badSSLMode(url: String, mode: String)
    /// `sslrootcert` with an `sslmode` that does not check certificates.
    case rootCertificateWithoutVerification(url: String, mode: SSLMode)

    /// One sentence naming the problem and what to do.
    public var description: String {
        let example = "postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE"
        switch self {
        case .empty:
            return "The store location is empty; give an SQLite file path or a URL like \(example)."
        case .unsupportedScheme(let url, let scheme):
            return "The store location \(url) uses the scheme '\(scheme)', which metaqnn does not know; give an SQLite file path or a URL like \(example)."
        case .missingUser(let url):
            return "The store URL \(url) names no user; write it as \(example)."
        case .missingHost(let url):
            return "The store URL \(url) names no host; write it as \(example)."
        case .missingDatabase(let url):
            return "The store URL \(url) names no database; add /DATABASE after the host, as in \(example)."
        case .badPort(let url, let port):
            return "The store URL \(url) has the port '\(port)', which is not a number from 1 to 65535; fix the port or leave it out for 5432."
        case .badPercentEncoding(let url, let part):
            return "The store URL \(url) has a broken percent-encoding in its \(part); write each reserved character as % and two hex digits (for example @ as %40)."
        case .unknownParameter(let url, let name):
            return "The store URL \(url) has the parameter '\(name)', which metaqnn does not know; use only sslmode and sslrootcert."
        case .badSSLMode(let url, let mode):
            let modes = SSLMode.allCases.map(\.rawValue).joined(separator: ", ")
            return "The store URL \(url) has sslmode '\(mode)'; use one of \(modes)."
        case .rootCertificateWithoutVerification(let url, let mode):
            return "The store URL \(url) gives sslrootcert with sslmode=\(mode.rawValue), which checks no certificate; use sslmode=verify-ca or verify-full, or drop sslrootcert."
        }
    }
}
