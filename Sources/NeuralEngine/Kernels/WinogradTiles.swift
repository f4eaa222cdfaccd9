import CNeuralKernels

/// Helpers shared by the Winograd transforms, which work on a row of horizontally adjacent tiles at once
/// (one tile per lane of a `TileVector`) from a zero-padded copy of the plane split into column phases.
/// Each lane goes through the same operations whatever the vector's width, so the transforms' results do
/// not depend on it.
enum WinogradTiles {
    /// The most tiles a vector holds: 16 with AVX-512, 8 otherwise.
    static let lanes = WideFloats.scalarCount

    /// Whether rows of `tilesAcross` tiles run 16 tiles per vector: with AVX-512, when a row has more than
    /// 8 tiles. Narrower rows (7 tiles of F(4×4, 3×3) on a 28-wide map, of F(2×2, ·) on a 14-wide one) run
    /// 8 per vector, which leaves fewer lanes empty and whose operations issue on more ports.
    @inline(__always)
    static func wide(tilesAcross: Int) -> Bool {
        #if METAQNN_X86_64_V4
        tilesAcross > 8
        #else
        false
        #endif
    }

    /// Floats in one row of one phase of a split plane: windows of `lanes` tiles starting up to two tiles
    /// past the last tile stay inside.
    static func phaseRowLength(tilesAcross: Int) -> Int { tilesAcross + 2 * lanes }

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
    /// j of `lanes` adjacent tiles is one plain load (phase j mod stride, offset j / stride) instead of a
    /// shuffle out of interleaved rows, and each row is copied once per plane rather than once per tile
    /// row that reads it.
    ///
    /// Only positions inside the plane are written (AVX-512 builds also write zeros over the padding entries
    /// of the rows they copy), and every plane of one geometry writes the same positions, so the padding
    /// keeps the zeros the buffer was filled with before the first plane.
    /// `rows` limits the copy to the plane rows a block of tiles reads (`TileBlock.planeRows`).
    @inline(__always)
    static func splitPlane(_ plane: UnsafePointer<Float>, height: Int, width: Int, pad: Int, phases: Int,
                           rowLength: Int, phaseStride: Int, rows: Range<Int>? = nil,
                           into split: UnsafeMutablePointer<Float>) {
        #if METAQNN_X86_64_V4
        // Masked loads and one permute per phase and 8 entries, with no column copied on its own (S1's
        // forward pass spent 13 % of its time in the Swift path below, mostly its single-column copies).
        let range = rows ?? 0..<height
        precondition((phases == 2 || phases == 4) && rowLength >= ((width + pad + phases - 1) / phases + 7) / 8 * 8,
                     "a split plane needs 2 or 4 phases and rows of whole groups of 8 entries")
        metaqnn_split_rows(plane, width, range.lowerBound, range.upperBound, pad, phases, rowLength, phaseStride, split)
        #else
        // Column x goes to phase (x + pad) mod phases at entry (x + pad) / phases. From the first column of
        // phase 0 on, 16 and then 8 columns at a time are one load whose even/odd lanes (2 phases) or lanes
        // mod 4 (4 phases) are the next entries of each phase; the columns before and after go one at a time.
        let firstWhole = min((phases - pad % phases) % phases, width)
        for y in rows ?? 0..<height {
            let source = plane + y * width
            let row = split + (y + pad) * rowLength
            // Columns from..<to one at a time, phase and entry stepped along (one division per call).
            @inline(__always) func copy(_ from: Int, _ to: Int) {
                guard from < to else { return }
                var q = (from + pad) % phases, i = (from + pad) / phases
                for x in from..<to {
                    row[q * phaseStride + i] = source[x]
                    q &+= 1
                    if q == phases { q = 0; i &+= 1 }
                }
            }
            // Phase q's lanes of one load, stored at entry i of phase q.
            @inline(__always) func put<P: SIMD>(_ part: P, _ q: Int, at i: Int) where P.Scalar == Float {
                UnsafeMutableRawPointer(row + q * phaseStride + i).storeBytes(of: part, as: P.self)
            }
            // The two widths are separate overloads: `evenHalf`/`oddHalf` belong to each concrete SIMD type.
            @inline(__always) func spread(_ v: SIMD16<Float>, at i: Int) {
                if phases == 2 {
                    put(v.evenHalf, 0, at: i); put(v.oddHalf, 1, at: i)
                } else {
                    put(v.evenHalf.evenHalf, 0, at: i); put(v.oddHalf.evenHalf, 1, at: i)
                    put(v.evenHalf.oddHalf, 2, at: i); put(v.oddHalf.oddHalf, 3, at: i)
                }
            }
            @inline(__always) func spread(_ v: SIMD8<Float>, at i: Int) {
                if phases == 2 {
                    put(v.evenHalf, 0, at: i); put(v.oddHalf, 1, at: i)
                } else {
                    put(v.evenHalf.evenHalf, 0, at: i); put(v.oddHalf.evenHalf, 1, at: i)
                    put(v.evenHalf.oddHalf, 2, at: i); put(v.oddHalf.oddHalf, 3, at: i)
                }
            }
            copy(0, firstWhole)
            var x = firstWhole
            if phases == 2 || phases == 4 {
                // Entry (x + pad) / phases, stepped along: x + pad is a multiple of phases from here on, and a
                // division per load costs as much as the load's shuffles where phases is not a constant.
                var i = (x + pad) / phases
                while x + 16 <= width {
                    spread(UnsafeRawPointer(source + x).loadUnaligned(as: SIMD16<Float>.self), at: i)
                    x &+= 16
                    i &+= phases == 2 ? 8 : 4
                }
                if x + 8 <= width {
                    spread(UnsafeRawPointer(source + x).loadUnaligned(as: SIMD8<Float>.self), at: i)
                    x &+= 8
                }
            }
            copy(x, width)
        }
        #endif
    }

