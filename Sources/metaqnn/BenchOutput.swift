import Foundation
import NeuralEngine

/// Prints `bench` results as an aligned table or as one JSON object per line.
struct BenchOutput {
    var json: Bool

    private static let header = ["net", "thr", "batch", "train img/s", "infer img/s", "train GFLOP/s", "peak RSS MiB",
                                 "spread", "busy"]
    private static let widths = [10, 3, 5, 11, 11, 13, 12, 6, 4]

    init(json: Bool) {
        self.json = json
        if !json { Self.printRow(Self.header) }
    }

    func network(_ entry: BenchPlan.Entry, _ result: BenchResult) {
        let (m, rss) = (result.best, result.peakRSS)
        if json {
            let object: [String: Any] = [
                "net": entry.name, "threads": entry.threads, "batch": entry.batch,
                "input": entry.input.description,
                "train_images_per_second": rounded(m.trainImagesPerSecond),
                "inference_images_per_second": rounded(m.inferenceImagesPerSecond),
                "train_gflops": rounded(m.trainGFLOPs), "peak_rss_bytes": rss,
                "forward_flops_per_image": m.forwardFLOPsPerImage, "train_spread": rounded(result.spread),
                "simd": Benchmark.simdLevel, "train_windows": m.trainWindows.map(rounded),
                "inference_windows": m.inferenceWindows.map(rounded),
                "train_thread_busy": m.trainThreadBusy.map(roundedShare),
            ]
            printJSON(object)
        } else {
            Self.printRow([entry.name, "\(entry.threads)", "\(entry.batch)", String(format: "%.0f", m.trainImagesPerSecond),
                           String(format: "%.0f", m.inferenceImagesPerSecond),
                           String(format: "%.1f", m.trainGFLOPs), String(format: "%.0f", Double(rss) / 1_048_576),
                           String(format: "%.0f%%", result.spread * 100),
                           String(format: "%.0f%%", Benchmark.median(m.trainThreadBusy) * 100)])
        }
    }

    func profile(_ entry: BenchPlan.Entry, _ timings: [Benchmark.LayerTiming]) {
        for t in timings {
            if json {
                printJSON(["net": entry.name, "threads": entry.threads, "layer": t.layer.description,
                           "forward_ms": rounded(t.forwardSeconds * 1000), "backward_ms": rounded(t.backwardSeconds * 1000),
                           "train_gflops": rounded(t.forwardFLOPs > 0 ? t.trainGFLOPs : 0),
                           "forward_thread_busy": roundedShare(t.forwardThreadBusy),
                           "backward_thread_busy": roundedShare(t.backwardThreadBusy)])
            } else {
                let rate = t.forwardFLOPs > 0 ? String(format: "%6.1f GFLOP/s", t.trainGFLOPs) : String(repeating: " ", count: 14)
                let busy = entry.threads > 1
                    ? String(format: "  busy %3.0f%% / %3.0f%%", t.forwardThreadBusy * 100, t.backwardThreadBusy * 100) : ""
                print(String(format: "    %-44@ fwd %8.2f ms  bwd %8.2f ms  ", t.layer.description as NSString,
                             t.forwardSeconds * 1000, t.backwardSeconds * 1000) + rate + busy)
            }
        }
    }

    func gemm(size: Int, threads: Int, gflops: Double) {
        if json {
            printJSON(["gemm": size, "threads": threads, "gflops": rounded(gflops)])
        } else {
            print("SGEMM \(size)×\(size)×\(size), \(threads) thread\(threads == 1 ? "" : "s"): "
                  + String(format: "%.1f GFLOP/s", gflops))
        }
    }

    func finish(rounds: Int, repeats: Int) {
        guard !json else { return }
        print("(SIMD: \(Benchmark.simdLevel); train GFLOP/s counts 3 × forward FLOPs; peak RSS is VmHWM;")
        let windows = repeats == 1 ? "" : "the median of \(repeats) timed windows, "
        print(" \(windows)best of \(rounds) interleaved round\(rounds == 1 ? "" : "s"); "
              + "spread = (best − slowest) / best train img/s;")
        print(" busy = share of the threads' time spent working, not waiting for each other, while training)")
    }

    private func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }
    /// A share in 0…1 to three places (two would hide the differences between layers).
    private func roundedShare(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }

    private func printJSON(_ object: [String: Any]) {
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        print(String(decoding: data, as: UTF8.self))
    }

    private static func printRow(_ cells: [String]) {
        let padded = zip(cells, widths).enumerated().map { index, pair in
            let (cell, width) = pair
            let pad = String(repeating: " ", count: max(0, width - cell.count))
            return index == 0 ? cell + pad : pad + cell
        }
        print(padded.joined(separator: "  "))
    }
}
