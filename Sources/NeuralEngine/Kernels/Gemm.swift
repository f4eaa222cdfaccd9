/// Packed-panel SGEMM (Goto/BLIS loop order) around a 6×nr register-blocked micro-kernel of two
/// `WideFloats` per row (nr = 16 with AVX2, 32 with AVX-512).
/// Shapes: A[m×k] · B[k×n] → C[m×n] (row stride ldc); C = (accumulate ? C : 0) + A·B, then, fused in the
/// last k-block, + bias[row] and ReLU. Single-threaded: callers split work and give each thread its own
/// pack buffers (`packASize`, `packBSize` floats). `packedA`, when given, is all of A already packed by
/// `packPanelA` (every row and column: strips of 6 rows, k-major, one after another), which the product
/// then reads instead of packing each block of A again.
enum Gemm {
    static let mr = 6
    static let nr = 2 * WideFloats.scalarCount
    static let kc = 256
    static let mc = 144
    static let nc = 2048
    static let packASize = mc * kc
    static let packBSize = kc * nc

    static func multiply(m: Int, n: Int, k: Int, a: MatrixView, b: MatrixView,
                         c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool,
                         bias: UnsafePointer<Float>? = nil, relu: Bool = false, packedA: UnsafePointer<Float>? = nil,
                         packA: UnsafeMutablePointer<Float>, packB: UnsafeMutablePointer<Float>) {
        if m == 0 || n == 0 { return }
        if k == 0 {
            for i in 0..<m {
                for j in 0..<n {
                    var v: Float = accumulate ? c[i * ldc + j] : 0
                    if let bias { v += bias[i] }
                    if relu { v = max(v, 0) }
                    c[i * ldc + j] = v
                }
            }
            return
        }
        var jc = 0
        while jc < n {
            let nb = min(nc, n - jc)
            var pc = 0
            while pc < k {
                let kb = min(kc, k - pc)
                let load = accumulate || pc > 0
                let last = pc + kb == k
                // A product of one k-block over a row-major B reads B's full strips where they are (the
                // micro-kernel steps ldb floats per k) instead of copying all of B into a panel first, a
                // pass of reads and writes over B for products as narrow as Winograd's (k = channels). Not
                // when rows lie a multiple of 2 KiB apart: a strip's rows would then crowd a few L1 sets.
                // Only the last, partial strip is packed (zero-padded): the micro-kernel reads whole strips.
                let inPlace = k <= kc && b.columnStride == 1 && b.rowStride % 512 != 0
                let fullStrips = nb / nr
                if inPlace {
                    if nb % nr != 0 {
                        packPanelB(b, row: pc, rows: kb, column: jc + fullStrips * nr, columns: nb - fullStrips * nr,
                                   into: packB + fullStrips * kb * nr)
                    }
                } else {
                    packPanelB(b, row: pc, rows: kb, column: jc, columns: nb, into: packB)
                }
                var ic = 0
                while ic < m {
                    let mb = min(mc, m - ic)
                    // mc is a multiple of mr, so a block of rows starts on a strip of a packed A.
                    if packedA == nil { packPanelA(a, row: ic, rows: mb, column: pc, columns: kb, into: packA) }
                    // Short k-blocks leave a small B panel that stays in L2, so sweep C row-strip by
                    // row-strip: C rows are often 4 KiB-aligned apart, and walking down them thrashes the cache.
                    let rowMajor = kb * nb <= 16_384
                    let strips = (nb + nr - 1) / nr, rowStrips = (mb + mr - 1) / mr
                    for outer in 0..<(rowMajor ? rowStrips : strips) {
                        for inner in 0..<(rowMajor ? strips : rowStrips) {
                            let jr = (rowMajor ? inner : outer) * nr, ir = (rowMajor ? outer : inner) * mr
                            let nrEff = min(nr, nb - jr), mrEff = min(mr, mb - ir)
                            let direct = inPlace && nrEff == nr
                            let bPanel = direct ? b.base + pc * b.rowStride + jc + jr
                                                : UnsafePointer(packB + (jr / nr) * kb * nr)
                            let ldb = direct ? b.rowStride : nr
                            let cTile = c + (ic + ir) * ldc + jc + jr
                            let aPanel = packedA.map { $0 + ((ic + ir) / mr * k + pc) * mr }
                                ?? UnsafePointer(packA + (ir / mr) * kb * mr)
                            let tileBias = last ? bias.map { $0 + ic + ir } : nil
                            if mrEff == mr && nrEff == nr {
                                microKernel(kc: kb, a: aPanel, b: bPanel, ldb: ldb, c: cTile, ldc: ldc, load: load,
                                            bias: tileBias, relu: last && relu)
                            } else if mrEff == 4 && nrEff == nr {
                                microKernel4(kc: kb, a: aPanel, b: bPanel, ldb: ldb, c: cTile, ldc: ldc, load: load,
                                             bias: tileBias, relu: last && relu)
                            } else if mrEff == 2 && nrEff == nr {
                                microKernel2(kc: kb, a: aPanel, b: bPanel, ldb: ldb, c: cTile, ldc: ldc, load: load,
                                             bias: tileBias, relu: last && relu)
                            } else {
                                edgeTile(kc: kb, a: aPanel, b: bPanel, ldb: ldb, c: cTile, ldc: ldc, rows: mrEff,
                                         columns: nrEff, load: load, bias: tileBias, relu: last && relu)
                            }
                        }
                    }
                    ic += mb
                }
                pc += kb
            }
            jc += nb
        }
    }

