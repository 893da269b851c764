// Text laid out in columns (pdftotext -layout): a cell that wraps in its column is joined into
// its row; a table's next row never is.

import Testing
@testable import GongkaiKit

@Suite struct LaidOutTextTests {
    /// A form as `pdftotext -layout` writes it (the shape of the 江阴 2022 seed converted so): the
    /// name and the code wrap onto the line below in their columns, the year's amount's label is
    /// set beside its value on the line below, and both amount labels get their unit (`（万元）`)
    /// on the line after. Read a line at a time, the name was cut (`…定期补助`) and the code lost
    /// its second half.
    static let form = """
        市级财政项目支出预算绩效目标表
                                 2023 年度

        单位名称      某县人力资源和社会保障局（机关）            主管部门       某县人社局
        项目名称      五六十年来企业精简退职人员定期补助           项目编码       320002223230
                  金                                      023000008
        项目总金额（万     85.8                              85.8
                                                 本年度项目金额
        元）                                       （万元）
        其他需要说明的问题
        绩效支出明细    子项目                      半年（程）计划执   全年（程）预算数
                                           行数
                  困难群众生活补助                 0          858000
        """

    @Test func aCellThatWrapsInItsColumnIsJoinedIntoItsRow() throws {
        let doc = readForm(Self.form)
        #expect(doc.projects.count == 1)
        let p = try #require(doc.projects.first)
        #expect(p.name == "五六十年来企业精简退职人员定期补助金")
        #expect(p.code == "320002223230023000008")
        #expect(p.rawDepartment == "某县人社局")
        #expect(p.unit == "某县人力资源和社会保障局（机关）")
        #expect(p.amount == Money(wan: "85.8"))
        #expect(p.amountUnit == .wan)
        // The sub-items below: their header's wrapped cell and their value row are rows of their
        // own, never joined into the row above (0 and 858000 stay the amounts of 困难群众生活补助).
        let item = try #require(p.subItems.first { $0.name == "困难群众生活补助" })
        #expect(item.halfYear == Money(yuan: "0"))
        #expect(item.fullYear == Money(yuan: "858000"))
    }

    /// pdftotext leaves one space where a long cell comes close to the next column
    /// (`标准化创业投资引导资金（促进就业资 项目编码`): the label is a cell of its own, at its column.
    @Test func aLabelOneSpaceFromTheCellBeforeItIsACellOfItsOwn() {
        let pieces = LaidOutText.pieces("项目名称      标准化创业投资引导资金（促进就业资 项目编码      320002223230")
        #expect(pieces.map(\.text) == ["项目名称", "标准化创业投资引导资金（促进就业资", "项目编码", "320002223230"])
        #expect(pieces.map(\.column) == [0, 10, 28, 38])
        var cells = pieces
        #expect(LaidOutText.join("          金）                          023000008", into: &cells))
        #expect(cells[1].text == "标准化创业投资引导资金（促进就业资金）")
        #expect(cells[3].text == "320002223230023000008")
    }

    /// A line whose pieces do not all stand at the columns of the row's wrappable cells is a row
    /// of its own: the indicator row under a header, an amount under an amount.
    @Test func aLineThatIsARowOfItsOwnIsNotJoined() throws {
        var cells = try #require(LaidOutText.rowCells("项目总金额（万元）   85.8      本年度项目金额（万元）     85.8"))
        #expect(!LaidOutText.join("                     10", into: &cells))
        #expect(cells.map(\.text) == ["项目总金额（万元）", "85.8", "本年度项目金额（万元）", "85.8"])
    }
}
