/// The GEMM's vector: one AVX-512 register (16 floats) when the engine is built for x86-64-v4, else 8
/// floats (one AVX2 register on x86-64-v3, two NEON registers on arm64). The micro-kernel's tile is 6 rows
/// by two of these, so `Gemm.nr` and the packed B panels follow it. (The Winograd transforms choose their
/// vector per row width instead: `TileVector`.)
#if METAQNN_X86_64_V4
typealias WideFloats = SIMD16<Float>
#else
typealias WideFloats = SIMD8<Float>
#endif
