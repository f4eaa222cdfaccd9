/// Fully connected forward and backward as GEMMs. Parameters are one slice: weights [units, C·plane] then
/// bias [units]. Over small maps the input is flattened to a [features, count] matrix first; over maps of at
/// least `directPlane` positions each channel's [count, plane] block of the CNHW input is used in place,
/// one product per channel, which saves the transposing copies (for a classifier over 16 × 28 × 28
/// features they took longer than the multiply-adds).
/// The forward pass and the input gradient are split by images or features, which changes no sum; the
/// weight gradient is split by feature columns, never by images, so each of its elements is one sum over
/// the whole batch in image order, whatever the thread count and whichever thread ran which block.
enum FullyConnectedKernels {
    /// Images per forward task: whole GEMM strips (two of 16 columns with AVX2, one of 32 with AVX-512), so
    /// no task is only edge tiles and W, re-packed per task, is reused by at least 32 images.
    static let imagesPerTask = 32
    /// Features per backward task (weight-gradient columns, input-gradient rows): a multiple of 16.
    static let featuresPerTask = 512
    /// Map positions from which channels are used in place: the forward pass then sums along each map
    /// (GemmLongK's k), which needs a few vectors' worth of it.
    static let directPlane = 128

    /// Whether a layer over `input` flattens it (and so needs the `flat` buffer).
    static func flattens(_ input: TensorShape) -> Bool { input.spatialCount > 1 && input.spatialCount < directPlane }

    /// Shapes: x[C, count, plane] → y[units, count] = act(W · flatten(x) + b); `flat` holds flatten(x) when
    /// `flattens(inputShape)`.
    static func forward(_ ctx: ExecutionContext, input: FloatSlice, inputShape: TensorShape, output: FloatSlice,
                        flat: FloatSlice, units: Int, relu: Bool, parameters: FloatSlice, count: Int) {
        let features = inputShape.elementCount, plane = inputShape.spatialCount
        let x = ctx.pointer(input), y = ctx.pointer(output), f = ctx.pointer(flat)
        let w = ctx.pointer(parameters)
        let tasks = (count + imagesPerTask - 1) / imagesPerTask
        Parallel.dynamic(tasks: tasks, threads: ctx.threads) { task, t in
            let range = (task * imagesPerTask)..<min(count, (task + 1) * imagesPerTask)
            if plane >= directPlane {
                // y[:, range] = Σ_c W_c · X_cᵀ, W_c = W[:, c·plane..<(c+1)·plane], X_c = x[c, range, :].
                for c in 0..<inputShape.channels {
                    GemmLongK.multiply(m: units, n: range.count, k: plane, a: w + c * plane, lda: features,
                                       b: x + (c * count + range.lowerBound) * plane, ldb: plane,
                                       c: y + range.lowerBound, ldc: count, accumulate: c > 0)
                }
                let bias = w + units * features
                for u in 0..<units {
                    for n in range {
                        let v = y[u * count + n] + bias[u]
                        y[u * count + n] = relu ? max(v, 0) : v
                    }
                }
                return
            }
            var source = x
            if plane > 1 {
                ElementwiseKernels.flatten(x, f, channels: inputShape.channels, count: count, plane: plane,
                                           first: range.lowerBound, images: range.count)
                source = f
            }
            ctx.gemm(thread: t, m: units, n: range.count, k: features, a: MatrixView(w, rowStride: features),
                     b: MatrixView(source + range.lowerBound, rowStride: count), c: y + range.lowerBound,
                     ldc: count, accumulate: false, bias: w + units * features, relu: relu)
        }
    }

    /// Shapes: dy[units, count] → gradient (weights then bias) and, if wanted, dx[C, count, plane].
    static func backward(_ ctx: ExecutionContext, input: FloatSlice, inputShape: TensorShape, output: FloatSlice,
                         outputGradient: FloatSlice, inputGradient: FloatSlice?, flat: FloatSlice, units: Int,
                         relu: Bool, parameters: FloatSlice, gradient: FloatSlice, count: Int) {
        let features = inputShape.elementCount, plane = inputShape.spatialCount
        let x = ctx.pointer(input), y = ctx.pointer(output), dy = ctx.pointer(outputGradient)
        let f = ctx.pointer(flat), w = ctx.pointer(parameters), dw = ctx.pointer(gradient)
        let db = dw + units * features
        db.update(repeating: 0, count: units)
        if relu {
            ElementwiseKernels.reluBackwardAndBiasGradient(y: y, dy: dy, rows: units, count: count, plane: 1,
                                                           first: 0, images: count, biasGradient: db)
        } else {
            for u in 0..<units {
                var sum: Float = 0
                for n in 0..<count { sum += dy[u * count + n] }
                db[u] = sum
            }
        }
        let dyView = MatrixView(dy, rowStride: count)
        if plane >= directPlane {
            // Per channel c: dW_c[units, plane] = dY · X_c (X_c = x[c, :, :] as [count, plane]), each element one
            // sum over the batch in image order; dX_c = dYᵀ · W_c, written straight into dx[c].
            Parallel.dynamic(tasks: inputShape.channels, threads: ctx.threads) { c, t in
                ctx.gemm(thread: t, m: units, n: plane, k: count, a: dyView,
                         b: MatrixView(x + c * count * plane, rowStride: plane), c: dw + c * plane, ldc: features,
                         accumulate: false)
            }
            guard let dx = inputGradient.map({ ctx.pointer($0) }) else { return }
            Parallel.dynamic(tasks: inputShape.channels, threads: ctx.threads) { c, t in
                ctx.gemm(thread: t, m: count, n: plane, k: units, a: dyView.transposed,
                         b: MatrixView(w + c * plane, rowStride: features), c: dx + c * count * plane, ldc: plane,
                         accumulate: false)
            }
            return
        }
        let source = plane > 1 ? f : x
        let blocks = (features + featuresPerTask - 1) / featuresPerTask
        func block(_ task: Int) -> Range<Int> { (task * featuresPerTask)..<min(features, (task + 1) * featuresPerTask) }
        // dW[units, block] = dY[units, count] · X[block, count]ᵀ
        Parallel.dynamic(tasks: blocks, threads: ctx.threads) { task, t in
            let columns = block(task)
            ctx.gemm(thread: t, m: units, n: columns.count, k: count, a: dyView,
                     b: MatrixView(source + columns.lowerBound * count, rowStride: count).transposed,
                     c: dw + columns.lowerBound, ldc: features, accumulate: false)
        }
        guard let dx = inputGradient.map({ ctx.pointer($0) }) else { return }
        // dX'[block, count] = Wᵀ[block, units] · dY[units, count]; flatten(x) is no longer needed, so a
        // flattened dX' reuses its buffer.
        let target = plane > 1 ? f : dx
        Parallel.dynamic(tasks: blocks, threads: ctx.threads) { task, t in
            let rows = block(task)
            ctx.gemm(thread: t, m: rows.count, n: count, k: units,
                     a: MatrixView(w + rows.lowerBound, rowStride: features).transposed, b: dyView,
                     c: target + rows.lowerBound * count, ldc: count, accumulate: false)
        }
        if plane > 1 {
            ctx.forEachTask(count: count) { _, _, images in
                ElementwiseKernels.unflatten(f, dx, channels: inputShape.channels, count: count, plane: plane,
                                             first: images.lowerBound, images: images.count)
            }
        }
    }
}
