import QLearning
import SearchSpace
import StoreModel

extension QTable {
    /// The table as store rows: each state and action as its eight reference fields joined by commas.
    public var storeRecords: [QValueRecord] {
        states.flatMap { state in
            self[state]!.map { entry in
                QValueRecord(state: state.fields.joined(separator: ","), action: entry.action.fields.joined(separator: ","),
                             utility: entry.value)
            }
        }
    }

    /// The table held by store rows (the inverse of `storeRecords`); `experiment` names the store in errors.
    public init(storeRecords records: [QValueRecord], experiment: String) throws(StoredExperimentError) {
        // The rows are the q_values.csv cells, so the reference reader parses them.
        var text = Self.csvColumns.joined(separator: ",") + "\n"
        for record in records {
            text += record.state + "," + record.action + "," + String(record.utility) + "\n"
        }
        do {
            try self.init(csv: text)
        } catch {
            throw .unreadableQTable(experiment: experiment, reason: error.description)
        }
    }
}
