// Site-level checks and the publisher's silencing of diagnostic codes.

enum Checks {
    /// Drops diagnostics whose code the configuration silences for their document (or `*`).
    static func apply(silence: [String: [String]], to diagnostics: [Diagnostic], contentDir: String) -> [Diagnostic] {
        guard !silence.isEmpty else { return diagnostics }
        let prefix = contentDir.hasSuffix("/") ? contentDir : contentDir + "/"
        return diagnostics.filter { d in
            let file = d.location.file
            let relative = file.hasPrefix(prefix) ? String(file.dropFirst(prefix.count)) : file
            for key in [file, relative, "*"] {
                if let codes = silence[key], codes.contains(d.code) { return false }
            }
            return true
        }
    }
}
