import ArgumentParser
import Designer
import ModelExport

/// `metaqnn export-model`: a finalized net with its trained weights as an ONNX model.
struct ExportModelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-model",
        abstract: "Write a finalized net with its trained weights as an ONNX model (opset \(ONNXModel.opset)).")

    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp("Which finalist: 1 is the best by mean validation accuracy.", valueName: "n"))
    var rank: Int = 1

    @Option(help: ArgumentHelp("Which of its seeds (default: the one with the best validation accuracy).", valueName: "n"))
    var seed: Int?

    @Option(help: ArgumentHelp("Where to write the ONNX model.", valueName: "file"))
    var onnx: String

    func validate() throws {
        if rank < 1 { throw ValidationError("--rank \(rank) is not a finalist; use 1 for the best, 2 for the next, and so on.") }
    }

    func run() throws {
        let exporter = FinalistModelExporter(store: try store.open(.readOnly), serverStoreWeightsRoot: StoreOptions.serverStoreWeightsRoot)
        let exported = try exporter.export(experiment: store.experiment, rank: rank, seed: seed, onnx: onnx)
        print("Wrote finalist \(exported.rank) \(exported.net) (seed \(exported.seed), test accuracy "
            + "\(String(format: "%.2f", exported.testAccuracy * 100)) %) to \(onnx): \(exported.bytes) bytes, "
            + "input N×C×H×W pixels in [0, 1], output logits.")
    }
}
