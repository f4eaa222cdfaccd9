/// A run of floats inside an `Arena`, planned before the arena exists.
struct FloatSlice: Hashable, Sendable {
    var offset: Int
    var count: Int
    static let empty = FloatSlice(offset: 0, count: 0)
}

/// A run of `Int32` indices inside an `Arena`.
struct IndexSlice: Hashable, Sendable {
    var offset: Int
    var count: Int
    static let empty = IndexSlice(offset: 0, count: 0)
}

/// Bump planner for an `Arena`: every buffer of a network is laid out once, at build time.
struct ArenaPlan {
    private(set) var floatCount = 0
    private(set) var indexCount = 0

    /// Reserves `count` floats, 64-byte aligned so SIMD rows start on cache lines.
    mutating func floats(_ count: Int) -> FloatSlice {
        let slice = FloatSlice(offset: floatCount, count: count)
        floatCount += (count + 15) / 16 * 16
        return slice
    }

    /// Reserves `count` indices.
    mutating func indices(_ count: Int) -> IndexSlice {
        let slice = IndexSlice(offset: indexCount, count: count)
        indexCount += (count + 15) / 16 * 16
        return slice
    }
}

/// One aligned allocation holding every buffer of a network; no allocation happens per batch.
final class Arena {
    let floats: UnsafeMutablePointer<Float>
    let indices: UnsafeMutablePointer<Int32>
    let floatCount: Int
    let indexCount: Int

    init(_ plan: ArenaPlan) {
        floatCount = max(plan.floatCount, 16)
        indexCount = max(plan.indexCount, 16)
        floats = UnsafeMutableRawPointer.allocate(byteCount: floatCount * 4, alignment: 64)
            .bindMemory(to: Float.self, capacity: floatCount)
        floats.initialize(repeating: 0, count: floatCount)
        indices = UnsafeMutableRawPointer.allocate(byteCount: indexCount * 4, alignment: 64)
            .bindMemory(to: Int32.self, capacity: indexCount)
        indices.initialize(repeating: 0, count: indexCount)
    }

    deinit {
        floats.deallocate()
        indices.deallocate()
    }

    @inline(__always) func pointer(_ slice: FloatSlice) -> UnsafeMutablePointer<Float> { floats + slice.offset }
    @inline(__always) func pointer(_ slice: IndexSlice) -> UnsafeMutablePointer<Int32> { indices + slice.offset }

    /// A copy of a slice's contents (tests and parameter export).
    func array(_ slice: FloatSlice) -> [Float] {
        Array(UnsafeBufferPointer(start: pointer(slice), count: slice.count))
    }

    /// Overwrites a slice with `values`.
    func store(_ values: [Float], into slice: FloatSlice) {
        precondition(values.count == slice.count, "expected \(slice.count) values, got \(values.count)")
        values.withUnsafeBufferPointer { pointer(slice).update(from: $0.baseAddress!, count: slice.count) }
    }

    func zero(_ slice: FloatSlice) { pointer(slice).update(repeating: 0, count: slice.count) }
}
