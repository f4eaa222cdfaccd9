/// The arena plus per-thread scratch (GEMM packs, im2col columns, partial gradients) of one network.
final class ExecutionContext {
    let arena: Arena
    let threads: Int
    let packA: [FloatSlice]
    let packB: [FloatSlice]
    let columns: [FloatSlice]
    /// Thread t > 0 accumulates its weight gradients here; thread 0 writes the real gradient directly.
    let partials: [FloatSlice]

    init(arena: Arena, threads: Int, packA: [FloatSlice], packB: [FloatSlice], columns: [FloatSlice],
         partials: [FloatSlice]) {
        self.arena = arena
        self.threads = threads
        self.packA = packA
        self.packB = packB
        self.columns = columns
        self.partials = partials
    }

    /// Per-thread scratch sizes a network needs; planned once, before the arena is allocated.
    struct Requirements {
        var columnFloats = 0
        var partialFloats = 0
        /// Winograd filter gradients accumulate in transform space on every thread, thread 0 included.
        var winogradPartialFloats = 0
    }

    /// Reserves the per-thread scratch in `plan`.
    static func reserve(_ requirements: Requirements, threads: Int, in plan: inout ArenaPlan)
        -> (packA: [FloatSlice], packB: [FloatSlice], columns: [FloatSlice], partials: [FloatSlice]) {
        var packA: [FloatSlice] = [], packB: [FloatSlice] = [], columns: [FloatSlice] = []
        var partials: [FloatSlice] = []
        for t in 0..<threads {
            packA.append(plan.floats(Gemm.packASize))
            packB.append(plan.floats(Gemm.packBSize))
            columns.append(plan.floats(requirements.columnFloats))
            let size = t == 0 ? requirements.winogradPartialFloats
                : max(requirements.partialFloats, requirements.winogradPartialFloats)
            partials.append(size == 0 ? .empty : plan.floats(size))
        }
        return (packA, packB, columns, partials)
    }

    @inline(__always) func pointer(_ slice: FloatSlice) -> UnsafeMutablePointer<Float> { arena.pointer(slice) }
    @inline(__always) func pointer(_ slice: IndexSlice) -> UnsafeMutablePointer<Int32> { arena.pointer(slice) }

    /// A GEMM using thread `t`'s pack buffers.
    @inline(__always)
    func gemm(thread t: Int, m: Int, n: Int, k: Int, a: MatrixView, b: MatrixView, c: UnsafeMutablePointer<Float>,
              ldc: Int, accumulate: Bool, bias: UnsafePointer<Float>? = nil, relu: Bool = false) {
        Gemm.multiply(m: m, n: n, k: k, a: a, b: b, c: c, ldc: ldc, accumulate: accumulate, bias: bias, relu: relu,
                      packA: pointer(packA[t]), packB: pointer(packB[t]))
    }

    /// The gradient buffer thread `t` accumulates into: the real one for thread 0, its partial otherwise.
    @inline(__always)
    func gradientTarget(thread t: Int, _ gradient: FloatSlice) -> UnsafeMutablePointer<Float> {
        t == 0 ? pointer(gradient) : pointer(partials[t])
    }

    /// Adds the first `count` floats of the partials of threads 1..<T into thread 0's, in thread order.
    func reducePartialsIntoFirst(count: Int) {
        guard threads > 1 else { return }
        let g = pointer(partials[0])
        Parallel.run(threads) { part in
            let range = Parallel.range(part: part, of: self.threads, count: count)
            for t in 1..<self.threads {
                let p = self.pointer(self.partials[t])
                for i in range { g[i] += p[i] }
            }
        }
    }

    /// Adds the partial gradients of threads 1..<T into `gradient` in thread order, so sums are reproducible.
    func reducePartials(into gradient: FloatSlice) {
        guard threads > 1 else { return }
        let g = pointer(gradient)
        Parallel.run(threads) { part in
            let range = Parallel.range(part: part, of: self.threads, count: gradient.count)
            for t in 1..<self.threads {
                let p = self.pointer(self.partials[t])
                for i in range { g[i] += p[i] }
            }
        }
    }
}
