import Testing
@testable import Datasets

@Suite struct DigitsDatasetTests {
    @Test func embeddedSetLoadsWithStratifiedHoldOut() throws {
        let sets = try DatasetLoader.load(nil)
        #expect(sets.train.count + sets.test.count == 1_797)
        #expect(sets.test.count == 355)
        #expect(sets.train.height == 8 && sets.train.width == 8 && sets.train.classes == 10)
        for (test, train) in zip(sets.test.classCounts, sets.train.classCounts) {
            #expect(test == (test + train) / 5)
        }
        #expect(sets.train.images.allSatisfy { (0...1).contains($0) })
        #expect(sets.train.images.contains(1))
        #expect(sets.name == "digits")
    }

    @Test func malformedLinesThrow() {
        let short = Array("1,2,3\n".utf8)
        #expect(throws: DatasetError.malformedLine(path: "d", line: 1, reason: "3 fields instead of 65")) {
            try DigitsDataset.parse(short, path: "d")
        }
        let badLabel = Array((Array(repeating: "0", count: 64) + ["11"]).joined(separator: ",").utf8)
        #expect(throws: DatasetError.labelOutOfRange(path: "d", index: 0, label: 11, classes: 10)) {
            try DigitsDataset.parse(badLabel, path: "d")
        }
    }
}
