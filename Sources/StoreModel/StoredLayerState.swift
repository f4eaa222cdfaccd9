/// A state or action of a Q table as stores keep it: the reference tuple's eight fields (the
/// `q_values.csv` columns), typed.
///
/// The store interface depends on no other module, so this mirrors the search space's state
/// rather than naming it; `layerType` holds that state's `layer_type` string (`start`, `conv`,
/// `pool`, `fc` or `gap`), which both schemas constrain to those five.
public struct StoredLayerState: Hashable, Sendable {
    /// `start`, `conv`, `pool`, `fc` or `gap`.
    public var layerType: String
    /// Number of layers so far.
    public var layerDepth: Int
    /// conv: filters; fc: fc layers before it; start: 1; else 0.
    public var filterDepth: Int
    /// conv/pool kernel size, else 0.
    public var filterSize: Int
    /// conv/pool stride, else 0.
    public var stride: Int
    /// The (bucketed) representation size.
    public var imageSize: Int
    /// fc: neurons, else 0.
    public var fcSize: Int
    /// Whether this is a terminal state.
    public var terminate: Bool

    /// A stored state from its eight fields.
    public init(layerType: String, layerDepth: Int, filterDepth: Int, filterSize: Int, stride: Int,
                imageSize: Int, fcSize: Int, terminate: Bool) {
        self.layerType = layerType
        self.layerDepth = layerDepth
        self.filterDepth = filterDepth
        self.filterSize = filterSize
        self.stride = stride
        self.imageSize = imageSize
        self.fcSize = fcSize
        self.terminate = terminate
    }

    /// The fields as both stores' columns name them after a `state` or `action` prefix
    /// (`stateLayerType`, `actionFcSize`), in table order.
    public static let columnSuffixes = ["LayerType", "LayerDepth", "FilterDepth", "FilterSize", "Stride", "ImageSize", "FcSize", "Terminate"]

    /// The reference tuple as the schema before `v5-typed-q-values` kept it: the eight fields
    /// joined by commas (`conv,1,64,3,1,8,0,0`); stores order Q values by it.
    public var referenceText: String {
        [layerType, String(layerDepth), String(filterDepth), String(filterSize), String(stride), String(imageSize),
         String(fcSize), terminate ? "1" : "0"].joined(separator: ",")
    }
}
