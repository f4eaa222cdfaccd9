/// The verdict of `metaqnn check`: legality of a net in a space, its canonical forms and cost.
public struct NetCheck: Hashable, Sendable {
    /// The parsed net, as written (dropout kept).
    public var net: Architecture
    /// The broken rule, or nil when the net is legal.
    public var violation: ArchitectureError?
    /// The net as the agent generates it: dropout removed, then inserted by the spec §3 rule.
    public var generated: Architecture
    /// Parameters and FLOPs for the space's input, or nil when they cannot be computed.
    public var cost: NetworkCost?
    /// Why `cost` is nil: the net does not fit the input, or its counts pass `Int.max`.
    public var costProblem: ArchitectureError?
    /// The space checked against.
    public var settings: SearchSpaceSettings

    /// Parses `text` (syntax errors throw) and checks it against `settings`.
    public init(_ text: String, settings: SearchSpaceSettings) throws(NetStringError) {
        net = try Architecture(parsing: text)
        self.settings = settings
        do {
            _ = try StateSpace(settings: settings).trajectory(for: net)
            violation = nil
        } catch {
            violation = error
        }
        generated = net.withDropout
        do {
            cost = try NetworkCost(of: net, inputSize: settings.inputSize, inputChannels: settings.inputChannels)
            costProblem = nil
        } catch {
            cost = nil
            costProblem = error
        }
    }

    /// Whether the net is legal in the space.
    public var isLegal: Bool { violation == nil }

    /// The report lines, e.g. `legal: yes`, `canonical: …`, `parameters: …`, `forward FLOPs: …`.
    public var lines: [String] {
        let input = "\(settings.inputSize)x\(settings.inputSize)x\(settings.inputChannels)"
        var lines = [violation.map { "legal: no (\(settings.name)): \($0)" } ?? "legal: yes (\(settings.name))"]
        lines.append("canonical: \(net)")
        lines.append("generated with dropout: \(generated)")
        if let cost {
            lines.append("parameters: \(cost.parameters)")
            lines.append("forward FLOPs: \(cost.forwardFLOPs) per \(input) image (2 x multiply-adds)")
        } else if let costProblem, costProblem.rule == .tooLarge {
            lines.append("parameters: n/a (\(costProblem))")
        } else {
            lines.append("parameters: n/a (the net does not fit a \(input) input)")
        }
        return lines
    }
}
