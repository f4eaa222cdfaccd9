/// A PostgreSQL database named by a `postgresql://user[:password]@host[:port]/database[?sslmode=…&sslrootcert=…]` URL.
///
/// Its `description` is the only way it is printed, and shows the password as `***`.
public struct PostgresURL: Sendable, Equatable, CustomStringConvertible {
    /// The user to log in as.
    public var user: String
    /// The password: from the URL, or later from `PGPASSWORD` or the password file; nil for none.
    public var password: Password?
    /// The server's host name or address (IPv6 without brackets).
    public var host: String
    /// The server's TCP port.
    public var port: Int
    /// The database's name.
    public var database: String
    /// How the connection uses TLS.
    public var sslMode: SSLMode
    /// A PEM file of the certificate authorities to trust, for the verifying modes; nil for the system's.
    public var sslRootCertificate: String?

    /// The port a URL without one means.
    public static let defaultPort = 5432

    /// A URL from its parts.
    public init(user: String, password: Password? = nil, host: String, port: Int = defaultPort, database: String,
                sslMode: SSLMode = .prefer, sslRootCertificate: String? = nil) {
        self.user = user
        self.password = password
        self.host = host
        self.port = port
        self.database = database
        self.sslMode = sslMode
        self.sslRootCertificate = sslRootCertificate
    }

    /// Reads `text`, a `postgresql://` or `postgres://` URL; user, password and database may be
    /// percent-encoded. The password fallbacks are not consulted here (`withPasswordFallbacks`).
    public init(parsing text: String) throws(StoreLocationError) {
        let url = StoreLocation.redacted(text)
        guard let schemeEnd = text.range(of: "://"),
              ["postgresql", "postgres"].contains(text[..<schemeEnd.lowerBound].lowercased()) else {
            throw .unsupportedScheme(url: url, scheme: String(text.prefix { $0 != ":" }))
        }
        var rest = Substring(text[schemeEnd.upperBound...])
        var query: Substring = ""
        if let mark = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: mark)...]
            rest = rest[..<mark]
        }
        let authorityEnd = rest.firstIndex(of: "/") ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        let path = rest[authorityEnd...].dropFirst()

        guard let at = authority.lastIndex(of: "@") else { throw .missingUser(url: url) }
        let userInformation = authority[..<at]
        authority = authority[authority.index(after: at)...]
        let rawUser = userInformation.prefix { $0 != ":" }
        guard !rawUser.isEmpty else { throw .missingUser(url: url) }
        user = try Self.decode(rawUser, part: "user name", url: url)
        password = nil
        if let colon = userInformation.firstIndex(of: ":") {
            let rawPassword = userInformation[userInformation.index(after: colon)...]
            // An empty password is no password, so the fallbacks still apply.
            if !rawPassword.isEmpty { password = Password(try Self.decode(rawPassword, part: "password", url: url)) }
        }

        var rawPort: Substring?
        if authority.hasPrefix("[") {
            // An IPv6 address: [::1] or [::1]:5433.
            guard let close = authority.firstIndex(of: "]") else { throw .missingHost(url: url) }
            host = String(authority[authority.index(after: authority.startIndex)..<close])
            let after = authority[authority.index(after: close)...]
            if after.hasPrefix(":") { rawPort = after.dropFirst() } else if !after.isEmpty { throw .missingHost(url: url) }
        } else if let colon = authority.firstIndex(of: ":") {
            host = try Self.decode(authority[..<colon], part: "host", url: url)
            rawPort = authority[authority.index(after: colon)...]
        } else {
            host = try Self.decode(authority, part: "host", url: url)
        }
        guard !host.isEmpty else { throw .missingHost(url: url) }
        if let rawPort {
            guard let number = Int(rawPort), (1...65_535).contains(number) else { throw .badPort(url: url, port: String(rawPort)) }
            port = number
        } else {
            port = Self.defaultPort
        }

        database = try Self.decode(path, part: "database name", url: url)
        guard !database.isEmpty else { throw .missingDatabase(url: url) }

        sslMode = .prefer
        sslRootCertificate = nil
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let name = String(pair.prefix { $0 != "=" })
            let value = try Self.decode(pair.dropFirst(name.count + 1), part: "parameter \(name)", url: url)
            switch name {
            case "sslmode":
                guard let mode = SSLMode(rawValue: value) else { throw .badSSLMode(url: url, mode: value) }
                sslMode = mode
            case "sslrootcert":
                sslRootCertificate = value.isEmpty ? nil : value
            default:
                throw .unknownParameter(url: url, name: name)
            }
        }
        if sslRootCertificate != nil, !sslMode.verifiesCertificate {
            throw .rootCertificateWithoutVerification(url: url, mode: sslMode)
        }
    }

    /// `postgresql://user:***@host:port/database`, with the TLS parameters when they are not the defaults.
    public var description: String {
        var text = "postgresql://\(Self.encode(user))"
        if password != nil { text += ":***" }
        text += "@" + (host.contains(":") ? "[\(host)]" : Self.encode(host)) + ":\(port)/\(Self.encode(database))"
        var parameters: [String] = []
        if sslMode != .prefer { parameters.append("sslmode=\(sslMode.rawValue)") }
        if let sslRootCertificate { parameters.append("sslrootcert=\(Self.encode(sslRootCertificate, keeping: "/"))") }
        if !parameters.isEmpty { text += "?" + parameters.joined(separator: "&") }
        return text
    }

    private static func decode(_ text: Substring, part: String, url: String) throws(StoreLocationError) -> String {
        var bytes: [UInt8] = []
        var index = text.utf8.startIndex
        let utf8 = text.utf8
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "%") {
                let high = utf8.index(after: index)
                guard high != utf8.endIndex, let first = hexValue(utf8[high]) else { throw .badPercentEncoding(url: url, part: part) }
                let low = utf8.index(after: high)
                guard low != utf8.endIndex, let second = hexValue(utf8[low]) else { throw .badPercentEncoding(url: url, part: part) }
                bytes.append(first << 4 | second)
                index = utf8.index(after: low)
            } else {
                bytes.append(byte)
                index = utf8.index(after: index)
            }
        }
        guard let decoded = String(validating: bytes, as: UTF8.self) else { throw .badPercentEncoding(url: url, part: part) }
        return decoded
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// Percent-encodes what would change the meaning of a URL part, so `description` reads back the same.
    private static func encode(_ text: String, keeping kept: String = "") -> String {
        var result = ""
        for byte in text.utf8 {
            let scalar = Unicode.Scalar(byte)
            if byte < 0x80, scalar.properties.isAlphabetic || ("0"..."9").contains(Character(scalar)) || ("-._~" + kept).unicodeScalars.contains(scalar) {
                result.unicodeScalars.append(scalar)
            } else {
                result += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return result
    }
}
