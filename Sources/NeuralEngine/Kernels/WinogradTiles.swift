/// Helpers shared by the Winograd transforms, which work on 8 horizontally adjacent tiles at once
/// (one tile per SIMD lane) from zero-padded copies of the rows they read.
enum WinogradTiles {
    typealias V = SIMD8<Float>

    /// Floats in one padded row: wide enough for 8-lane windows past the last tile.
    static func paddedRowLength(tilesAcross: Int) -> Int { 2 * tilesAcross + 32 }

    /// Copies rows `top..<top+rows` of a plane, columns from −`pad`, into `dst` with zeros outside the plane.
    @inline(__always)
    static func copyPaddedRows(_ plane: UnsafePointer<Float>, height: Int, width: Int, top: Int, rows: Int, pad: Int,
                               rowLength: Int, into dst: UnsafeMutablePointer<Float>) {
        for r in 0..<rows {
            let line = dst + r * rowLength
            let y = top + r
            guard y >= 0 && y < height else {
                line.update(repeating: 0, count: rowLength)
                continue
            }
            line.update(repeating: 0, count: pad)
            (line + pad).update(from: plane + y * width, count: width)
            (line + pad + width).update(repeating: 0, count: rowLength - pad - width)
        }
    }

    @inline(__always) static func load(_ p: UnsafePointer<Float>) -> V { UnsafeRawPointer(p).loadUnaligned(as: V.self) }
    @inline(__always) static func load(_ p: UnsafeMutablePointer<Float>) -> V { load(UnsafePointer(p)) }

    /// Even- and odd-indexed elements of the 16 floats at `p`: lane l gets p[2l] and p[2l + 1].
    @inline(__always)
    static func deinterleave(_ p: UnsafePointer<Float>) -> (even: V, odd: V) {
        let lo = load(p), hi = load(p + 8)
        return (V(lo[0], lo[2], lo[4], lo[6], hi[0], hi[2], hi[4], hi[6]),
                V(lo[1], lo[3], lo[5], lo[7], hi[1], hi[3], hi[5], hi[7]))
    }

    /// Stores all 8 lanes at `p` although only `lanes` are meaningful: transform buffers are written in
    /// ascending tile order, so the spill lands on entries written later or in the point-stride padding.
    @inline(__always)
    static func store(_ v: V, _ p: UnsafeMutablePointer<Float>, lanes: Int) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: V.self)
    }

    /// Loads 8 lanes from `p`; lanes past `lanes` hold neighbouring (or padding) values that are never stored.
    @inline(__always)
    static func load(_ p: UnsafePointer<Float>, lanes: Int) -> V { load(p) }

    /// Writes a[l], b[l] pairs for the first `count` of the 16 interleaved values at `p`.
    @inline(__always)
    static func storeInterleaved(_ a: V, _ b: V, _ p: UnsafeMutablePointer<Float>, count: Int) {
        let lo = V(a[0], b[0], a[1], b[1], a[2], b[2], a[3], b[3])
        let hi = V(a[4], b[4], a[5], b[5], a[6], b[6], a[7], b[7])
        if count >= 16 {
            UnsafeMutableRawPointer(p).storeBytes(of: lo, as: V.self)
            UnsafeMutableRawPointer(p + 8).storeBytes(of: hi, as: V.self)
        } else {
            for i in 0..<count { p[i] = i < 8 ? lo[i] : hi[i - 8] }
        }
    }
}
