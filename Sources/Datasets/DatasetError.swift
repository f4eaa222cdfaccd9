/// Why a dataset could not be loaded or split; each description is one sentence saying what to do.
public enum DatasetError: Error, Equatable, CustomStringConvertible, Sendable {
    /// A required file does not exist.
    case missingFile(path: String, dataset: String)
    /// The directory does not exist or is not a directory.
    case notADirectory(path: String)
    /// The directory exists but holds none of the dataset's files.
    case wrongDirectory(path: String, dataset: String, expected: String)
    /// A file could not be read.
    case unreadable(path: String, reason: String)
    /// A gzip file could not be decompressed.
    case corruptGzip(path: String, reason: String)
    /// An IDX file starts with the wrong magic number.
    case badMagic(path: String, found: UInt32, expected: UInt32)
    /// A file is shorter than its header (or record size) requires.
    case truncated(path: String, expectedBytes: Int, actualBytes: Int)
    /// A file holds no images (an IDX header counting 0, or an empty CIFAR-10 batch).
    case noImages(path: String)
    /// An IDX header's counts multiply past what the file (or a 64-bit integer) can hold.
    case impossibleHeader(path: String, count: Int, height: Int, width: Int, actualBytes: Int)
    /// A CIFAR-10 batch whose size is not a multiple of the record size.
    case partialRecord(path: String, actualBytes: Int, recordSize: Int)
    /// A file named `.gz` that does not start with the gzip magic bytes.
    case notGzip(path: String)
    /// An images file and its labels file disagree on the number of items.
    case countMismatch(imagesPath: String, images: Int, labelsPath: String, labels: Int)
    /// A label lies outside `0..<classes`.
    case labelOutOfRange(path: String, index: Int, label: Int, classes: Int)
    /// Training and test images have different shapes.
    case shapeMismatch(train: String, test: String)
    /// A text (CSV) dataset line is malformed.
    case malformedLine(path: String, line: Int, reason: String)
    /// The dataset name is not one this package knows.
    case unknownDataset(name: String)
    /// The requested validation size cannot be taken from the training images.
    case invalidValidationSize(requested: Int, available: Int)
    /// The requested training limit is not usable.
    case invalidTrainLimit(requested: Int, available: Int, classes: Int)

    /// One sentence naming the problem and what to do.
    public var description: String {
        switch self {
        case let .missingFile(path, dataset):
            return "\(path) does not exist; put the \(dataset) files there or pass the directory that holds them with --data-dir."
        case let .notADirectory(path):
            return "\(path) is not a directory; pass the directory that holds the dataset files with --data-dir."
        case let .wrongDirectory(path, dataset, expected):
            return "\(path) holds no \(dataset) files (expected \(expected)); pass the directory that holds them with --data-dir."
        case let .unreadable(path, reason):
            return "\(path) could not be read (\(reason)); check the file's permissions."
        case let .corruptGzip(path, reason):
            return "\(path) is not a valid gzip file (\(reason)); download it again."
        case let .badMagic(path, found, expected):
            return "\(path) has magic number 0x\(hex(found)) instead of 0x\(hex(expected)), so it is not the expected IDX file; check that the file names match their contents."
        case let .truncated(path, expectedBytes, actualBytes):
            return "\(path) is truncated (\(actualBytes) bytes where \(expectedBytes) are needed); download it again."
        case let .noImages(path):
            return "\(path) holds no images; download the dataset again or point --data-dir at the complete files."
        case let .impossibleHeader(path, count, height, width, actualBytes):
            return "\(path) has a header promising \(count) images of \(height)×\(width) pixels, more than its \(actualBytes) bytes can hold; the file is corrupt or not an IDX images file."
        case let .partialRecord(path, actualBytes, recordSize):
            return "\(path) holds \(actualBytes) bytes, which is not a whole number of \(recordSize)-byte CIFAR-10 records (\(actualBytes / recordSize) records and \(actualBytes % recordSize) bytes over); the file is truncated or has extra bytes, so download it again."
        case let .notGzip(path):
            return "\(path) is named .gz but is not gzip data (it does not start with the bytes 1F 8B); download it again, or remove the .gz suffix if the file is uncompressed."
        case let .countMismatch(imagesPath, images, labelsPath, labels):
            return "\(imagesPath) holds \(images) images but \(labelsPath) holds \(labels) labels; use an images file and its own labels file."
        case let .labelOutOfRange(path, index, label, classes):
            return "\(path) has label \(label) at item \(index), outside 0..<\(classes); the file is corrupt or belongs to another dataset."
        case let .shapeMismatch(train, test):
            return "training images are \(train) but test images are \(test); use the training and test files of the same dataset."
        case let .malformedLine(path, line, reason):
            return "\(path) line \(line) is malformed (\(reason)); restore the file from the package."
        case let .unknownDataset(name):
            return "unknown dataset '\(name)'; use one of \(DatasetName.allCases.map(\.rawValue).joined(separator: ", ")) or --data-dir."
        case let .invalidValidationSize(requested, available):
            return "validation size \(requested) is not between 1 and \(available - 1) (the training pool holds \(available) images); choose another --validation-size."
        case let .invalidTrainLimit(requested, available, classes):
            return "train limit \(requested) must be between \(classes) (one per class) and \(available); choose another --train-limit."
        }
    }
}

private func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 8 - digits.count)) + digits
}