    /// Splits each plane the block's tiles read (channel by channel, the block's images in order, from
    /// planes[C, count, H, W]) into `split` as `splitPlane` does, then calls `body(c, image)`. Before the body,
    /// it prefetches the rows the next plane will split: a transform's planes lie a batch of planes apart,
    /// too far for the hardware prefetcher to have them ready, and the split otherwise waits on each
    /// plane's first loads from L3 or memory.
    @inline(__always)
    static func forEachSplitPlane(_ planes: UnsafePointer<Float>, channels: Int, count: Int, block: TileBlock,
                                  height: Int, width: Int, pad: Int, phases: Int, rowLength: Int, phaseStride: Int,
                                  rows: Range<Int>, into split: UnsafeMutablePointer<Float>,
                                  _ body: (_ c: Int, _ image: Int) -> Void) {
        let area = height * width
        for c in 0..<channels {
            for image in 0..<block.images {
                let plane = planes + (c * count + block.first + image) * area
                splitPlane(plane, height: height, width: width, pad: pad, phases: phases, rowLength: rowLength,
                           phaseStride: phaseStride, rows: rows, into: split)
                prefetchNextPlane(planes, c: c, image: image, channels: channels, count: count, block: block,
                                  area: area, floats: rows.lowerBound * width..<rows.upperBound * width, write: false)
                body(c, image)
            }
        }
    }

    #if METAQNN_X86_64_V4
    /// A C output transform of one plane's tile rows (`metaqnn_f43_output_rows` and the like): the block's first
    /// tile row's tiles, point stride, tiles per row, first row, rows, width, height, bias, ReLU, plane.
    typealias PlaneOutputTransform = @convention(c) (UnsafePointer<Float>?, Int, Int, Int, Int, Int, Int, Float,
                                                     Int32, UnsafeMutablePointer<Float>?) -> Void

