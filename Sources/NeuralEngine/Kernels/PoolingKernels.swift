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
