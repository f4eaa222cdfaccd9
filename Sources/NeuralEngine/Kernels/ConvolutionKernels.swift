/// Convolution forward and backward as im2col + GEMM, images split over threads.
/// Parameters are one slice: weights [Cout, Cin·k·k] then bias [Cout]; gradients use the same layout.
enum ConvolutionKernels {
    /// Images per im2col chunk: big GEMMs, but each thread's column buffer stays near 8 MiB.
    static func chunkImages(_ g: ConvolutionGeometry, imagesPerThread: Int) -> Int {
        let perImage = g.patchSize * g.outputPlane
        return max(1, min(imagesPerThread, (1 << 21) / max(perImage, 1)))
    }

    /// Column-buffer floats one thread needs for this layer (0 for a pointwise convolution).
    static func columnFloats(_ g: ConvolutionGeometry, imagesPerThread: Int) -> Int {
        g.isPointwise ? 0 : g.patchSize * g.outputPlane * chunkImages(g, imagesPerThread: imagesPerThread)
    }

    /// Shapes: x[Cin, count, H, W], params → y[Cout, count, Ho, Wo] = ReLU(W ⊛ x + b).
    static func forward(_ ctx: ExecutionContext, geometry g: ConvolutionGeometry, chunk: Int, input: FloatSlice,
                        output: FloatSlice, parameters: FloatSlice, count: Int) {
        let x = ctx.pointer(input), y = ctx.pointer(output)
        let w = ctx.pointer(parameters), bias = w + g.weightCount
        Parallel.run(ctx.threads) { t in
            let range = Parallel.range(part: t, of: ctx.threads, count: count)
            let col = ctx.pointer(ctx.columns[t])
            var n = range.lowerBound
            while n < range.upperBound {
                let images = min(chunk, range.upperBound - n)
                let b: MatrixView
                if g.isPointwise {
                    b = MatrixView(x + n * g.inputPlane, rowStride: count * g.inputPlane)
                } else {
                    Im2col.im2col(x, geometry: g, count: count, first: n, images: images, into: col)
                    b = MatrixView(col, rowStride: images * g.outputPlane)
                }
                ctx.gemm(thread: t, m: g.outputChannels, n: images * g.outputPlane, k: g.patchSize,
                         a: MatrixView(w, rowStride: g.patchSize), b: b, c: y + n * g.outputPlane,
                         ldc: count * g.outputPlane, accumulate: false, bias: bias, relu: true)
                n += images
            }
        }
    }

    /// Shapes: x, y, dy[Cout, count, Ho, Wo] → gradient (weights then bias) and, if wanted, dx[Cin, count, H, W].
    /// `dy` is masked by the ReLU in place.
    static func backward(_ ctx: ExecutionContext, geometry g: ConvolutionGeometry, chunk: Int, input: FloatSlice,
                         output: FloatSlice, outputGradient: FloatSlice, inputGradient: FloatSlice?,
                         parameters: FloatSlice, gradient: FloatSlice, count: Int) {
        let x = ctx.pointer(input), y = ctx.pointer(output), dy = ctx.pointer(outputGradient)
        let w = ctx.pointer(parameters)
        let dx = inputGradient.map { ctx.pointer($0) }
        Parallel.run(ctx.threads) { t in
            let range = Parallel.range(part: t, of: ctx.threads, count: count)
            let dw = ctx.gradientTarget(thread: t, gradient)
            dw.update(repeating: 0, count: gradient.count)
            let col = ctx.pointer(ctx.columns[t])
            var n = range.lowerBound
            while n < range.upperBound {
                let images = min(chunk, range.upperBound - n)
                let columns = images * g.outputPlane
                ElementwiseKernels.reluBackwardAndBiasGradient(
                    y: y, dy: dy, rows: g.outputChannels, count: count, plane: g.outputPlane, first: n,
                    images: images, biasGradient: dw + g.weightCount)
                let dyChunk = MatrixView(dy + n * g.outputPlane, rowStride: count * g.outputPlane)
                let patches: MatrixView
                if g.isPointwise {
                    patches = MatrixView(x + n * g.inputPlane, rowStride: count * g.inputPlane)
                } else {
                    Im2col.im2col(x, geometry: g, count: count, first: n, images: images, into: col)
                    patches = MatrixView(col, rowStride: columns)
                }
                // dW[Cout, K] += dY[Cout, cols] · patchesᵀ[cols, K]
                ctx.gemm(thread: t, m: g.outputChannels, n: g.patchSize, k: columns, a: dyChunk,
                         b: patches.transposed, c: dw, ldc: g.patchSize, accumulate: true)
                if let dx {
                    let wT = MatrixView(w, rowStride: g.patchSize).transposed
                    if g.isPointwise {
                        ctx.gemm(thread: t, m: g.patchSize, n: columns, k: g.outputChannels, a: wT, b: dyChunk,
                                 c: dx + n * g.inputPlane, ldc: count * g.inputPlane, accumulate: false)
                    } else {
                        // dcol[K, cols] = Wᵀ · dY, then scattered back onto the input planes.
                        ctx.gemm(thread: t, m: g.patchSize, n: columns, k: g.outputChannels, a: wT, b: dyChunk,
                                 c: col, ldc: columns, accumulate: false)
                        for c in 0..<g.inputChannels {
                            (dx + (c * count + n) * g.inputPlane).update(repeating: 0, count: images * g.inputPlane)
                        }
                        Im2col.col2im(col, geometry: g, count: count, first: n, images: images, into: dx)
                    }
                }
                n += images
            }
        }
        ctx.reducePartials(into: gradient)
    }
}