    /// Runs `transform` on every plane of the block's tiles of m[points, C, T] into y[C, count, H, W]
    /// (+ bias, ReLU), channel by channel and the block's images in order, prefetching each next output plane.
    @inline(__always)
    static func transformOutputPlanes(_ m: UnsafePointer<Float>, channels: Int, height: Int, width: Int, count: Int,
                                      block: TileBlock, tileSize: Int, bias: UnsafePointer<Float>?, relu: Bool,
                                      into y: UnsafeMutablePointer<Float>, _ transform: PlaneOutputTransform) {
        let stride = block.pointStride(channels: channels)
        // The floats of each plane the block's tile rows write.
        let written = tileSize * block.rows.lowerBound * width..<min(height, tileSize * block.rows.upperBound) * width
        for c in 0..<channels {
            for image in 0..<block.images {
                let plane = y + (c * count + block.first + image) * height * width
                prefetchNextPlane(y, c: c, image: image, channels: channels, count: count, block: block,
                                  area: height * width, floats: written, write: true)
                let tiles = m + c * block.rowStride + block.start(image: image, row: block.rows.lowerBound)
                transform(tiles, stride, block.rowTiles, block.rows.lowerBound, block.rows.count, width, height,
                          bias?[c] ?? 0, relu ? 1 : 0, plane)
            }
        }
    }
    #endif

    /// Prefetches floats `span` of the plane after plane (c, image) in the order the transforms take a block's
    /// planes of planes[C, count, H, W] (channel by channel, the block's images in order), if there is one:
    /// for writing (the output transforms) or reading (the plane splits).
    @inline(__always)
    static func prefetchNextPlane(_ planes: UnsafePointer<Float>, c: Int, image: Int, channels: Int, count: Int,
                                  block: TileBlock, area: Int, floats span: Range<Int>, write: Bool) {
        let next: Int
        if image + 1 < block.images {
            next = (c * count + block.first + image + 1) * area
        } else if c + 1 < channels {
            next = ((c + 1) * count + block.first) * area
        } else {
            return
        }
        metaqnn_prefetch_range(planes + next + span.lowerBound, span.count * MemoryLayout<Float>.stride, write ? 1 : 0)
    }
}

/// The tiles one transform call covers: tile rows `rows` of each of images first..<first+images (more than
/// one image only with all their rows). In a transform buffer [points, C, ·] each channel's tiles take
/// `rowStride` floats (at least `tiles`), in image, tile-row, tile-column order, each tile row `rowTiles`
/// entries (at least `tilesAcross`: rows padded to whole vectors store on whole cache lines).
struct TileBlock {
    let first: Int
    let images: Int
    let rows: Range<Int>
    let tilesAcross: Int
    let rowTiles: Int
    let rowStride: Int
    /// The channels of the transform buffer when a call transforms only some of them (a range of channels
    /// passed as its own planes and buffer rows); nil when the call's channels are all of them.
    var bufferChannels: Int? = nil

    /// All tiles of images first..<first+images, unpadded, in buffer rows of `WinogradVariant.paddedTiles`
    /// entries: a chunk that all threads share.
    init(sharedChunkOf first: Int, images: Int, tilesDown: Int, tilesAcross: Int) {
        self.init(first: first, images: images, rows: 0..<tilesDown, tilesAcross: tilesAcross, rowTiles: tilesAcross,
                  rowStride: WinogradVariant.paddedTiles(images * tilesDown * tilesAcross))
    }

    /// This block for a call that transforms only some of the `channels` channels of its buffer.
    func within(channels: Int) -> TileBlock {
        var block = self
        block.bufferChannels = channels
        return block
    }

    init(first: Int, images: Int, rows: Range<Int>, tilesAcross: Int, rowTiles: Int, rowStride: Int) {
        precondition(rowTiles >= tilesAcross && rowStride >= images * rows.count * rowTiles,
                     "a tile block's rows overlap")
        self.first = first
        self.images = images
        self.rows = rows
        self.tilesAcross = tilesAcross
        self.rowTiles = rowTiles
        self.rowStride = rowStride
    }

