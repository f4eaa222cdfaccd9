/// Colours that stay distinct for colour-blind readers (Okabe and Ito), in series order.
enum Palette {
    static let series = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#999933"]
    static let axis = "#444444"
    static let grid = "#e6e6e6"
    static let text = "#222222"
    static let muted = "#777777"

    /// Dash patterns by series, so lines that lie on top of each other still show both colours.
    static let dashes: [String?] = [nil, "7 4", "2 3", "9 3 2 3", nil, "4 4"]

    /// The dash pattern of series `index`.
    static func dash(_ index: Int) -> String? { dashes[index % dashes.count] }

    /// The colour of series `index`, cycling when there are more series than colours.
    static func color(_ index: Int) -> String { series[index % series.count] }
}
