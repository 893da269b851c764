// Byte offsets in HTML turned into lines and character columns, in one pass over the input.

/// Turns byte offsets into 1-based lines and columns (columns count characters: a tab or a
/// Chinese character is one). Offsets are asked for in nearly increasing order, so a cursor
/// that moves forward (or back within its line) makes the whole parse linear.
struct HTMLPositions {
    struct Position: Equatable {
        var line: Int
        var column: Int
    }

    private let bytes: [UInt8]
    private let firstLine: Int
    private let firstColumn: Int
    private var offset = 0
    private var lineStart = 0
    private var line: Int
    private var column = 1

    init(_ bytes: [UInt8], firstLine: Int, firstColumn: Int) {
        self.bytes = bytes
        self.firstLine = firstLine
        self.firstColumn = firstColumn
        self.line = firstLine
    }

    mutating func position(of target: Int) -> Position {
        let target = min(max(0, target), bytes.count)
        if target < lineStart {
            // Not expected (positions come in order); start again from the top.
            offset = 0
            lineStart = 0
            line = firstLine
            column = 1
        }
        if target >= offset {
            var k = offset
            while k < target {
                let byte = bytes[k]
                if byte == 0x0A {
                    line += 1
                    column = 1
                    lineStart = k + 1
                } else if byte & 0xC0 != 0x80 {
                    column += 1
                }
                k += 1
            }
        } else {
            var k = target
            while k < offset {
                if bytes[k] & 0xC0 != 0x80 { column -= 1 }
                k += 1
            }
        }
        offset = target
        return Position(line: line, column: line == firstLine ? column + firstColumn - 1 : column)
    }
}
