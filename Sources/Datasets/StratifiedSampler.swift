/// Seeded, stratified selection of image indices: each class contributes in proportion to its size.
public enum StratifiedSampler {
    /// Splits `labels`' indices into a stratified sample of `size` and the rest, both in ascending index order.
    public static func split(labels: [Int32], classes: Int, size: Int,
                             using generator: inout some RandomNumberGenerator) -> (sample: [Int], rest: [Int]) {
        precondition(size >= 0 && size <= labels.count, "sample size \(size) outside 0...\(labels.count)")
        var groups = [[Int]](repeating: [], count: classes)
        for (index, label) in labels.enumerated() { groups[Int(label)].append(index) }
        let quotas = quotas(counts: groups.map(\.count), total: size)
        var sample: [Int] = []
        var rest: [Int] = []
        sample.reserveCapacity(size)
        rest.reserveCapacity(labels.count - size)
        for (group, quota) in zip(groups, quotas) {
            var shuffled = group
            shuffle(&shuffled, using: &generator)
            sample += shuffled[..<quota]
            rest += shuffled[quota...]
        }
        return (sample.sorted(), rest.sorted())
    }

    /// How many items each class contributes to a sample of `total`: proportional shares rounded
    /// by largest remainder (ties to the lower class), never more than a class holds.
    public static func quotas(counts: [Int], total: Int) -> [Int] {
        let all = counts.reduce(0, +)
        precondition(total >= 0 && total <= all, "sample size \(total) outside 0...\(all)")
        guard all > 0 else { return counts.map { _ in 0 } }
        var quotas = counts.map { $0 * total / all }
        var remaining = total - quotas.reduce(0, +)
        // Remainders compared as exact fractions count·total mod all.
        let order = counts.indices.sorted { a, b in
            let ra = counts[a] * total % all, rb = counts[b] * total % all
            return ra != rb ? ra > rb : a < b
        }
        var cursor = 0
        while remaining > 0 {
            let c = order[cursor % order.count]
            if quotas[c] < counts[c] {
                quotas[c] += 1
                remaining -= 1
            }
            cursor += 1
        }
        return quotas
    }

    /// Fisher–Yates shuffle with this package's own index draw, so orders stay stable across Swift versions.
    public static func shuffle<T>(_ items: inout [T], using generator: inout some RandomNumberGenerator) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            let j = Int(uniform(below: UInt64(i + 1), using: &generator))
            items.swapAt(i, j)
        }
    }

    /// A uniform draw in `0..<bound` by rejection (Lemire's method without the division fast path).
    static func uniform(below bound: UInt64, using generator: inout some RandomNumberGenerator) -> UInt64 {
        let threshold = (0 &- bound) % bound
        while true {
            let product = generator.next().multipliedFullWidth(by: bound)
            if product.low >= threshold { return product.high }
        }
    }
}
