/// The protocol-buffer wire format, just as much of it as the ONNX messages here need.
///
/// ONNX files are protobuf messages, but an exporter only ever writes about ten message types with
/// varint, fixed-32 and length-delimited fields, so writing them by hand (~60 lines) is simpler than
/// adding swift-protobuf, its code generator and the generated `onnx.pb.swift` to the build.
struct ProtobufWriter {
    /// The encoded message so far.
    private(set) var bytes: [UInt8] = []

    /// Field numbers are shifted left by 3 and or-ed with one of these.
    private enum WireType: UInt64 {
        case varint = 0
        case lengthDelimited = 2
        case fixed32 = 5
    }

    /// An `int64`/`int32`/enum field; negative values take ten bytes, as the format defines.
    mutating func int(_ field: Int, _ value: Int) {
        tag(field, .varint)
        varint(UInt64(bitPattern: Int64(value)))
    }

    /// A `repeated int64` field, packed (one length-delimited run of varints).
    mutating func packedInts(_ field: Int, _ values: [Int]) {
        var inner = ProtobufWriter()
        for value in values { inner.varint(UInt64(bitPattern: Int64(value))) }
        lengthDelimited(field, inner.bytes)
    }

    /// A `float` field (little-endian fixed 32 bits).
    mutating func float(_ field: Int, _ value: Float) {
        tag(field, .fixed32)
        append(littleEndian: value.bitPattern)
    }

    /// A `string` field (UTF-8).
    mutating func string(_ field: Int, _ value: String) {
        lengthDelimited(field, Array(value.utf8))
    }

    /// A `bytes` field (or any length-delimited payload).
    mutating func lengthDelimited(_ field: Int, _ value: [UInt8]) {
        tag(field, .lengthDelimited)
        varint(UInt64(value.count))
        bytes += value
    }

    /// An embedded message field, encoded by `body`.
    mutating func message(_ field: Int, _ body: (inout ProtobufWriter) -> Void) {
        var inner = ProtobufWriter()
        body(&inner)
        lengthDelimited(field, inner.bytes)
    }

    /// Raw little-endian float32 data, the layout of ONNX's `TensorProto.raw_data`.
    static func rawFloats(_ values: [Float]) -> [UInt8] {
        var writer = ProtobufWriter()
        for value in values { writer.append(littleEndian: value.bitPattern) }
        return writer.bytes
    }

    private mutating func tag(_ field: Int, _ type: WireType) {
        precondition(field > 0, "protobuf field numbers start at 1")
        varint(UInt64(field) << 3 | type.rawValue)
    }

    private mutating func varint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    private mutating func append(littleEndian word: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: word >> UInt32(shift))) }
    }
}
