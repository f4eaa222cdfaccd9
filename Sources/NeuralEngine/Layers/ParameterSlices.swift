/// Where one layer's weights (then biases), their gradient and Adam moments live in the arena.
struct ParameterSlices {
    var values: FloatSlice
    var gradient: FloatSlice
    var firstMoment: FloatSlice
    var secondMoment: FloatSlice
    var weightCount: Int

    static let none = ParameterSlices(values: .empty, gradient: .empty, firstMoment: .empty, secondMoment: .empty,
                                      weightCount: 0)

    init(values: FloatSlice, gradient: FloatSlice, firstMoment: FloatSlice, secondMoment: FloatSlice,
         weightCount: Int) {
        self.values = values
        self.gradient = gradient
        self.firstMoment = firstMoment
        self.secondMoment = secondMoment
        self.weightCount = weightCount
    }

    /// Reserves weights + biases, their gradient and both moments.
    init(weights: Int, biases: Int, plan: inout ArenaPlan) {
        let total = weights + biases
        self.init(values: plan.floats(total), gradient: plan.floats(total), firstMoment: plan.floats(total),
                  secondMoment: plan.floats(total), weightCount: weights)
    }

    var count: Int { values.count }

    /// Glorot/Xavier uniform weights, limit √(6/(fanIn+fanOut)); zero biases.
    func initialize(_ arena: Arena, fanIn: Int, fanOut: Int, using generator: inout SeededGenerator) {
        let limit = (6 / Float(fanIn + fanOut)).squareRoot()
        var values = [Float](repeating: 0, count: count)
        for i in 0..<weightCount { values[i] = (generator.nextUnitFloat() * 2 - 1) * limit }
        arena.store(values, into: self.values)
    }

    /// One Adam step: decayed weights, undecayed biases; element-wise, so splitting it over threads
    /// changes nothing in the result.
    func adamStep(_ arena: Arena, settings: AdamSettings, step: Int, threads: Int) {
        let w = arena.pointer(values), g = arena.pointer(gradient)
        let m = arena.pointer(firstMoment), v = arena.pointer(secondMoment)
        let weights = weightCount, total = count
        Parallel.ranges(of: total, threads: threads, minimum: 16_384) { range in
            let decayed = range.clamped(to: 0..<weights), plain = range.clamped(to: weights..<total)
            AdamKernel.update(weights: w + decayed.lowerBound, gradients: g + decayed.lowerBound,
                              m: m + decayed.lowerBound, v: v + decayed.lowerBound, count: decayed.count,
                              settings: settings, decay: settings.weightDecay, step: step)
            AdamKernel.update(weights: w + plain.lowerBound, gradients: g + plain.lowerBound,
                              m: m + plain.lowerBound, v: v + plain.lowerBound, count: plain.count,
                              settings: settings, decay: 0, step: step)
        }
    }
}
