import PropertyBased
import SearchSpace
import Testing

/// The net-string parser and the cost counter on hostile input: they return or throw, never trap.
@Suite struct NetStringFuzzTests {
    /// Characters net strings are made of, so random strings often get deep into the parser.
    static let alphabet = Array("[](),, CPFGAPDSM0123456789-+ \t1x.é")
    static let numbers = ["0", "1", "-1", "3", "9223372036854775807", "-9223372036854775808", "9223372036854775808",
                          "4294967296", "3037000500", "99999999999999999999", " 7 ", ""]

    /// A random string: runs of alphabet characters mixed with whole layer tokens holding extreme numbers.
    static func hostile(_ rng: inout SplitMix64) -> String {
        var text = rng.next() % 4 == 0 ? "" : "["
        for _ in 0..<Int(rng.next() % 8) {
            if rng.next() % 2 == 0 {
                let name = ["C", "P", "FC", "GAP", "D", "SM", "X"][Int(rng.next() % 7)]
                let count = Int(rng.next() % 4)
                text += name + "(" + (0..<count).map { _ in numbers[Int(rng.next() % UInt64(numbers.count))] }.joined(separator: ",") + ")"
            } else {
                text += String((0..<Int(rng.next() % 6)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
            }
            if rng.next() % 3 != 0 { text += ", " }
        }
        return text + (rng.next() % 4 == 0 ? "" : "]")
    }

    @Test func hostileStringsParseOrThrowAndParsedOnesRoundTrip() async {
        await propertyCheck(count: 2000, input: Gen.uint64()) { seed in
            var rng = SplitMix64(seed: seed)
            let text = Self.hostile(&rng)
            guard let net = try? Architecture(parsing: text) else { return }
            #expect((try? Architecture(parsing: net.description)) == net, "\(text)")
            // Checking and costing any parsed net must not trap, whatever its numbers.
            let check = try? NetCheck(text, settings: .cpuDigits)
            #expect(check != nil)
            _ = check?.lines
        }
    }

    @Test func illegalNetsThatOnceTrappedAreReported() throws {
        // A classifier before the end reached the dropout rule's precondition.
        let twice = try NetCheck("[SM(10), SM(10)]", settings: .cpuDigits)
        #expect(twice.violation?.rule == .afterClassifier)
        #expect(twice.generated.description == "[SM(10), SM(10)]")
        // ⌈side / stride⌉ was computed as (side + stride − 1) / stride, which overflows.
        let stride = try NetCheck("[C(8,3,9223372036854775807), SM(10)]", settings: .cpuDigits)
        #expect(stride.violation?.rule == .convStride)
    }

    @Test func anyPositiveNumbersPrintParseAndCostWithoutTrapping() async {
        await propertyCheck(count: 1000, input: Gen.uint64()) { seed in
            var rng = SplitMix64(seed: seed)
            func number() -> Int {
                switch rng.next() % 3 {
                case 0: Int(rng.next() % 8) + 1
                case 1: Int(rng.next() % UInt64(Int.max)) + 1
                default: Int.max - Int(rng.next() % 3)
                }
            }
            var layers: [Layer] = []
            for _ in 0..<Int(rng.next() % 5) {
                switch rng.next() % 5 {
                case 0: layers.append(.conv(filters: number(), kernel: number(), stride: number()))
                case 1: layers.append(.pool(kernel: number(), stride: number()))
                case 2: layers.append(.fc(units: number()))
                case 3: layers.append(.gap(classes: max(2, number())))
                default:
                    let total = number()
                    layers.append(.dropout(index: Int(rng.next() % UInt64(total)) + 1, total: total))
                }
            }
            layers.append(.softmax(classes: max(2, number())))
            let net = Architecture(layers: layers)
            #expect((try? Architecture(parsing: net.description)) == net)
            if let cost = try? NetworkCost(of: net, inputSize: 1 + Int(rng.next() % 64), inputChannels: 1 + Int(rng.next() % 4)) {
                #expect(cost.parameters >= 0 && cost.forwardFLOPs >= 0 && cost.activations > 0)
            }
        }
    }
}
