/// Fully connected forward and backward as GEMMs over [features, count] matrices, a batch's tasks (runs of images) shared out to threads.
/// Parameters are one slice: weights [units, C·plane] then bias [units].
enum FullyConnectedKernels {
    /// Shapes: x[C, count, plane] → y[units, count] = act(W · flatten(x) + b); `flat` holds flatten(x) when plane > 1.
    static func forward(_ ctx: ExecutionContext, input: FloatSlice, inputShape: TensorShape, output: FloatSlice,
                        flat: FloatSlice, units: Int, relu: Bool, parameters: FloatSlice, count: Int) {
        let features = inputShape.elementCount, plane = inputShape.spatialCount
        let x = ctx.pointer(input), y = ctx.pointer(output), f = ctx.pointer(flat)
        let w = ctx.pointer(parameters)
        ctx.forEachTask(count: count) { _, t, range in
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
        let f = ctx.pointer(flat), w = ctx.pointer(parameters)
        let dx = inputGradient.map { ctx.pointer($0) }
        ctx.forEachTask(count: count) { task, t, range in
            let dw = ctx.gradientTarget(task: task, gradient)
            dw.update(repeating: 0, count: gradient.count)
            let db = dw + units * features
            if relu {
                ElementwiseKernels.reluBackwardAndBiasGradient(
                    y: y, dy: dy, rows: units, count: count, plane: 1, first: range.lowerBound,
                    images: range.count, biasGradient: db)
            } else {
                for u in 0..<units {
                    var sum: Float = 0
                    for n in range { sum += dy[u * count + n] }
                    db[u] += sum
                }
            }
            let source = plane > 1 ? f : x
            let dyView = MatrixView(dy + range.lowerBound, rowStride: count)
            // dW[units, features] += dY[units, n] · Xᵀ[n, features]
            ctx.gemm(thread: t, m: units, n: features, k: range.count, a: dyView,
                     b: MatrixView(source + range.lowerBound, rowStride: count).transposed, c: dw, ldc: features,
                     accumulate: true)
            if let dx {
                let wT = MatrixView(w, rowStride: features).transposed
                // The flat buffer's columns of this task are no longer needed, so dX' reuses them.
                let target = plane > 1 ? f : dx
                ctx.gemm(thread: t, m: features, n: range.count, k: units, a: wT, b: dyView,
                         c: target + range.lowerBound, ldc: count, accumulate: false)
                if plane > 1 {
                    ElementwiseKernels.unflatten(f, dx, channels: inputShape.channels, count: count, plane: plane,
                                                 first: range.lowerBound, images: range.count)
                }
            }
        }
        ctx.reducePartials(into: gradient, tasks: Parallel.tasks(count))
    }
}
