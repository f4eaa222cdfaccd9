import Foundation

/// The catalogue's rows, by area; each area is a list the suite concatenates.
extension BadInputCatalogueTests {
    static let bench: [BadInput] = [
        BadInput(arguments: ["bench", "--net", "[FC(16), SM(10)]", "--threads", "100000"], status: 64,
                 phrase: "--threads must be between 1 and 256"),
        BadInput(arguments: ["bench", "--net", "[FC(16), SM(10)]", "--batch", "100000000", "--seconds", "0.1"], status: 1,
                 phrase: "to train with batch size 100000000"),
        BadInput(arguments: ["bench", "--net", "[FC(2000000000), SM(10)]", "--seconds", "0.1"], status: 1,
                 phrase: "of memory; use a smaller net"),
        BadInput(arguments: ["bench", "--input", "0x28x28"], status: 64, phrase: "is not CxHxW with positive numbers"),
        BadInput(arguments: ["bench", "--batch", "0"], status: 64, phrase: "--batch must be at least 1"),
        BadInput(arguments: ["bench", "--repeats", "0"], status: 64, phrase: "--repeats must be at least 1"),
        BadInput(arguments: ["bench", "--net", "[FC(16)]"], status: 1, phrase: "does not end with SM(c)"),
    ]

    /// `metaqnn check net`, which exits with status 1 for malformed and for illegal nets.
    static func check(_ net: String, _ phrase: String) -> BadInput {
        BadInput(arguments: ["check", net], status: 1, phrase: phrase)
    }

    static let netStrings: [BadInput] = [
        check("", "holds no layers"),
        check("   ", "holds no layers"),
        check("[]", "holds no layers"),
        check("C(8,3,1), SM(10)", "enclosed in [ and ]"),
        check("[C(8,3,1), SM(10)", "enclosed in [ and ]"),
        check("[C(8,3,1), SM(10)] x", "enclosed in [ and ]"),
        check("[X(3), SM(10)]", "Unknown layer \"X\" at column 2"),
        check("[c(8,3,1), SM(10)]", "Unknown layer"),
        check("[C(8,3), SM(10)]", "takes 3 arguments but has 2"),
        check("[SM(10,2)]", "takes 1 argument but has 2"),
        check("[C(8,3,a), SM(10)]", "\"a\" of C at column 8 is not a whole number"),
        check("[C(8,3,1.5), SM(10)]", "is not a whole number"),
        check("[C(8,3,1), SM(99999999999999999999)]", "is not a whole number"),
        check("[C(0,3,1), SM(10)]", "filters = 0 of C at column 2 is out of range"),
        check("[C(8,-3,1), SM(10)]", "kernel = -3"),
        check("[D(3,2), SM(10)]", "between 1 and the total 2"),
        check("[SM(1)]", "at least 2"),
        check("[C(8,3,1) SM(10)]", "Expected a comma between layers at column 11"),
        check("[C(8,3,1, SM(10)]", "missing its argument list or closing parenthesis"),
        check("[C(9223372036854775807,3,1), SM(10)]", "larger than a 64-bit integer holds"),
        check("[C(16,3037000500,1), SM(10)]", "larger than a 64-bit integer holds"),
        check("[FC(4611686018427387904), SM(10)]", "larger than a 64-bit integer holds"),
        check("[C(3000000000,3,1), C(3000000000,3,1), SM(10)]", "larger than a 64-bit integer holds"),
        check("[C(8,3,9223372036854775807), SM(10)]", "has a stride other than 1"),
        check("[P(2,2), SM(10)]", "pooling at the start"),
        check("[SM(10), SM(10)]", "comes after the classifier"),
        check("[C(8,3,1)]", "must end with the classifier"),
        check("[C(8,3,1), SM(7)]", "must use the space's 10 classes"),
        BadInput(arguments: ["train", "[C(99999999999,3,1), SM(10)]"], status: 1, phrase: "of memory; use a smaller net"),
        BadInput(arguments: ["train", "[FC(2000000000), SM(10)]"], status: 1, phrase: "of memory; use a smaller net"),
        BadInput(arguments: ["train", "[C(9223372036854775807,3,1), SM(10)]"], status: 1, phrase: "more than 2^63 bytes"),
        BadInput(arguments: ["train", "[FC(16), SM(10)]", "--batch-size", "100000000"], status: 1,
                 phrase: "to train with batch size 100000000"),
        BadInput(arguments: ["train", "[FC(16), SM(7)]"], status: 1, phrase: "outputs 7 classes but the dataset has 10"),
        BadInput(arguments: ["train", "[P(9,9), SM(10)]", "--epochs", "1"], status: 1, phrase: "vanishes"),
        BadInput(arguments: ["train", "[FC(16), SM(10), FC(8)]"], status: 1, phrase: "has no final SM(c) layer"),
        BadInput(arguments: ["train", "[SM(10), SM(10)]"], status: 1, phrase: "SM(c) must come last"),
        BadInput(arguments: ["train", "[FC(16)]"], status: 1, phrase: "has no final SM(c) layer"),
        BadInput(arguments: ["train", "not a net"], status: 1, phrase: "must be enclosed in [ and ]"),
    ]

