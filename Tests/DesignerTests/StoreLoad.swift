import Designer
import Foundation
import StoreLocation
import StoreModel

/// Many `metaqnn` processes started on one store at once, watched until they all exit: the
/// harness of the synthetic load measurement.
struct StoreLoad {
    /// How each process ended, in start order.
    var outcomes: [(status: Int32, text: String)]
    /// The most leases (nets in flight) seen in the store at once while the processes ran.
    var peakLeases: Int
    /// The machine's 1-, 5- and 15-minute load averages when the processes started, since the
    /// figure means little without the load it was taken under.
    var loadAverage: String

    /// Starts `arguments(0)`, then once its experiment exists the other `processes - 1` (so they
    /// join it rather than race to create it), and polls the store's leases every 50 ms until all
    /// have exited.
    static func run(processes: Int, store: String, in folder: URL,
                    arguments: (Int) -> [String]) throws -> StoreLoad {
        let loadAverage = ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "unknown")
            .split(separator: " ").prefix(3).joined(separator: " ")
        let location = try StoreLocation(parsing: store, environment: [:])
        var started = [try MetaqnnProcess.start(arguments(0), in: folder)]
        var reader: (any ExperimentStore)?
        while reader == nil, started[0].0.isRunning {
            if let opened = try? StoreOpening.open(location, mode: .mustExist),
               (try? opened.experimentIfPresent(named: "load")) != nil {
                reader = opened
            } else {
                usleep(20_000)
            }
        }
        for index in 1..<processes { started.append(try MetaqnnProcess.start(arguments(index), in: folder)) }
        var peak = 0
        while started.contains(where: { $0.0.isRunning }) {
            // A poll that meets a busy store is skipped, not fatal: the peak is a sample anyway.
            if let leases = try? reader?.leases(experiment: "load") { peak = max(peak, leases.count) }
            usleep(50_000)
        }
        let outcomes = started.map { PostgresWorkerProcessTests.finish($0) }
        return StoreLoad(outcomes: outcomes, peakLeases: peak, loadAverage: loadAverage)
    }
}
