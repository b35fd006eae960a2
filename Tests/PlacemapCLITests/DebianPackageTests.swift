import Foundation
import PlaceTestSupport
import Testing

/// `scripts/package` builds the Debian package (one release build with the Swift runtime linked in,
/// in .build/package); the package unpacked into a fresh root with `dpkg-deb -x` runs with a clean
/// environment (no Swift on PATH, no PLACEMAP_DATA) from another folder: `--version` names the
/// package, the main job finds the data beside the binary, `man -l` shows the EXAMPLES from the
/// README, `ldd` shows no Swift library, `dpkg-deb -I` the Debian dependencies. Skipped, with a
/// message, only where dpkg-deb is not installed.
@Suite struct DebianPackageTests {
    @Test func thePackageInstallsIntoAFreshRootAndRunsWithoutSwift() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/dpkg-deb") else {
            print("DebianPackageTests: skipped, dpkg-deb is not installed (not a Debian system)")
            return
        }
        let build = try run("/bin/bash", [Paths.root.appendingPathComponent("scripts/package").path])
        #expect(build.status == 0, "\(build.stderr.suffix(3000))")
        guard build.status == 0, let name = build.stdout.split(separator: "\n").last.map(String.init) else { return }
        let deb = Paths.root.appendingPathComponent(name).path
        #expect(name.hasPrefix("dist/placemap_") && name.hasSuffix(".deb"), "\(name)")

        // The control file: Debian libraries only, at the versions it was built against.
        let info = try run("/usr/bin/dpkg-deb", ["-I", deb])
        #expect(info.status == 0, "\(info.stderr)")
        let depends = info.stdout.split(separator: "\n").first { $0.hasPrefix(" Depends:") }.map(String.init) ?? ""
        for library in ["libgdal", "libgeos-c", "libproj", "libc6", "libstdc++6"] {
            #expect(depends.contains(library), "Depends lacks \(library): \(depends)")
        }
        #expect(depends.contains("(>= "), "\(depends)")
        #expect(!depends.lowercased().contains("swift"), "\(depends)")

        // Unpacked into a fresh root: the files where Debian puts them.
        let root = Paths.temporaryFolder().appendingPathComponent("root")
        let unpack = try run("/usr/bin/dpkg-deb", ["-x", deb, root.path])
        #expect(unpack.status == 0, "\(unpack.stderr)")
        for file in [
            "usr/bin/placemap", "usr/share/placemap/geodata/README.md", "usr/share/placemap/geodata/lsoa21_england.geojson",
            "usr/share/man/man1/placemap.1.gz", "usr/share/man/man1/placemap.coterminosity.1.gz",
            "usr/share/bash-completion/completions/placemap", "usr/share/zsh/vendor-completions/_placemap",
            "usr/share/fish/vendor_completions.d/placemap.fish", "usr/share/doc/placemap/README.md",
            "usr/share/doc/placemap/copyright",
        ] {
            #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(file).path), "\(file) not in the package")
        }
        let copyright =
            (try? String(contentsOfFile: root.appendingPathComponent("usr/share/doc/placemap/copyright").path, encoding: .utf8)) ?? ""
        #expect(copyright.contains("Open Government Licence v.3.0") && copyright.contains("Contains OS data © Crown copyright"))

        let binary = root.appendingPathComponent("usr/bin/placemap").path
        let ldd = try run("/usr/bin/ldd", [binary])
        #expect(ldd.status == 0 && ldd.stdout.contains("libgdal"), "\(ldd.stdout)\(ldd.stderr)")
        #expect(
            !ldd.stdout.contains("swift") && !ldd.stdout.contains("libFoundation") && !ldd.stdout.contains("libdispatch"), "\(ldd.stdout)")
        #expect(!ldd.stdout.contains("not found"), "\(ldd.stdout)")

        // A clean environment, from another folder.
        let folder = Paths.temporaryFolder()
        let clean = ["PATH": "/usr/bin:/bin", "HOME": folder.path, "LANG": "C.UTF-8", "MANPAGER": "cat", "MANWIDTH": "120"]
        let version = try run(binary, ["--version"], in: folder, replacingEnvironment: clean)
        #expect(version.status == 0, "\(version.stderr)")
        #expect(version.stdout.contains("package: \(URL(fileURLWithPath: deb).lastPathComponent), built "), "\(version.stdout)")

        let job = try run(binary, [], in: folder, replacingEnvironment: clean)
        #expect(job.status == 0, "\(job.stderr.suffix(2000))")
        #expect(job.stdout.contains("296 places (LAD24) against 42 systems (ICB24)"))
        #expect(job.stdout.contains("coterminous 283, split 13, outside 0"))
        #expect(job.stdout.contains("split: North Yorkshire (E06000065): Humber and North Yorkshire ICB 90.8% (558530 people)"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("placemap-output/report.html").path))

        if FileManager.default.isExecutableFile(atPath: "/usr/bin/man") {
            let page = root.appendingPathComponent("usr/share/man/man1/placemap.coterminosity.1.gz").path
            let man = try run("/usr/bin/man", ["-l", page], in: folder, replacingEnvironment: clean)
            #expect(man.status == 0, "\(man.stderr)")
            #expect(man.stdout.contains("EXAMPLES"), "\(man.stdout.suffix(2000))")
            #expect(
                man.stdout.contains("placemap coterminosity --places /usr/share/placemap/geodata/built/lad24.geojson"),
                "\(man.stdout.suffix(2000))")
            #expect(man.stdout.contains("--sliver-share"))
        } else {
            Issue.record("man is not installed (scripts/setup --tests installs man-db)")
        }

        // The QGIS plugin zip: one folder with metadata.txt and __init__.py, as the plugin manager installs it.
        let plugins = (try? FileManager.default.contentsOfDirectory(atPath: Paths.root.appendingPathComponent("dist").path)) ?? []
        let plugin = plugins.first { $0.hasPrefix("placemap-qgis-") && $0.hasSuffix(".zip") }
        #expect(plugin != nil, "no QGIS plugin zip in dist/: \(plugins)")
        if let plugin {
            let list = try run(
                "/usr/bin/env", ["python3", "-m", "zipfile", "-l", Paths.root.appendingPathComponent("dist/\(plugin)").path])
            for member in ["placemap/metadata.txt", "placemap/__init__.py", "placemap/provider.py", "placemap/algorithm.py"] {
                #expect(list.stdout.contains(member), "\(member) not in \(plugin)")
            }
        }
    }
}
