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
        return Gzip.isGzip(bytes) ? try Gzip.inflate(bytes, path: path) : bytes
    }
}
