// The preview server's side of a page: the small script `gongkai serve` adds to each HTML page
// it sends (never to what `gongkai build` writes), which reloads the page after a rebuild and
// shows the build's errors over it; and which file answers a request.

import Foundation

public enum LiveReload {
    /// Where the script asks for the server's state (a long poll).
    public static let eventsPath = "/__gongkai/events"

    /// The script, for a page served when the last good build was `generation`: it asks for
    /// the state (`{"generation", "good", "error"}`), reloads when a newer good build is there,
    /// shows `error` in an overlay while there is one, and asks again.
    public static func script(generation: Int) -> String {
        """
        <script>/* gongkai serve: reloads this page after a rebuild (not in gongkai build's output) */
        (function () {
          var good = \(generation), seen = 0;
          function overlay(text) {
            var box = document.getElementById("gongkai-serve-error");
            if (!text) { if (box) box.remove(); return; }
            if (!box) {
              box = document.createElement("div");
              box.id = "gongkai-serve-error";
              box.setAttribute("role", "alert");
              box.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,20,.92);color:#fff;padding:1.5rem;font:14px/1.6 ui-monospace,monospace";
              var title = document.createElement("h2");
              title.textContent = "生成失败，仍显示上一次成功的页面（Build failed; the previous page is shown）";
              title.style.cssText = "color:#ffb4b4;font-size:1.1rem;margin:0 0 1rem";
              var pre = document.createElement("pre");
              pre.style.cssText = "white-space:pre-wrap;margin:0";
              box.appendChild(title);
              box.appendChild(pre);
              document.body.appendChild(box);
            }
            box.querySelector("pre").textContent = text;
          }
          function poll() {
            fetch("\(eventsPath)?since=" + seen, {cache: "no-store"}).then(function (r) { return r.json(); }).then(function (s) {
              seen = s.generation;
              if (s.good > good && !s.error) { location.reload(); return; }
              overlay(s.error);
              poll();
            }).catch(function () { setTimeout(poll, 1000); });
          }
          poll();
        })();
        </script>

        """
    }

    /// `html` with the script before its last `</body>` (or at its end).
    public static func inject(into html: [UInt8], generation: Int) -> [UInt8] {
        let script = Array(script(generation: generation).utf8)
        let marker = Array("</body>".utf8)
        var i = html.count - marker.count
        while i >= 0 {
            if html[i] == 0x3C, html[i..<i + marker.count].elementsEqual(marker) {
                return Array(html[..<i]) + script + Array(html[i...])
            }
            i -= 1
        }
        return html + script
    }

    /// The file under `root` that answers `path` (already percent-decoded), or what to do
    /// instead: a folder's `index.html`; a redirect for a folder named without its trailing
    /// slash (pages link relatively); nothing for `..`, hidden names, what is not there, or a
    /// link that leads out of `root` (the preview never serves a file outside its own site).
    public enum Answer: Equatable {
        case file(String)
        case redirect(String)
        case notFound
    }

    public static func resolve(root: String, path: String) -> Answer {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        if parts.contains(where: { $0 == ".." || $0.hasPrefix(".") || $0.contains("\0") }) { return .notFound }
        let file = root + (parts.isEmpty ? "" : "/" + parts.joined(separator: "/"))
        guard let real = ContentLoader.realPath(file), let realRoot = ContentLoader.realPath(root),
              real == realRoot || real.hasPrefix(realRoot + "/") else { return .notFound }
        var st = stat()
        guard stat(file, &st) == 0 else { return .notFound }
        if (st.st_mode & S_IFMT) == S_IFDIR {
            guard path.hasSuffix("/") else { return .redirect(path + "/") }
            var index = stat()
            return stat(file + "/index.html", &index) == 0 && (index.st_mode & S_IFMT) == S_IFREG ? .file(file + "/index.html") : .notFound
        }
        return (st.st_mode & S_IFMT) == S_IFREG ? .file(file) : .notFound
    }

    /// The bytes of a file `resolve` answered: a regular file only, not through a link
    /// (`SafeFiles.readRegular`); nil otherwise.
    public static func read(_ file: String) -> [UInt8]? {
        SafeFiles.readRegular(file)
    }

    /// The Content-Type of a file by its extension.
    public static func contentType(_ file: String) -> String {
        switch (file as NSString).pathExtension.lowercased() {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "csv": "text/csv; charset=utf-8"
        case "xml": "application/xml"
        case "txt": "text/plain; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "webp": "image/webp"
        case "ico": "image/x-icon"
        case "woff2": "font/woff2"
        case "woff": "font/woff"
        case "pdf": "application/pdf"
        default: "application/octet-stream"
        }
    }
}
