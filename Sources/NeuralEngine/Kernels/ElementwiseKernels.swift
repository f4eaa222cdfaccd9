/// Small element-wise kernels over the CNHW layout.
enum ElementwiseKernels {
    /// Shapes: y, dy [rows, count·plane]; over images first..<first+images: dy ← dy·[y > 0], biasGrad[r] += Σ dy.
    @inline(__always)
    static func reluBackwardAndBiasGradient(y: UnsafePointer<Float>, dy: UnsafeMutablePointer<Float>, rows: Int,
                                            count: Int, plane: Int, first: Int, images: Int,
                                            biasGradient: UnsafeMutablePointer<Float>) {
        let length = images * plane
        typealias V = SIMD8<Float>
        for r in 0..<rows {
            let offset = r * count * plane + first * plane
            let yr = y + offset, dr = dy + offset
            var sums = V()
            var i = 0
            while i + 8 <= length {
                let yv = UnsafeRawPointer(yr + i).loadUnaligned(as: V.self)
                let dv = UnsafeRawPointer(dr + i).loadUnaligned(as: V.self).replacing(with: 0, where: yv .<= 0)
                UnsafeMutableRawPointer(dr + i).storeBytes(of: dv, as: V.self)
                sums += dv
                i += 8
            }
            var sum = sums.sum()
            while i < length {
                let d = yr[i] > 0 ? dr[i] : 0
                dr[i] = d
                sum += d
                i += 1
            }
            biasGradient[r] += sum
        }
    }

    /// Shapes: src[count, C, plane] (NCHW) → dst[C, count, plane] (CNHW).
    static func toChannelMajor(_ src: UnsafePointer<Float>, _ dst: UnsafeMutablePointer<Float>,
                               count: Int, channels: Int, plane: Int) {
        for n in 0..<count {
            for c in 0..<channels {
                (dst + (c * count + n) * plane).update(from: src + (n * channels + c) * plane, count: plane)
            }
        }
    }

    /// Shapes: x[C, count, plane] → flat[C·plane, count] for images first..<first+images (the FC input matrix).
    static func flatten(_ x: UnsafePointer<Float>, _ flat: UnsafeMutablePointer<Float>, channels: Int, count: Int,
                        plane: Int, first: Int, images: Int) {
        // Image-inner order writes each row of `flat` contiguously.
        for c in 0..<channels {
            let src = x + c * count * plane
            let dst = flat + c * plane * count
            for p in 0..<plane {
                for n in first..<(first + images) { dst[p * count + n] = src[n * plane + p] }
            }
        }
    }

    /// Shapes: flat[C·plane, count] → x[C, count, plane] for images first..<first+images (inverse of `flatten`).
    static func unflatten(_ flat: UnsafePointer<Float>, _ x: UnsafeMutablePointer<Float>, channels: Int, count: Int,
                          plane: Int, first: Int, images: Int) {
        for c in 0..<channels {
            let dst = x + c * count * plane
            let src = flat + c * plane * count
            for p in 0..<plane {
                for n in first..<(first + images) { dst[n * plane + p] = src[p * count + n] }
            }
        }
    }

    /// Shapes: x[C, count, plane] → y[C, count]: the mean of every map.
    static func spatialMean(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, channels: Int, count: Int,
                            plane: Int, first: Int, images: Int) {
        let scale = 1 / Float(plane)
        for c in 0..<channels {
            for n in first..<(first + images) {
                let src = x + (c * count + n) * plane
                var sum: Float = 0
                for p in 0..<plane { sum += src[p] }
                y[c * count + n] = sum * scale
            }
        }
    }

    /// Shapes: dy[C, count] → dx[C, count, plane], each value spread evenly over its map.
    static func spatialMeanBackward(_ dy: UnsafePointer<Float>, _ dx: UnsafeMutablePointer<Float>, channels: Int,
                                    count: Int, plane: Int, first: Int, images: Int) {
        let scale = 1 / Float(plane)
        for c in 0..<channels {
            for n in first..<(first + images) {
                (dx + (c * count + n) * plane).update(repeating: dy[c * count + n] * scale, count: plane)
            }
        }
    }

    /// Shapes: y[n] = x[n]·mask[n].
    static func multiply(_ x: UnsafePointer<Float>, _ mask: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>,
                         count: Int) {
        for i in 0..<count { y[i] = x[i] * mask[i] }
    }
}
