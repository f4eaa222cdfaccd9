import Foundation
import Testing

/// One bad input given to the real `metaqnn` binary: the command line, the exit status it must
/// end with, a phrase its output must contain, and (by construction) the stores it must leave alone.
struct BadInput: Sendable, CustomTestStringConvertible {
    /// Arguments after `metaqnn`, run in a fresh folder holding `BadInputFolder`'s files.
    var arguments: [String]
    /// Environment variables set for the run (`METAQNN_STORE` is otherwise unset).
    var environment: [String: String] = [:]
    /// The expected exit status (1: refused by the tool, 64: refused while reading the flags).
    var status: Int32
    /// A phrase the output (stderr and stdout) must contain.
    var phrase: String
    /// A signal sent once the process has run for `signalAfter` seconds, if any.
    var signal: Int32? = nil
    var signalAfter: Double = 0
    /// What must hold for the stores in the folder.
    var stores: StoreRule = .unchanged

    /// The promise a case makes about the folder's stores.
    enum StoreRule: Sendable {
        /// Every store keeps its bytes and no new store appears.
        case unchanged
        /// Every store keeps its bytes; the command may create a new one (a search that was started).
        case mayCreate
        /// Should be `unchanged`, but a known open bug (named) still changes a store.
        case knownIssue(String)
    }

    var testDescription: String {
        let variables = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.isEmpty ? "''" : $0.value) " }.joined()
        return variables + "metaqnn " + arguments.map { $0.contains(" ") || $0.isEmpty ? "'\($0)'" : $0 }.joined(separator: " ")
    }
}
