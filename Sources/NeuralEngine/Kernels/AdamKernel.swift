import Foundation

/// The Adam update with L2 weight decay, in PyTorch's formulation.
enum AdamKernel {
    /// Shapes: w, g, m, v [count]; g ← g + λ·w, then the bias-corrected Adam step at time `step` (1-based).
    static func update(weights w: UnsafeMutablePointer<Float>, gradients g: UnsafePointer<Float>,
                       m: UnsafeMutablePointer<Float>, v: UnsafeMutablePointer<Float>, count: Int,
                       settings s: AdamSettings, decay: Float, step: Int) {
        let correction1 = 1 - powf(s.beta1, Float(step))
        let correction2 = 1 - powf(s.beta2, Float(step))
        let stepSize = s.learningRate / correction1
        let rootCorrection2 = sqrtf(correction2)
        let b1 = s.beta1, b2 = s.beta2, eps = s.epsilon
        for i in 0..<count {
            let grad = g[i] + decay * w[i]
            let mi = b1 * m[i] + (1 - b1) * grad
            let vi = b2 * v[i] + (1 - b2) * grad * grad
            m[i] = mi
            v[i] = vi
            w[i] -= stepSize * mi / (vi.squareRoot() / rootCorrection2 + eps)
        }
    }
}
