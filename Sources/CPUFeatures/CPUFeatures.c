#include "CPUFeatures.h"

// Built without -march (see Package.swift), so these run on any x86-64 CPU and can refuse cleanly
// where the engine, built for the machine that compiled it, would stop with an illegal instruction.

int metaqnn_cpu_has_x86_64_v4(void) {
#if defined(__x86_64__)
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw")
        && __builtin_cpu_supports("avx512cd") && __builtin_cpu_supports("avx512dq")
        && __builtin_cpu_supports("avx512vl") && metaqnn_cpu_has_x86_64_v3();
#else
    return 0;
#endif
}

int metaqnn_cpu_has_x86_64_v3(void) {
#if defined(__x86_64__)
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") && __builtin_cpu_supports("bmi")
        && __builtin_cpu_supports("bmi2") && __builtin_cpu_supports("f16c") && __builtin_cpu_supports("lzcnt")
        && __builtin_cpu_supports("movbe");
#else
    return 0;
#endif
}
