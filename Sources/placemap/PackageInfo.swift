import Foundation

/// Which package installed this binary: the one line `scripts/package` writes to
/// `share/placemap/package` beside the bundled data (`/usr/share/placemap/package` in the Debian
/// package), e.g. `placemap_0.1.0-1_amd64.deb, built 2026-12-03 from git 1ef0342`. Nil for a binary
/// built from source or installed with `scripts/install`.
enum PackageInfo {
    static var line: String? {
        let binary = URL(fileURLWithPath: DataFolder.executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
        let file = binary.deletingLastPathComponent().appendingPathComponent("share/placemap/package")
        guard let data = FileManager.default.contents(atPath: file.path) else { return nil }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }

    /// The `--version` text: the release and libraries, and the package when there is one.
    static func version(_ base: String) -> String {
        guard let line else { return base + "\nbuilt from source (no package)" }
        return base + "\npackage: " + line
    }
}
