/// A labelled image set stored as N×C×H×W floats (one contiguous array) plus one label per image.
///
/// As loaded, pixel values are in [0, 1]; `DataSplits` holds normalised copies.
public struct ImageDataset: Sendable, Equatable {
    /// A short name such as `fashion-mnist/train`, used in messages and reports.
    public var name: String
    /// Colour channels per image (1 for greyscale, 3 for RGB).
    public var channels: Int
    /// Image height in pixels.
    public var height: Int
    /// Image width in pixels.
    public var width: Int
    /// Number of classes; every label lies in `0..<classes`.
    public var classes: Int
    /// Pixels, image after image, each image channel-major (C, then H, then W).
    public var images: [Float]
    /// One label per image.
    public var labels: [Int32]

    /// Creates a dataset; the image array must hold exactly `labels.count` images of C×H×W floats.
    public init(name: String, channels: Int, height: Int, width: Int, classes: Int, images: [Float], labels: [Int32]) {
        precondition(channels > 0 && height > 0 && width > 0, "image shape must be positive")
        precondition(images.count == labels.count * channels * height * width,
                     "\(name): \(images.count) floats do not make \(labels.count) images of \(channels)×\(height)×\(width)")
        self.name = name
        self.channels = channels
        self.height = height
        self.width = width
        self.classes = classes
        self.images = images
        self.labels = labels
    }

    /// Number of images.
    public var count: Int { labels.count }

    /// Floats per image (C×H×W).
    public var imageSize: Int { channels * height * width }

    /// How many images carry each label, indexed by class.
    public var classCounts: [Int] {
        var counts = [Int](repeating: 0, count: classes)
        for label in labels { counts[Int(label)] += 1 }
        return counts
    }

    /// The images at `indices`, in that order, as a new dataset with the given name.
    public func subset(_ indices: [Int], name: String? = nil) -> ImageDataset {
        var newImages = [Float](repeating: 0, count: indices.count * imageSize)
        var newLabels = [Int32](repeating: 0, count: indices.count)
        gather(indices[...], images: &newImages, labels: &newLabels)
        return ImageDataset(name: name ?? self.name, channels: channels, height: height, width: width,
                            classes: classes, images: newImages, labels: newLabels)
    }

    /// Copies the images and labels at `indices`, in that order, to the front of `images` and `labels`
    /// (a training batch filled in place, without allocating).
    public func gather(_ indices: ArraySlice<Int>, images target: inout [Float], labels targetLabels: inout [Int32]) {
        let size = imageSize
        precondition(target.count >= indices.count * size && targetLabels.count >= indices.count,
                     "\(indices.count) images do not fit the buffers")
        images.withUnsafeBufferPointer { source in
            target.withUnsafeMutableBufferPointer { target in
                for (row, index) in indices.enumerated() {
                    precondition(index >= 0 && index < count, "index \(index) outside \(self.name) (\(count) images)")
                    (target.baseAddress! + row * size).update(from: source.baseAddress! + index * size, count: size)
                }
            }
        }
        for (row, index) in indices.enumerated() { targetLabels[row] = labels[index] }
    }
}
