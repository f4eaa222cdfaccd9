/// Max pooling over the CNHW layout, remembering the argmax of every window for the backward pass.
enum PoolingKernels {
    /// Shapes: x[C, count, H, W] → y[C, count, Ho, Wo], argmax[C, count, Ho, Wo] (offset within the input plane),
    /// for images first..<first+images; windows k×k, stride s, no padding.
    static func maxPoolForward(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>,
                               argmax: UnsafeMutablePointer<Int32>, geometry g: ConvolutionGeometry,
                               count: Int, first: Int, images: Int) {
        for c in 0..<g.inputChannels {
            for n in first..<(first + images) {
                let plane = (c * count + n)
                let src = x + plane * g.inputPlane
                let dst = y + plane * g.outputPlane
                let idx = argmax + plane * g.outputPlane
                if g.kernel == 2 && g.stride == 2 {
                    pool2x2(src, dst, idx, width: g.width, outputHeight: g.outputHeight, outputWidth: g.outputWidth)
                    continue
                }
                for oy in 0..<g.outputHeight {
                    for ox in 0..<g.outputWidth {
                        var best = oy * g.stride * g.width + ox * g.stride
                        var value = src[best]
                        for ky in 0..<g.kernel {
                            let rowStart = (oy * g.stride + ky) * g.width + ox * g.stride
                            for kx in 0..<g.kernel where src[rowStart + kx] > value {
                                value = src[rowStart + kx]
                                best = rowStart + kx
                            }
                        }
                        dst[oy * g.outputWidth + ox] = value
                        idx[oy * g.outputWidth + ox] = Int32(best)
                    }
                }
            }
        }
    }

    /// Shapes: one plane x[H, W] → y[Ho, Wo], argmax[Ho, Wo] for 2×2 windows with stride 2 (the common case).
    @inline(__always)
    static func pool2x2(_ src: UnsafePointer<Float>, _ dst: UnsafeMutablePointer<Float>,
                        _ idx: UnsafeMutablePointer<Int32>, width: Int, outputHeight: Int, outputWidth: Int) {
        for oy in 0..<outputHeight {
            let top = 2 * oy * width
            for ox in 0..<outputWidth {
                let i0 = top + 2 * ox, i2 = i0 + width
                var best = i0
                var value = src[i0]
                if src[i0 + 1] > value { value = src[i0 + 1]; best = i0 + 1 }
                if src[i2] > value { value = src[i2]; best = i2 }
                if src[i2 + 1] > value { value = src[i2 + 1]; best = i2 + 1 }
                dst[oy * outputWidth + ox] = value
                idx[oy * outputWidth + ox] = Int32(best)
            }
        }
    }

    /// Shapes: dy[C, count, Ho, Wo], argmax → dx[C, count, H, W] for images first..<first+images (overwritten).
    static func maxPoolBackward(_ dy: UnsafePointer<Float>, argmax: UnsafePointer<Int32>,
                                _ dx: UnsafeMutablePointer<Float>, geometry g: ConvolutionGeometry,
                                count: Int, first: Int, images: Int) {
        for c in 0..<g.inputChannels {
            for n in first..<(first + images) {
                let plane = (c * count + n)
                let dst = dx + plane * g.inputPlane
                dst.update(repeating: 0, count: g.inputPlane)
                let src = dy + plane * g.outputPlane
                let idx = argmax + plane * g.outputPlane
                for o in 0..<g.outputPlane { dst[Int(idx[o])] += src[o] }
            }
        }
    }
}
