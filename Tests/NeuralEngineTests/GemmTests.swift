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
        // Bottom strips of 4 and 2 rows (16 and 32 channels), with full and partial 16-column tiles.
        Case(m: 16, n: 48, k: 33, transposeA: false, transposeB: false, accumulate: true, bias: true, relu: true),
        Case(m: 32, n: 37, k: 19, transposeA: true, transposeB: false, accumulate: false, bias: true, relu: false),
        Case(m: 64, n: 32, k: 300, transposeA: false, transposeB: true, accumulate: true, bias: false, relu: true),
        // Row-major B over two k-blocks (packed) and over one (full strips read in place, the last packed).
        Case(m: 9, n: 70, k: 300, transposeA: false, transposeB: false, accumulate: true, bias: true, relu: false),
        Case(m: 20, n: 100, k: 40, transposeA: true, transposeB: false, accumulate: false, bias: true, relu: true),
        // Rows 2 KiB apart: packed even in one k-block.
        Case(m: 7, n: 512, k: 20, transposeA: false, transposeB: false, accumulate: true, bias: false, relu: true),
    ]

    /// C after `Gemm.multiply` of row-major a[m×k] and b[k×n] with bias and ReLU, C starting as `c` (which
    /// the product adds to when `accumulate`), reading `packedA` instead of packing A when given.
    static func product(m: Int, n: Int, k: Int, a: [Float], b: [Float], bias: [Float], c start: [Float],
                        accumulate: Bool, packedA: [Float]? = nil) -> [Float] {
        var c = start
        var packA = [Float](repeating: 0, count: Gemm.packASize), packB = [Float](repeating: 0, count: Gemm.packBSize)
        a.withUnsafeBufferPointer { ap in
            b.withUnsafeBufferPointer { bp in
                bias.withUnsafeBufferPointer { biasp in
                    c.withUnsafeMutableBufferPointer { cp in
                        func multiply(_ whole: UnsafePointer<Float>?) {
                            Gemm.multiply(m: m, n: n, k: k, a: MatrixView(ap.baseAddress!, rowStride: k),
                                          b: MatrixView(bp.baseAddress!, rowStride: n), c: cp.baseAddress!, ldc: n,
                                          accumulate: accumulate, bias: biasp.baseAddress, relu: true, packedA: whole,
                                          packA: &packA, packB: &packB)
                        }
                        if let packedA { packedA.withUnsafeBufferPointer { multiply($0.baseAddress!) } } else { multiply(nil) }
                    }
                }
            }
        }
        return c
    }

    /// All of A packed once (`packPanelA` over every row and column, as the Winograd weights are) gives the
    /// same bits as packing each block of A: over more rows than one row block (mc) and more k than one
    /// k-block (kc), with a bottom strip of 5 rows, bias, ReLU and accumulation.
    @Test func aPackedOnceGivesTheSameBits() {
        var generator = SeededGenerator(seed: 11)
        let m = Gemm.mc + 5, n = 45, k = Gemm.kc + 37
        let a = (0..<(m * k)).map { _ in generator.nextUnitFloat() * 2 - 1 }
        let b = (0..<(k * n)).map { _ in generator.nextUnitFloat() * 2 - 1 }
        let bias = (0..<m).map { _ in generator.nextUnitFloat() - 0.5 }
        let start = (0..<(m * n)).map { _ in generator.nextUnitFloat() - 0.5 }
        var packed = [Float](repeating: 0, count: (m + Gemm.mr - 1) / Gemm.mr * Gemm.mr * k)
        a.withUnsafeBufferPointer { ap in
            Gemm.packPanelA(MatrixView(ap.baseAddress!, rowStride: k), row: 0, rows: m, column: 0, columns: k,
                            into: &packed)
        }
        let each = Self.product(m: m, n: n, k: k, a: a, b: b, bias: bias, c: start, accumulate: true)
        let once = Self.product(m: m, n: n, k: k, a: a, b: b, bias: bias, c: start, accumulate: true, packedA: packed)
        #expect(once == each)
        #expect(each.contains { $0 > 0 })
    }

    /// A C row is the same chain of multiply-adds whichever kernel computes its strip, so the first 16
    /// rows of an 18-row product (three full strips) equal, bit for bit, a 16-row product (a 4-row
    /// bottom strip) and a 14-row one plus its last 2 rows (a 2-row bottom strip).
    @Test func shortBottomStripsGiveTheFullStripsBits() {
        var generator = SeededGenerator(seed: 7)
        let n = 40, k = 70
        let a = (0..<(18 * k)).map { _ in generator.nextUnitFloat() * 2 - 1 }
        let b = (0..<(k * n)).map { _ in generator.nextUnitFloat() * 2 - 1 }
        let bias = (0..<18).map { _ in generator.nextUnitFloat() - 0.5 }
        func product(rows: Int) -> [Float] {
            Self.product(m: rows, n: n, k: k, a: a, b: b, bias: bias, c: [Float](repeating: 0, count: rows * n),
                         accumulate: false)
        }
        let full = product(rows: 18), sixteen = product(rows: 16), fourteen = product(rows: 14)
        #expect(Array(full[..<(16 * n)]) == sixteen)
        #expect(Array(full[..<(14 * n)]) == fourteen)
        #expect(full.contains { $0 > 0 } && full.contains { $0 == 0 })
    }

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