    static func search(_ extra: [String]) -> [String] {
        ["search", "--experiment", "fresh", "--store", "Replay/good.sqlite", "--epochs", "1"] + extra
    }

    static let schedules: [BadInput] = [
        BadInput(arguments: search(["--schedule", ""]), status: 64, phrase: "The ε schedule is empty"),
        BadInput(arguments: search(["--schedule", "1.0"]), status: 64, phrase: "is not of the form epsilon:models"),
        BadInput(arguments: search(["--schedule", "x:3"]), status: 64, phrase: "which is not a number"),
        BadInput(arguments: search(["--schedule", "1.0:x"]), status: 64, phrase: "which is not a whole number"),
        BadInput(arguments: search(["--schedule", "1.5:3"]), status: 64, phrase: "ε must lie between 0 and 1"),
        BadInput(arguments: search(["--schedule", "nan:3"]), status: 64, phrase: "which is not a number"),
        BadInput(arguments: search(["--schedule", "1.0:0"]), status: 64, phrase: "each step must train at least 1"),
        BadInput(arguments: search(["--schedule", "1.0:-4"]), status: 64, phrase: "each step must train at least 1"),
        BadInput(arguments: search(["--schedule", "1.0:3,"]), status: 64, phrase: "is not of the form epsilon:models"),
        BadInput(arguments: search(["--schedule", "1.0:9223372036854775807,0.5:1"]), status: 64,
                 phrase: "add up to more than 9223372036854775807"),
        BadInput(arguments: search(["--schedule", "1.0:99999999999999999999"]), status: 64, phrase: "which is not a whole number"),
        BadInput(arguments: search(["--schedule", "1.0:3,1.0:3"]), status: 64, phrase: "both use ε = 1.0; write them as one step 1.0:6"),
        BadInput(arguments: search(["--schedule", "0.1:3,0.5:3"]), status: 64, phrase: "raises ε from 0.1 to 0.5"),
        BadInput(arguments: search(["--schedule", "1.0:5000000"]), status: 1,
                 phrase: "asks for 5000000 unique nets but the search space cpu-digits holds only 1009811"),
        BadInput(arguments: search(["--space", "unsorted-schedule.json"]), status: 1, phrase: "raises ε from 0.1 to 1.0"),
        BadInput(arguments: search(["--replay-number", "0"]), status: 64, phrase: "--replay-number 0 would never update the Q table"),
        BadInput(arguments: search(["--replay-number", "-3"]), status: 64, phrase: "--replay-number -3 would never update"),
        BadInput(arguments: search(["--workers", "0"]), status: 64, phrase: "--workers must be between 1 and"),
        BadInput(arguments: search(["--workers", "100000"]), status: 64, phrase: "--workers must be between 1 and"),
        BadInput(arguments: search(["--seed=-1"]), status: 64, phrase: "seeds are whole numbers from 0 to 2^64 − 1"),
        BadInput(arguments: search(["--seed", "18446744073709551616"]), status: 64, phrase: "seeds are whole numbers"),
    ]

