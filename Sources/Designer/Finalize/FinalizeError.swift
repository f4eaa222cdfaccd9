/// Why `finalize` (or reading a finalist's weights) could not go on; each description is one sentence
/// naming the problem and what to do. Nothing stored is changed when one is thrown.
public enum FinalizeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `--top`, `--seeds` or `--workers` below 1.
    case invalidCount(option: String, value: Int)
    /// The experiment has no trained net to finalize.
    case noTrainedNets(experiment: String)
    /// A search is still recording nets into the experiment, so its top nets may still change.
    case searchRunning(experiment: String)
    /// The experiment was searched with the synthetic trainer, so its ranking says nothing about real accuracy.
    case syntheticAccuracies(experiment: String)
    /// The stored settings do not say which dataset the search used.
    case unknownDataset(experiment: String)
    /// Finalists of this experiment were trained with other settings than the ones asked for now.
    case settingsChanged(experiment: String, fields: [String])
    /// A selected net cannot be trained on the chosen data.
    case netDoesNotFit(net: String, reason: String)
    /// The store is no file (a database on a server) and no folder was given for its weight files.
    case storeWithoutFolder(store: String)
    /// The folder for weight files cannot be created or written.
    case modelsFolderUnwritable(path: String, reason: String)
    /// A finalist's weights file is not where its row says.
    case weightsMissing(path: String, net: String, seed: Int)
    /// A finalist's weights file is not the file that was stored.
    case weightsChecksumMismatch(path: String, expected: String, actual: String)
    /// A finalist's weights file cannot be read as the net's weights.
    case weightsUnreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case let .invalidCount(option, value):
            return "--\(option) \(value) is not usable; it must be at least 1."
        case let .noTrainedNets(experiment):
            return "Experiment '\(experiment)' has no trained nets to finalize; run `metaqnn search --experiment \(experiment)` first."
        case let .searchRunning(experiment):
            return "Experiment '\(experiment)' is still being searched (status running), so its top nets may change; let the search finish or stop it with Ctrl-C, then finalize."
        case let .syntheticAccuracies(experiment):
            return "Experiment '\(experiment)' was searched with --trainer synthetic, whose accuracies are synthetic, so its top nets "
                + "are no finalists; finalize a search that trained on a dataset."
        case let .unknownDataset(experiment):
            return "The stored settings of experiment '\(experiment)' do not name its dataset; pass --dataset (and --data-dir if needed)."
        case let .settingsChanged(experiment, fields):
            return "Finalists of experiment '\(experiment)' were trained with other settings (\(fields.joined(separator: ", "))); rerun with the options of the first run, or finalize into a copy of the store."
        case let .netDoesNotFit(net, reason):
            return "The finalist \(net) cannot be trained on this data (\(reason)); finalize with the dataset the search used."
        case let .storeWithoutFolder(store):
            return "The store \(store) is no file, so its finalist weights need a folder of their own and none was given; give one (serverStoreWeightsRoot) or use an SQLite store."
        case let .modelsFolderUnwritable(path, reason):
            return "Cannot write finalist weights into \(path) (\(reason)); make the folder writable or put the store somewhere writable."
        case let .weightsMissing(path, net, seed):
            return "The weights file \(path) of finalist \(net) seed \(seed) is missing; restore it, or finalize into a fresh store to retrain it."
        case let .weightsChecksumMismatch(path, expected, actual):
            return "The weights file \(path) has SHA-256 \(actual.prefix(12))… but the store recorded \(expected.prefix(12))…, so it is not the trained file; restore the original file."
        case let .weightsUnreadable(path, reason):
            return "The weights file \(path) cannot be read as its net's weights (\(reason)); restore the original file."
        }
    }
}
