/// How many full curves the predictor is fitted on once `available` exist: the largest size in
/// B, B + ⌈B/4⌉, … that is ≤ available.
///
/// Refitting on a growing schedule rather than after every net keeps the cost of cross-validation
/// bounded, and makes the fitted predictor a function of the stored curves alone, so every worker
/// and a resumed run fit the same one.
public enum RefitSchedule {
    /// The fit size for `available` full curves after a burn-in of `burnIn`; nil before burn-in ends.
    public static func fitSize(available: Int, burnIn: Int) -> Int? {
        var size = max(burnIn, CurvePredictor.minimumCurves)
        guard available >= size else { return nil }
        while true {
            let next = size + max(1, (size + 3) / 4)
            if next > available { return size }
            size = next
        }
    }
}
