/// Where a store lives, from a `--store` value: an SQLite file, or a PostgreSQL database by URL.
public enum StoreLocation: Sendable, Equatable, CustomStringConvertible {
    /// An SQLite file at this path.
    case sqlite(path: String)
    /// A PostgreSQL database.
    case postgres(PostgresURL)

    /// Reads `value`: a `postgresql://` or `postgres://` URL is a PostgreSQL database, any other URL
    /// is refused, and everything else is an SQLite path (taken as given).
    ///
    /// A URL without a password takes one from `PGPASSWORD` in `environment`, then from the password
    /// file (`PGPASSFILE`, else `~/.pgpass` under `HOME`), as libpq does.
    public init(parsing value: String, environment: [String: String]) throws(StoreLocationError) {
        guard !value.isEmpty else { throw .empty }
        guard let scheme = Self.scheme(of: value) else {
            self = .sqlite(path: value)
            return
        }
        guard ["postgresql", "postgres"].contains(scheme.lowercased()) else {
            throw .unsupportedScheme(url: Self.redacted(value), scheme: scheme)
        }
        self = .postgres(try PostgresURL(parsing: value).withPasswordFallbacks(environment: environment))
    }

    /// The path, or the URL with its password replaced by `***`.
    public var description: String {
        switch self {
        case .sqlite(let path): path
        case .postgres(let url): url.description
        }
    }

    /// The scheme of a `scheme://…` value, or nil for a path.
    static func scheme(of value: String) -> String? {
        guard let range = value.range(of: "://") else { return nil }
        let scheme = value[..<range.lowerBound]
        guard let first = scheme.first, first.isASCII, first.isLetter,
              scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) })
        else { return nil }
        return String(scheme)
    }

    /// `value` with whatever stands between the user name's `:` and the `@` of a URL replaced by
    /// `***`, for errors about a URL that could not be read; paths come back unchanged.
    public static func redacted(_ value: String) -> String {
        guard let range = value.range(of: "://"), scheme(of: value) != nil else { return value }
        let rest = value[range.upperBound...]
        // As libpq reads it: the user information ends at the last '@' before the first '/'.
        let authorityEnd = rest.firstIndex(of: "/") ?? rest.endIndex
        guard let at = rest[..<authorityEnd].lastIndex(of: "@"),
              let colon = rest[..<at].firstIndex(of: ":") else { return value }
        return String(value[..<rest.index(after: colon)]) + "***" + String(rest[at...])
    }
}

extension StoreLocation {
    /// The SQLite file's path; nil for a PostgreSQL database, which is no file.
    public var filePath: String? {
        if case .sqlite(let path) = self { path } else { nil }
    }
}
