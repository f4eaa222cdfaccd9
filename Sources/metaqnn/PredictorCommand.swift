import ArgumentParser
import Designer
import Foundation
import LearningCurves

/// `metaqnn predictor`: how well learning-curve prediction would stop nets early on a stored experiment.
struct PredictorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "predictor",
        abstract: "Evaluate early stopping by learning-curve prediction on an experiment's stored curves.",
        discussion: "Prints the out-of-fold R² and RMSE of the predicted final accuracy per number of epochs "
            + "seen, for each regressor, and a replay of the experiment in stored order with early stopping "
            + "at Δ = 0.9, 0.95 and 0.99. Reads the store only.")

    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp("Full curves before any net is stopped in the replay simulation.", valueName: "B"))
    var burnIn: Int = StoppingRule().burnIn

    func validate() throws {
        if burnIn < 0 { throw ValidationError("--burn-in must be 0 or more full curves, e.g. --burn-in 20.") }
    }

    func run() throws {
        let records = try store.open(.readOnly).nets(experiment: store.experiment)
        let study = try PredictorStudy(records: records, burnIn: burnIn)
        print(PredictorOutput.lines(study, experiment: store.experiment).joined(separator: "\n"))
    }
}
