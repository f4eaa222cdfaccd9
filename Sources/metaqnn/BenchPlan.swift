import ArgumentParser
import Foundation
import NeuralEngine

/// What `metaqnn bench` measures, with the PyTorch reference figures of PERF.md.
struct BenchPlan {
    struct Entry {
        var name: String
        var layers: [LayerSpec]
        var input: TensorShape
        var batch: Int
        var threads: Int
        /// PyTorch training and inference img/s on this machine (PERF.md), when the setting matches.
        var pytorch: (train: Double, inference: Double)?
    }

    /// The reference nets with PyTorch 2.15 img/s at 1 and 2 threads (batch 128, 1×28×28): train, inference.
    static let references: [(name: String, net: String, one: (Double, Double), two: (Double, Double))] = [
        ("N1", "[C(32,3,1), P(2,2), C(64,3,1), P(2,2), FC(128), SM(10)]", (1069, 2538), (1644, 4476)),
        ("N2", "[C(64,5,1), C(64,3,1), P(3,2), C(128,3,1), P(2,2), SM(10)]", (181, 502), (296, 960)),
        ("N3", "[C(16,1,1), C(32,3,1), C(32,5,1), P(2,2), C(64,3,1), C(64,3,1), P(2,2), C(128,3,1), GAP(10), SM(10)]",
         (253, 761), (415, 1248)),
        ("N4", "[C(128,3,1), P(2,2), C(64,5,1), C(512,5,1), C(256,3,1), SM(10)]", (25, 85), (45, 137)),
    ]

    var entries: [Entry] = []
    var threadCounts: [Int]
    var gemmSizes: [Int]
    var seconds: Double

    init(nets: [String], input: String, batch: Int, threads: Int?, seconds: Double) throws {
        let shape = Self.parseShape(input)!
        let all = ProcessInfo.processInfo.activeProcessorCount
        threadCounts = threads.map { [$0] } ?? (all > 1 ? [1, all] : [1])
        gemmSizes = nets.isEmpty ? [256, 512, 1024] : []
        self.seconds = seconds
        let chosen = nets.isEmpty ? Self.references.map { ($0.name, $0.net) } : nets.map { ($0, $0) }
        for (name, text) in chosen {
            let layers = try BenchNetParser.layers(text)
            let reference = Self.references.first { $0.net == BenchNetParser.canonical(text) }
            for threadCount in threadCounts {
                var pytorch: (Double, Double)?
                if let reference, shape == TensorShape(channels: 1, height: 28, width: 28), batch == 128 {
                    pytorch = threadCount == 1 ? reference.one : threadCount == 2 ? reference.two : nil
                }
                entries.append(Entry(name: reference?.name ?? name, layers: layers, input: shape, batch: batch,
                                     threads: threadCount, pytorch: pytorch))
            }
        }
    }

    /// Per-layer timing of one entry over a few training steps.
    func profile(_ entry: Entry) throws -> [Benchmark.LayerTiming] {
        try Benchmark.profile(layers: entry.layers, input: entry.input, batch: entry.batch, threads: entry.threads,
                              steps: 3)
    }

    /// `CxHxW` with positive numbers, or nil.
    static func parseShape(_ text: String) -> TensorShape? {
        let parts = text.lowercased().split(separator: "x").compactMap { Int($0) }
        guard parts.count == 3, parts.allSatisfy({ $0 > 0 }) else { return nil }
        return TensorShape(channels: parts[0], height: parts[1], width: parts[2])
    }

    /// Measures one entry and the process's peak resident memory during it.
    func measure(_ entry: Entry) throws -> (Benchmark.Measurement, peakRSS: Int) {
        PeakMemory.reset()
        let measurement = try Benchmark.measure(layers: entry.layers, input: entry.input, batch: entry.batch,
                                                threads: entry.threads, seconds: seconds)
        return (measurement, PeakMemory.bytes())
    }
}

/// Peak resident memory of this process from /proc/self/status (Linux).
enum PeakMemory {
    /// Resets VmHWM to the current RSS so each measurement reports its own peak (no-op where unsupported).
    static func reset() {
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }

    /// VmHWM in bytes, or 0 when /proc is unavailable.
    static func bytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kilobytes = line.split(separator: " ").compactMap { Int($0) }.first ?? 0
            return kilobytes * 1024
        }
        return 0
    }
}
