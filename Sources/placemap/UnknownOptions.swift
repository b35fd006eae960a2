import ArgumentParser
import Foundation

/// Finds an option the command does not have before anything else is checked. swift-argument-parser
/// decodes and validates a command before it looks at the arguments left over, so a misspelt option
/// (`--systmes`) was reported as the missing one it was meant to be (`give --systems`); this check
/// reads the command's own option names (from its `--experimental-dump-help` description, hidden old
/// spellings included) and names the nearest one.
enum UnknownOptions {
    /// The first option of `arguments` (the command line without the program name) that the command
    /// it selects does not have, with the nearest shown option of that command; nil when all exist.
    static func first(in arguments: [String], root: ParsableCommand.Type) -> (option: String, command: String, nearest: String?)? {
        let subcommands = root.configuration.subcommands
        var command: ParsableCommand.Type
        var rest = arguments[...]
        if let name = rest.first, let sub = subcommands.first(where: { $0._commandName == name }) {
            command = sub
            rest = rest.dropFirst()
        } else if let name = rest.first, name == "help" || !name.hasPrefix("-") {
            return nil  // `help COMMAND`, or a command the parser will name itself
        } else if let defaultCommand = root.configuration.defaultSubcommand {
            command = defaultCommand
        } else {
            command = root
        }
        let options = Names(of: command)
        var index = rest.startIndex
        while index < rest.endIndex {
            let argument = rest[index]
            index += 1
            if argument == "--" { break }
            guard let name = Names.optionName(argument) else { continue }
            guard let takesValue = options.known[name] else {
                let shownName = "\(root._commandName) \(command._commandName)"
                return (name, shownName, options.nearest(to: name))
            }
            // The value of `--option value` is not an option, whatever it looks like (`--output -`).
            if takesValue && !argument.contains("=") { index += 1 }
        }
        return nil
    }

    /// Exits with 64 (usage) and a message naming the first unknown option and the nearest known one.
    static func check(_ arguments: [String], root: ParsableCommand.Type) {
        guard let found = first(in: arguments, root: root) else { return }
        let advice = found.nearest.map { "; did you mean \($0)?" } ?? ""
        FileHandle.standardError.write(
            Data("placemap: error: unknown option \(found.option)\(advice)\n  See '\(found.command) --help' for its options.\n".utf8))
        Foundation.exit(64)
    }

    /// The option names of one command and whether each takes a value.
    struct Names {
        /// `--name` or `-n` → whether a value follows it.
        var known: [String: Bool] = [:]
        /// The long names shown in `--help` (old spellings are hidden, and never suggested).
        var shown: [String] = []

        init(of command: ParsableCommand.Type) {
            guard let data = command._dumpHelp().data(using: .utf8),
                let dump = try? JSONDecoder().decode(Dump.self, from: data)
            else { return }
            for argument in dump.command.arguments ?? [] where argument.kind != "positional" {
                for name in argument.names ?? [] {
                    let spelled = name.kind == "short" ? "-\(name.name)" : "--\(name.name)"
                    known[spelled] = argument.kind == "option"
                    if name.kind != "short" && argument.shouldDisplay != false { shown.append(spelled) }
                }
            }
            for builtIn in ["--help", "-h", "--version", "--experimental-dump-help", "--help-hidden"] where known[builtIn] == nil {
                known[builtIn] = false
            }
            known["--generate-completion-script"] = true
        }

        /// The option an argument names (`--out=DIR` names `--out`), or nil for a value (`-`, `-0.5`).
        static func optionName(_ argument: String) -> String? {
            if argument.hasPrefix("--") && argument.count > 2 {
                return String(argument.prefix { $0 != "=" })
            }
            if argument.count == 2, argument.hasPrefix("-"), let letter = argument.last, letter.isLetter { return argument }
            return nil
        }

        /// The shown long option closest to `name` by edit distance (a swap of two neighbours counts
        /// once), when close enough to be a slip: at most 3 edits and under half the name.
        func nearest(to name: String) -> String? {
            let scored = shown.map { ($0, Self.distance(name, $0)) }
            guard let best = scored.min(by: { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }) else { return nil }
            return best.1 <= min(3, max(1, (name.count - 2) / 2)) ? best.0 : nil
        }

        /// Optimal string alignment distance: insertions, deletions, substitutions and swaps of
        /// adjacent characters.
        static func distance(_ a: String, _ b: String) -> Int {
            let a = Array(a)
            let b = Array(b)
            if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
            var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
            for i in 0...a.count { d[i][0] = i }
            for j in 0...b.count { d[0][j] = j }
            for i in 1...a.count {
                for j in 1...b.count {
                    let cost = a[i - 1] == b[j - 1] ? 0 : 1
                    d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                    if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
                }
            }
            return d[a.count][b.count]
        }
    }

    /// The part of swift-argument-parser's `--experimental-dump-help` JSON read here.
    struct Dump: Decodable {
        struct Command: Decodable { var arguments: [Argument]? }
        struct Argument: Decodable {
            var kind: String
            var names: [Name]?
            var shouldDisplay: Bool?
        }
        struct Name: Decodable {
            var kind: String
            var name: String
        }
        var command: Command
    }
}
