/// A net string that parses but is not a path of the search space: which layer breaks which rule.
public struct IllegalNetError: Error, Hashable, Sendable, CustomStringConvertible {
    /// 1-based position of the offending token in the net string (dropout tokens counted).
    public var position: Int
    /// The offending token, e.g. `P(2,2)`, or empty when a layer is missing at the end.
    public var token: String
    /// The rule it breaks.
    public var rule: NetRule
    /// The space's name, for the message.
    public var space: String

    /// An error for the token at `position` breaking `rule` in the space named `space`.
    public init(position: Int, token: String, rule: NetRule, space: String) {
        self.position = position
        self.token = token
        self.rule = rule
        self.space = space
    }

    /// One sentence: the layer, the rule, the space.
    public var description: String {
        if token.isEmpty {
            return "The net is not legal in space \(space): \(rule)."
        }
        return "Layer \(position) \(token) is not legal in space \(space): \(rule)."
    }
}
