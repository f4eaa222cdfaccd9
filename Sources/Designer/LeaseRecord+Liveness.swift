import Foundation
import StoreModel

extension LeaseRecord {
    /// Seconds without a heartbeat after which a lease counts as abandoned (workers beat every 5 s).
    static let staleAfter: Double = 180

    /// Whether no worker can still be training this net: it was released, its process is gone on
    /// this host, or it has not heartbeated for `staleAfter` seconds.
    func isAbandoned(host: String = ProcessInfo.processInfo.hostName, now: Double = Date().timeIntervalSince1970,
                     staleAfter: Double = LeaseRecord.staleAfter) -> Bool {
        if worker == StoreSearchBackend.released { return true }
        if self.host == host && !WorkerIdentity.isAlive(pid: pid) { return true }
        return now - heartbeatAt > staleAfter
    }
}
