import Testing
@testable import Reporting

/// Formatting of numbers, durations, Markdown cells and SVG coordinates.
@Suite struct FormatTests {
    @Test func numbers() {
        #expect(Format.percent(0.97531) == "97.53 %")
        #expect(Format.percent(nil) == "—")
        #expect(Format.epsilon(1) == "1.0")
        #expect(Format.epsilon(0.05) == "0.05")
        #expect(Format.si(950) == "950")
        #expect(Format.si(1_010) == "1.01 k")
        #expect(Format.si(12_345) == "12.3 k")
        #expect(Format.si(250_000) == "250 k")
        #expect(Format.si(4_560_000) == "4.56 M")
        #expect(Format.si(nil) == "—")
    }

    @Test func durations() {
        #expect(Format.duration(42) == "42.0 s")
        #expect(Format.duration(725) == "12 min 05 s")
        #expect(Format.duration(11_220) == "3 h 07 min")
        #expect(Format.duration(nil) == "—")
    }

    @Test func markdownAndSVGEscaping() {
        #expect(Format.cell("a|b") == "a\\|b")
        #expect(Format.code("x`y") == "`` x`y ``")
        #expect(SVGDocument.escape("<a & \"b\">") == "&lt;a &amp; &quot;b&quot;&gt;")
        #expect(SVGDocument.n(1.500) == "1.5")
        #expect(SVGDocument.n(-0.001) == "0")
        #expect(SVGDocument.n(.nan) == "0")
    }

    @Test func ticksAreRoundAndInsideTheDomain() {
        let scale = AxisScale(lower: 0.3, upper: 9.7, pixelStart: 0, pixelEnd: 100)
        #expect(scale.ticks(count: 5) == [2, 4, 6, 8])
        let log = AxisScale(kind: .log10, lower: 900, upper: 2_000_000, pixelStart: 0, pixelEnd: 100)
        #expect(log.ticks() == [1_000, 3_000, 10_000, 30_000, 100_000, 300_000, 1_000_000])
        #expect(abs(log.position(900) - 0) < 1e-9 && abs(log.position(2_000_000) - 100) < 1e-9)
        #expect(AxisScale.niceDomain(83.2, 97.9) == (80, 100))
        #expect(AxisScale.niceStep(2.45) == 5)
    }
}
