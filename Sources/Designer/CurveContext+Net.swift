import LearningCurves
import SearchSpace

extension CurveContext {
    /// The context of a curve of `net`: its layer counts, size and cost, and the training's first learning rate and attempt.
    init(net: Architecture, parameterCount: Int, forwardFLOPs: Int, learningRate: Double, attempt: Int) {
        var conv = 0, pool = 0, fc = 0, gap = 0
        for layer in net.layers {
            switch layer {
            case .conv: conv += 1
            case .pool: pool += 1
            case .fc: fc += 1
            case .gap: gap += 1
            case .dropout, .softmax: break
            }
        }
        self.init(parameterCount: parameterCount, forwardFLOPs: forwardFLOPs, convolutions: conv, poolings: pool,
                  fullyConnected: fc, globalPoolings: gap, learningRate: learningRate, attempt: attempt)
    }
}
