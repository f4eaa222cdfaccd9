import Foundation
import NeuralEngine

/// The safetensors layout: an 8-byte little-endian header length, a JSON header mapping each tensor name to
/// `{"dtype", "shape", "data_offsets"}` plus an optional `__metadata__` string map, then raw little-endian data.
public enum Safetensors {
    /// The bytes of a file holding `tensors` as float32, in the given order, with `metadata` (keys sorted).
    /// The header is padded with spaces so the data starts 8-byte aligned, as the format allows.
    public static func encode(_ tensors: [NamedParameter], metadata: [String: String]) -> [UInt8] {
        var entries: [String] = []
        if !metadata.isEmpty {
            let pairs = metadata.keys.sorted().map { "\(jsonString($0)):\(jsonString(metadata[$0]!))" }
            entries.append("\"__metadata__\":{" + pairs.joined(separator: ",") + "}")
        }
        var offset = 0
        for tensor in tensors {
            precondition(tensor.name != "__metadata__", "a tensor cannot be named __metadata__")
            let end = offset + 4 * tensor.values.count
            let shape = tensor.shape.map(String.init).joined(separator: ",")
            entries.append("\(jsonString(tensor.name)):{\"dtype\":\"F32\",\"shape\":[\(shape)],\"data_offsets\":[\(offset),\(end)]}")
            offset = end
        }
        var header = Array(("{" + entries.joined(separator: ",") + "}").utf8)
        while header.count % 8 != 0 { header.append(UInt8(ascii: " ")) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(8 + header.count + offset)
        withUnsafeBytes(of: UInt64(header.count).littleEndian) { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: header)
        for tensor in tensors {
            for value in tensor.values {
                withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
            }
        }
        return bytes
    }

    /// The tensors (in data order) and metadata of a file; every length, offset and dtype is checked.
    public static func decode(_ bytes: [UInt8]) throws(SafetensorsError) -> (tensors: [NamedParameter], metadata: [String: String]) {
        guard bytes.count >= 8 else { throw .truncated(needed: 8, available: bytes.count) }
        let length = bytes[0..<8].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        guard length <= UInt64(bytes.count - 8) else {
            throw .truncated(needed: length > UInt64(Int.max - 8) ? Int.max : 8 + Int(length), available: bytes.count)
        }
        let dataStart = 8 + Int(length)
        let header = try parseHeader(Data(bytes[8..<dataStart]))
        let dataBytes = bytes.count - dataStart
        var metadata: [String: String] = [:]
        var located: [(begin: Int, end: Int, name: String, shape: [Int])] = []
        for (name, value) in header {
            switch value {
            case let .metadata(map):
                guard name == "__metadata__" else {
                    throw .badHeader(reason: "the entry of \(name) is not a tensor description")
                }
                metadata = map
            case let .tensor(entry):
                guard name != "__metadata__" else { throw .badHeader(reason: "__metadata__ is not a map of strings") }
                guard entry.dtype == "F32" else { throw .unsupportedDtype(name: name, dtype: entry.dtype) }
                guard entry.shape.allSatisfy({ $0 >= 0 }), entry.dataOffsets.count == 2,
                      entry.dataOffsets.allSatisfy({ $0 >= 0 }) else {
                    throw .badHeader(reason: "the entry of \(name) needs non-negative shape and data_offsets")
                }
                let (begin, end) = (entry.dataOffsets[0], entry.dataOffsets[1])
                let size = entry.shape.reduce(Optional(4)) { product, dimension in
                    product.flatMap { value in
                        let (result, overflow) = value.multipliedReportingOverflow(by: dimension)
                        return overflow ? nil : result
                    }
                }
                guard begin <= end, end <= dataBytes, end - begin == size else {
                    throw .offsetsOutOfRange(name: name, begin: begin, end: end, dataBytes: dataBytes)
                }
                located.append((begin, end, name, entry.shape))
            }
        }
        located.sort { ($0.begin, $0.end, $0.name) < ($1.begin, $1.end, $1.name) }
        var covered = 0
        var previous: String?
        for tensor in located {
            if tensor.begin < covered, let previous { throw .overlappingOffsets(first: previous, second: tensor.name) }
            if tensor.begin > covered { throw .unindexedBytes(offset: covered) }
            covered = tensor.end
            previous = tensor.name
        }
        if covered < dataBytes { throw .unindexedBytes(offset: covered) }
        let tensors = located.map { tensor in
            let values = (0..<((tensor.end - tensor.begin) / 4)).map { i in
                let at = dataStart + tensor.begin + 4 * i
                let bits = UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16
                    | UInt32(bytes[at + 3]) << 24
                return Float(bitPattern: bits)
            }
            return NamedParameter(name: tensor.name, shape: tensor.shape, values: values)
        }
        return (tensors, metadata)
    }

    private static func parseHeader(_ data: Data) throws(SafetensorsError) -> [String: HeaderEntry] {
        guard (try? JSONSerialization.jsonObject(with: data)) is [String: Any] else {
            throw .badHeader(reason: "it is not a JSON object")
        }
        do {
            return try JSONDecoder().decode([String: HeaderEntry].self, from: data)
        } catch {
            throw .badHeader(reason: Self.reason(error))
        }
    }

    /// The key a decoding error stopped at, for a message a person can act on.
    private static func reason(_ error: any Error) -> String {
        let path: [any CodingKey]
        switch error as? DecodingError {
        case let .typeMismatch(_, context)?, let .valueNotFound(_, context)?, let .keyNotFound(_, context)?,
             let .dataCorrupted(context)?:
            path = context.codingPath
        default:
            path = []
        }
        guard let name = path.first?.stringValue else { return "an entry has the wrong form" }
        return name == "__metadata__" ? "__metadata__ is not a map of strings"
            : "the entry of \(name) needs a dtype string, a shape and a data_offsets pair of non-negative integers"
    }

    /// One value of the header: a tensor description, or the `__metadata__` string map.
    private enum HeaderEntry: Decodable {
        case tensor(TensorEntry)
        case metadata([String: String])

        init(from decoder: any Decoder) throws {
            if let map = try? [String: String](from: decoder) {
                self = .metadata(map)
            } else {
                self = .tensor(try TensorEntry(from: decoder))
            }
        }
    }

    /// A tensor's header entry, spelled as the format spells it.
    private struct TensorEntry: Decodable {
        var dtype: String
        var shape: [Int]
        var dataOffsets: [Int]

        enum CodingKeys: String, CodingKey {
            case dtype, shape
            case dataOffsets = "data_offsets"
        }
    }

    /// `text` as a JSON string literal.
    static func jsonString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20: result += String(format: "\\u%04x", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
