import Foundation

/// `--offline`, accepted anywhere on the command line of every command: it sets `PLACEMAP_OFFLINE=1`
/// (which `RemoteSource` reads) and is taken out before the arguments are parsed, so that one flag
/// reaches every layer read, whatever the command.
enum Offline {
    static func strip(_ arguments: [String]) -> [String] {
        let end = arguments.firstIndex(of: "--") ?? arguments.endIndex
        guard arguments[..<end].contains("--offline") else { return arguments }
        setenv("PLACEMAP_OFFLINE", "1", 1)
        return arguments[..<end].filter { $0 != "--offline" } + arguments[end...]
    }
}