    static func train(_ extra: [String]) -> [String] { ["train", "[FC(16), SM(10)]", "--epochs", "1"] + extra }

    static let datasets: [BadInput] = [
        BadInput(arguments: train(["--dataset", "imagenet"]), status: 64, phrase: "Unknown --dataset 'imagenet'"),
        BadInput(arguments: train(["--dataset", "digits", "--data-dir", "idx-good"]), status: 64, phrase: "does not apply to the embedded digits"),
        BadInput(arguments: train(["--dataset", "mnist", "--data-dir", "nowhere"]), status: 1, phrase: "is not a directory"),
        BadInput(arguments: train(["--dataset", "mnist", "--data-dir", "empty-dir"]), status: 1, phrase: "holds no MNIST files"),
        BadInput(arguments: train(["--data-dir", "empty-dir"]), status: 1, phrase: "holds no"),
        BadInput(arguments: train(["--dataset", "mnist", "--data-dir", "idx-no-images"]), status: 1, phrase: "holds no images"),
        BadInput(arguments: train(["--dataset", "mnist", "--data-dir", "idx-zero-bytes"]), status: 1, phrase: "holds no images"),
        BadInput(arguments: train(["--dataset", "mnist", "--data-dir", "idx-huge-header"]), status: 1,
                 phrase: "has a header promising 4294967295 images"),
        BadInput(arguments: train(["--dataset", "mnist", "--data-dir", "idx-truncated"]), status: 1, phrase: "is truncated"),
        BadInput(arguments: train(["--dataset", "mnist", "--data-dir", "idx-bad-magic"]), status: 1, phrase: "magic number 0x00000801"),
        BadInput(arguments: train(["--dataset", "mnist", "--data-dir", "idx-count-mismatch"]), status: 1, phrase: "holds 12 images but"),
        BadInput(arguments: train(["--dataset", "mnist", "--data-dir", "idx-bad-label"]), status: 1, phrase: "has label 12 at item 0"),
        BadInput(arguments: train(["--dataset", "mnist", "--data-dir", "idx-not-gzip"]), status: 1, phrase: "is named .gz but is not gzip data"),
        BadInput(arguments: train(["--dataset", "mnist", "--data-dir", "idx-corrupt-gzip"]), status: 1, phrase: "is not a valid gzip file"),
        BadInput(arguments: train(["--dataset", "mnist", "--data-dir", "idx-shape-mismatch"]), status: 1, phrase: "training images are"),
        BadInput(arguments: train(["--dataset", "cifar10", "--data-dir", "cifar-extra-bytes"]), status: 1,
                 phrase: "which is not a whole number of 3073-byte CIFAR-10 records"),
        BadInput(arguments: train(["--dataset", "cifar10", "--data-dir", "cifar-empty"]), status: 1, phrase: "holds no images"),
        BadInput(arguments: train(["--dataset", "cifar10", "--data-dir", "cifar-bad-label"]), status: 1, phrase: "has label 12"),
        BadInput(arguments: train(["--dataset", "cifar10", "--data-dir", "idx-good"]), status: 1, phrase: "holds no CIFAR-10 files"),
        BadInput(arguments: train(["--validation-size", "0"]), status: 64, phrase: "--validation-size must be at least 1"),
        BadInput(arguments: train(["--validation-size", "100000"]), status: 1, phrase: "validation size 100000 is not between 1 and"),
        BadInput(arguments: train(["--train-limit", "0"]), status: 64, phrase: "--train-limit must be at least 1"),
        BadInput(arguments: train(["--train-limit", "3"]), status: 1, phrase: "must be between 10 (one per class)"),
    ]

