extension Network {
    /// The representation entering each layer and, last, the logits: `layers + 1` shapes, the input first.
    /// Exporters read padding and flattening from it instead of repeating the layers' size rules.
    public var representationShapes: [TensorShape] { shapes }
}
