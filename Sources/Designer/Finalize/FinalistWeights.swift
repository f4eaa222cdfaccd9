import Foundation
import ModelExport
import NeuralEngine
import StoreModel

/// Finalist weight files: safetensors in `<experiment>-models/` under the weights root (the folder of
/// an SQLite store's file; a chosen folder for a store that is no file), written atomically and
/// checked against the SHA-256 their row records before any use.
public enum FinalistWeights {
    /// The folder, relative to the weights root, that holds an experiment's weight files.
    public static func folder(experiment: String) -> String { "\(experiment)-models" }

    /// A file name a person can read: `rank1-seed2-C32-5-1_P2-2_SM10.safetensors`.
    public static func fileName(rank: Int, seed: Int, net: String) -> String {
        var short = "", depth = 0
        for character in net {
            switch character {
            case "(": depth += 1
            case ")": depth -= 1
            case ",": short.append(depth > 0 ? "-" : "_")
            case _ where character.isLetter || character.isNumber: short.append(character)
            default: break
            }
        }
        return "rank\(rank)-seed\(seed)-\(short).safetensors"
    }

    /// The safetensors `__metadata__` of a finalist.
    static func metadata(net: String, dataset: String, input: TensorShape, mean: [Float], std: [Float], seed: Int,
                         experiment: String) -> [String: String] {
        ["net": net, "dataset": dataset, "input": "\(input.channels),\(input.height),\(input.width)",
         "mean": mean.map { "\($0)" }.joined(separator: ","), "std": std.map { "\($0)" }.joined(separator: ","),
         "seed": "\(seed)", "experiment": experiment]
    }

    /// Creates `folder` and proves it writable, so a run fails before training rather than after.
    static func prepare(folder: URL) throws(FinalizeError) {
        let probe = folder.appendingPathComponent(".write-check-\(getpid())")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data().write(to: probe)
            try FileManager.default.removeItem(at: probe)
        } catch {
            throw .modelsFolderUnwritable(path: folder.path, reason: Self.reason(error))
        }
    }

    /// Writes `bytes` to `url` through a temporary file and a rename, so the file is whole or absent;
    /// returns its SHA-256. A leftover temporary file of a killed run is simply overwritten.
    static func write(_ bytes: [UInt8], to url: URL) throws(FinalizeError) -> String {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial")
        do {
            try Data(bytes).write(to: temporary)
            if FileManager.default.fileExists(atPath: url.path) { try FileManager.default.removeItem(at: url) }
            try FileManager.default.moveItem(at: temporary, to: url)
        } catch {
            throw .modelsFolderUnwritable(path: url.deletingLastPathComponent().path, reason: Self.reason(error))
        }
        return SHA256.hex(of: bytes)
    }

    /// The tensors and metadata of `record`'s weights file, after checking it against the stored checksum.
    public static func read(_ record: FinalistRecord, root storeDirectory: URL) throws(FinalizeError)
        -> (tensors: [NamedParameter], metadata: [String: String])
    {
        let url = storeDirectory.appendingPathComponent(record.weightsFile)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw .weightsMissing(path: url.path, net: record.net, seed: record.seed)
        }
        let bytes = [UInt8](data)
        let actual = SHA256.hex(of: bytes)
        guard actual == record.weightsSHA256 else {
            throw .weightsChecksumMismatch(path: url.path, expected: record.weightsSHA256, actual: actual)
        }
        do {
            return try Safetensors.decode(bytes)
        } catch {
            throw .weightsUnreadable(path: url.path, reason: "\(error)")
        }
    }

    /// The weights root of `store`: the folder holding an SQLite store's file, else `serverStoreRoot`
    /// (a store on a server has no folder of its own, so its weights live where the caller says).
    public static func root(of store: any ExperimentStore, serverStoreRoot: URL?) throws(FinalizeError) -> URL {
        if let path = store.filePath { return URL(fileURLWithPath: path).deletingLastPathComponent() }
        guard let serverStoreRoot else { throw .storeWithoutFolder(store: store.locationDescription) }
        return serverStoreRoot
    }

    private static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
           let code = POSIXErrorCode(rawValue: Int32(underlying.code)), underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(code.rawValue)).lowercased()
        }
        return nsError.localizedDescription
    }
}