    static let stores: [BadInput] = [
        BadInput(arguments: ["show", "--experiment", "missing"], status: 1, phrase: "No replay store at Replay/missing.sqlite"),
        BadInput(arguments: ["list", "--store", "notes.sqlite"], status: 1, phrase: "notes.sqlite is not an SQLite database"),
        BadInput(arguments: ["show", "--store", "notes.sqlite"], status: 1, phrase: "is not an SQLite database"),
        BadInput(arguments: ["show", "--store", "Replay/good.sqlite", "--experiment", "nope"], status: 1, phrase: "experiment named 'nope'"),
        BadInput(arguments: ["report", "--store", "Replay/good.sqlite", "--experiment", "nope"], status: 1, phrase: "experiment named 'nope'"),
        BadInput(arguments: ["replay", "--store", "Replay/good.sqlite", "--experiment", "nope"], status: 1, phrase: "experiment named 'nope'"),
        BadInput(arguments: ["show", "--experiment", "good", "--top", "-2"], status: 64, phrase: "--top must be 0 or more"),
        BadInput(arguments: ["replay", "--experiment", "good", "--passes", "0"], status: 64, phrase: "--passes"),
        BadInput(arguments: ["replay", "--experiment", "good", "--order", "random"], status: 64, phrase: "random"),
        BadInput(arguments: ["replay", "--experiment", "good", "--seed", "-5"], status: 64, phrase: "seeds are whole numbers"),
        BadInput(arguments: ["search", "--experiment", "good", "--epochs", "1"], status: 1, phrase: "imported"),
        BadInput(arguments: ["show", "--experiment", "good", "--busy-timeout", "-1"], status: 64, phrase: "--busy-timeout"),
        BadInput(arguments: ["show", "--store", "empty-dir"], status: 1, phrase: "empty-dir"),
        BadInput(arguments: ["list", "--store", "empty.sqlite"], status: 1, phrase: "empty.sqlite is empty, not a metaqnn replay store"),
        BadInput(arguments: ["show", "--store", "empty.sqlite"], status: 1, phrase: "empty.sqlite is empty, not a metaqnn replay store"),
        BadInput(arguments: ["report", "--store", "empty.sqlite", "--out", "report"], status: 1, phrase: "is empty, not a metaqnn"),
        BadInput(arguments: ["replay", "--store", "empty.sqlite"], status: 1, phrase: "is empty, not a metaqnn"),
        BadInput(arguments: ["export", "--store", "empty.sqlite", "--replay-csv", "r.csv"], status: 1, phrase: "is empty, not a metaqnn"),
        BadInput(arguments: ["list"], status: 1, phrase: "Replay/broken.sqlite is not an SQLite database"),
        BadInput(arguments: ["list", "--store", "Replay/broken.sqlite"], status: 1, phrase: "is not an SQLite database"),
        BadInput(arguments: search(["--dataset", "mnist", "--data-dir", "nowhere"]), status: 1, phrase: "is not a directory"),
        BadInput(arguments: ["search", "--experiment", "fresh", "--dataset", "mnist", "--data-dir", "nowhere"], status: 1,
                 phrase: "is not a directory"),
        BadInput(arguments: ["search", "--store", "empty.sqlite", "--dataset", "mnist", "--data-dir", "empty-dir"], status: 1,
                 phrase: "holds no MNIST files"),
        BadInput(arguments: ["search", "--store", "notes.sqlite", "--epochs", "1"], status: 1, phrase: "is not an SQLite database"),
        BadInput(arguments: ["search", "--store", "Replay/broken.sqlite", "--epochs", "1"], status: 1, phrase: "is not an SQLite database"),
    ]

