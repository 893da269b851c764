// The 项目支出绩效目标公开清单 annex: its header and rows, and the total it states.

/// Reads the `项目支出绩效目标公开清单` annex rows.
struct AnnexReader {
    let path: String
    private var startLine: Int?
    private var headerLines: [Int] = []
    private var rows: [AnnexRow] = []
    private var columns: (name: Int, amount: Int, number: Int?)?

    init(path: String) { self.path = path }

    mutating func start(line: Int) {
        startLine = startLine ?? line
        headerLines.append(line)
    }

    var result: Annex? {
        guard let startLine else { return nil }
        return Annex(location: SourceLocation(file: path, line: startLine), headerLines: headerLines, rows: rows)
    }

    /// A line of text in the annex: its titles (`… 年度项目支出绩效目标`).
    mutating func headerLine(_ n: Int) {
        headerLines.append(n)
    }

    mutating func read(_ row: Row, into doc: inout DocumentResult) {
        let n = row.line
        let cells = row.cells
        if let header = Self.header(cells) {
            columns = header
            headerLines.append(n)
            return
        }
        guard let columns else {
            // `项目支出绩效目标公开清单` and other title rows before the header.
            headerLines.append(n)
            return
        }
        let name = columns.name < cells.count ? cells[columns.name] : ""
        let amountText = columns.amount < cells.count ? cells[columns.amount] : ""
        let number = columns.number.flatMap { $0 < cells.count ? cells[$0] : nil } ?? ""
        if name.isEmpty && amountText.isEmpty {
            headerLines.append(n)
            return
        }
        if name.utf8HasPrefix("合计") || name.utf8HasPrefix("总计") || number.utf8HasPrefix("合计") {
            // A published total row: checked against the sum.
            headerLines.append(n)
            if let stated = Amounts.wan(amountText), stated != rows.compactMap(\.amount).sum() {
                doc.diagnose(.warning, line: n, code: "annex-total-mismatch",
                             "公开清单 states a total of \(stated.wanString) but its rows sum to \(rows.compactMap(\.amount).sum().wanString)")
            }
            return
        }
        let amount = Amounts.wan(amountText)
        if amount == nil {
            doc.diagnose(.warning, line: n, code: "unreadable-amount", "公开清单 amount ‘\(amountText)’ is not an amount in 万元")
        }
        rows.append(AnnexRow(number: number, name: name, amount: amount, amountText: amountText, line: n))
    }

    private static func header(_ cells: [String]) -> (name: Int, amount: Int, number: Int?)? {
        var name: Int?, amount: Int?, number: Int?
        for (i, c) in cells.enumerated() {
            let k = Labels.normalize(c)
            if k == "项目名称" { name = i }
            else if k.utf8HasPrefix("预算金额") || k.utf8HasPrefix("金额") || k.utf8HasPrefix("预算数") { amount = i }
            else if k == "序号" { number = i }
        }
        guard let name, let amount else { return nil }
        return (name, amount, number)
    }
}
