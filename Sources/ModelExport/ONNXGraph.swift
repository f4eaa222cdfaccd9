/// An ONNX graph under construction: nodes in execution order and constant tensors, encoded as `GraphProto`.
struct ONNXGraph {
    /// One operator application (`NodeProto`) with integer attributes only, all this exporter needs.
    struct Node {
        var name: String
        var op: String
        var inputs: [String]
        var output: String
        var attributes: [(name: String, values: [Int], isList: Bool)] = []
    }

    /// A constant tensor (`TensorProto`): float32 values or int64 values.
    struct Initializer {
        var name: String
        var dims: [Int]
        var floats: [Float] = []
        var int64s: [Int] = []
    }

    private(set) var nodes: [Node] = []
    private(set) var initializers: [Initializer] = []

    /// Appends a node and returns its output name for chaining.
    @discardableResult
    mutating func add(_ op: String, name: String, inputs: [String], output: String? = nil,
                      ints: [(String, [Int])] = [], int: [(String, Int)] = []) -> String {
        let result = output ?? name
        var node = Node(name: name, op: op, inputs: inputs, output: result)
        node.attributes = ints.map { ($0.0, $0.1, true) } + int.map { ($0.0, [$0.1], false) }
        nodes.append(node)
        return result
    }

    /// Adds a float32 constant.
    mutating func constant(_ name: String, dims: [Int], floats: [Float]) {
        precondition(dims.reduce(1, *) == floats.count, "\(name): \(floats.count) values do not fill \(dims)")
        initializers.append(Initializer(name: name, dims: dims, floats: floats))
    }

    /// Adds an int64 constant (for `Reshape`'s target shape).
    mutating func constant(_ name: String, dims: [Int], int64s: [Int]) {
        initializers.append(Initializer(name: name, dims: dims, int64s: int64s))
    }

    /// `GraphProto`: node = 1, name = 2, initializer = 5, input = 11, output = 12.
    func encode(name: String, input: (name: String, dims: [Int?]), output: (name: String, dims: [Int?]),
                into writer: inout ProtobufWriter) {
        for node in nodes { writer.message(1) { Self.encode(node, into: &$0) } }
        writer.string(2, name)
        for tensor in initializers { writer.message(5) { Self.encode(tensor, into: &$0) } }
        writer.message(11) { Self.encodeValueInfo(input.name, dims: input.dims, into: &$0) }
        writer.message(12) { Self.encodeValueInfo(output.name, dims: output.dims, into: &$0) }
    }

    /// `NodeProto`: input = 1, output = 2, name = 3, op_type = 4, attribute = 5.
    private static func encode(_ node: Node, into writer: inout ProtobufWriter) {
        for input in node.inputs { writer.string(1, input) }
        writer.string(2, node.output)
        writer.string(3, node.name)
        writer.string(4, node.op)
        for attribute in node.attributes {
            // AttributeProto: name = 1, i = 3, ints = 8, type = 20 (INT = 2, INTS = 7).
            writer.message(5) { w in
                w.string(1, attribute.name)
                if attribute.isList {
                    for value in attribute.values { w.int(8, value) }
                    w.int(20, 7)
                } else {
                    w.int(3, attribute.values[0])
                    w.int(20, 2)
                }
            }
        }
    }

    /// `TensorProto`: dims = 1, data_type = 2 (FLOAT = 1, INT64 = 7), int64_data = 7, name = 8, raw_data = 9.
    private static func encode(_ tensor: Initializer, into writer: inout ProtobufWriter) {
        for dim in tensor.dims { writer.int(1, dim) }
        if tensor.int64s.isEmpty {
            writer.int(2, 1)
            writer.string(8, tensor.name)
            writer.lengthDelimited(9, ProtobufWriter.rawFloats(tensor.floats))
        } else {
            writer.int(2, 7)
            writer.packedInts(7, tensor.int64s)
            writer.string(8, tensor.name)
        }
    }

    /// `ValueInfoProto` of a float32 tensor: name = 1, type = 2 → `TypeProto.tensor_type` = 1 →
    /// elem_type = 1, shape = 2 → `TensorShapeProto.dim` = 1 → dim_value = 1 or dim_param = 2 (nil: the batch "N").
    private static func encodeValueInfo(_ name: String, dims: [Int?], into writer: inout ProtobufWriter) {
        writer.string(1, name)
        writer.message(2) { type in
            type.message(1) { tensor in
                tensor.int(1, 1)
                tensor.message(2) { shape in
                    for dim in dims {
                        shape.message(1) { d in
                            if let dim { d.int(1, dim) } else { d.string(2, "N") }
                        }
                    }
                }
            }
        }
    }
}