    /// `metaqnn predictor`: stores it cannot read, and experiments with too few full curves to fit on.
    static let predictors: [BadInput] = [
        BadInput(arguments: ["predictor", "--experiment", "missing"], status: 1, phrase: "No replay store at Replay/missing.sqlite"),
        BadInput(arguments: ["predictor", "--store", "notes.sqlite"], status: 1, phrase: "is not an SQLite database"),
        BadInput(arguments: ["predictor", "--store", "empty.sqlite"], status: 1, phrase: "is empty, not a metaqnn"),
        BadInput(arguments: ["predictor", "--store", "Replay/good.sqlite", "--experiment", "nope"], status: 1,
                 phrase: "experiment named 'nope'"),
        BadInput(arguments: ["predictor", "--experiment", "good", "--burn-in", "-3"], status: 64,
                 phrase: "--burn-in must be 0 or more"),
        // An import has no curves; a two-net search has too few.
        BadInput(arguments: ["predictor", "--experiment", "good"], status: 1, phrase: "Only 0 nets were trained to the end"),
        BadInput(arguments: ["predictor", "--store", "Replay/good.sqlite", "--experiment", "small"], status: 1,
                 phrase: "nets were trained to the end, and the predictor needs at least 10 full curves"),
    ]

    /// `metaqnn finalize` (its weights-file and resume cases live in `FinalizeTests`).
    static let finalize: [BadInput] = [
        BadInput(arguments: ["finalize", "--experiment", "missing"], status: 1, phrase: "No replay store at Replay/missing.sqlite"),
        BadInput(arguments: ["finalize", "--store", "Replay/good.sqlite", "--experiment", "nope"], status: 1,
                 phrase: "experiment named 'nope'"),
        BadInput(arguments: ["finalize", "--store", "Replay/good.sqlite", "--experiment", "small", "--top", "0"], status: 1,
                 phrase: "--top 0 is not usable; it must be at least 1."),
        BadInput(arguments: ["finalize", "--store", "Replay/good.sqlite", "--experiment", "small", "--seeds", "0"], status: 1,
                 phrase: "--seeds 0 is not usable"),
        BadInput(arguments: ["finalize", "--store", "notes.sqlite", "--experiment", "small"], status: 1,
                 phrase: "is not an SQLite database"),
    ]

    /// Experiments `small` (a finished search) and `overflow` (its schedule stored with a total past `Int.max`).
    static let storedSearches: [BadInput] = [
        BadInput(arguments: BadInputFolder.smallSearch + ["--seed", "9"], status: 1, phrase: "seed"),
        BadInput(arguments: BadInputFolder.smallSearch.map { $0 == "1.0:2" ? "1.0:3" : $0 }, status: 1, phrase: "schedule"),
        BadInput(arguments: BadInputFolder.smallSearch.map { $0 == "small" ? "overflow" : $0 }, status: 1,
                 phrase: "add up to more than 9223372036854775807"),
        BadInput(arguments: ["replay", "--store", "Replay/good.sqlite", "--experiment", "overflow"], status: 1,
                 phrase: "epsilon_schedule: The ε schedule's model counts add up to more than 9223372036854775807"),
        BadInput(arguments: ["report", "--store", "Replay/good.sqlite", "--experiment", "overflow", "--out", "r"], status: 1,
                 phrase: "add up to more than 9223372036854775807"),
        // Reading commands show what they can of such an experiment, without trapping.
        BadInput(arguments: ["list", "--store", "Replay/good.sqlite"], status: 0, phrase: "overflow"),
        BadInput(arguments: ["show", "--store", "Replay/good.sqlite", "--experiment", "overflow"], status: 0, phrase: "overflow"),
    ]

