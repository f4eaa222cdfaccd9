import Foundation

/// A file a command writes (a CSV export, a rebuilt Q table): never the store it reads, never
/// half written.
///
/// A regular file is written to a temporary file in the same folder, flushed to disk, and
/// renamed over the target, so a failure leaves the old file (or none) rather than a fragment.
/// A device or pipe (`/dev/stdout`, `/dev/full`) cannot be renamed onto, so it is written in
/// place, with every write, flush and close checked.
public struct OutputFile: Sendable, Equatable {
    /// The path as the user gave it (used in messages).
    public let path: String

    /// An output file at `path`.
    public init(path: String) {
        self.path = path
    }

    /// Refuses outputs that are the store file `store` (or a file SQLite keeps beside it), or that
    /// name one file twice; checked before anything is read or written. A store that is no file
    /// (nil) cannot be overwritten by an output.
    public static func check(_ outputs: [OutputFile], store: String?) throws(ExportError) {
        let storeFiles = ["", "-wal", "-shm", "-journal"].compactMap { suffix in store.map { FileLocation($0 + suffix) } }
        for (index, output) in outputs.enumerated() {
            let location = FileLocation(output.path)
            if let store, storeFiles.contains(where: { $0.isSameFile(as: location) }) {
                throw .isTheStore(path: output.path, store: store)
            }
            for other in outputs[..<index] where FileLocation(other.path).isSameFile(as: location) {
                throw .sameFile(first: other.path, second: output.path)
            }
        }
    }

    /// Writes `text` whole, or throws and leaves no partial regular file behind.
    public func write(_ text: String) throws(ExportError) {
        try write(bytes: Array(text.utf8))
    }

    /// Writes `bytes` whole (a binary file such as an ONNX model), or throws and leaves no partial regular file behind.
    public func write(bytes: [UInt8]) throws(ExportError) {
        var status = stat()
        if stat(path, &status) == 0 {
            switch status.st_mode & S_IFMT {
            case S_IFDIR: throw .unwritable(path: path, reason: "it is a directory, not a file")
            case S_IFREG: break
            default: return try writeInPlace(bytes)
            }
        }
        try replace(with: bytes, mode: stat(path, &status) == 0 ? status.st_mode & 0o7777 : nil)
    }

    /// Temporary file beside the target (the symlink's target, if it is one), then rename.
    private func replace(with bytes: [UInt8], mode: mode_t?) throws(ExportError) {
        let target = FileLocation(path).resolved
        let folder = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        let temporary = (folder.isEmpty ? "." : folder) + "/.\(name).\(UUID().uuidString).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode ?? 0o644)
        guard descriptor >= 0 else {
            let missingFolder = errno == ENOENT
            throw .unwritable(path: path, reason: missingFolder ? "no directory \(folder)" : "not writable")
        }
        do throws(ExportError) {
            if let mode { fchmod(descriptor, mode) }  // keep the replaced file's permissions, not the umask's
            try writeAll(bytes, to: descriptor, mustSync: true)
            guard close(descriptor) == 0 else { throw failure() }
            guard rename(temporary, target) == 0 else { throw failure() }
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
    }

    private func writeInPlace(_ bytes: [UInt8]) throws(ExportError) {
        let descriptor = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unwritable(path: path, reason: String(cString: strerror(errno))) }
        do throws(ExportError) {
            try writeAll(bytes, to: descriptor, mustSync: false)
        } catch {
            close(descriptor)
            throw error
        }
        guard close(descriptor) == 0 else { throw failure() }
    }

    private func writeAll(_ bytes: [UInt8], to descriptor: Int32, mustSync: Bool) throws(ExportError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { throw failure() }
            offset += written
        }
        // A full disk may only show at fsync; pipes, terminals and character devices cannot be
        // synced (EINVAL), which is no failure of the output.
        if fsync(descriptor) != 0 && (mustSync || errno != EINVAL) { throw failure() }
    }

    private func failure() -> ExportError {
        .writeFailed(path: path, reason: String(cString: strerror(errno)))
    }
}
