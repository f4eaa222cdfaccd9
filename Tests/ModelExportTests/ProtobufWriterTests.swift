import Testing
@testable import ModelExport

@Suite("Protobuf writer")
struct ProtobufWriterTests {
    @Test func fieldsMatchTheWireFormat() {
        var writer = ProtobufWriter()
        writer.int(1, 150)           // the protobuf documentation's example: 08 96 01
        writer.int(2, -1)            // negative int64: ten bytes
        writer.string(3, "hi")
        writer.float(4, 1)
        writer.packedInts(5, [1, 300])
        writer.message(6) { $0.int(1, 1) }
        #expect(writer.bytes == [0x08, 0x96, 0x01,
                                 0x10, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01,
                                 0x1A, 0x02, 0x68, 0x69,
                                 0x25, 0x00, 0x00, 0x80, 0x3F,
                                 0x2A, 0x03, 0x01, 0xAC, 0x02,
                                 0x32, 0x02, 0x08, 0x01])
    }

    @Test func longFieldNumbersAndLengthsUseMultiByteVarints() {
        var writer = ProtobufWriter()
        writer.lengthDelimited(20, Array(repeating: 7, count: 200))
        // Tag (20 << 3 | 2) = 162 → A2 01; length 200 → C8 01.
        #expect(Array(writer.bytes.prefix(4)) == [0xA2, 0x01, 0xC8, 0x01])
        #expect(writer.bytes.count == 204)
    }
}
