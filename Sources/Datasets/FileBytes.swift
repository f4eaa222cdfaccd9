import Foundation

/// Reads a file's bytes, inflating it when it is gzip-compressed.
enum FileBytes {
    /// The (decompressed) contents of the file at `url`.
    static func read(_ url: URL, dataset: String) throws(DatasetError) -> [UInt8] {
        let path = url.path
        guard FileManager.default.fileExists(atPath: path) else {
            throw .missingFile(path: path, dataset: dataset)
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
        let bytes = [UInt8](data)
        if Gzip.isGzip(bytes) { return try Gzip.inflate(bytes, path: path) }
        // Read as plain bytes, such a file would be reported as a truncated or foreign dataset file.
        if url.pathExtension == "gz" { throw .notGzip(path: path) }
        return bytes
    }
}