    static let imports: [BadInput] = [
        BadInput(arguments: ["import", "missing.csv", "--experiment", "x"], status: 1, phrase: "missing.csv"),
        BadInput(arguments: ["import", "bad-header.csv", "--experiment", "x", "--store", "Replay/good.sqlite"], status: 1,
                 phrase: "epsilon"),
        BadInput(arguments: ["import", "bad-number.csv", "--experiment", "x", "--store", "Replay/good.sqlite"], status: 1,
                 phrase: "Line 3 of the replay file has 'ten' in column iter_best_val"),
        BadInput(arguments: ["import", "negative-iterations.csv", "--experiment", "x", "--store", "Replay/good.sqlite"], status: 1,
                 phrase: "has '-300' in column iter_last_val, which must be a non-negative whole number"),
        BadInput(arguments: ["import", "negative-time.csv", "--experiment", "x", "--store", "Replay/good.sqlite"], status: 1,
                 phrase: "has '-1479312345' in column time_finished, which must be zero or a positive number"),
        BadInput(arguments: ["import", "extra-cell.csv", "--experiment", "x", "--store", "Replay/good.sqlite"], status: 1,
                 phrase: "Line 2"),
        BadInput(arguments: ["import", "open-quote.csv", "--experiment", "x", "--store", "Replay/good.sqlite"], status: 1,
                 phrase: "Line 2"),
        BadInput(arguments: ["import", "good.csv", "--experiment", "good"], status: 1,
                 phrase: "An experiment named 'good' already exists"),
        BadInput(arguments: ["import", "empty-dir", "--experiment", "x", "--store", "Replay/good.sqlite"], status: 1,
                 phrase: "empty-dir"),
    ]

    static let exports: [BadInput] = [
        BadInput(arguments: ["export", "--experiment", "nope", "--store", "Replay/good.sqlite", "--replay-csv", "r.csv"], status: 1,
                 phrase: "experiment named 'nope'"),
        BadInput(arguments: ["export", "--experiment", "missing", "--replay-csv", "r.csv"], status: 1, phrase: "No replay store at"),
        BadInput(arguments: ["export", "--experiment", "good", "--replay-csv", "nowhere/r.csv"], status: 1, phrase: "nowhere"),
        BadInput(arguments: ["export", "--experiment", "good", "--replay-csv", "empty-dir"], status: 1, phrase: "empty-dir"),
        BadInput(arguments: ["export", "--experiment", "good", "--replay-csv", "Replay/good.sqlite"], status: 1,
                 phrase: "Replay/good.sqlite is the replay store Replay/good.sqlite itself"),
        BadInput(arguments: ["export", "--experiment", "good", "--replay-csv", "./Replay/../Replay/good.sqlite"], status: 1,
                 phrase: "is the replay store Replay/good.sqlite itself"),
        BadInput(arguments: ["export", "--experiment", "good", "--replay-csv", "Replay/good.sqlite-wal"], status: 1,
                 phrase: "is the replay store Replay/good.sqlite itself (or one of its files)"),
        BadInput(arguments: ["export", "--experiment", "good", "--replay-csv", "r.csv", "--q-csv", "Replay/good.sqlite"], status: 1,
                 phrase: "is the replay store Replay/good.sqlite itself"),
        BadInput(arguments: ["export", "--experiment", "good", "--replay-csv", "r.csv", "--q-csv", "./r.csv"], status: 1,
                 phrase: "r.csv and ./r.csv are the same file"),
        BadInput(arguments: ["replay", "--experiment", "good", "--q-out", "Replay/good.sqlite"], status: 1,
                 phrase: "is the replay store Replay/good.sqlite itself"),
        BadInput(arguments: ["replay", "--experiment", "good", "--q-out", "Replay/good.sqlite-shm"], status: 1,
                 phrase: "is the replay store Replay/good.sqlite itself"),
    ]

    /// Writes to a full device must fail, not report success (Linux has `/dev/full`).
    static let fullDevice: [BadInput] = !FileManager.default.fileExists(atPath: "/dev/full") ? [] : [
        BadInput(arguments: ["export", "--experiment", "good", "--replay-csv", "/dev/full"], status: 1,
                 phrase: "Writing /dev/full failed (No space left on device)"),
        BadInput(arguments: ["export", "--experiment", "good", "--replay-csv", "r.csv", "--q-csv", "/dev/full"], status: 1,
                 phrase: "Writing /dev/full failed"),
        BadInput(arguments: ["replay", "--experiment", "good", "--q-out", "/dev/full"], status: 1,
                 phrase: "Writing /dev/full failed (No space left on device)"),
    ]

