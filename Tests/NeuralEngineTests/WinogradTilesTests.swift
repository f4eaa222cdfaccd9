import Testing
@testable import NeuralEngine

@Suite("Winograd split planes")
struct WinogradTilesTests {
    /// Every entry of both halves, padding included, against the padded plane's definition, after two planes
    /// of the same geometry went through one buffer (the second must not see the first).
    @Test(arguments: [(height: 7, width: 5, pad: 2), (height: 6, width: 9, pad: 1), (height: 5, width: 8, pad: 0),
                      (height: 1, width: 1, pad: 2), (height: 4, width: 17, pad: 1)])
    func splitPlaneHoldsThePaddedPlanesEvenAndOddColumns(_ shape: (height: Int, width: Int, pad: Int)) {
        let (height, width, pad) = shape
        let th = (height + 1) / 2, tw = (width + 1) / 2, taps = 2 * pad + 2
        let rows = WinogradTiles.splitRowCount(tilesDown: th, taps: taps)
        let half = WinogradTiles.halfRowLength(tilesAcross: tw)
        let floats = WinogradTiles.splitPlaneFloats(tilesDown: th, tilesAcross: tw, taps: taps)
        #expect(floats == 2 * rows * half)
        var buffer = [Float](repeating: 0, count: floats)
        let first = (0..<(height * width)).map { Float($0 + 1) }
        let second = (0..<(height * width)).map { -Float($0 + 1) / 8 }
        buffer.withUnsafeMutableBufferPointer { b in
            for plane in [first, second] {
                plane.withUnsafeBufferPointer {
                    WinogradTiles.splitPlane($0.baseAddress!, height: height, width: width, pad: pad, half: half,
                                             even: b.baseAddress!, odd: b.baseAddress! + floats / 2)
                }
            }
        }
        func padded(_ r: Int, _ p: Int) -> Float {
            let y = r - pad, x = p - pad
            return y >= 0 && y < height && x >= 0 && x < width ? second[y * width + x] : 0
        }
        var mismatches = 0
        for r in 0..<rows {
            for i in 0..<half {
                if buffer[r * half + i] != padded(r, 2 * i) { mismatches += 1 }
                if buffer[floats / 2 + r * half + i] != padded(r, 2 * i + 1) { mismatches += 1 }
            }
        }
        #expect(mismatches == 0)
        // Tile row th − 1 reads `taps` rows from padded row 2(th − 1): all of them must be in the buffer.
        #expect(2 * (th - 1) + taps <= rows)
        // The last window of 8 tiles reads two tiles past its start, 8 lanes wide.
        #expect(8 * ((tw - 1) / 8) + 2 + 8 <= half)
    }
}
