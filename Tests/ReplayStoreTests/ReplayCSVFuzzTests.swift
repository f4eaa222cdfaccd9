import PropertyBased
import StoreModel
import Testing

/// The replay CSV reader on arbitrary bytes: it returns rows that keep its promises, or throws.
@Suite struct ReplayCSVFuzzTests {
    static let header = ReplayCSV.columns.joined(separator: ",")
    /// Bytes CSV files are made of, so random files often reach the row parser.
    static let alphabet = Array("\",\n\r0123456789.-e[](SM10)abc \t".utf8) + [0, 0xFF, 0xC3]

    @Test func arbitraryBytesParseOrThrowWithoutTrapping() async {
        await propertyCheck(count: 2000, input: Gen.uint8().array(of: 0...300), Gen.bool) { bytes, withHeader in
            let body = bytes.map { Self.alphabet[Int($0) % Self.alphabet.count] }
            let text = (withHeader ? Self.header + "\n" : "") + String(decoding: body, as: UTF8.self)
            guard let rows = try? ReplayCSV.parse(text) else { return }
            for row in rows {
                #expect((0...1).contains(row.accuracyBestValidation) && (0...1).contains(row.epsilon))
                #expect(row.iterationBestValidation >= 0 && row.iterationLastValidation >= 0)
                #expect(row.timeFinished >= 0)
            }
        }
    }

    @Test func rawBytesNeverTrap() async {
        await propertyCheck(count: 1000, input: Gen.uint8().array(of: 0...200)) { bytes in
            _ = try? ReplayCSV.parse(Self.header + "\n" + String(decoding: bytes, as: UTF8.self))
            _ = try? ReplayCSV.parse(String(decoding: bytes, as: UTF8.self))
        }
    }
}
