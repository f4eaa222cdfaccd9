/// `metaqnn export-model` rows of the bad-input catalogue (the cases needing finalists, such as a
/// changed weights file, are in `ExportModelCommandTests`).
extension BadInputCatalogueTests {
    static let exportModels: [BadInput] = [
        BadInput(arguments: ["export-model", "--experiment", "good", "--onnx", "m.onnx"], status: 1,
                 phrase: "Experiment 'good' has no finalized nets to export; run `metaqnn finalize --experiment good` first."),
        BadInput(arguments: ["export-model", "--experiment", "nope", "--store", "Replay/good.sqlite", "--onnx", "m.onnx"],
                 status: 1, phrase: "experiment named 'nope'"),
        BadInput(arguments: ["export-model", "--experiment", "missing", "--onnx", "m.onnx"], status: 1,
                 phrase: "No replay store at"),
        BadInput(arguments: ["export-model", "--experiment", "good", "--onnx", "Replay/good.sqlite"], status: 1,
                 phrase: "is the replay store"),
        BadInput(arguments: ["export-model", "--experiment", "good", "--rank", "0", "--onnx", "m.onnx"], status: 64,
                 phrase: "--rank 0 is not a finalist"),
        BadInput(arguments: ["export-model", "--experiment", "good"], status: 64, phrase: "Missing expected argument '--onnx <file>'"),
    ]
}
