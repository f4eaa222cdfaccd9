import Foundation
import QLearning
import Reporting
import StoreModel

extension ReportWriter {
    /// Reads experiment `name` from `store` and writes its report into `directory`; the search loop
    /// calls this every few models and at the end. `storePath` is how the header names the store.
    /// `studyPredictor` adds the early-stopping section when enough nets were trained to the end;
    /// it refits hundreds of regressors, so the search's periodic reports leave it out.
    @discardableResult
    public func write(experiment name: String, from store: any ExperimentStore, storePath: String? = nil, to directory: URL,
                      studyPredictor: Bool = false) throws -> [URL] {
        guard let experiment = try store.experimentIfPresent(named: name) else {
            let known = (try? store.experiments().map(\.experiment.name)) ?? []
            throw ReportWriteError.unknownExperiment(name: name, store: storePath ?? store.locationDescription, known: known)
        }
        let nets = try store.nets(experiment: name)
        var input = try ReportInputBuilder.input(
            experiment: experiment, entries: try store.replayEntries(experiment: name),
            nets: nets,
            qTable: try QTable(storeRecords: try store.qValues(experiment: name), experiment: name),
            storePath: storePath ?? store.locationDescription)
        input.finalists = FinalistsSummary(finalists: try store.finalists(experiment: name),
                                           ensembles: try store.ensembles(experiment: name), nets: nets)
        // Too few full curves (or one-epoch curves) simply leave the section out.
        if studyPredictor { input.predictor = try? PredictorStudy(records: nets).summary }
        return try write(input, to: directory)
    }
}
