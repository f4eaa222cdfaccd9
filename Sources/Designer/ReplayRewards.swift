import StoreModel
import Synchronization

/// The replay rows of one experiment as a step draws from them (net and reward, in sequence
/// order), kept from one step to the next so that a step reads only the rows appended since.
///
/// Replay rows are only ever appended, each with the next sequence number under the experiment's
/// lock, and a row's net and reward never change; so rows 1…n read by an earlier step are still
/// rows 1…n, and the rows after them are read with `replayRewards(after: n)`.
struct ReplayRewards: Sendable {
    /// The experiment's identifier and creation time: rows are never reused for another experiment.
    var experiment: (id: Int64, createdAt: Double)?
    /// Net and reward of rows 1, 2, … in order.
    private(set) var rows: [(net: String, reward: Double)] = []

    /// Nothing known yet.
    static let none = ReplayRewards()

    /// What a step of the experiment of `transaction` starts from: `known`, when it holds rows of
    /// that experiment, else nothing; the step then reads the rows numbered above `rows.count`.
    static func start(in transaction: any ExperimentTransaction, known: ReplayRewards) -> ReplayRewards {
        let experiment = (id: transaction.experiment.id, createdAt: transaction.experiment.createdAt)
        return known.experiment.map { $0 == experiment } == true ? known : ReplayRewards(experiment: experiment)
    }

    /// These rows followed by `newer`, the rows of `transaction`'s experiment numbered above `rows.count`.
    func extended(with newer: [(sequence: Int, net: String, reward: Double)],
                  in transaction: any ExperimentTransaction) throws -> ReplayRewards {
        // Sequences of a search are gapless from 1; rows that are not (never written by this code)
        // are read whole, every step.
        guard newer.enumerated().allSatisfy({ $0.element.sequence == rows.count + 1 + $0.offset }) else {
            let all = try transaction.replayRewards(after: 0)
            return ReplayRewards(experiment: nil, rows: all.map { ($0.net, $0.reward) })
        }
        var result = self
        for row in newer { result.rows.append((row.net, row.reward)) }
        return result
    }

    /// Adds the row this step appended as sequence number `sequence`.
    mutating func append(sequence: Int, net: String, reward: Double) {
        if sequence != rows.count + 1 { experiment = nil }
        rows.append((net, reward))
    }

    /// Whichever of `self` and `other` knows more rows of the same experiment (both are prefixes of
    /// its rows); `other` when they are of different experiments.
    func merged(with other: ReplayRewards) -> ReplayRewards {
        guard let mine = experiment, let theirs = other.experiment, mine == theirs else { return other }
        return rows.count >= other.rows.count ? self : other
    }
}

extension ReplayRewards {
    /// The rows known to the last committed step of the workers of one run, which share them.
    final class Shared: Sendable {
        private let latest = Mutex(ReplayRewards.none)

        /// What the last committed step knew.
        var known: ReplayRewards { latest.withLock { $0 } }

        /// Keeps `rows`, read or appended by a step that committed, unless a later step knew more.
        func keep(_ rows: ReplayRewards) {
            latest.withLock { $0 = $0.merged(with: rows) }
        }
    }
}
