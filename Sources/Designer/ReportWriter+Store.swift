import Foundation
import QLearning
import ReplayStore
import Reporting

extension ReportWriter {
    /// Reads experiment `name` from `store` and writes its report into `directory`; the search loop
    /// calls this every few models and at the end. `storePath` is how the header names the store.
    @discardableResult
    public func write(experiment name: String, from store: ReplayStore, storePath: String? = nil, to directory: URL) throws
        -> [URL]
    {
        guard let experiment = try store.experimentIfPresent(named: name) else {
            let known = (try? store.experiments().map(\.experiment.name)) ?? []
            throw ReportWriteError.unknownExperiment(name: name, store: storePath ?? store.path, known: known)
        }
        var input = try ReportInputBuilder.input(
            experiment: experiment, entries: try store.replayEntries(experiment: name),
            nets: try store.nets(experiment: name),
            qTable: try QTable(storeRecords: try store.qValues(experiment: name), experiment: name),
            storePath: storePath ?? store.path)
        input.finalists = FinalistsSummary(finalists: try store.finalists(experiment: name),
                                           ensembles: try store.ensembles(experiment: name), nets: try store.nets(experiment: name))
        return try write(input, to: directory)
    }
}
