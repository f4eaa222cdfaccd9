import Testing
import TestSupport
@testable import NeuralEngine

@Suite("A·Bᵀ over long k against the naive reference")
struct GemmLongKTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var m, n, k: Int
        var accumulate: Bool
        var testDescription: String { "\(m)×\(k)·(\(n)×\(k))ᵀ acc:\(accumulate)" }
    }

    /// Rows not a multiple of 3 or 4 (the register block's rows), columns not of 4, k not of 8 or 16 (the lanes), k crossing one and several k-blocks
    /// (1,024 floats for m ≤ 64, 512 above).
    static let cases: [Case] = [
        Case(m: 1, n: 1, k: 1, accumulate: false),
        Case(m: 3, n: 4, k: 8, accumulate: true),
        Case(m: 7, n: 17, k: 13, accumulate: true),
        Case(m: 13, n: 5, k: 1031, accumulate: false),
        Case(m: 2, n: 3, k: 7, accumulate: true),
        Case(m: 65, n: 9, k: 1163, accumulate: true),
        Case(m: 16, n: 144, k: 2053, accumulate: false),
    ]

    @Test(arguments: cases)
    func fastEqualsReference(_ t: Case) {
        var generator = SeededGenerator(seed: 7)
        func random(_ count: Int) -> [Float] { (0..<count).map { _ in generator.nextUnitFloat() * 2 - 1 } }
        // Row strides longer than k, as for a chunk of images inside a whole batch.
        let lda = t.k + 5, ldb = t.k + 3, ldc = t.n + 2
        let a = random(t.m * lda), b = random(t.n * ldb), c0 = random(t.m * ldc)
        var fast = c0, slow = c0
        a.withUnsafeBufferPointer { ap in
            b.withUnsafeBufferPointer { bp in
                fast.withUnsafeMutableBufferPointer { c in
                    GemmLongK.multiply(m: t.m, n: t.n, k: t.k, a: ap.baseAddress!, lda: lda, b: bp.baseAddress!,
                                       ldb: ldb, c: c.baseAddress!, ldc: ldc, accumulate: t.accumulate)
                }
                slow.withUnsafeMutableBufferPointer { c in
                    GemmReference.multiply(m: t.m, n: t.n, k: t.k, a: MatrixView(ap.baseAddress!, rowStride: lda),
                                           b: MatrixView(bp.baseAddress!, rowStride: ldb).transposed,
                                           c: c.baseAddress!, ldc: ldc, accumulate: t.accumulate)
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
        #expect(fast != c0)
    }

    /// A row of C is the same sum whether a register block or the one-row remainder computes it: the product
    /// of one row alone (always the remainder path) equals, bit for bit, that row inside a taller product.
    @Test(arguments: [5, 7, 12, 13])
    func rowsGiveTheSameBitsInBlocksAndAlone(_ m: Int) {
        var generator = SeededGenerator(seed: 11)
        let n = 8, k = 1_500, a = (0..<(m * k)).map { _ in generator.nextUnitFloat() * 2 - 1 }
        let b = (0..<(n * k)).map { _ in generator.nextUnitFloat() * 2 - 1 }
        var whole = [Float](repeating: 0, count: m * n)
        a.withUnsafeBufferPointer { ap in
            b.withUnsafeBufferPointer { bp in
                whole.withUnsafeMutableBufferPointer { c in
                    GemmLongK.multiply(m: m, n: n, k: k, a: ap.baseAddress!, lda: k, b: bp.baseAddress!, ldb: k,
                                       c: c.baseAddress!, ldc: n, accumulate: false)
                }
                for row in 0..<m {
                    var alone = [Float](repeating: 0, count: n)
                    alone.withUnsafeMutableBufferPointer { c in
                        GemmLongK.multiply(m: 1, n: n, k: k, a: ap.baseAddress! + row * k, lda: k, b: bp.baseAddress!,
                                           ldb: k, c: c.baseAddress!, ldc: n, accumulate: false)
                    }
                    #expect(alone == Array(whole[(row * n)..<((row + 1) * n)]), "row \(row) of \(m)")
                }
            }
        }
    }
}
