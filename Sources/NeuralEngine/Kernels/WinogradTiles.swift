/// Helpers shared by the Winograd transforms, which work on 8 horizontally adjacent tiles at once
/// (one tile per SIMD lane) from a zero-padded copy of the plane split into column phases.
enum WinogradTiles {
    typealias V = SIMD8<Float>

    /// Floats in one row of one phase of a split plane: 8-lane windows up to two tiles past the last tile
    /// stay inside.
    static func phaseRowLength(tilesAcross: Int) -> Int { tilesAcross + 16 }

    /// Padded rows a split plane holds when tile row `ty` reads `taps` rows from padded row `tileSize`·ty.
    static func splitRowCount(tilesDown: Int, tileSize: Int, taps: Int) -> Int { tileSize * (tilesDown - 1) + taps }

    /// Floats of all `tileSize` phases of a split plane together; phase q starts at q · (this / tileSize).
    static func splitPlaneFloats(tilesDown: Int, tilesAcross: Int, tileSize: Int, taps: Int) -> Int {
        tileSize * splitRowCount(tilesDown: tilesDown, tileSize: tileSize, taps: taps)
            * phaseRowLength(tilesAcross: tilesAcross)
    }

    /// Splits a plane, zero-padded by `pad` rows and columns, into `phases` column phases:
    /// `split[q·phaseStride + R·rowLength + i]` is padded element (R, phases·i + q), where the padded
    /// element (R, P) is plane element (R − pad, P − pad). With as many phases as a tile's stride, column
    /// j of 8 adjacent tiles is one plain load (phase j mod stride, offset j / stride) instead of a
    /// shuffle out of interleaved rows, and each row is copied once per plane rather than once per tile
    /// row that reads it.
    ///
    /// Only positions inside the plane are written, and every plane of one geometry writes the same
    /// positions, so the padding keeps the zeros the buffer was filled with before the first plane.
    @inline(__always)
    static func splitPlane(_ plane: UnsafePointer<Float>, height: Int, width: Int, pad: Int, phases: Int,
                           rowLength: Int, phaseStride: Int, into split: UnsafeMutablePointer<Float>) {
        for y in 0..<height {
            let source = plane + y * width
            for q in 0..<phases {
                let destination = split + q * phaseStride + (y + pad) * rowLength
                // Columns x ≡ q − pad (mod phases) land at consecutive entries from (x + pad) / phases.
                var x = ((q - pad) % phases + phases) % phases, i = (x + pad) / phases
                while x < width { destination[i] = source[x]; x &+= phases; i &+= 1 }
            }
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
