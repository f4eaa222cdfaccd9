import Foundation
import Testing
@testable import Datasets

@Suite struct IDXReaderTests {
    @Test(arguments: [false, true])
    func readsTinyIDXSet(gzip: Bool) throws {
        let directory = Fixtures.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        Fixtures.writeIDXSet(in: directory, gzip: gzip)
        let sets = try DatasetLoader.load(.fashionMNIST, directory: directory)
        #expect(sets.train.count == 12)
        #expect(sets.test.count == 5)
        #expect(sets.train.height == 3 && sets.train.width == 4 && sets.train.channels == 1)
        #expect(sets.train.labels == (0..<12).map { Int32($0 % 10) })
        #expect(sets.test.labels == [9, 8, 7, 6, 5])
        // Image 2, pixel 5 is byte (2*7 + 5*3) mod 256 = 29.
        #expect(sets.train.images[2 * 12 + 5] == Float(29) / 255)
        #expect(sets.train.name == "fashion-mnist/train")
    }

    @Test func detectsIDXFormatFromDirectoryAlone() throws {
        let directory = Fixtures.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        Fixtures.writeIDXSet(in: directory, gzip: true)
        let sets = try DatasetLoader.load(nil, directory: directory)
        #expect(sets.train.count == 12)
    }

    @Test func badMagicNamesTheFile() {
        let bytes = Fixtures.idxImages(count: 2, rows: 2, cols: 2, magic: 0x801)
        #expect(throws: DatasetError.badMagic(path: "x", found: 0x801, expected: 0x803)) {
            try IDXReader.images(bytes, path: "x")
        }
        #expect(throws: DatasetError.badMagic(path: "y", found: 0x803, expected: 0x801)) {
            try IDXReader.labels(Fixtures.idxImages(count: 1, rows: 1, cols: 1), classes: 10, path: "y")
        }
    }

    @Test func truncatedImagesAndLabelsThrow() {
        let images = Fixtures.idxImages(count: 3, rows: 2, cols: 2)
        #expect(throws: DatasetError.truncated(path: "i", expectedBytes: 28, actualBytes: 27)) {
            try IDXReader.images(Array(images.dropLast()), path: "i")
        }
        #expect(throws: DatasetError.truncated(path: "h", expectedBytes: 16, actualBytes: 10)) {
            try IDXReader.images(Array(images.prefix(10)), path: "h")
        }
        let labels = Fixtures.idxLabels([1, 2, 3])
        #expect(throws: DatasetError.truncated(path: "l", expectedBytes: 11, actualBytes: 10)) {
            try IDXReader.labels(Array(labels.dropLast()), classes: 10, path: "l")
        }
    }

    @Test func emptyAndImpossibleHeadersThrowBeforeAllocating() {
        #expect(throws: DatasetError.noImages(path: "z")) {
            try IDXReader.images(Fixtures.idxImages(count: 0, rows: 28, cols: 28), path: "z")
        }
        #expect(throws: DatasetError.noImages(path: "e")) { try IDXReader.images([], path: "e") }
        // 2^32 − 1 images of (2^32 − 1)² pixels: the product passes Int.max.
        var huge = Fixtures.idxImages(count: 1, rows: 1, cols: 1)
        for offset in 4..<16 { huge[offset] = 0xFF }
        #expect(throws: DatasetError.impossibleHeader(path: "h", count: 4_294_967_295, height: 4_294_967_295,
                                                      width: 4_294_967_295, actualBytes: 17)) {
            try IDXReader.images(huge, path: "h")
        }
        // Counts that fit in an Int but not in the file are refused the same way, without a huge allocation.
        var large = Fixtures.idxImages(count: 1, rows: 1, cols: 1)
        large[4] = 0x7F
        #expect(throws: DatasetError.impossibleHeader(path: "l", count: 0x7F00_0001, height: 1, width: 1, actualBytes: 17)) {
            try IDXReader.images(large, path: "l")
        }
    }

    @Test func aGzSuffixOnPlainBytesIsNamed() throws {
        let directory = Fixtures.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        Fixtures.writeIDXSet(in: directory, gzip: true)
        let name = "train-images-idx3-ubyte.gz"
        Fixtures.write(Fixtures.idxImages(count: 3, rows: 2, cols: 2), name, in: directory)
        let path = directory.appendingPathComponent(name).path
        #expect(throws: DatasetError.notGzip(path: path)) {
            try DatasetLoader.load(.fashionMNIST, directory: directory)
        }
    }

    @Test func labelOutOfRangeThrows() {
        #expect(throws: DatasetError.labelOutOfRange(path: "l", index: 2, label: 10, classes: 10)) {
            try IDXReader.labels(Fixtures.idxLabels([0, 9, 10]), classes: 10, path: "l")
        }
    }

    @Test func countMismatchNamesBothFiles() throws {
        let directory = Fixtures.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        Fixtures.writeIDXSet(in: directory, gzip: false)
        Fixtures.write(Fixtures.idxLabels([1, 2, 3]), "t10k-labels-idx1-ubyte", in: directory)
        let images = directory.appendingPathComponent("t10k-images-idx3-ubyte").path
        let labels = directory.appendingPathComponent("t10k-labels-idx1-ubyte").path
        #expect(throws: DatasetError.countMismatch(imagesPath: images, images: 5, labelsPath: labels, labels: 3)) {
            try DatasetLoader.load(.mnist, directory: directory)
        }
    }

    @Test func missingFileAndWrongDirectoryAreDistinguished() throws {
        let directory = Fixtures.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let expected = "train-images-idx3-ubyte[.gz], train-labels-idx1-ubyte[.gz], t10k-images-idx3-ubyte[.gz], t10k-labels-idx1-ubyte[.gz]"
        #expect(throws: DatasetError.wrongDirectory(path: directory.path, dataset: "MNIST", expected: expected)) {
            try DatasetLoader.load(.mnist, directory: directory)
        }
        Fixtures.writeIDXSet(in: directory, gzip: false)
        try FileManager.default.removeItem(at: directory.appendingPathComponent("t10k-images-idx3-ubyte"))
        let missing = directory.appendingPathComponent("t10k-images-idx3-ubyte").path
        #expect(throws: DatasetError.missingFile(path: missing, dataset: "mnist/test")) {
            try DatasetLoader.load(.mnist, directory: directory)
        }
        let nowhere = directory.appendingPathComponent("nowhere")
        #expect(throws: DatasetError.notADirectory(path: nowhere.path)) {
            try DatasetLoader.load(.mnist, directory: nowhere)
        }
    }

    @Test func corruptGzipThrows() throws {
        let directory = Fixtures.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        Fixtures.writeIDXSet(in: directory, gzip: true)
        let name = "train-labels-idx1-ubyte.gz"
        let good = try [UInt8](Data(contentsOf: directory.appendingPathComponent(name)))
        Fixtures.write(Array(good.prefix(good.count / 2)), name, in: directory)
        let path = directory.appendingPathComponent(name).path
        #expect(throws: DatasetError.corruptGzip(path: path, reason: "the compressed data ends early")) {
            try DatasetLoader.load(.fashionMNIST, directory: directory)
        }
    }

    @Test func gzipRoundTripsLargerThanItsFirstBuffer() throws {
        let input: [UInt8] = (0..<300_000).map { (i: Int) -> UInt8 in UInt8((i * 31 + i / 7) % 251) }
        #expect(try Gzip.inflate(Fixtures.gzip(input), path: "z") == input)
    }

    @Test func errorDescriptionsAreOneActionableSentence() {
        let errors: [DatasetError] = [
            .badMagic(path: "/d/f", found: 1, expected: 0x803),
            .truncated(path: "/d/f", expectedBytes: 10, actualBytes: 3),
            .missingFile(path: "/d/f", dataset: "MNIST"),
            .wrongDirectory(path: "/d", dataset: "MNIST", expected: "x"),
        ]
        for error in errors {
            let text = error.description
            #expect(text.contains("/d"))
            #expect(text.hasSuffix("."))
            #expect(text.filter { $0 == ";" }.count == 1)
        }
        #expect(DatasetError.badMagic(path: "f", found: 0x801, expected: 0x803).description.contains("0x00000801"))
    }
}
