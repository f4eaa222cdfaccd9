import CZlib
import Foundation
@testable import Datasets
import SearchSpace

/// Byte-level builders for tiny dataset files, and a scratch directory per test.
enum Fixtures {
    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    /// An IDX images file: count images of rows×cols, pixel (i, j) of image n = (n*7 + j*3 + i) mod 256.
    static func idxImages(count: Int, rows: Int, cols: Int, magic: UInt32 = 0x803) -> [UInt8] {
        var bytes = bigEndian(magic) + bigEndian(UInt32(count)) + bigEndian(UInt32(rows)) + bigEndian(UInt32(cols))
        for n in 0..<count { for i in 0..<(rows * cols) { bytes.append(UInt8((n * 7 + i * 3) % 256)) } }
        return bytes
    }

    static func idxLabels(_ labels: [UInt8], magic: UInt32 = 0x801) -> [UInt8] {
        bigEndian(magic) + bigEndian(UInt32(labels.count)) + labels
    }

    /// A CIFAR-10 batch: record n has label labels[n] and pixel i = (n + i) mod 256.
    static func cifarBatch(_ labels: [UInt8]) -> [UInt8] {
        var bytes: [UInt8] = []
        for (n, label) in labels.enumerated() {
            bytes.append(label)
            for i in 0..<3072 { bytes.append(UInt8((n + i) % 256)) }
        }
        return bytes
    }

    /// gzip-compresses with zlib's deflate (windowBits 15 + 16 selects the gzip wrapper).
    static func gzip(_ input: [UInt8]) -> [UInt8] {
        var stream = z_stream()
        precondition(deflateInit2_(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY,
                                   zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK)
        defer { deflateEnd(&stream) }
        var source = input
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(input.count))) + 64)
        var produced = 0
        source.withUnsafeMutableBufferPointer { src in
            output.withUnsafeMutableBufferPointer { dst in
                stream.next_in = src.baseAddress
                stream.avail_in = uInt(src.count)
                stream.next_out = dst.baseAddress
                stream.avail_out = uInt(dst.count)
                precondition(deflate(&stream, Z_FINISH) == Z_STREAM_END)
                produced = dst.count - Int(stream.avail_out)
            }
        }
        return Array(output[..<produced])
    }

    /// A fresh empty directory under the system temporary directory.
    static func scratchDirectory() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("metaqnn-datasets-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func write(_ bytes: [UInt8], _ name: String, in directory: URL) {
        try! Data(bytes).write(to: directory.appendingPathComponent(name))
    }

    /// Writes a complete tiny IDX dataset (train 12 images, test 5, 3×4 pixels), optionally gzip'd.
    static func writeIDXSet(in directory: URL, gzip compress: Bool) {
        let suffix = compress ? ".gz" : ""
        let files: [(String, [UInt8])] = [
            ("train-images-idx3-ubyte", idxImages(count: 12, rows: 3, cols: 4)),
            ("train-labels-idx1-ubyte", idxLabels((0..<12).map { UInt8($0 % 10) })),
            ("t10k-images-idx3-ubyte", idxImages(count: 5, rows: 3, cols: 4)),
            ("t10k-labels-idx1-ubyte", idxLabels([9, 8, 7, 6, 5])),
        ]
        for (name, bytes) in files { write(compress ? gzip(bytes) : bytes, name + suffix, in: directory) }
    }

    /// A labelled set with the given class sizes, one float per image equal to its index (so images are traceable).
    static func indexedSet(classCounts: [Int], name: String = "toy") -> ImageDataset {
        var labels: [Int32] = []
        for (label, count) in classCounts.enumerated() { labels += Array(repeating: Int32(label), count: count) }
        // Interleave classes so that the split cannot succeed by taking contiguous blocks.
        var order = Array(labels.indices)
        var rng = SplitMix64(seed: 99)
        StratifiedSampler.shuffle(&order, using: &rng)
        let shuffled = order.map { labels[$0] }
        return ImageDataset(name: name, channels: 1, height: 1, width: 1, classes: classCounts.count,
                            images: shuffled.indices.map(Float.init), labels: shuffled)
    }
}
