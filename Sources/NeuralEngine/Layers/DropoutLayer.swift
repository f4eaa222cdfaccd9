/// Inverted dropout: while training, keeps each value with probability 1 − rate and scales it by 1/(1 − rate).
struct DropoutLayer {
    let shape: TensorShape
    let rate: Float
    let mask: FloatSlice

    init(input: TensorShape, rate: Float, maxBatch: Int, plan: inout ArenaPlan) {
        shape = input
        self.rate = rate
        mask = plan.floats(maxBatch * input.elementCount)
    }

    var outputShape: TensorShape { shape }

    func forward(_ ctx: ExecutionContext, input: FloatSlice, output: FloatSlice, count: Int, training: Bool,
                 generator: inout SeededGenerator) {
        let n = count * shape.elementCount
        let x = ctx.pointer(input), y = ctx.pointer(output), m = ctx.pointer(mask)
        guard training, rate > 0 else {
            y.update(from: x, count: n)
            return
        }
        let keep = 1 - rate, scale = 1 / (1 - rate)
        // Drawn on one thread in a fixed order so a seed fixes every mask regardless of thread count.
        for i in 0..<n { m[i] = generator.nextUnitFloat() < keep ? scale : 0 }
        ElementwiseKernels.multiply(x, m, y, count: n)
    }

    func backward(_ ctx: ExecutionContext, outputGradient: FloatSlice, inputGradient: FloatSlice, count: Int) {
        let n = count * shape.elementCount
        guard rate > 0 else {
            ctx.pointer(inputGradient).update(from: ctx.pointer(outputGradient), count: n)
            return
        }
        ElementwiseKernels.multiply(ctx.pointer(outputGradient), ctx.pointer(mask), ctx.pointer(inputGradient),
                                    count: n)
    }
}
