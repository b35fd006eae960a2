import Foundation

/// Old option spellings, kept hidden for one release: each use warns on stderr, naming the new one.
enum Deprecation {
    /// Warns that `old` is deprecated in favour of `new` (once per spelling and run).
    static func warn(_ old: String, use new: String) {
        guard !warned.contains(old) else { return }
        warned.insert(old)
        Console.warning("\(old) is deprecated and will be removed; use \(new)")
    }

    nonisolated(unsafe) private static var warned: Set<String> = []
}
