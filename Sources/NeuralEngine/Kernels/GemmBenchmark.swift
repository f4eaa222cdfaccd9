/// Square SGEMM timing for `metaqnn bench`: C[n×n] = A[n×n]·B[n×n], columns of C split over threads.
enum GemmBenchmark {
    /// Runs repeated multiplications for at least `seconds` and returns GFLOP/s (2·n³ per multiplication).
    static func gflops(size n: Int, threads: Int, seconds: Double) -> Double {
        var plan = ArenaPlan()
        let a = plan.floats(n * n), b = plan.floats(n * n), c = plan.floats(n * n)
        let scratch = ExecutionContext.reserve(.init(), threads: threads, in: &plan)
        let ctx = ExecutionContext(arena: Arena(plan), threads: threads, scratch: scratch)
        var generator = SeededGenerator(seed: UInt64(n))
        let pa = ctx.pointer(a), pb = ctx.pointer(b), pc = ctx.pointer(c)
        for i in 0..<(n * n) {
            pa[i] = generator.nextUnitFloat() - 0.5
            pb[i] = generator.nextUnitFloat() - 0.5
        }
        func multiply() {
            Parallel.run(threads) { t in
                // Column blocks of 16 so every thread's share is whole micro-tiles.
                let blocks = Parallel.range(part: t, of: threads, count: (n + 15) / 16)
                let first = blocks.lowerBound * 16, last = min(n, blocks.upperBound * 16)
                guard first < last else { return }
                ctx.gemm(thread: t, m: n, n: last - first, k: n, a: MatrixView(pa, rowStride: n),
                         b: MatrixView(pb + first, rowStride: n), c: pc + first, ldc: n, accumulate: false)
            }
        }
        multiply()
        let clock = ContinuousClock()
        let start = clock.now
        var runs = 0
        var elapsed = 0.0
        repeat {
            multiply()
            runs += 1
            elapsed = (clock.now - start).seconds
        } while elapsed < seconds || runs < 2
        return 2 * Double(n) * Double(n) * Double(n) * Double(runs) / elapsed / 1e9
    }
}

extension Duration {
    /// The duration in seconds as a `Double`.
    var seconds: Double {
        let (s, attoseconds) = components
        return Double(s) + Double(attoseconds) * 1e-18
    }
}
