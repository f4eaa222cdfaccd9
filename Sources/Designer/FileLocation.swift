import Foundation

/// Where a path leads: the resolved path (symlinks, `.` and `..` removed) and, if it exists, the
/// file's device and inode, so hard links count as the same file too; what tells an output from
/// the store it reads, and the two stores of a copy apart.
struct FileLocation {
    let resolved: String
    let identity: (device: UInt64, inode: UInt64)?

    init(_ path: String) {
        var status = stat()
        identity = stat(path, &status) == 0 ? (UInt64(status.st_dev), UInt64(status.st_ino)) : nil
        if let real = realpath(path, nil) {
            resolved = String(cString: real)
            free(real)
            return
        }
        // Not there yet: resolve its folder, keep its name.
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        if let real = realpath(folder, nil) {
            resolved = String(cString: real) + "/" + url.lastPathComponent
            free(real)
        } else {
            resolved = url.standardizedFileURL.path
        }
    }

    func isSameFile(as other: FileLocation) -> Bool {
        if let mine = identity, let theirs = other.identity { return mine == theirs }
        return resolved == other.resolved
    }
}
