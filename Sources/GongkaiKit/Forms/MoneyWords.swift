// The words the money rules tell kinds of money by (labels.yml's `money_words`).

/// Words, not labels: what a source of funds, an amount's label, text beside a table or a row
/// of amount columns says, as the rules that read them ask (`Labels.fundingSource`,
/// `Labels.amountLabel`, `TableReader.noteUnreadText`, `TableReader.amountColumns`).
///
/// A class read through `Vocabulary.current.money`: one reference, not twenty arrays copied
/// at each read.
final class MoneyWords: Sendable {
    /// Who gives the money or what kind it is (`本级财政资金`): a source names one, a use does not.
    let sourceNames: [String]
    /// How a source's name ends.
    let sourceEndings: [String]
    /// Who puts money in, before 投入 (`社会资本投入`).
    let investors: [String]
    /// A total, a term, a use or a spending line: no source.
    let notSource: [String]
    /// A label of money no template list has (`本年度申请市财政预算资金(万元)`).
    let amountLabel: [String]
    let amountLabelMoney: [String]
    let investmentSources: [String]
    let amountLabelNot: [String]
    let amountLabelTerm: [String]
    let amountLabelYear: [String]
    /// Text beside a table naming the project's amount, or a source of it.
    let textAmount: [String]
    let textSource: [String]
    /// A term's total (with the year-range marks), unless the text names the year's amount too.
    let termTotal: [String]
    let textYearAmount: [String]
    /// A change from another year, right before a figure.
    let changeFromYear: [String]
    /// Text that names a term other than the year (with the year-range marks).
    let anotherTerm: [String]
    /// Amount columns side by side: the change, an earlier term, this year.
    let columnChange: NeedleSet
    let columnEarlier: NeedleSet
    let columnThisYear: NeedleSet

    /// The keys of the section, each a list of words; every one is required.
    static let keys = ["source_names", "source_endings", "investors", "not_source", "amount_label", "amount_label_money",
                       "investment_sources", "amount_label_not", "amount_label_term", "amount_label_year", "text_amount",
                       "text_source", "term_total", "text_year_amount", "change_from_year", "year_range_marks",
                       "another_term", "column_change", "column_earlier", "column_this_year"]

    /// Reads the section (`money_words` of labels.yml); throws for a key it does not know or
    /// a list it lacks, naming it. With no section at all (a vocabulary written for a test of
    /// other sections), every list is empty: no text is told a kind of money by its words.
    init(_ lists: [String: [String]]?) throws {
        let required = lists != nil
        let lists = lists ?? [:]
        if let unknown = lists.keys.sorted().first(where: { !Self.keys.contains($0) }) {
            throw Vocabulary.Problem(message: "unknown money_words key \(unknown)")
        }
        func list(_ key: String) throws -> [String] {
            guard required else { return [] }
            guard let words = lists[key], !words.isEmpty else { throw Vocabulary.Problem(message: "money_words.\(key) is missing or empty") }
            return words
        }
        sourceNames = try list("source_names")
        sourceEndings = try list("source_endings")
        investors = try list("investors")
        notSource = try list("not_source")
        amountLabel = try list("amount_label")
        amountLabelMoney = try list("amount_label_money")
        investmentSources = try list("investment_sources")
        amountLabelNot = try list("amount_label_not")
        amountLabelTerm = try list("amount_label_term")
        amountLabelYear = try list("amount_label_year")
        textAmount = try list("text_amount")
        textSource = try list("text_source")
        let yearRanges = try list("year_range_marks")
        termTotal = try list("term_total") + yearRanges
        textYearAmount = try list("text_year_amount")
        changeFromYear = try list("change_from_year")
        anotherTerm = try list("another_term") + yearRanges
        columnChange = NeedleSet(try list("column_change"))
        columnEarlier = NeedleSet(try list("column_earlier"))
        columnThisYear = NeedleSet(try list("column_this_year"))
    }
}
