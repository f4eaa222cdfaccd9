import Testing
@testable import NeuralEngine

@Suite("Winograd split planes")
struct WinogradTilesTests {
    /// Every entry of every phase, padding included, against the padded plane's definition, after two planes
    /// of the same geometry went through one buffer (the second must not see the first).
    @Test(arguments: [(height: 7, width: 5, pad: 2, tileSize: 2, taps: 6), (height: 6, width: 9, pad: 1, tileSize: 2, taps: 4),
                      (height: 5, width: 8, pad: 0, tileSize: 2, taps: 2), (height: 1, width: 1, pad: 2, tileSize: 2, taps: 6),
                      (height: 9, width: 13, pad: 1, tileSize: 4, taps: 6), (height: 7, width: 6, pad: 0, tileSize: 4, taps: 4),
                      (height: 4, width: 35, pad: 1, tileSize: 4, taps: 6), (height: 3, width: 37, pad: 2, tileSize: 2, taps: 6),
                      (height: 3, width: 28, pad: 1, tileSize: 2, taps: 4), (height: 2, width: 33, pad: 0, tileSize: 2, taps: 2),
                      (height: 2, width: 50, pad: 0, tileSize: 4, taps: 4), (height: 2, width: 16, pad: 1, tileSize: 4, taps: 6)])
    func splitPlaneHoldsThePaddedPlanesColumnPhases(_ shape: (height: Int, width: Int, pad: Int, tileSize: Int, taps: Int)) {
        let (height, width, pad, s, taps) = shape
        let th = (height + s - 1) / s, tw = (width + s - 1) / s
        let rows = WinogradTiles.splitRowCount(tilesDown: th, tileSize: s, taps: taps)
        let rowLength = WinogradTiles.phaseRowLength(tilesAcross: tw)
        let floats = WinogradTiles.splitPlaneFloats(tilesDown: th, tilesAcross: tw, tileSize: s, taps: taps)
        #expect(floats == s * rows * rowLength)
        let phaseStride = floats / s
        var buffer = [Float](repeating: 0, count: floats)
        let first = (0..<(height * width)).map { Float($0 + 1) }
        let second = (0..<(height * width)).map { -Float($0 + 1) / 8 }
        buffer.withUnsafeMutableBufferPointer { b in
            for plane in [first, second] {
                plane.withUnsafeBufferPointer {
                    WinogradTiles.splitPlane($0.baseAddress!, height: height, width: width, pad: pad, phases: s,
                                             rowLength: rowLength, phaseStride: phaseStride, into: b.baseAddress!)
                }
            }
        }
        func padded(_ r: Int, _ p: Int) -> Float {
            let y = r - pad, x = p - pad
            return y >= 0 && y < height && x >= 0 && x < width ? second[y * width + x] : 0
        }
        var mismatches = 0
        for q in 0..<s {
            for r in 0..<rows {
                for i in 0..<rowLength where buffer[q * phaseStride + r * rowLength + i] != padded(r, s * i + q) {
                    mismatches += 1
                }
            }
        }
        #expect(mismatches == 0)
        // Every padded row and column a tile reads is in the buffer: rows up to s(th − 1) + taps − 1, and the
        // last window of `lanes` tiles reads one (F(4×4, 3×3)) or two (F(2×2, 5×5)) tiles past its start.
        let lanes = WinogradTiles.lanes
        #expect(s * (th - 1) + taps <= rows)
        #expect(lanes * ((tw - 1) / lanes) + 2 + lanes <= rowLength)
        #expect(s * rowLength >= width + 2 * pad)
        // The AVX-512 split writes whole groups of 8 entries per phase.
        #expect(((width + pad + s - 1) / s + 7) / 8 * 8 <= rowLength)
    }
}
