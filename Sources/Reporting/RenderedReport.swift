/// A finished report: the Markdown page and the SVG figures it links to by file name.
public struct RenderedReport: Hashable, Sendable {
    /// The `README.md` text.
    public var markdown: String
    /// Figures to write beside the Markdown, in the order the page shows them.
    public var figures: [ReportFigure]

    /// Creates a rendered report.
    public init(markdown: String, figures: [ReportFigure]) {
        self.markdown = markdown
        self.figures = figures
    }
}

/// One SVG figure and the file name the Markdown links it under.
public struct ReportFigure: Hashable, Sendable {
    /// File name relative to the Markdown file, e.g. `rolling_accuracy.svg`.
    public var fileName: String
    /// The complete SVG document.
    public var svg: String

    /// Creates a figure.
    public init(fileName: String, svg: String) {
        self.fileName = fileName
        self.svg = svg
    }
}
