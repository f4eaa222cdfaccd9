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
    /// The source, as a user may read it.
    public let sourceDescription: String
    /// The target, as a user may read it.
    public let targetDescription: String
    /// The folder beside the source store, where its finalists' weight files are (for a store that is no
    /// file, the folder the caller names for it); nil when there is none.
    private let sourceFolder: URL?
    /// The folder beside the target store, which takes the weight files (for a store that is no file, the
    /// folder the caller names for it); nil when there is none.
    private let targetFolder: URL?
    /// Opens the target in a mode: read-only for the checks, creating it only to write.
    private let openTarget: @Sendable (StoreOpenMode) throws(StoreError) -> any ExperimentStore

    /// Reads `names` (every experiment when empty) from the store at `source`, opened read-only, and
    /// checks the copy into `target` without writing anything; a write to the target waits up to
    /// `busyTimeout` seconds for another writer. Finalist weight files are beside an SQLite store and,
    /// for a store on a server, in `serverStoreWeightsRoot` (where `finalize` and `export-model` keep
    /// them for such a store); without it a server store's finalists cannot be copied.
    public init(from source: StoreLocation, to target: StoreLocation, experiments names: [String],
                busyTimeout: Double = 10, serverStoreWeightsRoot: URL? = nil) throws {
        if Self.sameStore(source, target) { throw StoreCopyError.sameStore(store: target.description) }
        try self.init(source: StoreOpening.open(source, mode: .readOnly, busyTimeout: busyTimeout), experiments: names,
                      target: target.description,
                      targetFolder: target.filePath.map(Self.folder(of:)) ?? serverStoreWeightsRoot,
                      serverStoreWeightsRoot: serverStoreWeightsRoot) { mode throws(StoreError) in
            try StoreOpening.open(target, mode: mode, busyTimeout: busyTimeout)
        }
    }

    /// Reads `names` (every experiment when empty) from `store` and checks the copy into the target
    /// `openTarget` opens, whose folder for weight files is `targetFolder`, without writing anything;
    /// a source that is no file keeps its weight files in `serverStoreWeightsRoot`.
    init(source store: any ExperimentStore, experiments names: [String], target: String, targetFolder: URL?,
         serverStoreWeightsRoot: URL? = nil,
         openTarget: @escaping @Sendable (StoreOpenMode) throws(StoreError) -> any ExperimentStore) throws {
        var unique: [String] = []
        for name in names where !unique.contains(name) { unique.append(name) }
        let chosen = unique.isEmpty ? try store.experiments().map(\.experiment.name) : unique
        if chosen.isEmpty { throw StoreCopyError.nothingToCopy(store: store.locationDescription) }
        contents = try chosen.map { name throws(StoreError) in try ExperimentContents(experiment: name, of: store) }
        for experiment in contents { try Self.checkIdle(experiment) }
        (sourceDescription, targetDescription) = (store.locationDescription, target)
        (sourceFolder, self.targetFolder, self.openTarget) = (store.filePath.map(Self.folder(of:)) ?? serverStoreWeightsRoot,
                                                              targetFolder, openTarget)
        let taken = try namesOnTarget()
        let clashes = chosen.filter(taken.contains)
        if !clashes.isEmpty { throw StoreCopyError.namesTaken(names: clashes, store: target) }
        for experiment in contents { _ = try weights(of: experiment) }
    }

    /// The names of the experiments to copy, in copy order.
    public var experiments: [String] { contents.map(\.experiment.name) }

    /// Opens the target (creating an SQLite file when there is none) and copies every experiment,
    /// each in one transaction; `copied` is called after each commit.
    public func run(copied: (CopiedExperiment) -> Void = { _ in }) throws {
        let store: any ExperimentStore
        do {
            store = try openTarget(.createIfMissing)
        } catch {
            throw StoreCopyError.failed(experiment: experiments[0], store: targetDescription, copied: [],
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
        try CopiedWeights(experiment, sourceFolder: sourceFolder, targetFolder: targetFolder, target: targetDescription)
    }

    /// The folder holding a store file.
    private static func folder(of path: String) -> URL { URL(fileURLWithPath: path).deletingLastPathComponent() }

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
    private func namesOnTarget() throws -> Set<String> {
        let store: any ExperimentStore
        do {
            store = try openTarget(.readOnly)
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
