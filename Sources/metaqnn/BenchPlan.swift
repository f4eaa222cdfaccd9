import ArgumentParser
import Foundation
import NeuralEngine
import SearchSpace
import Training

/// What `metaqnn bench` measures: named reference nets or net strings, at one or more thread counts.
struct BenchPlan {
    struct Entry {
        var name: String
        var layers: [LayerSpec]
        var input: TensorShape
        var batch: Int
        var threads: Int
    }

    /// Reference nets: N1–N4 (measured by default, batch 128) and S1–S4, shapes the search trains (batch 64).
    static let references: [(name: String, net: String)] = [
        ("N1", "[C(32,3,1), P(2,2), C(64,3,1), P(2,2), FC(128), SM(10)]"),
        ("N2", "[C(64,5,1), C(64,3,1), P(3,2), C(128,3,1), P(2,2), SM(10)]"),
        ("N3", "[C(16,1,1), C(32,3,1), C(32,5,1), P(2,2), C(64,3,1), C(64,3,1), P(2,2), C(128,3,1), GAP(10), SM(10)]"),
        ("N4", "[C(128,3,1), P(2,2), C(64,5,1), C(512,5,1), C(256,3,1), SM(10)]"),
        ("S1", "[C(32,5,1), C(32,3,1), C(16,3,1), SM(10)]"),
        ("S2", "[C(8,3,1), SM(10)]"),
        ("S3", "[C(16,1,1), C(32,3,1), C(16,3,1), SM(10)]"),
        ("S4", "[C(32,3,1), P(2,2), C(64,5,1), P(3,2), FC(128), FC(64), SM(10)]"),
    ]

    var entries: [Entry] = []
    var threadCounts: [Int]
    var gemmSizes: [Int]
    var seconds: Double
    /// Timed windows per measurement (`Benchmark.measure`'s `windows`).
    var repeats: Int

    init(nets: [String], input: String, batch: Int, threads: Int?, seconds: Double, repeats: Int = 1) throws {
        let shape = Self.parseShape(input)!
        let all = ProcessInfo.processInfo.activeProcessorCount
        threadCounts = threads.map { [$0] } ?? (all > 1 ? [1, all] : [1])
        gemmSizes = nets.isEmpty ? [256, 512, 1024] : []
        self.seconds = seconds
        self.repeats = repeats
        let defaults = Self.references.prefix(4).map(\.net)
        for given in nets.isEmpty ? defaults : nets {
            let text = Self.references.first { $0.name == given.uppercased() }?.net ?? given
            // Bench measures without dropout, so D(i,n) tokens are dropped before building.
            let net = try Architecture(parsing: text).withoutDropout
            guard case let .softmax(classes)? = net.layers.last else {
                throw BenchInputError(
                    description: "--net '\(text)' does not end with SM(c); end it with the classifier, e.g. SM(10).")
            }
            let layers = try NetworkBuilder.layers(for: net, classes: classes)
            // Fail before any output if the net cannot be built for this input (e.g. it vanishes) or
            // would not fit in memory at this batch size.
            try MemoryEstimate.check(net, input: shape, batchSize: batch)
            _ = try Network(layers: layers, input: shape, maxBatch: 1, threads: 1, seed: 1)
            let reference = Self.references.first { $0.net == net.description }
            for threadCount in threadCounts {
                entries.append(Entry(name: reference?.name ?? net.description, layers: layers, input: shape, batch: batch,
                                     threads: threadCount))
            }
        }
    }

    /// Best figures per entry over `rounds` interleaved rounds, plus the spread of training img/s.
    struct Results {
        var networks: [BenchResult] = []
        var gemm: [(size: Int, threads: Int, gflops: Double)] = []
    }

    /// Runs every entry and GEMM size once per round, round-robin, keeping each one's best round.
    func measureAll(rounds: Int) throws -> Results {
        var results = Results()
        for round in 0..<rounds {
            for (index, entry) in entries.enumerated() {
                let (m, rss) = try measure(entry)
                if round == 0 {
                    results.networks.append(BenchResult(best: m, peakRSS: rss, slowestTrain: m.trainImagesPerSecond))
                } else {
                    results.networks[index].add(m, peakRSS: rss)
                }
            }
            var index = 0
            for size in gemmSizes {
                for threadCount in threadCounts {
                    let gflops = Benchmark.gemmGFLOPs(size: size, threads: threadCount, seconds: seconds)
                    if round == 0 {
                        results.gemm.append((size, threadCount, gflops))
                    } else {
                        results.gemm[index].gflops = max(results.gemm[index].gflops, gflops)
                    }
                    index += 1
                }
            }
        }
        return results
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
                                                threads: entry.threads, seconds: seconds, windows: repeats)
        return (measurement, PeakMemory.bytes())
    }
}

/// One entry's best measurement over the rounds.
struct BenchResult {
    var best: Benchmark.Measurement
    var peakRSS: Int
    var slowestTrain: Double

    mutating func add(_ m: Benchmark.Measurement, peakRSS rss: Int) {
        slowestTrain = min(slowestTrain, m.trainImagesPerSecond)
        if m.inferenceImagesPerSecond > best.inferenceImagesPerSecond {
            best.inferenceImagesPerSecond = m.inferenceImagesPerSecond
            best.inferenceWindows = m.inferenceWindows
        }
        if m.trainImagesPerSecond > best.trainImagesPerSecond {
            best.trainImagesPerSecond = m.trainImagesPerSecond
            best.trainGFLOPs = m.trainGFLOPs
            best.trainWindows = m.trainWindows
            best.trainThreadBusy = m.trainThreadBusy
        }
        peakRSS = max(peakRSS, rss)
    }

    /// (best − slowest) / best of the training rate: how much the shared machine disturbed the rounds.
    var spread: Double { best.trainImagesPerSecond > 0 ? 1 - slowestTrain / best.trainImagesPerSecond : 0 }
}

/// A `--net` that cannot be benchmarked; the description is one sentence.
struct BenchInputError: Error, CustomStringConvertible {
    var description: String
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
