import Dispatch

/// Deterministic work splitting: part `t` of `parts` always gets the same contiguous range.
enum Parallel {
    /// The contiguous range of `0..<count` that part `part` of `parts` owns.
    @inline(__always)
    static func range(part: Int, of parts: Int, count: Int) -> Range<Int> {
        let base = count / parts, extra = count % parts
        let start = part * base + min(part, extra)
        return start..<(start + base + (part < extra ? 1 : 0))
    }

    /// Runs `body(t)` for t in 0..<parts, concurrently when parts > 1; results must not depend on scheduling.
    static func run(_ parts: Int, _ body: (Int) -> Void) {
        if parts <= 1 {
            body(0)
        } else {
            withoutActuallyEscaping(body) { body in
                let shared = SharedBody(body: body)
                DispatchQueue.concurrentPerform(iterations: parts) { shared.body($0) }
            }
        }
    }
}

/// Every parallel kernel writes disjoint ranges (or per-thread partials), so sharing the closure is safe.
private struct SharedBody: @unchecked Sendable {
    let body: (Int) -> Void
}
