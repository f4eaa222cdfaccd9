#ifndef METAQNN_CPU_FEATURES_H
#define METAQNN_CPU_FEATURES_H

/// 1 when this CPU runs x86-64-v4 code (AVX-512 F, BW, CD, DQ and VL), else 0 (also on other architectures).
int metaqnn_cpu_has_x86_64_v4(void);

/// 1 when this CPU runs x86-64-v3 code (AVX2, FMA, BMI1/2, F16C, LZCNT, MOVBE), else 0 (also on other architectures).
int metaqnn_cpu_has_x86_64_v3(void);

#endif
