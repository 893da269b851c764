// Word's `w:sym` characters (a code in a symbol font) as the Unicode characters they show.

enum DocxSymbols {
    /// The character `<w:sym w:font="…" w:char="F0B3"/>` shows: Symbol and Wingdings codes
    /// that forms use (≥ ≤ ± × ÷, check boxes) mapped to Unicode; any other code is kept as it
    /// is (a private-use character, as Word itself copies it), so nothing is dropped.
    static func character(font: String?, code: String?) -> String {
        guard let code, let value = UInt32(code, radix: 16) else { return "" }
        let low = value & 0xFF
        let inSymbolRange = value >> 8 == 0xF0 || value >> 8 == 0
        let family = (font ?? "").lowercased()
        if inSymbolRange {
            if family == "symbol", let mapped = symbol[low] { return String(mapped) }
            if family == "wingdings", let mapped = wingdings[low] { return String(mapped) }
            if family == "wingdings 2", let mapped = wingdings2[low] { return String(mapped) }
        }
        return Unicode.Scalar(value).map { String(Character($0)) } ?? "\u{FFFD}"
    }

    /// Adobe's Symbol encoding (the printable codes that have one Unicode character).
    private static let symbol: [UInt32: Character] = {
        var table: [UInt32: Character] = [:]
        let ascii: [(UInt32, Character)] = [
            (0x22, "∀"), (0x24, "∃"), (0x27, "∋"), (0x2A, "∗"), (0x2D, "−"), (0x40, "≅"),
            (0x41, "Α"), (0x42, "Β"), (0x43, "Χ"), (0x44, "Δ"), (0x45, "Ε"), (0x46, "Φ"), (0x47, "Γ"),
            (0x48, "Η"), (0x49, "Ι"), (0x4A, "ϑ"), (0x4B, "Κ"), (0x4C, "Λ"), (0x4D, "Μ"), (0x4E, "Ν"),
            (0x4F, "Ο"), (0x50, "Π"), (0x51, "Θ"), (0x52, "Ρ"), (0x53, "Σ"), (0x54, "Τ"), (0x55, "Υ"),
            (0x56, "ς"), (0x57, "Ω"), (0x58, "Ξ"), (0x59, "Ψ"), (0x5A, "Ζ"), (0x5C, "∴"), (0x5E, "⊥"),
            (0x60, "‾"), (0x61, "α"), (0x62, "β"), (0x63, "χ"), (0x64, "δ"), (0x65, "ε"), (0x66, "φ"),
            (0x67, "γ"), (0x68, "η"), (0x69, "ι"), (0x6A, "ϕ"), (0x6B, "κ"), (0x6C, "λ"), (0x6D, "μ"),
            (0x6E, "ν"), (0x6F, "ο"), (0x70, "π"), (0x71, "θ"), (0x72, "ρ"), (0x73, "σ"), (0x74, "τ"),
            (0x75, "υ"), (0x76, "ϖ"), (0x77, "ω"), (0x78, "ξ"), (0x79, "ψ"), (0x7A, "ζ"), (0x7E, "∼"),
        ]
        let high: [(UInt32, Character)] = [
            (0xA0, "€"), (0xA1, "ϒ"), (0xA2, "′"), (0xA3, "≤"), (0xA4, "⁄"), (0xA5, "∞"), (0xA6, "ƒ"),
            (0xA7, "♣"), (0xA8, "♦"), (0xA9, "♥"), (0xAA, "♠"), (0xAB, "↔"), (0xAC, "←"), (0xAD, "↑"),
            (0xAE, "→"), (0xAF, "↓"), (0xB0, "°"), (0xB1, "±"), (0xB2, "″"), (0xB3, "≥"), (0xB4, "×"),
            (0xB5, "∝"), (0xB6, "∂"), (0xB7, "•"), (0xB8, "÷"), (0xB9, "≠"), (0xBA, "≡"), (0xBB, "≈"),
            (0xBC, "…"), (0xBF, "↵"), (0xC0, "ℵ"), (0xC1, "ℑ"), (0xC2, "ℜ"), (0xC3, "℘"), (0xC4, "⊗"),
            (0xC5, "⊕"), (0xC6, "∅"), (0xC7, "∩"), (0xC8, "∪"), (0xC9, "⊃"), (0xCA, "⊇"), (0xCB, "⊄"),
            (0xCC, "⊂"), (0xCD, "⊆"), (0xCE, "∈"), (0xCF, "∉"), (0xD0, "∠"), (0xD1, "∇"), (0xD2, "®"),
            (0xD3, "©"), (0xD4, "™"), (0xD5, "∏"), (0xD6, "√"), (0xD7, "⋅"), (0xD8, "¬"), (0xD9, "∧"),
            (0xDA, "∨"), (0xDB, "⇔"), (0xDC, "⇐"), (0xDD, "⇑"), (0xDE, "⇒"), (0xDF, "⇓"), (0xE0, "◊"),
            (0xE1, "〈"), (0xE2, "®"), (0xE3, "©"), (0xE4, "™"), (0xE5, "∑"), (0xF1, "〉"), (0xF2, "∫"),
        ]
        // The rest of the printable ASCII codes are themselves.
        for code in UInt32(0x20)...0x7E {
            if let scalar = Unicode.Scalar(code) { table[code] = Character(scalar) }
        }
        for (code, character) in ascii + high { table[code] = character }
        return table
    }()

    /// The Wingdings codes of check boxes and marks.
    private static let wingdings: [UInt32: Character] = [
        0x6C: "●", 0x6E: "■", 0x6F: "□", 0xA1: "○", 0xA8: "◻", 0xFB: "✘", 0xFC: "✔", 0xFD: "☒", 0xFE: "☑",
    ]

    private static let wingdings2: [UInt32: Character] = [
        0x4F: "✘", 0x50: "✔", 0x52: "☑", 0x53: "☒", 0x54: "☒", 0xA3: "□",
    ]
}
