/// im2col / col2im over the engine's internal CNHW layout (channel-major, then image, row, column).
enum Im2col {
    /// Columns ox whose input column ox·s − pad + kx lies inside [0, width).
    @inline(__always)
    static func validRange(out: Int, stride: Int, pad: Int, offset: Int, size: Int) -> Range<Int> {
        // ix = o*s - pad + offset ∈ [0, size)
        let lowNumerator = pad - offset
        let low = lowNumerator <= 0 ? 0 : (lowNumerator + stride - 1) / stride
        let highNumerator = size - 1 + pad - offset
        let high = highNumerator < 0 ? 0 : min(out, highNumerator / stride + 1)
        return low..<max(low, high)
    }

    /// Shapes: x[Cin, count, H, W] (images first..<first+images) → col[Cin·k·k, images·Ho·Wo]; zeros in the border.
    static func im2col(_ x: UnsafePointer<Float>, geometry g: ConvolutionGeometry, count: Int, first: Int,
                       images: Int, into col: UnsafeMutablePointer<Float>) {
        let columns = images * g.outputPlane
        for c in 0..<g.inputChannels {
            for ky in 0..<g.kernel {
                let rows = validRange(out: g.outputHeight, stride: g.stride, pad: g.padTop, offset: ky, size: g.height)
                for kx in 0..<g.kernel {
                    let cols = validRange(out: g.outputWidth, stride: g.stride, pad: g.padLeft, offset: kx, size: g.width)
                    let row = col + ((c * g.kernel + ky) * g.kernel + kx) * columns
                    for image in 0..<images {
                        let plane = x + (c * count + first + image) * g.inputPlane
                        let dst = row + image * g.outputPlane
                        for oy in 0..<g.outputHeight {
                            let line = dst + oy * g.outputWidth
                            guard rows.contains(oy) else {
                                line.update(repeating: 0, count: g.outputWidth)
                                continue
                            }
                            let src = plane + (oy * g.stride - g.padTop + ky) * g.width - g.padLeft + kx
                            if cols.lowerBound > 0 { line.update(repeating: 0, count: cols.lowerBound) }
                            if g.stride == 1 {
                                (line + cols.lowerBound).update(from: src + cols.lowerBound, count: cols.count)
                            } else {
                                for ox in cols { line[ox] = src[ox * g.stride] }
                            }
                            if cols.upperBound < g.outputWidth {
                                (line + cols.upperBound).update(repeating: 0, count: g.outputWidth - cols.upperBound)
                            }
                        }
                    }
                }
            }
        }
    }

    /// Shapes: col[Cin·k·k, images·Ho·Wo] → dx[Cin, count, H, W] (images first..<first+images), accumulating.
    static func col2im(_ col: UnsafePointer<Float>, geometry g: ConvolutionGeometry, count: Int, first: Int,
                       images: Int, into dx: UnsafeMutablePointer<Float>) {
        let columns = images * g.outputPlane
        for c in 0..<g.inputChannels {
            for ky in 0..<g.kernel {
                let rows = validRange(out: g.outputHeight, stride: g.stride, pad: g.padTop, offset: ky, size: g.height)
                for kx in 0..<g.kernel {
                    let cols = validRange(out: g.outputWidth, stride: g.stride, pad: g.padLeft, offset: kx, size: g.width)
                    let row = col + ((c * g.kernel + ky) * g.kernel + kx) * columns
                    for image in 0..<images {
                        let plane = dx + (c * count + first + image) * g.inputPlane
                        let src = row + image * g.outputPlane
                        for oy in rows {
                            let line = src + oy * g.outputWidth
                            let dst = plane + (oy * g.stride - g.padTop + ky) * g.width - g.padLeft + kx
                            for ox in cols { dst[ox * g.stride] += line[ox] }
                        }
                    }
                }
            }
        }
    }
}
