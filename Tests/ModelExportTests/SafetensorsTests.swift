import Foundation
import ModelExport
import NeuralEngine
import Testing

@Suite("Safetensors")
struct SafetensorsTests {
    let tensors = [
        NamedParameter(name: "0.conv.weight", shape: [2, 1, 2, 2], values: (0..<8).map { Float($0) * 0.25 - 1 }),
        NamedParameter(name: "0.conv.bias", shape: [2], values: [.pi, -0.0]),
        NamedParameter(name: "empty", shape: [0, 3], values: []),
        NamedParameter(name: "3.classifier.weight", shape: [3, 1], values: [1e-30, .greatestFiniteMagnitude, -7]),
    ]
    let metadata = ["net": "[C(2,2,1), SM(3)]", "quote \"and\" \\": "tab\tnew\nline", "seed": "7"]

    @Test func roundTripKeepsOrderValuesAndMetadata() throws {
        let bytes = Safetensors.encode(tensors, metadata: metadata)
        let headerLength = bytes[0..<8].reversed().reduce(0) { $0 << 8 | Int($1) }
        #expect((8 + headerLength) % 8 == 0)
        let decoded = try Safetensors.decode(bytes)
        #expect(decoded.tensors == tensors)
        #expect(decoded.tensors[1].values[1].sign == .minus)
        #expect(decoded.metadata == metadata)
        #expect(try Safetensors.decode(Safetensors.encode([], metadata: [:])).tensors.isEmpty)
    }

    @Test func tinyFileIsByteExact() {
        let header = Array(#"{"__metadata__":{"k":"v"},"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}"#.utf8)
        #expect(header.count == 79) // one space pads it to 80, so the data starts at byte 88
        var expected: [UInt8] = [80, 0, 0, 0, 0, 0, 0, 0] + header + [0x20]
        expected += [0x00, 0x00, 0x80, 0x3F] // 1.0
        expected += [0x00, 0x00, 0x00, 0xC0] // -2.0
        let bytes = Safetensors.encode([NamedParameter(name: "a", shape: [2], values: [1, -2])], metadata: ["k": "v"])
        #expect(bytes == expected)
    }

    @Test func truncatedFilesAreRejected() {
        let bytes = Safetensors.encode(tensors, metadata: metadata)
        #expect(throws: SafetensorsError.truncated(needed: 8, available: 5)) {
            try Safetensors.decode(Array(bytes.prefix(5)))
        }
        #expect(throws: SafetensorsError.self) { try Safetensors.decode(Array(bytes.prefix(40))) }
        // Cutting the data leaves the last tensor's offsets past the end.
        #expect(throws: SafetensorsError.offsetsOutOfRange(name: "3.classifier.weight", begin: 40, end: 52, dataBytes: 48)) {
            try Safetensors.decode(Array(bytes.dropLast(4)))
        }
        var huge = bytes
        huge.replaceSubrange(0..<8, with: [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF])
        #expect(throws: SafetensorsError.truncated(needed: Int.max, available: bytes.count)) {
            try Safetensors.decode(huge)
        }
    }

    @Test func malformedHeadersAreRejected() {
        for json in [#"not json at all"#, #"[1, 2]"#, #"{"a": 3}"#, #"{"a":{"dtype":"F32","shape":[1.5],"data_offsets":[0,4]}}"#,
                     #"{"a":{"dtype":"F32","shape":[-1],"data_offsets":[0,4]}}"#,
                     #"{"a":{"dtype":"F32","shape":[1],"data_offsets":[0]}}"#,
                     #"{"__metadata__":{"k":1}}"#] {
            #expect(throws: SafetensorsError.self, "\(json)") { try Safetensors.decode(file(json, data: 4)) }
            do {
                _ = try Safetensors.decode(file(json, data: 4))
            } catch {
                guard case .badHeader = error else { Issue.record("\(json): \(error)"); continue }
            }
        }
    }

    @Test func offsetsAndDtypesAreChecked() {
        #expect(throws: SafetensorsError.unsupportedDtype(name: "a", dtype: "F16")) {
            try Safetensors.decode(file(#"{"a":{"dtype":"F16","shape":[2],"data_offsets":[0,4]}}"#, data: 4))
        }
        #expect(throws: SafetensorsError.offsetsOutOfRange(name: "a", begin: 0, end: 8, dataBytes: 8)) {
            try Safetensors.decode(file(#"{"a":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}"#, data: 8))
        }
        #expect(throws: SafetensorsError.offsetsOutOfRange(name: "a", begin: 8, end: 4, dataBytes: 8)) {
            try Safetensors.decode(file(#"{"a":{"dtype":"F32","shape":[1],"data_offsets":[8,4]}}"#, data: 8))
        }
        #expect(throws: SafetensorsError.overlappingOffsets(first: "a", second: "b")) {
            try Safetensors.decode(file(
                #"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}"#,
                data: 8))
        }
        #expect(throws: SafetensorsError.unindexedBytes(offset: 4)) {
            try Safetensors.decode(file(#"{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}"#, data: 8))
        }
        #expect(throws: SafetensorsError.unindexedBytes(offset: 0)) {
            try Safetensors.decode(file(#"{"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}"#, data: 8))
        }
        for error in [SafetensorsError.truncated(needed: 9, available: 3), .badHeader(reason: "it is not a JSON object"),
                      .unsupportedDtype(name: "a", dtype: "I8"), .overlappingOffsets(first: "a", second: "b"),
                      .offsetsOutOfRange(name: "a", begin: 0, end: 9, dataBytes: 4), .unindexedBytes(offset: 4)] {
            #expect(error.description.hasSuffix("; write it again.") || error.description.hasSuffix("again.")
                    || error.description.hasSuffix("float32."))
            #expect(!error.description.dropLast().contains(". "))
        }
    }

    @Test func sha256MatchesKnownDigests() {
        #expect(SHA256.hex(of: []) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(of: Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let twoBlocks = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        #expect(SHA256.hex(of: twoBlocks) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex(of: Array(repeating: UInt8(ascii: "a"), count: 1_000))
                == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    /// A file with the given header (unpadded) and `data` zero bytes.
    private func file(_ header: String, data: Int) -> [UInt8] {
        let json = Array(header.utf8)
        var bytes: [UInt8] = []
        withUnsafeBytes(of: UInt64(json.count).littleEndian) { bytes.append(contentsOf: $0) }
        return bytes + json + Array(repeating: 0, count: data)
    }
}
