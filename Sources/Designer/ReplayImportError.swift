import SearchSpace
import StoreModel

/// Why a reference replay file was rejected (the store is left unchanged); one sentence each.
public enum ReplayImportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be read.
    case unreadable(path: String, reason: String)
    /// The file is not a well-formed replay_database.csv.
    case malformed(path: String, ReplayCSVError)
    /// The file has a header but no rows.
    case noRows(path: String)
    /// A row's net string does not parse.
    case badNet(path: String, line: Int, NetStringError)
    /// A row's net is not a legal net of the chosen search space.
    case illegalNet(path: String, line: Int, net: String, ArchitectureError)

    public var description: String {
        switch self {
        case let .unreadable(path, reason):
            return "Cannot read \(path) (\(reason)); check the path and permissions."
        case let .malformed(path, error):
            return "\(path): \(error.description)"
        case let .noRows(path):
            return "\(path) has a header but no rows, so there is nothing to import."
        case let .badNet(path, line, error):
            return "\(path) line \(line): \(error.description)"
        case let .illegalNet(path, line, net, error):
            return "\(path) line \(line): the net \(net) is not in this search space (\(error.description.trimmingSuffix("."))); pick the --preset (and --input-size/--layer-limit) it was searched with."
        }
    }
}
