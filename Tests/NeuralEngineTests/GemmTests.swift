import Testing
import TestSupport
@testable import NeuralEngine

@Suite("SGEMM against the naive reference")
struct GemmTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var m, n, k: Int
        var transposeA, transposeB, accumulate, bias, relu: Bool
        var testDescription: String { "\(m)×\(k)·\(k)×\(n) tA:\(transposeA) tB:\(transposeB) acc:\(accumulate) bias:\(bias) relu:\(relu)" }
    }

    static let cases: [Case] = [
        Case(m: 1, n: 1, k: 1, transposeA: false, transposeB: false, accumulate: false, bias: false, relu: false),
        Case(m: 6, n: 16, k: 7, transposeA: false, transposeB: false, accumulate: false, bias: true, relu: true),
        Case(m: 7, n: 17, k: 13, transposeA: true, transposeB: false, accumulate: true, bias: false, relu: false),
        Case(m: 13, n: 37, k: 257, transposeA: false, transposeB: true, accumulate: true, bias: true, relu: true),
        Case(m: 151, n: 31, k: 3, transposeA: true, transposeB: true, accumulate: false, bias: true, relu: false),
        Case(m: 5, n: 2053, k: 11, transposeA: false, transposeB: false, accumulate: false, bias: false, relu: true),
        Case(m: 2, n: 3, k: 0, transposeA: false, transposeB: false, accumulate: true, bias: true, relu: false),
    ]

    @Test(arguments: cases)
    func fastEqualsReference(_ t: Case) {
        var generator = SeededGenerator(seed: 42)
        func random(_ count: Int) -> [Float] { (0..<count).map { _ in generator.nextUnitFloat() * 2 - 1 } }
        let a = random(t.m * t.k), b = random(t.k * t.n), bias = random(t.m)
        let c0 = random(t.m * t.n)
        var fast = c0, slow = c0
        var packA = [Float](repeating: 0, count: Gemm.packASize), packB = [Float](repeating: 0, count: Gemm.packBSize)
        a.withUnsafeBufferPointer { ap in
            b.withUnsafeBufferPointer { bp in
                bias.withUnsafeBufferPointer { biasp in
                    // A stored as k×m when transposed, so the logical m×k view has strides (1, m).
                    let aView = t.transposeA ? MatrixView(ap.baseAddress!, rowStride: 1, columnStride: t.m)
                        : MatrixView(ap.baseAddress!, rowStride: t.k)
                    let bView = t.transposeB ? MatrixView(bp.baseAddress!, rowStride: 1, columnStride: t.k)
                        : MatrixView(bp.baseAddress!, rowStride: t.n)
                    let biasPointer = t.bias ? biasp.baseAddress : nil
                    fast.withUnsafeMutableBufferPointer { c in
                        Gemm.multiply(m: t.m, n: t.n, k: t.k, a: aView, b: bView, c: c.baseAddress!, ldc: t.n,
                                      accumulate: t.accumulate, bias: biasPointer, relu: t.relu,
                                      packA: &packA, packB: &packB)
                    }
                    slow.withUnsafeMutableBufferPointer { c in
                        GemmReference.multiply(m: t.m, n: t.n, k: t.k, a: aView, b: bView, c: c.baseAddress!,
                                               ldc: t.n, accumulate: t.accumulate, bias: biasPointer, relu: t.relu)
                    }
                }
            }
        }
        #expect(allApproximatelyEqual(fast, slow, relativeTolerance: 1e-4, absoluteTolerance: 1e-4),
                "max difference \(maxAbsoluteDifference(fast, slow))")
        if t.k > 0 { #expect(fast != c0) }
    }
}
