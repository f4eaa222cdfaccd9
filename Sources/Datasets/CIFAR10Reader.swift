import Foundation

/// Reads the CIFAR-10 binary batches: records of one label byte then 3×32×32 pixel bytes (R, G, B planes).
public enum CIFAR10Reader {
    /// Bytes per record: one label and 3,072 pixels.
    public static let recordSize = 1 + 3 * 32 * 32
    /// The five training batch file names.
    public static let trainFiles = (1...5).map { "data_batch_\($0).bin" }
    /// The test batch file name.
    public static let testFile = "test_batch.bin"

    /// Decodes one batch file's bytes into (pixels in [0, 1], labels).
    public static func batch(_ bytes: [UInt8], path: String) throws(DatasetError) -> (pixels: [Float], labels: [Int32]) {
        guard !bytes.isEmpty else { throw .noImages(path: path) }
        guard bytes.count % recordSize == 0 else {
            throw .partialRecord(path: path, actualBytes: bytes.count, recordSize: recordSize)
        }
        let count = bytes.count / recordSize
        let imageSize = recordSize - 1
        var pixels = [Float](repeating: 0, count: count * imageSize)
        var labels = [Int32](repeating: 0, count: count)
        for record in 0..<count {
            let start = record * recordSize
            let label = Int(bytes[start])
            guard label < 10 else { throw .labelOutOfRange(path: path, index: record, label: label, classes: 10) }
            labels[record] = Int32(label)
        }
        bytes.withUnsafeBufferPointer { source in
            pixels.withUnsafeMutableBufferPointer { target in
                for record in 0..<count {
                    let from = record * recordSize + 1
                    let to = record * imageSize
                    for i in 0..<imageSize { target[to + i] = Float(source[from + i]) / 255 }
                }
            }
        }
        return (pixels, labels)
    }

    /// Reads and concatenates the given batch files from `directory` into one dataset.
    public static func read(files: [String], in directory: URL, name: String) throws(DatasetError) -> ImageDataset {
        var pixels: [Float] = []
        var labels: [Int32] = []
        for file in files {
            let url = directory.appendingPathComponent(file)
            let decoded = try batch(FileBytes.read(url, dataset: "CIFAR-10"), path: url.path)
            pixels += decoded.pixels
            labels += decoded.labels
        }
        return ImageDataset(name: name, channels: 3, height: 32, width: 32, classes: 10, images: pixels, labels: labels)
    }
}
