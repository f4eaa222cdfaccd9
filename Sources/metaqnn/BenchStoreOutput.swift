import Designer
import Foundation

/// Prints a `bench-store` result as sentences or as one JSON object.
struct BenchStoreOutput {
    var json: Bool

    /// Whether this binary was built for debugging; its figures are then no throughput to quote.
    static var build: String {
        #if DEBUG
        "debug"
        #else
        "release"
        #endif
    }

    func print(_ result: StoreBenchmarkResult, experiment: String, store: String) {
        if json {
            var object: [String: Any] = [
                "experiment": experiment, "store": store, "processes": result.processes, "steps": result.steps,
                "unique_nets": result.uniqueNets, "seconds": rounded(result.seconds), "peak_leases": result.peakLeases,
                "build": Self.build, "version": ToolVersion.current,
            ]
            if let rate = result.stepsPerSecond { object["steps_per_second"] = rounded(rate) }
            if let load = result.loadAverageBefore { object["load_average_before"] = load }
            if let load = result.loadAverageAfter { object["load_average_after"] = load }
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
            Swift.print(String(decoding: data, as: UTF8.self))
        } else {
            let rate = result.stepsPerSecond.map { String(format: "%.1f steps/s", $0) } ?? "too few steps to time"
            Swift.print(String(format: "%d processes, %d claim+record steps (%d unique nets) in %.2f s: %@; peak leases %d.",
                               result.processes, result.steps, result.uniqueNets, result.seconds, rate, result.peakLeases))
            Swift.print("Load average \(Self.text(result.loadAverageBefore)) before, \(Self.text(result.loadAverageAfter)) after; "
                        + "\(Self.build) build, metaqnn \(ToolVersion.current); experiment '\(experiment)' left in \(store).")
        }
    }

    private static func text(_ load: [Double]?) -> String {
        load.map { $0.map { String(format: "%.2f", $0) }.joined(separator: " ") } ?? "unknown"
    }

    private func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}
