// CSV cells a spreadsheet would evaluate are written as text (OWASP "CSV injection"), including
// the bypasses that start like a number (issue 16, item 11).

import Testing
@testable import GongkaiKit

@Suite struct CSVFormulaTests {
    private func cell(_ value: String) -> String {
        var out: [UInt8] = []
        CSVWriter.quote(value, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    @Test func formulasAreWrittenAsText() {
        // The bypasses of the issue: a formula that starts like a negative number.
        #expect(cell("-2+3+cmd|' /C calc'!A0") == "\"'-2+3+cmd|' /C calc'!A0\"")
        #expect(cell("-.5+cmd|' /C calc'!A0") == "\"'-.5+cmd|' /C calc'!A0\"")
        #expect(cell("+1+cmd|' /C calc'!A0") == "\"'+1+cmd|' /C calc'!A0\"")
        #expect(cell("-1e5+cmd|' /C calc'!A0") == "\"'-1e5+cmd|' /C calc'!A0\"")
        #expect(cell("-5%+cmd|' /C calc'!A0") == "\"'-5%+cmd|' /C calc'!A0\"")
        // OWASP's list: = + - @, tab and carriage return.
        #expect(cell("=1+1") == "\"'=1+1\"")
        #expect(cell("+A1") == "\"'+A1\"")
        #expect(cell("-A1") == "\"'-A1\"")
        #expect(cell("@SUM(A1:A2)") == "\"'@SUM(A1:A2)\"")
        #expect(cell("\t=1+1") == "\"'\t=1+1\"")
        #expect(cell("\r=1+1") == "\"'\r=1+1\"")
        #expect(cell("=315个") == "\"'=315个\"")
    }

    @Test func numbersAndLoneOperatorsStayAsTheyAre() {
        for plain in ["-3.5", "-12%", "+7", "-.5", "-0.25", "625.39", "=", "-", "+", "@", "≥95%", "不低于90%", "2024-12-31"] {
            #expect(cell(plain) == plain, "\(plain)")
        }
        #expect(cell("a,b") == "\"a,b\"")
        #expect(cell("say \"hi\"") == "\"say \"\"hi\"\"\"")
    }
}
