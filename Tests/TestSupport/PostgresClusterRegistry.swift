import Foundation

/// Holds the started clusters for the C exit handler, which cannot capture context.
final class PostgresClusterRegistry: @unchecked Sendable {
    private let lock = NSLock()
    private var clusters: [PostgresTestCluster] = []

    /// Adds `cluster`; returns how many there are now.
    func add(_ cluster: PostgresTestCluster) -> Int {
        lock.lock()
        defer { lock.unlock() }
        clusters.append(cluster)
        return clusters.count
    }

    var all: [PostgresTestCluster] {
        lock.lock()
        defer { lock.unlock() }
        return clusters
    }
}
