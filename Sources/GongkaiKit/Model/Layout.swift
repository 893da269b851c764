// The four real layouts of converted forms (see ../shared/DOMAIN.md).

/// Which kind of converted form a document is.
public enum Layout: String, Sendable, Codable, CaseIterable {
    /// 绩效目标申报表: one project per document, key/value rows and indicator sections.
    case a = "A"
    /// 市级财政项目支出预算绩效目标表: many projects, paired header cells, half/full-year values.
    case b = "B"
    /// 部门项目及绩效目标情况: numbered projects with narrative items, tables and a 公开清单 annex.
    case c = "C"
    /// Word table dumps (项目绩效目标表), one cell per line, with 部门整体绩效目标.
    case d = "D"

    public var title: String {
        switch self {
        case .a: "绩效目标申报表"
        case .b: "市级财政项目支出预算绩效目标表"
        case .c: "部门项目及绩效目标情况"
        case .d: "项目绩效目标表"
        }
    }
}
