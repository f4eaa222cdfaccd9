/// Why an export file could not be written.
public enum ExportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file or its directory cannot be written.
    case unwritable(path: String, reason: String)
    /// The output path is the replay store being read (or its `-wal`/`-shm`/`-journal` file).
    case isTheStore(path: String, store: String)
    /// Two outputs of one command name the same file.
    case sameFile(first: String, second: String)
    /// Writing the bytes failed part-way (a full disk or device, an I/O error).
    case writeFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case let .unwritable(path, reason):
            "Cannot write \(path) (\(reason)); check that its directory exists and is writable."
        case let .isTheStore(path, store):
            "\(path) is the replay store \(store) itself (or one of its files), so it was not overwritten; write the output to another file."
        case let .sameFile(first, second):
            "\(first) and \(second) are the same file, so one output would replace the other; give each output its own file."
        case let .writeFailed(path, reason):
            "Writing \(path) failed (\(reason)) and it was not completed; free some space or choose another file, then run the command again."
        }
    }
}
