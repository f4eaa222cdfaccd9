/// The Winograd algorithms the engine has: F(2×2, 3×3) and F(2×2, 5×5), both for stride-1 SAME convolutions.
enum WinogradVariant: Hashable, Sendable {
    case f2x3
    case f2x5

    /// The variant for a geometry, or nil when im2col is the better (or only) choice.
    static func choose(for g: ConvolutionGeometry) -> WinogradVariant? {
        // Below 7×7 maps the padded 2×2 tiles waste too much; below 16 channels the transforms dominate.
        guard g.stride == 1, g.inputChannels >= 16, g.outputChannels >= 16, g.height >= 7, g.width >= 7 else {
            return nil
        }
        switch g.kernel {
        case 3: return .f2x3
        case 5: return .f2x5
        default: return nil
        }
    }

    /// Transform points per tile: (2 + k − 1)².
    var points: Int { self == .f2x3 ? 16 : 36 }

    /// Floats between consecutive transform points of a [points, C, T] buffer. The padding keeps the
    /// points' streams off 4 KiB-aliased addresses, which otherwise thrash the L1 sets in the transforms.
    static func pointStride(channels: Int, tiles: Int) -> Int { channels * tiles + 80 }

    static func tilesPerImage(_ g: ConvolutionGeometry) -> Int { ((g.height + 1) / 2) * ((g.width + 1) / 2) }

    /// Images per chunk so that the two transform buffers of a thread stay near 16–32 MiB.
    func chunkImages(_ g: ConvolutionGeometry, imagesPerTask: Int) -> Int {
        let perImage = 2 * points * max(g.inputChannels, g.outputChannels) * Self.tilesPerImage(g)
        return max(1, min(imagesPerTask, (self == .f2x3 ? 1 << 22 : 1 << 23) / perImage))
    }

    func scratchFloats(_ g: ConvolutionGeometry, chunk: Int) -> Int {
        2 * points * Self.pointStride(channels: max(g.inputChannels, g.outputChannels), tiles: Self.tilesPerImage(g) * chunk)
    }

    func transformWeights(_ w: UnsafePointer<Float>, outputChannels: Int, inputChannels: Int, flipped: Bool,
                          into u: UnsafeMutablePointer<Float>, threads: Int) {
        switch self {
        case .f2x3: WinogradKernels.transformWeights(w, outputChannels: outputChannels, inputChannels: inputChannels,
                                                     flipped: flipped, into: u, threads: threads)
        case .f2x5: Winograd5Kernels.transformWeights(w, outputChannels: outputChannels, inputChannels: inputChannels,
                                                      flipped: flipped, into: u, threads: threads)
        }
    }

    func accumulateFilterGradient(_ du: UnsafePointer<Float>, pairs: Int, into dw: UnsafeMutablePointer<Float>) {
        switch self {
        case .f2x3: WinogradKernels.accumulateFilterGradient(du, pairs: pairs, into: dw)
        case .f2x5: Winograd5Kernels.accumulateFilterGradient(du, pairs: pairs, into: dw)
        }
    }

    func transformInput(_ x: UnsafePointer<Float>, channels: Int, height: Int, width: Int, count: Int, first: Int,
                        images: Int, into v: UnsafeMutablePointer<Float>) {
        switch self {
        case .f2x3: WinogradKernels.transformInput(x, channels: channels, height: height, width: width, count: count,
                                                   first: first, images: images, into: v)
        case .f2x5: Winograd5Kernels.transformInput(x, channels: channels, height: height, width: width, count: count,
                                                    first: first, images: images, into: v)
        }
    }

    func transformOutputGradient(_ dy: UnsafePointer<Float>, channels: Int, height: Int, width: Int, count: Int,
                                 first: Int, images: Int, into out: UnsafeMutablePointer<Float>) {
        switch self {
        case .f2x3: WinogradKernels.transformOutputGradient(dy, channels: channels, height: height, width: width,
                                                            count: count, first: first, images: images, into: out)
        case .f2x5: Winograd5Kernels.transformOutputGradient(dy, channels: channels, height: height, width: width,
                                                             count: count, first: first, images: images, into: out)
        }
    }

    func transformOutput(_ m: UnsafePointer<Float>, channels: Int, height: Int, width: Int, count: Int, first: Int,
                         images: Int, bias: UnsafePointer<Float>?, relu: Bool, into y: UnsafeMutablePointer<Float>) {
        switch self {
        case .f2x3: WinogradKernels.transformOutput(m, channels: channels, height: height, width: width, count: count,
                                                    first: first, images: images, bias: bias, relu: relu, into: y)
        case .f2x5: Winograd5Kernels.transformOutput(m, channels: channels, height: height, width: width, count: count,
                                                     first: first, images: images, bias: bias, relu: relu, into: y)
        }
    }
}
