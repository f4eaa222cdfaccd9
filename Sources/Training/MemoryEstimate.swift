import Foundation
import NeuralEngine
import SearchSpace

/// A lower bound on the memory the engine allocates to train a net, checked before the network is
/// built: an absurd layer or batch size is then refused with a sentence instead of aborting the
/// process in the allocator.
///
/// Counted: four floats per parameter (weights, gradients, Adam's two moments) and two per
/// activation per image in the batch (values and their gradients). Kernel workspaces come on top,
/// so a net under the bound may still be large, but a net over it can never be trained here.
public struct MemoryEstimate: Hashable, Sendable {
    /// Bytes at least, or nil when the count passes `Int.max`.
    public var bytes: Int?

    /// The bound for `net` on `input` images in batches of `batchSize`; nil when the net's shape is
    /// invalid (the engine names that problem itself).
    public init?(net: Architecture, input: TensorShape, batchSize: Int) {
        let cost: NetworkCost
        do {
            cost = try NetworkCost(of: net, inputSize: min(input.height, input.width), inputChannels: input.channels)
        } catch {
            guard error.rule == .tooLarge else { return nil }
            bytes = nil
            return
        }
        let parameterFloats = cost.parameters.multipliedReportingOverflow(by: 4)
        let activationFloats = cost.activations.multipliedReportingOverflow(by: 2)
        let batchFloats = activationFloats.partialValue.multipliedReportingOverflow(by: batchSize)
        let floats = parameterFloats.partialValue.addingReportingOverflow(batchFloats.partialValue)
        let total = floats.partialValue.multipliedReportingOverflow(by: MemoryLayout<Float>.size)
        let overflow = parameterFloats.overflow || activationFloats.overflow || batchFloats.overflow
            || floats.overflow || total.overflow
        bytes = overflow ? nil : total.partialValue
    }

    /// The machine's physical memory in bytes.
    public static var physicalMemory: Int { Int(clamping: ProcessInfo.processInfo.physicalMemory) }

    /// Throws when training `net` would need more than `available` bytes.
    public static func check(_ net: Architecture, input: TensorShape, batchSize: Int,
                             available: Int = physicalMemory) throws(TrainingError) {
        guard let estimate = MemoryEstimate(net: net, input: input, batchSize: batchSize) else { return }
        if let bytes = estimate.bytes, bytes <= available { return }
        throw .needsTooMuchMemory(net: net.description, batchSize: batchSize, bytes: estimate.bytes, available: available)
    }
}
