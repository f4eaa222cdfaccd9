import Foundation

/// A libpq password file (`~/.pgpass` or `PGPASSFILE`): lines of `host:port:database:user:password`,
/// where `*` in the first four fields matches anything and `\:` and `\\` stand for `:` and `\`.
public struct PGPassFile: Sendable, Equatable {
    /// One line of the file.
    public struct Entry: Sendable, Equatable {
        /// Host, port, database and user, each nil for `*`.
        public var host, port, database, user: String?
        /// The password of the line.
        public var password: Password
    }

    /// The lines that have five fields, in file order (the first match wins).
    public var entries: [Entry]

    /// Reads the lines of `text`; comments (`#`) and lines without five fields are skipped, as libpq does.
    public init(text: String) {
        entries = text.split(whereSeparator: \.isNewline).compactMap { line in
            guard !line.hasPrefix("#") else { return nil }
            let fields = Self.fields(of: line)
            guard fields.count >= 5 else { return nil }
            // The password is everything after the fourth separator, as libpq reads it.
            func pattern(_ field: String) -> String? { field == "*" ? nil : field }
            return Entry(host: pattern(fields[0]), port: pattern(fields[1]), database: pattern(fields[2]),
                         user: pattern(fields[3]), password: Password(fields[4...].joined(separator: ":")))
        }
    }

    /// The file at `path`, or nil when it is missing, unreadable, not a regular file, or readable or
    /// writable by group or others (libpq ignores such a file).
    public init?(path: String) {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              attributes[.type] as? FileAttributeType == .typeRegular,
              let permissions = (attributes[.posixPermissions] as? NSNumber)?.intValue,
              permissions & 0o077 == 0,
              let data = FileManager.default.contents(atPath: path)
        else { return nil }
        self.init(text: String(decoding: data, as: UTF8.self))
    }

    /// The password of the first line matching the four values, or nil.
    public func password(host: String, port: Int, database: String, user: String) -> Password? {
        entries.first { entry in
            (entry.host ?? host) == host && (entry.port ?? String(port)) == String(port)
                && (entry.database ?? database) == database && (entry.user ?? user) == user
        }?.password
    }

    /// Splits at unescaped `:`, resolving `\:` and `\\`.
    private static func fields(of line: Substring) -> [String] {
        var fields: [String] = []
        var current = ""
        var escaped = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == ":" {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        fields.append(current)
        return fields
    }
}
