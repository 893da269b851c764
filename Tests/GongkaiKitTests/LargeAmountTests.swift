// Amounts too large for fen × 10⁶ in 64 bits (from 9,223,373 万元, about 923 亿元) are still
// exact amounts (issue 16, item 17).

import Foundation
import Testing
@testable import GongkaiKit

@Suite struct LargeAmountTests {
    @Test func amountsFrom923YiUpAreExact() {
        #expect(Amounts.wan("9223373") == Money(fen: 9_223_373_000_000))
        #expect(Amounts.wan("9223373万元") == Money(fen: 9_223_373_000_000))
        #expect(Amounts.wan("923亿元") == Money(fen: 9_230_000_000_000))
        #expect(Amounts.wan("1234.5678亿") == Money(fen: 12_345_678_000_000))
        #expect(Amounts.yuan("92233720368547758.07") == Money(fen: Int64.max))
        #expect(Amounts.wan("92233720368.5477") == Money(fen: 92_233_720_368_547_700))
        // Past what fen can hold in 64 bits: not an amount (never a wrapped-around one).
        #expect(Amounts.yuan("92233720368547758.08") == nil)
        #expect(Amounts.wan("9223372036855") == nil)
        #expect(Amounts.wan("9223372036854.7758") == Money(fen: Int64.max - 7))
        #expect(Amounts.wan("9999999999999亿元") == nil)
        // What was exact before still is, and what is finer than a fen is still not an amount.
        #expect(Amounts.wan("625.39") == Money(fen: 625_390_000))
        #expect(Amounts.wan("0.000001") == Money(fen: 1))
        #expect(Amounts.wan("0.0000001") == nil)
        #expect(Amounts.yuan("1.005") == nil)
        #expect(Amounts.yuan("106000.50元") == Money(fen: 10_600_050))
        #expect(Amounts.wan("210000元") == Money(fen: 21_000_000))
        #expect(Amounts.wan("-3.5万元") == Money(fen: -3_500_000))
    }

    @Test func aProjectOf923YiIsReadWithItsAmount() throws {
        let text = try String(contentsOfFile: Repo.jiangyin2021a, encoding: .utf8)
        #expect(text.contains("项目总金额（万元）\t666万元"))
        let big = text.replacingOccurrences(of: "项目总金额（万元）\t666万元", with: "项目总金额（万元）\t9223373万元")
        let doc = DocumentReader.read(path: Repo.jiangyin2021a, bytes: Array(big.utf8))
        #expect(doc.projects.first?.totalAmount == Money(fen: 9_223_373_000_000))
        #expect(doc.projects.first?.totalAmount?.wanString == "9223373.00")
    }
}
