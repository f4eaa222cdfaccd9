import Foundation
import ModelExport
import StoreModel

/// The finalist weight files of one experiment on their way from the folder beside the source store
/// to the folder beside the target: checked before anything is written, written whole (temporary
/// file and rename) while the target's transaction is open, and removed again if it rolls back.
struct CopiedWeights {
    /// A file to copy: where it goes and its bytes (read from beside the source).
    struct File {
        var target: URL
        var bytes: [UInt8]
    }

    /// The experiment the files belong to.
    let experiment: String
    /// Files that are not beside the target yet.
    let pending: [File]
    /// Files already beside the target with the recorded checksum (a leftover of an earlier copy).
    let present: Int
    /// Files and folders this copy created, for `rollBack`.
    private(set) var created: [URL] = []

    /// Every finalist file of `contents`: it must be beside the source with the checksum its row
    /// records, and beside the target either absent or identical; nothing is written here.
    init(_ contents: ExperimentContents, sourceFolder: URL?, targetFolder: URL?, target: String) throws(StoreCopyError) {
        experiment = contents.experiment.name
        guard !contents.finalists.isEmpty else {
            (pending, present) = ([], 0)
            return
        }
        guard let sourceFolder, let targetFolder else {
            throw .finalistsNeedFiles(experiment: experiment, files: contents.finalists.count, store: target)
        }
        var pending: [File] = [], present = 0
        for finalist in contents.finalists {
            let source = sourceFolder.appendingPathComponent(finalist.weightsFile)
            guard let data = FileManager.default.contents(atPath: source.path) else {
                throw .weightsMissing(experiment: experiment, path: source.path)
            }
            let bytes = [UInt8](data)
            guard SHA256.hex(of: bytes) == finalist.weightsSHA256 else { throw .weightsChanged(experiment: experiment, path: source.path) }
            let destination = targetFolder.appendingPathComponent(finalist.weightsFile)
            if FileManager.default.fileExists(atPath: destination.path) {
                // Anything else there (another file, a folder) is the user's and is never replaced.
                guard let existing = FileManager.default.contents(atPath: destination.path),
                      SHA256.hex(of: [UInt8](existing)) == finalist.weightsSHA256
                else { throw .weightsInTheWay(experiment: experiment, path: destination.path) }
                present += 1
            } else {
                pending.append(File(target: destination, bytes: bytes))
            }
        }
        (self.pending, self.present) = (pending, present)
    }

    /// Writes every pending file, creating its folder (and missing parents) when missing, and checks each written file
    /// against its checksum; throws on the first failure, after which `rollBack` removes what was made.
    mutating func write() throws {
        for file in pending {
            // The folder and any missing parents (a server store's `Replay/` may not exist yet), each
            // remembered so that `rollBack` removes only what this copy made.
            var missing: [URL] = []
            var folder = file.target.deletingLastPathComponent()
            while !FileManager.default.fileExists(atPath: folder.path) && folder.pathComponents.count > 1 {
                missing.insert(folder, at: 0)
                folder = folder.deletingLastPathComponent()
            }
            for folder in missing {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
                created.append(folder)
            }
            created.append(file.target)
            let checksum = try FinalistWeights.write(file.bytes, to: file.target)
            let written = FileManager.default.contents(atPath: file.target.path).map { SHA256.hex(of: [UInt8]($0)) }
            guard written == checksum else {
                throw FinalizeError.weightsChecksumMismatch(path: file.target.path, expected: checksum, actual: written ?? "none")
            }
        }
    }

    /// Removes the files and folders `write` created, newest first, leaving the target's folder as it was.
    func rollBack() {
        for url in created.reversed() { try? FileManager.default.removeItem(at: url) }
    }
}
