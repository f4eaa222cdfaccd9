/// Helpers shared by the Winograd transforms, which work on 8 horizontally adjacent tiles at once
/// (one tile per SIMD lane) from a zero-padded copy of the plane split into even and odd columns.
enum WinogradTiles {
    typealias V = SIMD8<Float>

    /// Floats in one half row of a split plane: 8-lane windows up to two tiles past the last tile stay inside.
    static func halfRowLength(tilesAcross: Int) -> Int { tilesAcross + 16 }

    /// Padded rows a split plane holds when tile row `ty` reads `taps` rows from padded row 2·ty.
    static func splitRowCount(tilesDown: Int, taps: Int) -> Int { 2 * (tilesDown - 1) + taps }

    /// Floats of the even and odd halves of a split plane, together.
    static func splitPlaneFloats(tilesDown: Int, tilesAcross: Int, taps: Int) -> Int {
        2 * splitRowCount(tilesDown: tilesDown, taps: taps) * halfRowLength(tilesAcross: tilesAcross)
    }

    /// Splits a plane, zero-padded by `pad` rows and columns, into its even and odd columns:
    /// `even[R·half + i]` is padded element (R, 2i) and `odd[R·half + i]` is (R, 2i + 1), where the padded
    /// element (R, P) is plane element (R − pad, P − pad). A window of 8 tiles then loads its even and
    /// odd columns directly instead of shuffling them out of interleaved rows, and each row is copied
    /// once per plane rather than once per tile row that reads it.
    ///
    /// Only positions inside the plane are written, and every plane of one geometry writes the same
    /// positions, so the padding keeps the zeros the buffer was filled with before the first plane.
    @inline(__always)
    static func splitPlane(_ plane: UnsafePointer<Float>, height: Int, width: Int, pad: Int, half: Int,
                           even: UnsafeMutablePointer<Float>, odd: UnsafeMutablePointer<Float>) {
        let evenStart = pad & 1, oddStart = 1 - evenStart
        for y in 0..<height {
            let source = plane + y * width
            let e = even + (y + pad) * half, o = odd + (y + pad) * half
            var x = evenStart
            while x < width { e[(x + pad) >> 1] = source[x]; x += 2 }
            x = oddStart
            while x < width { o[(x + pad) >> 1] = source[x]; x += 2 }
        }
    }

    @inline(__always) static func load(_ p: UnsafePointer<Float>) -> V { UnsafeRawPointer(p).loadUnaligned(as: V.self) }
    @inline(__always) static func load(_ p: UnsafeMutablePointer<Float>) -> V { load(UnsafePointer(p)) }

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
