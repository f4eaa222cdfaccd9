import SearchSpace

/// The seed each net is trained from: a function of the search seed and the net alone, so a net's
/// result does not depend on which worker trains it, in what order, or whether a killed run is resumed.
public enum TrainingSeed {
    /// The training seed of `net` (canonical string) in a search seeded with `searchSeed`.
    public static func derive(searchSeed: UInt64, net: String) -> UInt64 {
        // FNV-1a over the UTF-8 bytes, then one SplitMix64 step to spread the bits.
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in net.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        var generator = SplitMix64(seed: hash ^ searchSeed)
        return generator.next()
    }
}
