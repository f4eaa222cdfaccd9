/// Naive SGEMM, the oracle for `Gemm.multiply`.
/// Shapes: A[m×k] · B[k×n] → C[m×n] (row stride ldc); C = (accumulate ? C : 0) + A·B (+ bias[row]) (ReLU).
enum GemmReference {
    static func multiply(m: Int, n: Int, k: Int, a: MatrixView, b: MatrixView,
                         c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool,
                         bias: UnsafePointer<Float>? = nil, relu: Bool = false) {
        for i in 0..<m {
            for j in 0..<n {
                var sum: Float = accumulate ? c[i * ldc + j] : 0
                for p in 0..<k { sum += a[i, p] * b[p, j] }
                if let bias { sum += bias[i] }
                if relu { sum = max(sum, 0) }
                c[i * ldc + j] = sum
            }
        }
    }
}