    /// C[m×n] = A·B for A packed whole (`packPanelA` of all m rows and k columns, one k-block) and B
    /// row-major, read in place, over n a whole number of strips: the products of a block of Winograd tiles
    /// whose buffers stay in cache, where packing per product and edge columns would cost more than the
    /// product. The micro-kernels sum over k in the same order as `multiply`, so the results are the same bits.
    static func multiplyPacked(m: Int, n: Int, k: Int, a: UnsafePointer<Float>, b: UnsafePointer<Float>, ldb: Int,
                               c: UnsafeMutablePointer<Float>, ldc: Int) {
        precondition(n % nr == 0 && k > 0, "multiplyPacked takes whole strips of a non-empty product")
        // Column strips outside, row strips inside: one strip of B (k × nr) stays in L1 while every row strip
        // of A, which is small here (Winograd's weights per point), goes past it.
        var jr = 0
        while jr < n {
            var ir = 0
            while ir < m {
                let rows = min(mr, m - ir)
                let aPanel = a + (ir / mr) * k * mr, bStrip = b + jr, cTile = c + ir * ldc + jr
                switch rows {
                case mr: microKernel(kc: k, a: aPanel, b: bStrip, ldb: ldb, c: cTile, ldc: ldc, load: false,
                                     bias: nil, relu: false)
                case 4: microKernel4(kc: k, a: aPanel, b: bStrip, ldb: ldb, c: cTile, ldc: ldc, load: false,
                                     bias: nil, relu: false)
                case 2: microKernel2(kc: k, a: aPanel, b: bStrip, ldb: ldb, c: cTile, ldc: ldc, load: false,
                                     bias: nil, relu: false)
                default: edgeTile(kc: k, a: aPanel, b: bStrip, ldb: ldb, c: cTile, ldc: ldc, rows: rows, columns: nr,
                                  load: false, bias: nil, relu: false)
                }
                ir += mr
            }
            jr += nr
        }
    }

    /// Packs A[row..<row+rows, column..<column+columns] into 6-row strips, k-major, zero-padded.
    @inline(__always)
    static func packPanelA(_ a: MatrixView, row: Int, rows: Int, column: Int, columns: Int,
                           into dst: UnsafeMutablePointer<Float>) {
        var out = dst
        var i0 = 0
        while i0 < rows {
            let h = min(mr, rows - i0)
            if h == mr && a.rowStride != 1 {
                let r0 = a.base + (row + i0) * a.rowStride + column * a.columnStride
                let rs = a.rowStride, cs = a.columnStride
                for p in 0..<columns {
                    let s = r0 + p * cs
                    out[0] = s[0]; out[1] = s[rs]; out[2] = s[2 * rs]
                    out[3] = s[3 * rs]; out[4] = s[4 * rs]; out[5] = s[5 * rs]
                    out += mr
                }
            } else {
                for p in 0..<columns {
                    for r in 0..<mr {
                        out[r] = r < h ? a[row + i0 + r, column + p] : 0
                    }
                    out += mr
                }
            }
            i0 += mr
        }
    }

    /// Packs B[row..<row+rows, column..<column+columns] into nr-column strips, k-major, zero-padded.
    @inline(__always)
    static func packPanelB(_ b: MatrixView, row: Int, rows: Int, column: Int, columns: Int,
                           into dst: UnsafeMutablePointer<Float>) {
        var out = dst
        var j0 = 0
        while j0 < columns {
            let w = min(nr, columns - j0)
            if w == nr && b.columnStride == 1 {
                var s = b.base + row * b.rowStride + column + j0
                for _ in 0..<rows {
                    typealias V = WideFloats
                    UnsafeMutableRawPointer(out).storeBytes(of: UnsafeRawPointer(s).loadUnaligned(as: V.self), as: V.self)
                    UnsafeMutableRawPointer(out + V.scalarCount).storeBytes(
                        of: UnsafeRawPointer(s + V.scalarCount).loadUnaligned(as: V.self), as: V.self)
                    s += b.rowStride
                    out += nr
                }
            } else if w == nr {
                let cs = b.columnStride
                for p in 0..<rows {
                    let s = b.base + (row + p) * b.rowStride + (column + j0) * cs
                    for j in 0..<nr { out[j] = s[j * cs] }
                    out += nr
                }
            } else {
                for p in 0..<rows {
                    for j in 0..<nr {
                        out[j] = j < w ? b[row + p, column + j0 + j] : 0
                    }
                    out += nr
                }
            }
            j0 += nr
        }
    }

    /// A partial tile: computed in a full 6×nr scratch tile, then copied back.
    @inline(never)
    static func edgeTile(kc: Int, a: UnsafePointer<Float>, b: UnsafePointer<Float>, ldb: Int, c: UnsafeMutablePointer<Float>,
                         ldc: Int, rows: Int, columns: Int, load: Bool, bias: UnsafePointer<Float>?, relu: Bool) {
        withUnsafeTemporaryAllocation(of: Float.self, capacity: mr * nr + mr) { scratch in
            let tile = scratch.baseAddress!
            let tileBias = tile + mr * nr
            tile.initialize(repeating: 0, count: mr * nr + mr)
            if load {
                for i in 0..<rows { for j in 0..<columns { tile[i * nr + j] = c[i * ldc + j] } }
            }
            if let bias { for i in 0..<rows { tileBias[i] = bias[i] } }
            microKernel(kc: kc, a: a, b: b, ldb: ldb, c: tile, ldc: nr, load: load,
                        bias: bias == nil ? nil : UnsafePointer(tileBias), relu: relu)
            for i in 0..<rows { for j in 0..<columns { c[i * ldc + j] = tile[i * nr + j] } }
        }
    }
}
