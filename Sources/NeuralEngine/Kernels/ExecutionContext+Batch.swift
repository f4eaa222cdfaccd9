/// The bridge between a network's Swift-value batches (`Tensor`, label arrays) and its arena: the only
/// place where `Network`'s inputs and outputs meet pointers.
extension ExecutionContext {
    /// Shapes: images[N, C, plane] (NCHW), images first..<first+count → target[C, count, plane] (CNHW).
    func loadImages(_ images: Tensor, first: Int, count: Int, into target: FloatSlice) {
        let size = images.shape.elementCount
        precondition(first >= 0 && count >= 0 && first + count <= images.count,
                     "images \(first)..<\(first + count) are outside a batch of \(images.count)")
        precondition(count * size <= target.count, "\(count) images of \(images.shape) overflow their buffer")
        images.storage.withUnsafeBufferPointer { source in
            ElementwiseKernels.toChannelMajor(source.baseAddress! + first * size, pointer(target), count: count,
                                              channels: images.shape.channels, plane: images.shape.spatialCount)
        }
    }

    /// Shapes: logits[classes, count], labels first..<first+count → loss sum, correct count, and if wanted
    /// gradient[classes, count] = (softmax − onehot)·scale.
    func softmaxCrossEntropy(logits: FloatSlice, labels: [Int32], first: Int, count: Int, classes: Int,
                             gradient: FloatSlice?, scale: Float) -> (loss: Float, correct: Int) {
        precondition(first >= 0 && first + count <= labels.count, "labels \(first)..<\(first + count) missing")
        return labels.withUnsafeBufferPointer { all in
            LossKernels.softmaxCrossEntropy(logits: pointer(logits),
                                            labels: UnsafeBufferPointer(rebasing: all[first..<(first + count)]),
                                            classes: classes, gradient: gradient.map { pointer($0) }, scale: scale)
        }
    }

    /// Shapes: logits[classes, count] → appends the first index of each image's largest logit.
    func appendArgmax(logits: FloatSlice, classes: Int, count: Int, to result: inout [Int32]) {
        LossKernels.argmax(logits: pointer(logits), classes: classes, count: count, into: &result)
    }

    /// Shapes: logits[classes, count] → appends them image-major (count × classes, row-major).
    func appendImageMajor(logits: FloatSlice, classes: Int, count: Int, to result: inout [Float]) {
        let source = pointer(logits)
        for n in 0..<count {
            for c in 0..<classes { result.append(source[c * count + n]) }
        }
    }
}
