// How the site names a document of the content folder: from the folder's own name, never from
// where the folder happens to be on the machine that built the site.

import Foundation

/// The paths of content documents as pages and open data show them: `Content/高新区人社局/2024-….md`
/// whether the build was given `Content`, `./Content` or `/srv/site/Content`. The same content
/// built from another folder gives the same bytes, and the site never shows the publisher's own
/// directories. Diagnostics on the console keep the path as given, to be opened from there.
public struct PublicPaths: Sendable {
    /// The content folder as given, and its own name; nil shows paths as they are.
    private var folder: (given: String, name: String)?

    /// Paths shown as they are.
    public init() {}

    /// Paths inside `contentDir` shown from the folder's name.
    public init(contentDir: String) {
        var given = contentDir
        while given.count > 1, given.hasSuffix("/") { given.removeLast() }
        let name = URL(fileURLWithPath: given).standardizedFileURL.lastPathComponent
        folder = (given, name.isEmpty ? given : name)
    }

    /// `file` as the site shows it: inside the content folder, from the folder's name on.
    public func of(_ file: String) -> String {
        guard let folder, file.utf8.count > folder.given.utf8.count + 1, file.hasPrefix(folder.given + "/") else { return file }
        return folder.name + String(file.dropFirst(folder.given.count))
    }

    /// `file:line` as the site shows it.
    public func of(_ location: SourceLocation) -> String {
        var shown = location
        shown.file = of(location.file)
        return shown.description
    }
}
