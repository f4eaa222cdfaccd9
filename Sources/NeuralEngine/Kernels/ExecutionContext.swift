/// The arena plus per-thread scratch (GEMM packs, im2col columns, Winograd blocks), per-task partial gradients
/// and the chunk buffer all threads share in Winograd passes without blocks, of one network.
final class ExecutionContext {
    let arena: Arena
    let threads: Int
    let packA: [FloatSlice]
    let packB: [FloatSlice]
    let columns: [FloatSlice]
    /// Task i > 0 of a batch accumulates its weight gradients here; task 0 writes the real gradient directly
    /// (Winograd layers use partial 0 too). Per task, not per thread, so sums do not depend on scheduling.
    let partials: [FloatSlice]
    /// The transform buffers of one chunk of images that all threads fill and read together (Winograd filter
    /// gradients, and the other passes of layers too wide for blocks).
    let sharedColumns: FloatSlice

    /// Scratch slices of an arena plan, as `reserve` places them.
    struct Scratch {
        var packA: [FloatSlice] = []
        var packB: [FloatSlice] = []
        var columns: [FloatSlice] = []
        var partials: [FloatSlice] = []
        var sharedColumns = FloatSlice.empty
    }

    init(arena: Arena, threads: Int, scratch: Scratch) {
        self.arena = arena
        self.threads = threads
        self.packA = scratch.packA
        self.packB = scratch.packB
        self.columns = scratch.columns
        self.partials = scratch.partials
        self.sharedColumns = scratch.sharedColumns
    }

    /// Scratch sizes a network needs; planned once, before the arena is allocated.
    struct Requirements {
        var columnFloats = 0
        var partialFloats = 0
        /// Winograd filter gradients by blocks accumulate in transform space in every task, task 0 included.
        var winogradPartialFloats = 0
        /// Winograd filter gradients by shared chunks accumulate in transform space in task 0's partial only.
        var winogradGradientFloats = 0
        /// Floats of the largest shared chunk (`sharedColumns`).
        var sharedFloats = 0
        /// The most tasks a batch is cut into (`Parallel.tasks` of the largest batch).
        var tasks = 0
    }

    /// Reserves the per-thread scratch, the per-task partial gradients and the shared chunk in `plan`.
    static func reserve(_ requirements: Requirements, threads: Int, in plan: inout ArenaPlan) -> Scratch {
        var scratch = Scratch()
        for _ in 0..<threads {
            scratch.packA.append(plan.floats(Gemm.packASize))
            scratch.packB.append(plan.floats(Gemm.packBSize))
            scratch.columns.append(plan.floats(requirements.columnFloats))
        }
        for task in 0..<requirements.tasks {
            let size = task == 0 ? max(requirements.winogradPartialFloats, requirements.winogradGradientFloats)
                : max(requirements.partialFloats, requirements.winogradPartialFloats)
            scratch.partials.append(size == 0 ? .empty : plan.floats(size))
        }
        if requirements.sharedFloats > 0 { scratch.sharedColumns = plan.floats(requirements.sharedFloats) }
        return scratch
    }

    @inline(__always) func pointer(_ slice: FloatSlice) -> UnsafeMutablePointer<Float> { arena.pointer(slice) }
    @inline(__always) func pointer(_ slice: IndexSlice) -> UnsafeMutablePointer<Int32> { arena.pointer(slice) }

    /// A GEMM using thread `t`'s pack buffers.
    @inline(__always)
    func gemm(thread t: Int, m: Int, n: Int, k: Int, a: MatrixView, b: MatrixView, c: UnsafeMutablePointer<Float>,
              ldc: Int, accumulate: Bool, bias: UnsafePointer<Float>? = nil, relu: Bool = false,
              packedA: UnsafePointer<Float>? = nil) {
        Gemm.multiply(m: m, n: n, k: k, a: a, b: b, c: c, ldc: ldc, accumulate: accumulate, bias: bias, relu: relu,
                      packedA: packedA, packA: pointer(packA[t]), packB: pointer(packB[t]))
    }

    /// Runs `body(task, thread, images)` for every task of a batch of `count` images, threads taking tasks as
    /// they free up; `thread` picks the scratch (packs, columns) the call may use.
    @inline(__always)
    func forEachTask(count: Int, _ body: (_ task: Int, _ thread: Int, _ images: Range<Int>) -> Void) {
        let tasks = Parallel.tasks(count)
        Parallel.dynamic(tasks: tasks, threads: threads) { task, thread in
            body(task, thread, Parallel.range(part: task, of: tasks, count: count))
        }
    }

    /// The gradient buffer task `task` accumulates into: the real one for task 0, its partial otherwise.
    @inline(__always)
    func gradientTarget(task: Int, _ gradient: FloatSlice) -> UnsafeMutablePointer<Float> {
        task == 0 ? pointer(gradient) : pointer(partials[task])
    }

    /// Adds the first `count` floats of the partials of tasks 1..<tasks into task 0's, in task order.
    func reducePartialsIntoFirst(count: Int, tasks: Int) {
        addPartials(1..<tasks, into: pointer(partials[0]), count: count)
    }

    /// Adds the partial gradients of tasks 1..<tasks into `gradient` in task order, so every sum is the same
    /// whichever thread ran which task, and whatever the thread count.
    func reducePartials(into gradient: FloatSlice, tasks: Int) {
        addPartials(1..<tasks, into: pointer(gradient), count: gradient.count)
    }

    /// Threads split the floats, never the task order: element i is always ((g + p1) + p2) + ….
    private func addPartials(_ sources: Range<Int>, into g: UnsafeMutablePointer<Float>, count: Int) {
        guard !sources.isEmpty else { return }
        Parallel.ranges(of: count, threads: threads, minimum: 16_384) { range in
            for task in sources {
                let p = self.pointer(self.partials[task])
                for i in range { g[i] += p[i] }
            }
        }
    }
}
