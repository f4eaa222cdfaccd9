import StoreModel
import Testing

@Suite struct ReplayCSVTests {
    /// As pandas writes it: quoted nets, integer columns as floats, a non-unique ix column.
    static let reference = """
        net,accuracy_best_val,iter_best_val,accuracy_last_val,iter_last_val,accuracy_best_test,accuracy_last_test,ix_q_value_update,epsilon,time_finished,machine_run_on
        "[C(64,3,1), P(2,2), D(1,2), SM(10)]",0.5123,1500.0,0.5,3000.0,0.49,0.48,1.0,1.0,1479312345.25,gpu-1
        "[SM(10)]",0.1,10,0.1,20,0.1,0.1,1.0,1.0,1479312346,"host, with comma"

        """

    @Test func readsReferenceRowsInFileOrder() throws {
        let rows = try ReplayCSV.parse(Self.reference)
        #expect(rows.count == 2)
        #expect(rows[0] == ReplayCSVRow(net: "[C(64,3,1), P(2,2), D(1,2), SM(10)]", accuracyBestValidation: 0.5123,
                                        iterationBestValidation: 1500, accuracyLastValidation: 0.5,
                                        iterationLastValidation: 3000, accuracyBestTest: 0.49, accuracyLastTest: 0.48,
                                        qValueUpdateIndex: 1, epsilon: 1, timeFinished: 1_479_312_345.25,
                                        machine: "gpu-1", line: 2))
        #expect(rows[1].machine == "host, with comma")
        #expect(rows[1].line == 3)
    }

    @Test func renderThenParseIsLossless() throws {
        var rows = try ReplayCSV.parse(Self.reference)
        rows[1].accuracyBestTest = nil
        rows[1].accuracyBestValidation = 0.1 + 0.2
        let again = try ReplayCSV.parse(ReplayCSV.render(rows))
        #expect(again == rows)
        #expect(ReplayCSV.render(rows).hasPrefix(ReplayCSV.columns.joined(separator: ",") + "\n"))
    }

    @Test func columnsMayComeInAnyOrderBesideAnIndexColumn() throws {
        let text = """
            ,epsilon,net,accuracy_best_val,iter_best_val,accuracy_last_val,iter_last_val,accuracy_best_test,accuracy_last_test,ix_q_value_update,time_finished,machine_run_on
            0,0.9,"[SM(10)]",0.2,1,0.2,2,0.2,0.2,3,4,m
            """
        let rows = try ReplayCSV.parse(text)
        #expect(rows.map(\.epsilon) == [0.9])
        #expect(rows.map(\.net) == ["[SM(10)]"])
    }

    @Test func badRowsNameTheirLine() {
        let header = ReplayCSV.columns.joined(separator: ",")
        #expect(throws: ReplayCSVError.badValue(line: 3, column: "accuracy_best_val", value: "abc", expected: "a finite number")) {
            try ReplayCSV.parse(header + "\n\"[SM(10)]\",0.1,1,0.1,2,0.1,0.1,1,1,5,m\n\"[SM(10)]\",abc,1,0.1,2,0.1,0.1,1,1,5,m\n")
        }
        #expect(throws: ReplayCSVError.badValue(line: 2, column: "accuracy_best_val", value: "151.2",
                                                expected: "an accuracy (a fraction in [0, 1] or a percentage up to 100)")) {
            try ReplayCSV.parse(header + "\n\"[SM(10)]\",151.2,1,0.1,2,0.1,0.1,1,1,5,m\n")
        }
        #expect(throws: ReplayCSVError.badValue(line: 2, column: "accuracy_best_test", value: "-0.5",
                                                expected: "an accuracy (a fraction in [0, 1] or a percentage up to 100)")) {
            try ReplayCSV.parse(header + "\n\"[SM(10)]\",0.2,1,0.1,2,-0.5,0.1,1,1,5,m\n")
        }
        #expect(throws: ReplayCSVError.badValue(line: 2, column: "iter_best_val", value: "1.5", expected: "a non-negative whole number")) {
            try ReplayCSV.parse(header + "\n\"[SM(10)]\",0.2,1.5,0.1,2,0.1,0.1,1,1,5,m\n")
        }
        #expect(throws: ReplayCSVError.wrongCellCount(line: 2, expected: 11, found: 12)) {
            try ReplayCSV.parse(header + "\n[SM(10)],0.2,1,0.1,2,0.1,0.1,1,1,5,m,extra\n")
        }
        #expect(throws: ReplayCSVError.unterminatedQuote(line: 2)) {
            try ReplayCSV.parse(header + "\n\"[SM(10)],0.2,1,0.1,2,0.1,0.1,1,1,5,m\n")
        }
        #expect(throws: ReplayCSVError.missingColumns(["epsilon"])) {
            try ReplayCSV.parse(header.replacingOccurrences(of: "epsilon", with: "eps") + "\n")
        }
        #expect(throws: ReplayCSVError.empty) { try ReplayCSV.parse("") }
    }

    @Test func negativeIterationsAndTimesAreRefused() {
        let header = ReplayCSV.columns.joined(separator: ",")
        #expect(throws: ReplayCSVError.badValue(line: 2, column: "iter_last_val", value: "-20", expected: "a non-negative whole number")) {
            try ReplayCSV.parse(header + "\n\"[SM(10)]\",0.2,1,0.1,-20,0.1,0.1,1,1,5,m\n")
        }
        #expect(throws: ReplayCSVError.badValue(line: 2, column: "time_finished", value: "-5", expected: "zero or a positive number")) {
            try ReplayCSV.parse(header + "\n\"[SM(10)]\",0.2,1,0.1,2,0.1,0.1,1,1,-5,m\n")
        }
        // The reference writes 0.0 when it kept no time.
        #expect((try? ReplayCSV.parse(header + "\n\"[SM(10)]\",0.2,1,0.1,2,0.1,0.1,1,1,0.0,m\n"))?.first?.timeFinished == 0)
    }
}
