import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses an SVG with `XMLParser` and counts elements by class, so tests check structure, not pixels.
final class SVGInspector: NSObject, XMLParserDelegate {
    private(set) var classCounts: [String: Int] = [:]
    private(set) var root: (name: String, attributes: [String: String])?
    private(set) var texts: [String] = []
    private var inText = false

    /// Nil when `svg` is not well-formed XML.
    static func parse(_ svg: String) -> SVGInspector? {
        let inspector = SVGInspector()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = inspector
        return parser.parse() ? inspector : nil
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if root == nil { root = (name, attributes) }
        if let cls = attributes["class"] { classCounts["\(name).\(cls)", default: 0] += 1 }
        if name == "text" { inText = true; texts.append("") }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "text" { inText = false }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { texts[texts.count - 1] += string }
    }

    /// Number of `<path class="series">` elements: one per plotted data series.
    var seriesCount: Int { classCounts["path.series", default: 0] }
}
