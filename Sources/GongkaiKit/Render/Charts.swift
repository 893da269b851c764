// Charts as inline SVG made at build time: the geometry and numbers of horizontal bar charts,
// worked out here exactly from the model and drawn by the theme's `chart` partial (no script,
// no library; readable without JavaScript, in print and in dark mode).

/// A horizontal bar chart: one row per bar, its label above it and its numbers after it.
struct BarChart {
    struct Bar {
        /// The full label (the bar's tooltip and its table row).
        var label: String
        var amount: Money
        /// The numbers written after the bar (`155.00 万元 · 24.8%`).
        var text: String
        /// A bar that stands for several (`其他 5 个项目`).
        var isOther = false
    }

    var id: String
    var title: String
    var description: String
    var bars: [Bar]

    /// Pixel geometry of a row: the label line, then the bar with its numbers.
    static let rowHeight = 42, labelBaseline = 15, barTop = 21, barHeight = 13
    /// The longest bar's share of the chart's width, in percent: the rest holds its numbers.
    static let longest = 60
    /// Labels are cut to this many characters in the chart (the table and tooltip keep them whole).
    static let labelLength = 22

    var value: V {
        let largest = bars.map(\.amount.fen).max() ?? 0
        var rows: [V] = []
        for (i, bar) in bars.enumerated() {
            let top = i * Self.rowHeight
            // Width in hundredths of a percent, exact from the amounts; a bar that is not zero is
            // at least thin enough to see.
            var width = largest > 0 ? Int(bar.amount.fen * Int64(Self.longest * 100) / largest) : 0
            if bar.amount.fen > 0 { width = max(width, 20) }
            let label = bar.label.count > Self.labelLength ? String(bar.label.prefix(Self.labelLength - 1)) + "…" : bar.label
            rows.append(.object([
                "label": .string(label),
                "fullLabel": .string(bar.label),
                "text": .string(bar.text),
                "width": .string("\(width / 100).\(width % 100 < 10 ? "0" : "")\(width % 100)"),
                "labelY": .int(top + Self.labelBaseline),
                "barY": .int(top + Self.barTop),
                "isOther": .bool(bar.isOther),
            ]))
        }
        return .object([
            "id": .string(id),
            "title": .string(title),
            "description": .string(description),
            "height": .int(max(1, bars.count) * Self.rowHeight),
            "barHeight": .int(Self.barHeight),
            "bars": .list(rows),
        ])
    }
}

/// Parts of a whole, largest first, as the bars of a chart: the largest `limit - 1` on their
/// own and the rest as one `其他` bar when there are more than `limit`.
struct ShareChartParts {
    struct Part {
        var label: String
        var amount: Money
        /// Tenths of a percent of the whole (`Shares.permille`).
        var share: Int
        /// How many parts it stands for (more than one: the `其他` bar).
        var count = 1
    }

    var parts: [Part]

    /// `items` in their own order with their shares; nil when there is no whole to share.
    init?(_ items: [(label: String, amount: Money)], limit: Int, otherLabel: (Int) -> String) {
        guard let shares = Shares.permille(items.map(\.amount)) else { return nil }
        let order = items.indices.sorted { items[$0].amount != items[$1].amount ? items[$0].amount > items[$1].amount : $0 < $1 }
        var parts: [Part] = []
        let shown = order.count > limit ? limit - 1 : order.count
        for i in order.prefix(shown) { parts.append(Part(label: items[i].label, amount: items[i].amount, share: shares[i])) }
        let rest = order.dropFirst(shown)
        if !rest.isEmpty {
            parts.append(Part(label: otherLabel(rest.count), amount: rest.map { items[$0].amount }.sum(),
                              share: rest.reduce(0) { $0 + shares[$1] }, count: rest.count))
        }
        self.parts = parts
    }

    /// The bars: each part's amount in 万元 and its share.
    func bars() -> [BarChart.Bar] {
        parts.map { BarChart.Bar(label: $0.label, amount: $0.amount, text: "\($0.amount.groupedWan) 万元 · \(Shares.text($0.share))", isOther: $0.count > 1) }
    }
}
