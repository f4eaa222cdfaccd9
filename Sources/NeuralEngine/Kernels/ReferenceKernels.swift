/// Naive NCHW kernels written straight from the definitions; the test oracles of the fast kernels.
enum ReferenceKernels {
    /// Shapes: x[N, Cin, H, W], w[Cout, Cin, k, k], b[Cout] → y[N, Cout, Ho, Wo] = ReLU(SAME conv + b).
    static func convolutionForward(x: Tensor, weights w: [Float], bias b: [Float], filters: Int, kernel: Int,
                                   stride: Int) -> Tensor {
        let g = ConvolutionGeometry(sameInput: x.shape, filters: filters, kernel: kernel, stride: stride)
        var y = Tensor(zeros: x.count, shape: g.outputShape)
        for n in 0..<x.count {
            for co in 0..<filters {
                for oy in 0..<g.outputHeight {
                    for ox in 0..<g.outputWidth {
                        var sum = b[co]
                        for ci in 0..<g.inputChannels {
                            for ky in 0..<kernel {
                                for kx in 0..<kernel {
                                    let iy = oy * stride - g.padTop + ky, ix = ox * stride - g.padLeft + kx
                                    guard iy >= 0, iy < g.height, ix >= 0, ix < g.width else { continue }
                                    sum += w[((co * g.inputChannels + ci) * kernel + ky) * kernel + kx] * x[n, ci, iy, ix]
                                }
                            }
                        }
                        y[n, co, oy, ox] = max(sum, 0)
                    }
                }
            }
        }
        return y
    }

    /// Shapes: x, y = forward output, dy[N, Cout, Ho, Wo] → dx[N, Cin, H, W], dw[Cout, Cin, k, k], db[Cout].
    static func convolutionBackward(x: Tensor, y: Tensor, dy: Tensor, weights w: [Float], filters: Int, kernel: Int,
                                    stride: Int) -> (dx: Tensor, dw: [Float], db: [Float]) {
        let g = ConvolutionGeometry(sameInput: x.shape, filters: filters, kernel: kernel, stride: stride)
        var dx = Tensor(zeros: x.count, shape: x.shape)
        var dw = [Float](repeating: 0, count: w.count), db = [Float](repeating: 0, count: filters)
        for n in 0..<x.count {
            for co in 0..<filters {
                for oy in 0..<g.outputHeight {
                    for ox in 0..<g.outputWidth {
                        let d = y[n, co, oy, ox] > 0 ? dy[n, co, oy, ox] : 0
                        db[co] += d
                        for ci in 0..<g.inputChannels {
                            for ky in 0..<kernel {
                                for kx in 0..<kernel {
                                    let iy = oy * stride - g.padTop + ky, ix = ox * stride - g.padLeft + kx
                                    guard iy >= 0, iy < g.height, ix >= 0, ix < g.width else { continue }
                                    let wi = ((co * g.inputChannels + ci) * kernel + ky) * kernel + kx
                                    dw[wi] += d * x[n, ci, iy, ix]
                                    dx[n, ci, iy, ix] += d * w[wi]
                                }
                            }
                        }
                    }
                }
            }
        }
        return (dx, dw, db)
    }

    /// Shapes: x[N, C, H, W] → y[N, C, Ho, Wo] with Ho = (H − k)/s + 1, and dx for a given dy (first max wins).
    static func maxPool(x: Tensor, dy: Tensor?, kernel: Int, stride: Int) -> (y: Tensor, dx: Tensor) {
        let shape = TensorShape(channels: x.shape.channels, height: (x.shape.height - kernel) / stride + 1,
                                width: (x.shape.width - kernel) / stride + 1)
        var y = Tensor(zeros: x.count, shape: shape)
        var dx = Tensor(zeros: x.count, shape: x.shape)
        for n in 0..<x.count {
            for c in 0..<shape.channels {
                for oy in 0..<shape.height {
                    for ox in 0..<shape.width {
                        var (by, bx) = (oy * stride, ox * stride)
                        for ky in 0..<kernel {
                            for kx in 0..<kernel where x[n, c, oy * stride + ky, ox * stride + kx] > x[n, c, by, bx] {
                                (by, bx) = (oy * stride + ky, ox * stride + kx)
                            }
                        }
                        y[n, c, oy, ox] = x[n, c, by, bx]
                        if let dy { dx[n, c, by, bx] += dy[n, c, oy, ox] }
                    }
                }
            }
        }
        return (y, dx)
    }
}
