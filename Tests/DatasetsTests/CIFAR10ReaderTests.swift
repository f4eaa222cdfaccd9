import Foundation
import Testing
@testable import Datasets

@Suite struct CIFAR10ReaderTests {
    @Test func readsAllBatchesInOrder() throws {
        let directory = Fixtures.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for (i, file) in CIFAR10Reader.trainFiles.enumerated() {
            Fixtures.write(Fixtures.cifarBatch([UInt8(i), UInt8(9 - i)]), file, in: directory)
        }
        Fixtures.write(Fixtures.cifarBatch([3, 1, 4]), CIFAR10Reader.testFile, in: directory)
        let sets = try DatasetLoader.load(.cifar10, directory: directory)
        #expect(sets.train.count == 10)
        #expect(sets.train.labels == [0, 9, 1, 8, 2, 7, 3, 6, 4, 5])
        #expect(sets.test.labels == [3, 1, 4])
        #expect(sets.train.channels == 3 && sets.train.height == 32 && sets.train.width == 32)
        // Test record 1, green plane pixel 0 = byte (1 + 1024) mod 256 = 1.
        #expect(sets.test.images[3072 + 1024] == Float(1) / 255)
        #expect(sets.test.images[3072 + 5] == Float(6) / 255)
        // Detected from the directory alone too, including the archive's nested folder.
        let parent = Fixtures.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: parent) }
        try FileManager.default.moveItem(at: directory, to: parent.appendingPathComponent("cifar-10-batches-bin"))
        #expect(try DatasetLoader.load(nil, directory: parent).test.labels == [3, 1, 4])
    }

    @Test func partialRecordsAndEmptyBatchesThrow() {
        let bytes = Fixtures.cifarBatch([1, 2])
        #expect(throws: DatasetError.partialRecord(path: "b", actualBytes: 2 * 3073 - 1, recordSize: 3073)) {
            try CIFAR10Reader.batch(Array(bytes.dropLast()), path: "b")
        }
        // Extra bytes are not a truncation: the message says the size is not whole records.
        #expect(throws: DatasetError.partialRecord(path: "x", actualBytes: 2 * 3073 + 5, recordSize: 3073)) {
            try CIFAR10Reader.batch(bytes + [0, 0, 0, 0, 0], path: "x")
        }
        #expect(DatasetError.partialRecord(path: "x", actualBytes: 6151, recordSize: 3073).description
            .contains("not a whole number of 3073-byte CIFAR-10 records (2 records and 5 bytes over)"))
        #expect(throws: DatasetError.noImages(path: "e")) {
            try CIFAR10Reader.batch([], path: "e")
        }
    }

    @Test func labelOutOfRangeThrows() {
        #expect(throws: DatasetError.labelOutOfRange(path: "b", index: 1, label: 12, classes: 10)) {
            try CIFAR10Reader.batch(Fixtures.cifarBatch([1, 12]), path: "b")
        }
    }

    @Test func missingBatchIsNamed() {
        let directory = Fixtures.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        Fixtures.write(Fixtures.cifarBatch([1]), "data_batch_1.bin", in: directory)
        let missing = directory.appendingPathComponent("data_batch_2.bin").path
        #expect(throws: DatasetError.missingFile(path: missing, dataset: "CIFAR-10")) {
            try DatasetLoader.load(.cifar10, directory: directory)
        }
    }
}
