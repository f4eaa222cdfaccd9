import Testing
import TestSupport
@testable import NeuralEngine

@Suite("A·Bᵀ over short k against the naive reference")
struct GemmShortKTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var m, n, k: Int
        var testDescription: String { "\(m)×\(k)·(\(n)×\(k))ᵀ" }
    }

    /// Rows and columns not multiples of the register block (3 or 4 rows, 4 columns) and fewer than one block,
    /// k shorter than one vector, a whole number of vectors, and a partial last vector.
    static let cases: [Case] = [
        Case(m: 1, n: 1, k: 1),
        Case(m: 2, n: 3, k: 7),
        Case(m: 4, n: 4, k: 16),
        Case(m: 12, n: 8, k: 32),
        Case(m: 7, n: 17, k: 13),
        Case(m: 17, n: 18, k: 98),
        Case(m: 32, n: 16, k: 147),
    ]

    @Test(arguments: cases)
    func fastEqualsReference(_ t: Case) {
        var generator = SeededGenerator(seed: 5)
        func random(_ count: Int) -> [Float] { (0..<count).map { _ in generator.nextUnitFloat() * 2 - 1 } }
        // Rows readable a vector past k, as in a block buffer; what lies past k is garbage (here NaN), which the
        // product must not read into C.
        let lanes = WideFloats.scalarCount
        let lda = t.k + lanes + 3, ldb = t.k + lanes + 1, ldc = t.n + 2
        var a = random(t.m * lda), b = random(t.n * ldb)
        for i in 0..<t.m { for p in t.k..<lda { a[i * lda + p] = .nan } }
        for j in 0..<t.n { for p in t.k..<ldb { b[j * ldb + p] = .nan } }
        let c0 = random(t.m * ldc)
        var fast = c0, slow = c0
        a.withUnsafeBufferPointer { ap in
            b.withUnsafeBufferPointer { bp in
                fast.withUnsafeMutableBufferPointer { c in
                    GemmShortK.multiplyAdd(m: t.m, n: t.n, k: t.k, a: ap.baseAddress!, lda: lda, b: bp.baseAddress!,
                                           ldb: ldb, c: c.baseAddress!, ldc: ldc)
                }
                slow.withUnsafeMutableBufferPointer { c in
                    GemmReference.multiply(m: t.m, n: t.n, k: t.k, a: MatrixView(ap.baseAddress!, rowStride: lda),
                                           b: MatrixView(bp.baseAddress!, rowStride: ldb).transposed,
                                           c: c.baseAddress!, ldc: ldc, accumulate: true)
                }
            }
        }
        let tolerance: Float = 1e-5 * Float(t.k).squareRoot() + 1e-5
        #expect(allApproximatelyEqual(fast, slow, relativeTolerance: tolerance, absoluteTolerance: tolerance),
                "max difference \(maxAbsoluteDifference(fast, slow))")
        // Columns of C past n are untouched.
        for i in 0..<t.m {
            for j in t.n..<ldc { #expect(fast[i * ldc + j] == c0[i * ldc + j]) }
        }
    }

    /// Each element's lanes are summed in the order the header of CNeuralKernels gives (lane i with i + w/2,
    /// then i + w/4, …), whichever path runs: with a = the k-th unit vector pattern below, one element's sum
    /// is known exactly.
    @Test func laneSumsFollowThePairwiseOrder() {
        let w = WideFloats.scalarCount
        // One row of A and B over one vector: products 1e8 in lane 0, −1e8 in lane w/2, 1 in lane 1. Pairwise
        // (lane 0 with w/2 first) gives exactly 1; left to right over lanes it would give 0 (1e8 + 1 rounds to 1e8).
        var a = [Float](repeating: 0, count: w), b = [Float](repeating: 1, count: w)
        a[0] = 1e8; a[w / 2] = -1e8; a[1] = 1
        var c: [Float] = [0]
        a.withUnsafeBufferPointer { ap in
            b.withUnsafeBufferPointer { bp in
                c.withUnsafeMutableBufferPointer { cp in
                    GemmShortK.multiplyAdd(m: 1, n: 1, k: w, a: ap.baseAddress!, lda: w, b: bp.baseAddress!, ldb: w,
                                           c: cp.baseAddress!, ldc: 1)
                }
            }
        }
        #expect(c[0] == 1)
    }
}
