/// Why an export file could not be written.
public enum ExportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file or its directory cannot be written.
    case unwritable(path: String, reason: String)

    public var description: String {
        switch self {
        case let .unwritable(path, reason): "Cannot write \(path) (\(reason)); check that its directory exists and is writable."
        }
    }
}
