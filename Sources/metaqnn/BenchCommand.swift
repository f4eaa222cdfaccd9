import ArgumentParser
import Foundation
import NeuralEngine
import Training

/// `metaqnn bench`: training and inference throughput of the engine, and raw SGEMM speed.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the engine's training and inference speed (run it in release: swift run -c release).",
        discussion: "Without --net it measures the reference nets N1–N4 at 1 and at all threads and times a square "
            + "SGEMM at 256, 512 and 1024. --net takes a net string or a reference name (N1–N4, S1–S4).")

    @Option(name: .customLong("net"), help: "A net string or reference name N1–N4, S1–S4 to measure (repeatable); dropout tokens are left out.")
    var nets: [String] = []

    @Option(help: "Input shape as CxHxW.")
    var input = "1x28x28"

    @Option(help: "Images per training step.")
    var batch = 128

    @Option(help: "Threads (default: 1 and all available).")
    var threads: Int?

    @Option(help: "Seconds per timed window, after a warm-up.")
    var seconds = 2.0

    @Option(help: "Timed windows per measurement; each figure is their median.")
    var repeats = 1

    @Flag(help: "Print one JSON object per line instead of a table.")
    var json = false

    @Option(help: "Rounds over the whole set, interleaved; each figure is the best round (the machine is shared).")
    var rounds: Int = 1

    @Flag(help: "Also print each layer's forward and backward time per training step.")
    var profile = false

    func validate() throws {
        guard BenchPlan.parseShape(input) != nil else {
            throw ValidationError("--input '\(input)' is not CxHxW with positive numbers; use e.g. 1x28x28.")
        }
        guard batch > 0 else { throw ValidationError("--batch must be at least 1.") }
        guard (1...TrainingSettings.maximumThreads).contains(threads ?? 1) else {
            throw ValidationError("--threads must be between 1 and \(TrainingSettings.maximumThreads).")
        }
        guard seconds > 0 else { throw ValidationError("--seconds must be positive.") }
        guard rounds > 0 else { throw ValidationError("--rounds must be at least 1.") }
        guard repeats > 0 else { throw ValidationError("--repeats must be at least 1.") }
    }

    func run() throws {
        let plan = try BenchPlan(nets: nets, input: input, batch: batch, threads: threads, seconds: seconds,
                                 repeats: repeats)
        let results = try plan.measureAll(rounds: rounds)
        let output = BenchOutput(json: json)
        for (entry, result) in zip(plan.entries, results.networks) {
            output.network(entry, result)
            if profile { output.profile(entry, try plan.profile(entry)) }
        }
        for gemm in results.gemm { output.gemm(size: gemm.size, threads: gemm.threads, gflops: gemm.gflops) }
        output.finish(rounds: rounds, repeats: repeats)
    }
}
