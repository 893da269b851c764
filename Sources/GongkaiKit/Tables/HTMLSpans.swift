// Row and column spans kept inside their table (HTML and Word tables alike).

extension SourceTable {
    /// A column span larger than this is read as this (HTML's own limit for `colspan`).
    static let maximumColSpan = 1000
    /// A table whose grid would hold more positions than this has its spans ignored: no form
    /// is that large, and expanding it would take the memory of the whole build.
    static let maximumGridPositions = 1_000_000

    /// What `keepSpansInside()` changed.
    struct SpanRepairs: Equatable {
        /// How many cells had a row span past the last row or a column span over
        /// `maximumColSpan`, and the first of them as declared.
        var clamped = 0
        var firstClamped: ClampedCell?
        /// Whether all spans were set to 1 because the grid would be too large.
        var spansIgnored = false
        var gridRows = 0
        var gridColumns = 0
    }

    struct ClampedCell: Equatable {
        var line: Int
        var rowSpan: Int
        var colSpan: Int
    }

    /// Cuts row spans at the table's last row and column spans at `maximumColSpan`; if the grid
    /// would still be larger than `maximumGridPositions`, every span becomes 1. Linear in the
    /// number of cells and rows.
    mutating func keepSpansInside() -> SpanRepairs {
        var repairs = SpanRepairs()
        let rowCount = rows.count
        // How many grid columns each row needs at most: its own cells' spans plus the spans
        // of cells above that reach down into it (a difference array over the rows).
        var reach = [Int](repeating: 0, count: rowCount + 1)
        for r in rows.indices {
            for c in rows[r].indices {
                let cell = rows[r][c]
                let rowSpan = max(1, min(cell.rowSpan, rowCount - r))
                let colSpan = max(1, min(cell.colSpan, Self.maximumColSpan))
                if rowSpan != cell.rowSpan || colSpan != cell.colSpan {
                    if cell.rowSpan > rowSpan || cell.colSpan > colSpan {
                        repairs.clamped += 1
                        if repairs.firstClamped == nil {
                            repairs.firstClamped = ClampedCell(line: cell.line, rowSpan: cell.rowSpan, colSpan: cell.colSpan)
                        }
                    }
                    rows[r][c].rowSpan = rowSpan
                    rows[r][c].colSpan = colSpan
                }
                reach[r] += colSpan
                reach[r + rowSpan] -= colSpan
            }
        }
        var width = 0
        var running = 0
        for r in 0..<rowCount {
            running += reach[r]
            width = max(width, running)
        }
        repairs.gridRows = rowCount
        repairs.gridColumns = width
        if rowCount > 0, width > Self.maximumGridPositions / rowCount {
            repairs.spansIgnored = true
            for r in rows.indices {
                for c in rows[r].indices {
                    rows[r][c].rowSpan = 1
                    rows[r][c].colSpan = 1
                }
            }
        }
        return repairs
    }
}
