/// Sizes of one SAME-padded convolution (or of a pooling window when `padding` is zero).
struct ConvolutionGeometry: Hashable, Sendable {
    var inputChannels: Int
    var height: Int
    var width: Int
    var outputChannels: Int
    var kernel: Int
    var stride: Int
    var outputHeight: Int
    var outputWidth: Int
    var padTop: Int
    var padLeft: Int

    /// SAME padding as TensorFlow: output ceil(R/s), the odd padding pixel at the bottom/right.
    init(sameInput input: TensorShape, filters: Int, kernel: Int, stride: Int) {
        inputChannels = input.channels
        height = input.height
        width = input.width
        outputChannels = filters
        self.kernel = kernel
        self.stride = stride
        outputHeight = (input.height + stride - 1) / stride
        outputWidth = (input.width + stride - 1) / stride
        padTop = max((outputHeight - 1) * stride + kernel - input.height, 0) / 2
        padLeft = max((outputWidth - 1) * stride + kernel - input.width, 0) / 2
    }

    /// Rows of the im2col matrix: Cin·k·k.
    var patchSize: Int { inputChannels * kernel * kernel }
    var inputPlane: Int { height * width }
    var outputPlane: Int { outputHeight * outputWidth }
    /// A 1×1 stride-1 convolution reads its input directly as the GEMM operand.
    var isPointwise: Bool { kernel == 1 && stride == 1 }
    var weightCount: Int { outputChannels * patchSize }
    var outputShape: TensorShape { TensorShape(channels: outputChannels, height: outputHeight, width: outputWidth) }
}
