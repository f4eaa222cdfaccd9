import QLearning
import SearchSpace
import StoreModel

extension QTable {
    /// The table as store rows, states sorted and actions in table order.
    public var storeRecords: [QValueRecord] {
        rows.map(\.storeRecord)
    }

    /// The table held by store rows (the inverse of `storeRecords`), their order kept within each
    /// state; `experiment` names the store in errors.
    public init(storeRecords records: [QValueRecord], experiment: String) throws(StoredExperimentError) {
        var rows: [Row] = []
        rows.reserveCapacity(records.count)
        for record in records { rows.append(try Row(storeRecord: record, experiment: experiment)) }
        self.init(rows: rows)
    }
}

extension QTable.Row {
    /// The row a store record holds; `experiment` names the store in errors.
    init(storeRecord record: QValueRecord, experiment: String) throws(StoredExperimentError) {
        // As the q_values.csv reader does: a utility that is no number would poison every update.
        guard record.utility.isFinite else {
            throw .unreadableQTable(experiment: experiment, reason: "a stored utility is \(record.utility)")
        }
        self.init(state: try State(stored: record.state, experiment: experiment),
                  action: try State(stored: record.action, experiment: experiment), value: record.utility)
    }

    /// The row as the store keeps it.
    var storeRecord: QValueRecord {
        QValueRecord(state: StoredLayerState(state), action: StoredLayerState(action), utility: value)
    }
}

extension StoredLayerState {
    /// `state`'s eight fields as a store keeps them.
    init(_ state: State) {
        self.init(layerType: state.layerType.rawValue, layerDepth: state.layerDepth, filterDepth: state.filterDepth,
                  filterSize: state.filterSize, stride: state.stride, imageSize: state.imageSize, fcSize: state.fcSize,
                  terminate: state.terminate)
    }
}

extension State {
    /// The state a store row holds; its layer type is the only field the store's types do not pin down.
    init(stored: StoredLayerState, experiment: String) throws(StoredExperimentError) {
        guard let type = LayerType(rawValue: stored.layerType) else {
            throw .unreadableQTable(experiment: experiment, reason: "a stored state has the layer type '\(stored.layerType)', which is none of "
                                        + LayerType.allCases.map(\.rawValue).joined(separator: ", "))
        }
        self.init(layerType: type, layerDepth: stored.layerDepth, filterDepth: stored.filterDepth, filterSize: stored.filterSize,
                  stride: stored.stride, imageSize: stored.imageSize, fcSize: stored.fcSize, terminate: stored.terminate)
    }
}