    /// Entries of a channel's tiles, the padding of each tile row included.
    var tiles: Int { images * rows.count * rowTiles }

    /// The plane rows the block's tiles read, for tiles of `tileSize` rows reading `taps` rows from plane row
    /// `tileSize`·ty − `pad`.
    func planeRows(height: Int, tileSize: Int, taps: Int, pad: Int) -> Range<Int> {
        max(0, tileSize * rows.lowerBound - pad)..<min(height, tileSize * (rows.upperBound - 1) + taps - pad)
    }

    /// Floats between consecutive transform points for `channels` channels.
    func pointStride(channels: Int) -> Int {
        WinogradVariant.pointStride(channels: bufferChannels ?? channels, tiles: rowStride)
    }

    /// Index of the first tile of tile row `ty` of the block's image `image` (counted from `first`) in a
    /// channel's tiles.
    @inline(__always)
    func start(image: Int, row ty: Int) -> Int { (image * rows.count + ty - rows.lowerBound) * rowTiles }
}

/// A vector of Winograd tiles, one tile per lane: `SIMD8<Float>`, or `SIMD16<Float>` in AVX-512 builds.
/// The transforms are generic over it and specialised for each type, so their arithmetic compiles to the
/// type's vector instructions; what generic `SIMD` code compiles badly (masks and shuffles) each type
/// provides itself.
protocol TileVector: SIMD where Scalar == Float {
    /// Lanes below zero set to zero.
    func rectified() -> Self
    /// (a0, b0, a1, b1, …) in two vectors.
    static func interleaved(_ a: Self, _ b: Self) -> (Self, Self)
    /// (a0, b0, c0, d0, a1, …) in four vectors.
    static func interleaved(_ a: Self, _ b: Self, _ c: Self, _ d: Self) -> (Self, Self, Self, Self)
    /// Stores the first `halfLanes` lanes at `p` in one store (0 when the type has no such half store).
    static var halfLanes: Int { get }
    func storeLowHalf(_ p: UnsafeMutablePointer<Float>)
}

extension TileVector {
    @inline(__always)
    static func load(_ p: UnsafePointer<Float>) -> Self { UnsafeRawPointer(p).loadUnaligned(as: Self.self) }
    @inline(__always) static func load(_ p: UnsafeMutablePointer<Float>) -> Self { load(UnsafePointer(p)) }

    /// Stores all lanes at `p` although only `lanes` are meaningful: transform buffers are written in
    /// ascending tile order, so the spill lands on entries written later or in the point-stride padding.
    @inline(__always)
    static func store(_ v: Self, _ p: UnsafeMutablePointer<Float>, lanes: Int) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: Self.self)
    }

    /// Loads all lanes from `p`; lanes past `lanes` hold neighbouring (or padding) values that are never stored.
    @inline(__always)
    static func load(_ p: UnsafePointer<Float>, lanes: Int) -> Self { load(p) }

    /// Writes vector `v` at p[start…] as far as `count` floats from `p` reach: one store when it fits
    /// whole, else a half store if that fits and element by element for the rest (the floats past `count`
    /// belong to the next row or to another task's image, so nothing may be written there).
    @inline(__always)
    static func storePart(_ v: Self, _ p: UnsafeMutablePointer<Float>, start: Int, count: Int) {
        if count - start >= scalarCount {
            UnsafeMutableRawPointer(p + start).storeBytes(of: v, as: Self.self)
        } else if count > start {
            var i = 0
            if halfLanes > 0 && count - start >= halfLanes {
                v.storeLowHalf(p + start)
                i = halfLanes
            }
            while i < count - start { p[start + i] = v[i]; i += 1 }
        }
    }

    /// Writes a[l], b[l] pairs for the first `count` of the 2 · scalarCount interleaved values at `p`.
    @inline(__always)
    static func storeInterleaved(_ a: Self, _ b: Self, _ p: UnsafeMutablePointer<Float>, count: Int) {
        let (v0, v1) = interleaved(a, b)
        storePart(v0, p, start: 0, count: count); storePart(v1, p, start: scalarCount, count: count)
    }

    /// Writes a[l], b[l], c[l], d[l] for each lane l at p[4l…4l + 3], the first `count` of those values.
    @inline(__always)
    static func storeInterleaved(_ a: Self, _ b: Self, _ c: Self, _ d: Self, _ p: UnsafeMutablePointer<Float>,
                                 count: Int) {
        let (v0, v1, v2, v3) = interleaved(a, b, c, d)
        storePart(v0, p, start: 0, count: count); storePart(v1, p, start: scalarCount, count: count)
        storePart(v2, p, start: 2 * scalarCount, count: count); storePart(v3, p, start: 3 * scalarCount, count: count)
    }
}

