import Foundation

/// The embedded default dataset: scikit-learn's 1,797 8×8 handwritten digits (UCI, see Resources/DIGITS-NOTICE.md).
///
/// Each CSV line holds 64 pixel values 0–16 (row-major) then the label. The test set is held
/// out deterministically and stratified: within each class, every fifth image in file order
/// (the 5th, 10th, …), 355 images in all, so the remaining 1,442 are the training pool.
public enum DigitsDataset {
    /// Side of the square images.
    public static let side = 8
    /// Every `testStride`-th image of each class is held out for testing (20 %).
    public static let testStride = 5

    /// The location of the compressed CSV inside the package's resources.
    public static var resourceURL: URL? {
        Bundle.module.url(forResource: "digits.csv", withExtension: "gz", subdirectory: "Resources")
    }

    /// Loads the embedded set and splits off its fixed test set.
    public static func load() throws(DatasetError) -> TrainTestSets {
        guard let url = resourceURL else {
            throw .missingFile(path: "Resources/digits.csv.gz", dataset: "digits")
        }
        let all = try parse(FileBytes.read(url, dataset: "digits"), path: url.path)
        return holdOutTest(all)
    }

    /// Parses the CSV bytes (64 values 0–16 then a label 0–9 per line) into one dataset.
    public static func parse(_ bytes: [UInt8], path: String) throws(DatasetError) -> ImageDataset {
        let pixelsPerImage = side * side
        var pixels: [Float] = []
        var labels: [Int32] = []
        var lineNumber = 0
        for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
            lineNumber += 1
            let fields = line.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
            guard fields.count == pixelsPerImage + 1 else {
                throw .malformedLine(path: path, line: lineNumber, reason: "\(fields.count) fields instead of \(pixelsPerImage + 1)")
            }
            for (column, field) in fields.enumerated() {
                guard let text = String(bytes: field, encoding: .ascii),
                      let value = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
                    throw .malformedLine(path: path, line: lineNumber, reason: "field \(column + 1) is not an integer")
                }
                if column < pixelsPerImage {
                    guard (0...16).contains(value) else {
                        throw .malformedLine(path: path, line: lineNumber, reason: "pixel \(value) outside 0–16")
                    }
                    pixels.append(Float(value) / 16)
                } else {
                    guard (0..<10).contains(value) else {
                        throw .labelOutOfRange(path: path, index: lineNumber - 1, label: value, classes: 10)
                    }
                    labels.append(Int32(value))
                }
            }
        }
        return ImageDataset(name: "digits", channels: 1, height: side, width: side, classes: 10, images: pixels, labels: labels)
    }

    /// Splits off every `testStride`-th image of each class (in file order) as the test set.
    public static func holdOutTest(_ all: ImageDataset) -> TrainTestSets {
        var seen = [Int](repeating: 0, count: all.classes)
        var train: [Int] = []
        var test: [Int] = []
        for (index, label) in all.labels.enumerated() {
            seen[Int(label)] += 1
            if seen[Int(label)] % testStride == 0 { test.append(index) } else { train.append(index) }
        }
        return TrainTestSets(train: all.subset(train, name: "digits/train"), test: all.subset(test, name: "digits/test"))
    }
}
