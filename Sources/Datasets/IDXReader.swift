import Foundation

/// Reads IDX files, the format of MNIST and Fashion-MNIST (big-endian header, unsigned bytes).
///
/// Images: magic 0x00000803, count, rows, columns, then count×rows×columns bytes.
/// Labels: magic 0x00000801, count, then count bytes.
public enum IDXReader {
    /// Magic number of an IDX file of unsigned bytes with three dimensions (images).
    public static let imagesMagic: UInt32 = 0x0000_0803
    /// Magic number of an IDX file of unsigned bytes with one dimension (labels).
    public static let labelsMagic: UInt32 = 0x0000_0801

    /// Decodes an images file's bytes into floats in [0, 1]; `path` names the file in errors.
    public static func images(_ bytes: [UInt8], path: String) throws(DatasetError) -> (count: Int, height: Int, width: Int, pixels: [Float]) {
        guard !bytes.isEmpty else { throw .noImages(path: path) }
        // The magic first: a labels file given as images is then named as such, not as truncated.
        try requireLength(bytes, 4, path: path)
        let magic = readUInt32(bytes, at: 0)
        guard magic == imagesMagic else { throw .badMagic(path: path, found: magic, expected: imagesMagic) }
        try requireLength(bytes, 16, path: path)
        let count = Int(readUInt32(bytes, at: 4))
        let height = Int(readUInt32(bytes, at: 8))
        let width = Int(readUInt32(bytes, at: 12))
        guard count > 0, height > 0, width > 0 else { throw .noImages(path: path) }
        // Each count is up to 2^32 − 1, so the product can pass Int.max; check it against the real
        // length before allocating anything.
        let (perImage, imageOverflow) = height.multipliedReportingOverflow(by: width)
        let (total, totalOverflow) = perImage.multipliedReportingOverflow(by: count)
        let available = bytes.count - 16
        guard !imageOverflow, !totalOverflow, total <= available else {
            // A header promising more than twice the pixels present is not a truncated download.
            if imageOverflow || totalOverflow || total / 2 > available {
                throw .impossibleHeader(path: path, count: count, height: height, width: width, actualBytes: bytes.count)
            }
            throw .truncated(path: path, expectedBytes: 16 + total, actualBytes: bytes.count)
        }
        try requireLength(bytes, 16 + total, path: path)
        var pixels = [Float](repeating: 0, count: total)
        bytes.withUnsafeBufferPointer { source in
            pixels.withUnsafeMutableBufferPointer { target in
                for i in 0..<target.count { target[i] = Float(source[16 + i]) / 255 }
            }
        }
        return (count, height, width, pixels)
    }

    /// Decodes a labels file's bytes, checking every label against `classes`.
    public static func labels(_ bytes: [UInt8], classes: Int, path: String) throws(DatasetError) -> [Int32] {
        try requireLength(bytes, 8, path: path)
        let magic = readUInt32(bytes, at: 0)
        guard magic == labelsMagic else { throw .badMagic(path: path, found: magic, expected: labelsMagic) }
        let count = Int(readUInt32(bytes, at: 4))
        try requireLength(bytes, 8 + count, path: path)
        var labels = [Int32](repeating: 0, count: count)
        for i in 0..<count {
            let label = Int(bytes[8 + i])
            guard label < classes else { throw .labelOutOfRange(path: path, index: i, label: label, classes: classes) }
            labels[i] = Int32(label)
        }
        return labels
    }

    /// Reads an images file and its labels file (each plain or gzip) into one dataset.
    public static func read(images imagesURL: URL, labels labelsURL: URL, classes: Int = 10, name: String) throws(DatasetError) -> ImageDataset {
        let decoded = try images(FileBytes.read(imagesURL, dataset: name), path: imagesURL.path)
        let labelValues = try labels(FileBytes.read(labelsURL, dataset: name), classes: classes, path: labelsURL.path)
        guard decoded.count == labelValues.count else {
            throw .countMismatch(imagesPath: imagesURL.path, images: decoded.count, labelsPath: labelsURL.path, labels: labelValues.count)
        }
        return ImageDataset(name: name, channels: 1, height: decoded.height, width: decoded.width, classes: classes,
                            images: decoded.pixels, labels: labelValues)
    }

    private static func requireLength(_ bytes: [UInt8], _ needed: Int, path: String) throws(DatasetError) {
        guard bytes.count >= needed else { throw .truncated(path: path, expectedBytes: needed, actualBytes: bytes.count) }
    }

    private static func readUInt32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16 | UInt32(bytes[offset + 2]) << 8 | UInt32(bytes[offset + 3])
    }
}
