import Datasets
import Foundation
import ModelExport

/// The dataset files a search trains on, and the splits it takes from them, as stored with the
/// experiment: every worker (on any machine) that starts or joins the search computes it again and
/// is refused when its files differ, since nets trained on other data would not be comparable.
public struct DatasetFingerprint: Codable, Hashable, Sendable {
    /// One file the dataset loader reads.
    public struct File: Codable, Hashable, Sendable {
        /// The file's name without a `.gz` suffix, so a compressed and a plain copy of the same data agree.
        public var name: String
        /// Its size in bytes after decompression.
        public var bytes: Int
        /// SHA-256 of those bytes, as 64 lowercase hex digits.
        public var sha256: String

        /// Creates a file entry.
        public init(name: String, bytes: Int, sha256: String) {
            self.name = name
            self.bytes = bytes
            self.sha256 = sha256
        }
    }

    /// The files, in the loader's order.
    public var files: [File]
    /// Images in the training split (after `--train-limit`).
    public var trainImages: Int
    /// Images in the validation split drawn from the training pool.
    public var validationImages: Int
    /// Images in the test set.
    public var testImages: Int

    /// A fingerprint from its parts.
    init(files: [File], trainImages: Int, validationImages: Int, testImages: Int) {
        self.files = files
        self.trainImages = trainImages
        self.validationImages = validationImages
        self.testImages = testImages
    }

    /// The fingerprint of `files` split as `splits` are.
    init(files: [File], splits: DataSplits) {
        self.init(files: files, trainImages: splits.train.count, validationImages: splits.validation.count,
                  testImages: splits.test.count)
    }

    /// The entries of the files `dataset` is read from: empty for the embedded digits and the generated
    /// test set, which are part of the program rather than files a worker must be given.
    static func files(of dataset: DatasetChoice) throws -> [File] {
        try dataset.files().map { url in
            let bytes = try DatasetLoader.contents(of: url, dataset: dataset.name)
            let name = url.pathExtension == "gz" ? url.deletingPathExtension().lastPathComponent : url.lastPathComponent
            return File(name: name, bytes: bytes.count, sha256: SHA256.hex(of: bytes))
        }
    }

    /// The first way this machine's fingerprint differs from `stored` (the one the experiment was
    /// started with): the file it concerns and what differs; nil when they agree.
    func difference(from stored: DatasetFingerprint) -> (file: String, difference: String)? {
        let mine = Dictionary(files.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for theirs in stored.files {
            guard let file = mine[theirs.name] else { return (theirs.name, "it is missing here") }
            if file.bytes != theirs.bytes { return (theirs.name, "\(file.bytes) bytes here, \(theirs.bytes) when started") }
            if file.sha256 != theirs.sha256 {
                return (theirs.name, "same size, SHA-256 \(file.sha256.prefix(12))… here, \(theirs.sha256.prefix(12))… when started")
            }
        }
        let known = Set(stored.files.map(\.name))
        if let extra = files.first(where: { !known.contains($0.name) }) { return (extra.name, "the experiment read no such file") }
        let here = [trainImages, validationImages, testImages], then = [stored.trainImages, stored.validationImages, stored.testImages]
        if here != then {
            return ("split", "train/validation/test images \(here.map(String.init).joined(separator: "/")) here, "
                        + "\(then.map(String.init).joined(separator: "/")) when started")
        }
        return nil
    }
}
