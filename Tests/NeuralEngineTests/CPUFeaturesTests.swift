import CPUFeatures
import Foundation
import Testing
@testable import NeuralEngine

/// The start-up check (`metaqnn` refuses to run an engine built for a level the CPU lacks) asks the CPU
/// through CPUFeatures; on Linux the kernel's own list of CPU flags says the same.
@Suite("CPU feature checks against /proc/cpuinfo")
struct CPUFeaturesTests {
    static let flags: Set<String>? = {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("flags") }) else { return nil }
        return Set(line.split(separator: ":").last!.split(separator: " ").map(String.init))
    }()

    @Test(.enabled(if: flags != nil, "no /proc/cpuinfo"))
    func levelsMatchTheKernelsFlags() throws {
        let flags = try #require(Self.flags)
        #if arch(x86_64)
        let v3 = ["avx2", "fma", "bmi1", "bmi2", "f16c", "abm", "movbe"].allSatisfy(flags.contains)
        let v4 = v3 && ["avx512f", "avx512bw", "avx512cd", "avx512dq", "avx512vl"].allSatisfy(flags.contains)
        #else
        let v3 = false, v4 = false
        #endif
        #expect((metaqnn_cpu_has_x86_64_v3() != 0) == v3)
        #expect((metaqnn_cpu_has_x86_64_v4() != 0) == v4)
    }

    /// The engine runs here, so this CPU has at least the level it was built for.
    @Test func theBuildsLevelIsOneThisCPUHas() {
        switch Benchmark.simdLevel {
        case "x86-64-v4": #expect(metaqnn_cpu_has_x86_64_v4() != 0)
        case "x86-64-v3": #expect(metaqnn_cpu_has_x86_64_v3() != 0)
        default: #expect(metaqnn_cpu_has_x86_64_v3() == 0)
        }
    }
}
