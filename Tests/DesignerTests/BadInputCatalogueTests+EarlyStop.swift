import Foundation

extension BadInputCatalogueTests {
    /// The small search as a new experiment `es` training `epochs` epochs per net, with `flags` added.
    static func earlyStopSearch(_ flags: [String], epochs: String = "2") -> [String] {
        var arguments = BadInputFolder.smallSearch.map { $0 == "small" ? "es" : $0 }
        arguments[arguments.firstIndex(of: "--epochs")! + 1] = epochs
        return arguments + flags
    }

    /// `search --early-stop` and its settings.
    static let earlyStop: [BadInput] = [
        BadInput(arguments: earlyStopSearch(["--early-stop-threshold", "0.9"]), status: 64,
                 phrase: "--early-stop-threshold only applies with --early-stop"),
        BadInput(arguments: earlyStopSearch(["--early-stop-burn-in", "9"]), status: 64,
                 phrase: "--early-stop-burn-in only applies with --early-stop"),
        BadInput(arguments: earlyStopSearch(["--early-stop", "--early-stop-threshold", "1"]), status: 1,
                 phrase: "--early-stop-threshold 1.0 is not a probability strictly between 0 and 1"),
        BadInput(arguments: earlyStopSearch(["--early-stop", "--early-stop-threshold", "0"]), status: 1,
                 phrase: "--early-stop-threshold 0.0 is not a probability strictly between 0 and 1"),
        BadInput(arguments: earlyStopSearch(["--early-stop", "--early-stop-threshold", "nan"]), status: 1,
                 phrase: "--early-stop-threshold nan is not a probability"),
        BadInput(arguments: earlyStopSearch(["--early-stop", "--early-stop-burn-in", "4"]), status: 1,
                 phrase: "--early-stop-burn-in 4 is below the 5 full curves the predictor needs"),
        BadInput(arguments: earlyStopSearch(["--early-stop", "--early-stop-burn-in", "many"]), status: 64,
                 phrase: "'many' is invalid for '--early-stop-burn-in"),
        BadInput(arguments: earlyStopSearch(["--early-stop"], epochs: "1"), status: 1,
                 phrase: "--early-stop needs curves of at least 2 epochs, and this search trains 1"),
    ]
}
