import ArgumentParser

/// Reads a `--seed` value, saying which numbers are seeds instead of ArgumentParser's bare "invalid".
enum SeedValue {
    /// `text` as a seed: a whole number from 0 to 2^64 − 1.
    static func parse(_ text: String) throws -> UInt64 {
        guard let seed = UInt64(text) else {
            throw ValidationError("seeds are whole numbers from 0 to 2^64 − 1 (\(UInt64.max)).")
        }
        return seed
    }
}