extension SIMD8: TileVector where Scalar == Float {
    @inline(__always) func rectified() -> Self { replacing(with: 0, where: self .< 0) }

    @inline(__always)
    static func interleaved(_ a: Self, _ b: Self) -> (Self, Self) {
        (Self(a[0], b[0], a[1], b[1], a[2], b[2], a[3], b[3]), Self(a[4], b[4], a[5], b[5], a[6], b[6], a[7], b[7]))
    }

    @inline(__always)
    static func interleaved(_ a: Self, _ b: Self, _ c: Self, _ d: Self) -> (Self, Self, Self, Self) {
        (Self(a[0], b[0], c[0], d[0], a[1], b[1], c[1], d[1]), Self(a[2], b[2], c[2], d[2], a[3], b[3], c[3], d[3]),
         Self(a[4], b[4], c[4], d[4], a[5], b[5], c[5], d[5]), Self(a[6], b[6], c[6], d[6], a[7], b[7], c[7], d[7]))
    }

    static var halfLanes: Int { 0 }
    @inline(__always) func storeLowHalf(_ p: UnsafeMutablePointer<Float>) {}
}

#if METAQNN_X86_64_V4
extension SIMD16: TileVector where Scalar == Float {
    @inline(__always) func rectified() -> Self { replacing(with: 0, where: self .< 0) }

    @inline(__always)
    static func interleaved(_ a: Self, _ b: Self) -> (Self, Self) {
        (Self(a[0], b[0], a[1], b[1], a[2], b[2], a[3], b[3], a[4], b[4], a[5], b[5], a[6], b[6], a[7], b[7]),
         Self(a[8], b[8], a[9], b[9], a[10], b[10], a[11], b[11], a[12], b[12], a[13], b[13], a[14], b[14], a[15],
              b[15]))
    }

    @inline(__always)
    static func interleaved(_ a: Self, _ b: Self, _ c: Self, _ d: Self) -> (Self, Self, Self, Self) {
        (Self(a[0], b[0], c[0], d[0], a[1], b[1], c[1], d[1], a[2], b[2], c[2], d[2], a[3], b[3], c[3], d[3]),
         Self(a[4], b[4], c[4], d[4], a[5], b[5], c[5], d[5], a[6], b[6], c[6], d[6], a[7], b[7], c[7], d[7]),
         Self(a[8], b[8], c[8], d[8], a[9], b[9], c[9], d[9], a[10], b[10], c[10], d[10], a[11], b[11], c[11], d[11]),
         Self(a[12], b[12], c[12], d[12], a[13], b[13], c[13], d[13], a[14], b[14], c[14], d[14], a[15], b[15], c[15],
              d[15]))
    }

    static var halfLanes: Int { 8 }
    @inline(__always) func storeLowHalf(_ p: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(p).storeBytes(of: lowHalf, as: SIMD8<Float>.self)
    }
}
#endif
