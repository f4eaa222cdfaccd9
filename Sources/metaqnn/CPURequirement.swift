import CPUFeatures
import Foundation

/// The engine is compiled for the x86-64 level of the machine that built it (see Package.swift). On a
/// CPU without that level its first vector instruction would kill the process with "Illegal
/// instruction", so `main` asks the CPU first (CPUFeatures is built without the engine's -march).
enum CPURequirement {
    /// Why this CPU cannot run this build, or nil when it can.
    static var refusal: String? {
        #if METAQNN_X86_64_V4
        if metaqnn_cpu_has_x86_64_v4() == 0 {
            return "This metaqnn was built for x86-64-v4 (AVX-512) and this CPU does not have it; "
                + "rebuild it on this machine, or with METAQNN_SIMD=x86-64-v3 to run on any CPU with AVX2 and FMA."
        }
        #elseif METAQNN_X86_64_V3
        if metaqnn_cpu_has_x86_64_v3() == 0 {
            return "This metaqnn was built for x86-64-v3 (AVX2 and FMA) and this CPU does not have it; "
                + "run it on a CPU that has AVX2 and FMA."
        }
        #endif
        return nil
    }
}
