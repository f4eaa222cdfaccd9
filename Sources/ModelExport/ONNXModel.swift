import NeuralEngine

/// Writes a trained engine network as an ONNX model (opset 13) that gives the engine's logits.
///
/// The graph takes `N×C×H×W` float32 pixels in [0, 1] (byte / 255), normalises them with the training
/// split's per-channel statistics (`Sub` mean, `Div` std, broadcast over `[1, C, 1, 1]`) as the engine's
/// data pipeline does, then runs the layers in eval mode and outputs `N×classes` logits:
/// - convolution: `Conv` with explicit SAME pads (the odd pixel at the bottom/right, as the engine pads), `Relu`;
/// - max pooling: `MaxPool` without padding, `ceil_mode` 0 (the engine's ⌊(R − k)/s⌋ + 1);
/// - GAP: the engine's 1×1 `Conv` to the classes with `Relu`, then `GlobalAveragePool`;
/// - fully connected and classifier: `Flatten` (NCHW order, as the engine flattens) and `Gemm` with `transB`,
///   since weights are stored `[units, features]`; `Relu` after hidden ones;
/// - dropout: nothing (identity at inference).
public enum ONNXModel {
    /// The ONNX opset the graph is written for.
    public static let opset = 13
    /// The ONNX IR version matching `opset` 13.
    public static let irVersion = 7

    /// The ModelProto bytes of the net `layers` on `input` images with trained `parameters` (named as
    /// `Network.namedParameters()` names them), the training split's `mean`/`std` per channel, and `metadata`
    /// stored as `metadata_props` (keys sorted).
    public static func encode(layers: [LayerSpec], input: TensorShape, parameters: [NamedParameter], mean: [Float],
                              std: [Float], metadata: [String: String], producerVersion: String) throws(ONNXExportError) -> [UInt8] {
        let network: Network
        do {
            network = try Network(layers: layers, input: input, maxBatch: 1, threads: 1, seed: 0)
        } catch {
            throw .cannotBuild(error)
        }
        do {
            try network.loadNamedParameters(parameters)
        } catch {
            throw .parameters(error)
        }
        guard mean.count == input.channels, std.count == input.channels, mean.allSatisfy(\.isFinite),
              std.allSatisfy({ $0.isFinite && $0 > 0 }) else {
            throw .invalidNormalisation(channels: input.channels, mean: mean, std: std)
        }
        let graph = lower(layers, shapes: network.representationShapes, parameters: network.namedParameters(),
                          mean: mean, std: std)
        var writer = ProtobufWriter()
        // ModelProto: ir_version = 1, producer_name = 2, producer_version = 3, graph = 7, opset_import = 8,
        // metadata_props = 14; OperatorSetIdProto: domain = 1 (empty: the default ai.onnx), version = 2.
        writer.int(1, irVersion)
        writer.string(2, "metaqnn")
        writer.string(3, producerVersion)
        writer.message(7) { g in
            graph.encode(name: "metaqnn", input: ("pixels", [nil, input.channels, input.height, input.width]),
                         output: ("logits", [nil, network.classes]), into: &g)
        }
        writer.message(8) { $0.int(2, opset) }
        for key in metadata.keys.sorted() {
            writer.message(14) { entry in
                entry.string(1, key)
                entry.string(2, metadata[key]!)
            }
        }
        return writer.bytes
    }

    /// The graph of `layers`; `shapes[i]` enters layer i, `parameters` are in the network's canonical order.
    static func lower(_ layers: [LayerSpec], shapes: [TensorShape], parameters: [NamedParameter], mean: [Float],
                      std: [Float]) -> ONNXGraph {
        var graph = ONNXGraph()
        let channels = shapes[0].channels
        graph.constant("normalisation.mean", dims: [1, channels, 1, 1], floats: mean)
        graph.constant("normalisation.std", dims: [1, channels, 1, 1], floats: std)
        for parameter in parameters { graph.constant(parameter.name, dims: parameter.shape, floats: parameter.values) }
        let centred = graph.add("Sub", name: "normalisation.sub", inputs: ["pixels", "normalisation.mean"])
        var x = graph.add("Div", name: "normalisation.div", inputs: [centred, "normalisation.std"])
        // Gemm leaves [N, units]; a later spatial layer needs [N, units, 1, 1] back.
        var isFlat = false
        func spatial(_ index: Int, _ shape: TensorShape) {
            guard isFlat else { return }
            graph.constant("\(index).reshape.shape", dims: [4], int64s: [0, shape.channels, shape.height, shape.width])
            x = graph.add("Reshape", name: "\(index).reshape", inputs: [x, "\(index).reshape.shape"])
            isFlat = false
        }
        func dense(_ index: Int, kind: String, relu: Bool, output: String? = nil) {
            if !isFlat { x = graph.add("Flatten", name: "\(index).flatten", inputs: [x], int: [("axis", 1)]) }
            x = graph.add("Gemm", name: "\(index).\(kind)", inputs: [x, "\(index).\(kind).weight", "\(index).\(kind).bias"],
                          output: output, int: [("transB", 1)])
            if relu { x = graph.add("Relu", name: "\(index).relu", inputs: [x]) }
            isFlat = true
        }
        for (index, spec) in layers.enumerated() {
            let (input, output) = (shapes[index], shapes[index + 1])
            switch spec {
            case let .convolution(_, kernel, stride):
                spatial(index, input)
                let rows = max((output.height - 1) * stride + kernel - input.height, 0)
                let columns = max((output.width - 1) * stride + kernel - input.width, 0)
                x = graph.add("Conv", name: "\(index).conv", inputs: [x, "\(index).conv.weight", "\(index).conv.bias"],
                              ints: [("kernel_shape", [kernel, kernel]), ("strides", [stride, stride]),
                                     ("pads", [rows / 2, columns / 2, rows - rows / 2, columns - columns / 2])])
                x = graph.add("Relu", name: "\(index).relu", inputs: [x])
            case let .maxPool(kernel, stride):
                spatial(index, input)
                x = graph.add("MaxPool", name: "\(index).maxpool", inputs: [x],
                              ints: [("kernel_shape", [kernel, kernel]), ("strides", [stride, stride]),
                                     ("pads", [0, 0, 0, 0])],
                              int: [("ceil_mode", 0)])
            case .globalAveragePool:
                spatial(index, input)
                x = graph.add("Conv", name: "\(index).gap", inputs: [x, "\(index).gap.weight", "\(index).gap.bias"],
                              ints: [("kernel_shape", [1, 1]), ("strides", [1, 1]), ("pads", [0, 0, 0, 0])])
                x = graph.add("Relu", name: "\(index).relu", inputs: [x])
                x = graph.add("GlobalAveragePool", name: "\(index).mean", inputs: [x])
            case .fullyConnected:
                dense(index, kind: "fc", relu: true)
            case .dropout:
                continue
            case .classifier:
                dense(index, kind: "classifier", relu: false, output: "logits")
            }
        }
        return graph
    }
}