    static let flags: [BadInput] = [
        BadInput(arguments: ["help", "bogus"], status: 64, phrase: "There is no command 'bogus'"),
        BadInput(arguments: ["help", "search", "bogus"], status: 64, phrase: "There is no command 'bogus'"),
        BadInput(arguments: ["bogus"], status: 64, phrase: "bogus"),
        BadInput(arguments: ["check"], status: 64, phrase: "Missing expected argument"),
        BadInput(arguments: train(["--epochs", "0"]), status: 64, phrase: "--epochs 0 is not usable"),
        BadInput(arguments: train(["--learning-rate", "-1"]), status: 64, phrase: "--learning-rate -1.0 is not usable"),
        BadInput(arguments: train(["--learning-rate", "nan"]), status: 64, phrase: "--learning-rate nan is not usable"),
        BadInput(arguments: train(["--batch-size", "0"]), status: 64, phrase: "--batch-size 0 is not usable"),
        BadInput(arguments: train(["--restart-threshold", "2"]), status: 64, phrase: "--restart-threshold 2.0 is not usable"),
        BadInput(arguments: train(["--max-attempts", "0"]), status: 64, phrase: "--max-attempts 0 is not usable"),
        BadInput(arguments: train(["--decay-every", "0"]), status: 64, phrase: "--decay-every 0 is not usable"),
        BadInput(arguments: train(["--learning-rate-decay", "3"]), status: 64, phrase: "is not usable"),
        BadInput(arguments: train(["--training-preset", "gpu"]), status: 64, phrase: "Unknown --training-preset 'gpu'"),
        BadInput(arguments: train(["--threads", "0"]), status: 64, phrase: "--threads 0 is not usable; it must be between 1 and 256"),
        BadInput(arguments: train(["--threads", "100000"]), status: 64, phrase: "--threads 100000 is not usable; it must be between 1 and 256"),
        BadInput(arguments: train(["--seed=-1"]), status: 64, phrase: "seeds are whole numbers from 0 to 2^64 − 1"),
        BadInput(arguments: train(["--seed", "1e3"]), status: 64, phrase: "seeds are whole numbers"),
        BadInput(arguments: ["check", "[SM(10)]", "--preset", "nope"], status: 1, phrase: "Unknown preset \"nope\""),
        BadInput(arguments: ["check", "[SM(10)]", "--space", "missing.json"], status: 1, phrase: "no such file"),
        BadInput(arguments: ["check", "[SM(10)]", "--space", "empty-dir"], status: 1, phrase: "it is a directory"),
        BadInput(arguments: ["check", "[SM(10)]", "--space", "notes.sqlite"], status: 1, phrase: "not JSON"),
        BadInput(arguments: ["check", "[SM(10)]", "--space", "unknown-key.json"], status: 1, phrase: "unknown key \"conv_depth\""),
        BadInput(arguments: ["space", "--input-size", "0"], status: 1, phrase: "input size"),
        BadInput(arguments: ["space", "--layer-limit", "-1"], status: 1, phrase: "layer limit"),
    ]

    static func tinySearch(_ experiment: String) -> [String] {
        ["search", "--experiment", experiment, "--synthetic-data", "--input-size", "6", "--layer-limit", "2",
         "--schedule", "1.0:60,0.5:19", "--epochs", "3", "--threads", "1"]
    }

    static let signals: [BadInput] = [
        BadInput(arguments: tinySearch("int"), status: 130, phrase: "Ctrl-C: stopping after recording what has finished",
                 signal: SIGINT, signalAfter: 1.5, stores: .mayCreate),
        BadInput(arguments: tinySearch("term"), status: 143, phrase: "SIGTERM: stopping after recording what has finished",
                 signal: SIGTERM, signalAfter: 1.5, stores: .mayCreate),
        BadInput(arguments: tinySearch("hup"), status: 129, phrase: "SIGHUP: stopping after recording what has finished",
                 signal: SIGHUP, signalAfter: 1.5, stores: .mayCreate),
    ]
}
