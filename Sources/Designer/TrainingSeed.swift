import SearchSpace

/// The seed each net is trained from: a function of the search seed and the net alone, so a net's
/// result does not depend on which worker trains it, in what order, or whether a killed run is resumed.
public enum TrainingSeed {
    /// The training seed of `net` (canonical string) in a search seeded with `searchSeed`.
    public static func derive(searchSeed: UInt64, net: String) -> UInt64 {
        // One SplitMix64 step after the hash spreads the bits.
        var generator = SplitMix64(seed: hash(net) ^ searchSeed)
        return generator.next()
    }

    /// FNV-1a (64-bit) of the UTF-8 bytes of `net`: a stable hash of a net string across runs and
    /// machines, which Swift's own `hashValue` (randomly seeded per process) is not.
    static func hash(_ net: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in net.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }
}
