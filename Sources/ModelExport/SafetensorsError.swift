/// Why bytes are not a safetensors file this tool can read; each description is one sentence.
public enum SafetensorsError: Error, Equatable, CustomStringConvertible {
    /// The file ends before its header length, header or tensor data does.
    case truncated(needed: Int, available: Int)
    /// The header is not a JSON object of tensor entries and an optional string map `__metadata__`.
    case badHeader(reason: String)
    /// A tensor's element type is not `F32`, the only one the engine has.
    case unsupportedDtype(name: String, dtype: String)
    /// A tensor's byte range lies outside the data, or does not fit its shape.
    case offsetsOutOfRange(name: String, begin: Int, end: Int, dataBytes: Int)
    /// Two tensors claim the same bytes.
    case overlappingOffsets(first: String, second: String)
    /// Some data bytes belong to no tensor (the format forbids holes).
    case unindexedBytes(offset: Int)

    /// One sentence naming the problem and what to do.
    public var description: String {
        switch self {
        case let .truncated(needed, available):
            "The weights file is truncated: it needs at least \(needed) bytes but holds \(available); write it again."
        case let .badHeader(reason):
            "The weights file's header is not valid safetensors JSON (\(reason)); write it again."
        case let .unsupportedDtype(name, dtype):
            "The tensor \(name) has dtype \(dtype) but only F32 is supported; save the weights as float32."
        case let .offsetsOutOfRange(name, begin, end, dataBytes):
            "The tensor \(name) claims bytes \(begin)..<\(end), which do not fit its shape within the \(dataBytes) data bytes; write the file again."
        case let .overlappingOffsets(first, second):
            "The tensors \(first) and \(second) claim overlapping bytes; write the file again."
        case let .unindexedBytes(offset):
            "The data bytes from offset \(offset) belong to no tensor; write the file again."
        }
    }
}
