/// Per-channel mean and standard deviation of a set of images, used to normalise inputs.
public struct ChannelStatistics: Sendable, Equatable, Codable {
    /// Mean pixel value of each channel.
    public var mean: [Float]
    /// Standard deviation of each channel (population form; a constant channel gets 1 so it divides safely).
    public var std: [Float]

    /// Creates statistics from given values.
    public init(mean: [Float], std: [Float]) {
        precondition(mean.count == std.count, "mean and std must have one value per channel")
        self.mean = mean
        self.std = std
    }

    /// Measures `dataset`, channel by channel, in double precision.
    public init(of dataset: ImageDataset) {
        let plane = dataset.height * dataset.width
        var sums = [Double](repeating: 0, count: dataset.channels)
        var squares = [Double](repeating: 0, count: dataset.channels)
        dataset.images.withUnsafeBufferPointer { pixels in
            for image in 0..<dataset.count {
                for channel in 0..<dataset.channels {
                    let start = (image * dataset.channels + channel) * plane
                    var sum = 0.0, square = 0.0
                    for i in start..<(start + plane) {
                        let value = Double(pixels[i])
                        sum += value
                        square += value * value
                    }
                    sums[channel] += sum
                    squares[channel] += square
                }
            }
        }
        let n = Double(max(1, dataset.count * plane))
        mean = sums.map { Float($0 / n) }
        std = zip(sums, squares).map { sum, square in
            let variance = max(0, square / n - (sum / n) * (sum / n))
            return variance > 1e-12 ? Float(variance.squareRoot()) : 1
        }
    }

    /// `dataset` with every pixel replaced by (pixel − mean) / std of its channel.
    public func normalise(_ dataset: ImageDataset) -> ImageDataset {
        precondition(dataset.channels == mean.count, "\(dataset.name) has \(dataset.channels) channels, statistics have \(mean.count)")
        var result = dataset
        let plane = dataset.height * dataset.width
        let channels = dataset.channels
        let scales = std.map { 1 / $0 }
        result.images.withUnsafeMutableBufferPointer { pixels in
            for image in 0..<dataset.count {
                for channel in 0..<channels {
                    let start = (image * channels + channel) * plane
                    let m = mean[channel], s = scales[channel]
                    for i in start..<(start + plane) { pixels[i] = (pixels[i] - m) * s }
                }
            }
        }
        return result
    }
}
