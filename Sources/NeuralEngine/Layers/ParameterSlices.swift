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

    /// One Adam step: decayed weights, undecayed biases.
    func adamStep(_ arena: Arena, settings: AdamSettings, step: Int) {
        let w = arena.pointer(values), g = arena.pointer(gradient)
        let m = arena.pointer(firstMoment), v = arena.pointer(secondMoment)
        AdamKernel.update(weights: w, gradients: g, m: m, v: v, count: weightCount, settings: settings,
                          decay: settings.weightDecay, step: step)
        AdamKernel.update(weights: w + weightCount, gradients: g + weightCount, m: m + weightCount,
                          v: v + weightCount, count: count - weightCount, settings: settings, decay: 0, step: step)
    }
}
