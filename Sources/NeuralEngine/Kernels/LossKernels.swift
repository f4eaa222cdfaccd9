import Foundation

/// Softmax cross-entropy over logits laid out [classes, count].
enum LossKernels {
    /// Shapes: logits[classes, count], labels[count] → loss sum, correct count; if `gradient` is given,
    /// gradient[classes, count] = (softmax − onehot)·scale (the derivative of scale·Σ loss).
    static func softmaxCrossEntropy(logits: UnsafePointer<Float>, labels: UnsafeBufferPointer<Int32>, classes: Int,
                                    gradient: UnsafeMutablePointer<Float>?, scale: Float) -> (loss: Float, correct: Int) {
        let count = labels.count
        var lossSum: Double = 0
        var correct = 0
        for n in 0..<count {
            let label = Int(labels[n])
            precondition(label >= 0 && label < classes, "label \(label) of image \(n) is outside 0..<\(classes)")
            var best = 0
            var top = logits[n]
            for c in 1..<max(classes, 1) where logits[c * count + n] > top {
                top = logits[c * count + n]
                best = c
            }
            if best == label { correct += 1 }
            var sum: Float = 0
            for c in 0..<classes { sum += expf(logits[c * count + n] - top) }
            let logSum = logf(sum)
            lossSum += Double(logSum - (logits[label * count + n] - top))
            if let gradient {
                let inverse = 1 / sum
                for c in 0..<classes {
                    let p = expf(logits[c * count + n] - top) * inverse
                    gradient[c * count + n] = (p - (c == label ? 1 : 0)) * scale
                }
            }
        }
        return (Float(lossSum), correct)
    }

    /// Shapes: logits[classes, count] → the first index of the largest logit of each image.
    static func argmax(logits: UnsafePointer<Float>, classes: Int, count: Int, into result: inout [Int32]) {
        for n in 0..<count {
            var best = 0
            var top = logits[n]
            for c in 1..<max(classes, 1) where logits[c * count + n] > top {
                top = logits[c * count + n]
                best = c
            }
            result.append(Int32(best))
        }
    }
}
