import Foundation
import StoreLocation
import StoreModel

/// `metaqnn copy`: experiments of one store written whole into another, through `ExperimentStore`
/// only, so any backend can be the source or the target.
///
/// Everything that can be known before writing is checked first, so a refused copy writes nothing:
/// the names (present on the source, absent from the target), the workers (no live lease), and the
/// finalist weight files (beside the source with their recorded checksums, and a folder beside the
/// target to take them). Then each experiment is created and filled in one transaction of the
/// target, its weight files written before that transaction commits and removed if it rolls back.
/// The interface has no transaction spanning several experiments, so a failure only writing can
/// reveal (a full disk, a lost connection) while copying several leaves the ones before it copied
/// whole; the error names them.
public struct StoreCopy: Sendable {
    /// The experiments to copy, read from the source, in copy order.
    let contents: [ExperimentContents]
    /// Where the experiments go.
    public let target: StoreLocation
    /// The source, as a user may read it.
    public let sourceDescription: String
    /// Seconds a write to the target waits for another writer.
    public let busyTimeout: Double
    private let sourceFolder: URL?

    /// Reads `names` (every experiment when empty) from the store at `source`, opened read-only, and
    /// checks the copy into `target` without writing anything.
    public init(from source: StoreLocation, to target: StoreLocation, experiments names: [String],
                busyTimeout: Double = 10) throws {
        if Self.sameStore(source, target) { throw StoreCopyError.sameStore(store: target.description) }
        let store = try StoreOpening.open(source, mode: .readOnly, busyTimeout: busyTimeout)
        var unique: [String] = []
        for name in names where !unique.contains(name) { unique.append(name) }
        let chosen = unique.isEmpty ? try store.experiments().map(\.experiment.name) : unique
        if chosen.isEmpty { throw StoreCopyError.nothingToCopy(store: store.locationDescription) }
        contents = try chosen.map { name throws(StoreError) in try ExperimentContents(experiment: name, of: store) }
        for experiment in contents { try Self.checkIdle(experiment) }
        (self.target, sourceDescription, self.busyTimeout) = (target, store.locationDescription, busyTimeout)
        sourceFolder = store.filePath.map { URL(fileURLWithPath: $0).deletingLastPathComponent() }
        let taken = try Self.namesOnTarget(target, busyTimeout: busyTimeout)
        let clashes = chosen.filter(taken.contains)
        if !clashes.isEmpty { throw StoreCopyError.namesTaken(names: clashes, store: target.description) }
        for experiment in contents { _ = try weights(of: experiment) }
    }

    /// The names of the experiments to copy, in copy order.
    public var experiments: [String] { contents.map(\.experiment.name) }

    /// Opens the target (creating an SQLite file when there is none) and copies every experiment,
    /// each in one transaction; `copied` is called after each commit.
    public func run(copied: (CopiedExperiment) -> Void = { _ in }) throws {
        let store: any ExperimentStore
        do {
            store = try StoreOpening.open(target, mode: .createIfMissing, busyTimeout: busyTimeout)
        } catch {
            throw StoreCopyError.failed(experiment: experiments[0], store: target.description, copied: [],
                                        reason: "\(error)".trimmingSuffix("."))
        }
        var done: [String] = []
        for experiment in contents {
            var files: CopiedWeights?
            do {
                // Checked again here: a weights file may have changed since `init` looked at it.
                files = try weights(of: experiment)
                try store.createExperiment(experiment.targetRecord) { transaction in
                    try experiment.write(into: transaction, store: store.locationDescription)
                    try files?.write()
                }
            } catch {
                files?.rollBack()
                throw StoreCopyError.failed(experiment: experiment.experiment.name, store: store.locationDescription,
                                            copied: done, reason: "\(error)".trimmingSuffix("."))
            }
            done.append(experiment.experiment.name)
            copied(CopiedExperiment(experiment))
        }
    }

    /// The weight files of `experiment`, checked against the source and the target's folder.
    private func weights(of experiment: ExperimentContents) throws(StoreCopyError) -> CopiedWeights {
        try CopiedWeights(experiment, sourceFolder: sourceFolder,
                          targetFolder: target.filePath.map { URL(fileURLWithPath: $0).deletingLastPathComponent() },
                          target: target.description)
    }

    /// Refuses an experiment a worker may still be writing: one with a live lease, or one stored as
    /// running with no lease at all (as `finalize` and `list` tell a killed search from a live one).
    private static func checkIdle(_ experiment: ExperimentContents) throws(StoreCopyError) {
        let name = experiment.experiment.name
        let live = experiment.leases.filter { !$0.isAbandoned() }
        if !live.isEmpty {
            var workers: [String] = []
            for lease in live where !workers.contains("\(lease.host) pid \(lease.pid)") { workers.append("\(lease.host) pid \(lease.pid)") }
            throw .liveLeases(experiment: name, workers: workers)
        }
        if experiment.experiment.status == .running && experiment.leases.isEmpty {
            throw .runningWithoutLeases(experiment: name)
        }
    }

    /// The experiment names the target holds; none when it does not exist yet (the copy creates it).
    /// It is opened read-only, so a refused copy leaves it byte for byte as it was.
    private static func namesOnTarget(_ target: StoreLocation, busyTimeout: Double) throws -> Set<String> {
        let store: any ExperimentStore
        do {
            store = try StoreOpening.open(target, mode: .readOnly, busyTimeout: busyTimeout)
        } catch {
            if case .missing = error { return [] }
            throw error
        }
        return Set(try store.experiments().map(\.experiment.name))
    }

    /// Whether two locations are one store: the same file (through links and relative paths), or
    /// the same database on the same server, whoever connects.
    static func sameStore(_ a: StoreLocation, _ b: StoreLocation) -> Bool {
        switch (a, b) {
        case let (.sqlite(first), .sqlite(second)):
            return FileLocation(first).isSameFile(as: FileLocation(second))
        case let (.postgres(first), .postgres(second)):
            return first.host.lowercased() == second.host.lowercased() && first.port == second.port
                && first.database == second.database
        default:
            return false
        }
    }
}
