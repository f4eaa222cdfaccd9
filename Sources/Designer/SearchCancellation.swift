import Synchronization

/// A flag the CLI raises (e.g. on Ctrl-C) and the search polls between steps; safe across threads.
public final class SearchCancellation: Sendable {
    private let flag = Atomic<Bool>(false)

    /// A flag that is not raised yet.
    public init() {}

    /// Asks the search to stop after recording what has finished.
    public func cancel() { flag.store(true, ordering: .sequentiallyConsistent) }

    /// Whether `cancel()` was called.
    public var isCancelled: Bool { flag.load(ordering: .sequentiallyConsistent) }
}
