import Foundation

extension BadInputCatalogueTests {
    /// `search --trainer`, `--synthetic-delay`, and the dataset fingerprint checked on resume.
    static let trainers: [BadInput] = [
        BadInput(arguments: search(["--trainer", "synthetic", "--synthetic-delay=-1"]), status: 64,
                 phrase: "--synthetic-delay -1.0 is not a number of seconds from 0 to 3600"),
        BadInput(arguments: search(["--trainer", "synthetic", "--synthetic-delay", "nan"]), status: 64,
                 phrase: "--synthetic-delay nan is not a number of seconds"),
        BadInput(arguments: search(["--trainer", "synthetic", "--synthetic-delay", "inf"]), status: 64,
                 phrase: "--synthetic-delay inf is not a number of seconds"),
        BadInput(arguments: search(["--trainer", "synthetic", "--synthetic-delay", "1e9"]), status: 64,
                 phrase: "--synthetic-delay 1000000000.0 is not a number of seconds from 0 to 3600"),
        BadInput(arguments: search(["--trainer", "synthetic", "--synthetic-delay", "soon"]), status: 64,
                 phrase: "'soon' is invalid for '--synthetic-delay"),
        BadInput(arguments: search(["--synthetic-delay", "0.1"]), status: 64,
                 phrase: "--synthetic-delay only applies with --trainer synthetic"),
        BadInput(arguments: search(["--trainer", "gpu"]), status: 64, phrase: "'gpu' is invalid for '--trainer"),
        BadInput(arguments: search(["--trainer", "synthetic", "--dataset", "fashion-mnist"]), status: 64,
                 phrase: "--trainer synthetic reads no images, so --dataset has no effect; drop --dataset."),
        BadInput(arguments: search(["--trainer", "synthetic", "--data-dir", "idx-good"]), status: 64,
                 phrase: "--trainer synthetic reads no images, so --data-dir has no effect"),
        BadInput(arguments: BadInputFolder.smallSearch.filter { $0 != "--synthetic-data" } + ["--trainer", "synthetic"], status: 1,
                 phrase: "Experiment 'small' was started with different settings (trainer: engine, not synthetic (0.05 s per net))"),
        BadInput(arguments: ["search", "--experiment", "syn", "--store", BadInputFolder.trainersStore, "--trainer", "engine",
                             "--layer-limit", "2", "--schedule", "1.0:2", "--replay-number", "2"], status: 1,
                 phrase: "Experiment 'syn' was started with different settings (trainer: synthetic (0.0 s per net), not engine)"),
        BadInput(arguments: BadInputFolder.syntheticSearch.map { $0 == "0" ? "0.5" : $0 }, status: 1,
                 phrase: "Experiment 'syn' was started with different settings (trainer: synthetic (0.0 s per net), not synthetic (0.5 s per net))"),
        BadInput(arguments: ["finalize", "--experiment", "syn", "--store", BadInputFolder.trainersStore], status: 1,
                 phrase: "Experiment 'syn' was searched with --trainer synthetic, whose accuracies are synthetic, so its top nets are no finalists"),
        BadInput(arguments: ["finalize", "--experiment", "syn", "--store", BadInputFolder.trainersStore, "--dataset", "digits"], status: 1,
                 phrase: "Experiment 'syn' was searched with --trainer synthetic, whose accuracies are synthetic"),
        BadInput(arguments: BadInputFolder.fingerprintSearch, status: 1,
                 phrase: "The dataset file t10k-images-idx3-ubyte on this machine differs from the one experiment 'fp' was started with "
                    + "(same size, SHA-256"),
    ]
}
