import RealModule

/// Whether two float arrays agree element-wise within a relative tolerance, with an absolute floor for values near zero.
public func allApproximatelyEqual(
    _ a: [Float], _ b: [Float], relativeTolerance: Float = 1e-4, absoluteTolerance: Float = 1e-5
) -> Bool {
    guard a.count == b.count else { return false }
    for (x, y) in zip(a, b) {
        if abs(x - y) <= absoluteTolerance { continue }
        if !x.isApproximatelyEqual(to: y, relativeTolerance: relativeTolerance) { return false }
    }
    return true
}

/// The largest element-wise absolute difference of two equally long arrays.
public func maxAbsoluteDifference(_ a: [Float], _ b: [Float]) -> Float {
    precondition(a.count == b.count, "arrays differ in length: \(a.count) vs \(b.count)")
    var worst: Float = 0
    for (x, y) in zip(a, b) { worst = max(worst, abs(x - y)) }
    return worst
}
