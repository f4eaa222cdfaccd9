import StoreModel

/// Which trained nets of a search are finalized: a pure function of the stored rows, so a resumed
/// `finalize` picks the same nets as long as the search has not trained more.
public enum FinalistSelection {
    /// One selected net.
    public struct Candidate: Hashable, Sendable {
        /// 1 for the best net.
        public var rank: Int
        /// Canonical net string.
        public var net: String
        /// Its search-time reward: best validation accuracy, or the predicted final accuracy of a net stopped early.
        public var validationAccuracy: Double
        /// Its trainable parameters, when known.
        public var parameters: Int?
    }

    /// The `count` best trained nets: highest reward first (as the search ranks them); ties go to fewer parameters
    /// (unknown counts last), then to the smaller net string, so the order never depends on storage.
    public static func top(_ count: Int, of nets: [TrainedNetRecord]) -> [Candidate] {
        let trained = nets.compactMap { net -> TrainedNetRecord? in
            net.status == .trained && net.reward != nil ? net : nil
        }
        let sorted = trained.sorted { a, b in
            let (x, y) = (a.reward!, b.reward!)
            if x != y { return x > y }
            let (p, q) = (a.parameterCount ?? .max, b.parameterCount ?? .max)
            if p != q { return p < q }
            return a.net < b.net
        }
        return sorted.prefix(max(0, count)).enumerated().map { index, net in
            Candidate(rank: index + 1, net: net.net, validationAccuracy: net.reward!,
                      parameters: net.parameterCount)
        }
    }
}
