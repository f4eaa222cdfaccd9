/// A read-only strided matrix view: element (i, j) is `base[i·rowStride + j·columnStride]`.
/// Transposes are views with swapped strides, so one GEMM serves forward and both backward passes.
struct MatrixView {
    var base: UnsafePointer<Float>
    var rowStride: Int
    var columnStride: Int

    init(_ base: UnsafePointer<Float>, rowStride: Int, columnStride: Int = 1) {
        self.base = base
        self.rowStride = rowStride
        self.columnStride = columnStride
    }

    init(_ base: UnsafeMutablePointer<Float>, rowStride: Int, columnStride: Int = 1) {
        self.init(UnsafePointer(base), rowStride: rowStride, columnStride: columnStride)
    }

    @inline(__always) subscript(i: Int, j: Int) -> Float { base[i * rowStride + j * columnStride] }

    /// The same matrix transposed.
    var transposed: MatrixView { MatrixView(base, rowStride: columnStride, columnStride: rowStride) }
}
