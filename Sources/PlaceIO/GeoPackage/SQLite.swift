import CSQLite

/// A value bound to a SQLite statement parameter.
enum SQLValue {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])
}

/// A SQLite connection, owned by this object and closed when it goes (`sqlite3_close_v2`).
final class SQLiteDatabase {
    let handle: OpaquePointer
    let path: String

    /// Opens (creating) the database file at `path`. The corresponding SQLite function is `sqlite3_open_v2`.
    convenience init(creating path: String) throws(InputError) {
        try self.init(path, flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
    }

    /// Opens an existing database file read-only.
    convenience init(reading path: String) throws(InputError) {
        try self.init(path, flags: SQLITE_OPEN_READONLY)
    }

    private init(_ path: String, flags: Int32) throws(InputError) {
        var db: OpaquePointer?
        // Returns SQLITE_OK on success; a handle may be returned even on failure and must be closed.
        guard sqlite3_open_v2(path, &db, flags, nil) == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            if let db { sqlite3_close_v2(db) }
            throw InputError(.io, file: path, message: "cannot open the GeoPackage: \(message)", hint: "check the path and its permissions")
        }
        self.handle = db
        self.path = path
    }

    deinit { sqlite3_close_v2(handle) }

    /// The error SQLite reports now, for `what` failed.
    func error(_ what: String) -> InputError {
        InputError(
            .io, file: path, message: "\(what) failed: \(String(cString: sqlite3_errmsg(handle)))",
            hint: "check the disk has space and the folder is writable")
    }

    /// Runs SQL statements with no results. The corresponding SQLite function is `sqlite3_exec`.
    func execute(_ sql: String) throws(InputError) {
        guard sqlite3_exec(handle, sql, nil, nil, nil) == SQLITE_OK else { throw error("SQL \(sql.prefix(60))") }
    }

    func prepare(_ sql: String) throws(InputError) -> SQLiteStatement {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw error("preparing \(sql.prefix(60))")
        }
        return SQLiteStatement(statement, database: self)
    }
}

/// A prepared statement, finalised when this object goes (`sqlite3_finalize`); keeps its database open.
final class SQLiteStatement {
    private let handle: OpaquePointer
    private let database: SQLiteDatabase

    init(_ handle: OpaquePointer, database: SQLiteDatabase) {
        self.handle = handle
        self.database = database
    }

    deinit { sqlite3_finalize(handle) }

    /// Binds `values`, then calls `row` for each result row; resets the statement after.
    func query(_ values: [SQLValue] = [], row: (SQLiteStatement) throws(InputError) -> Void) throws(InputError) {
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
        }
        try bind(values)
        while true {
            let status = sqlite3_step(handle)
            if status == SQLITE_DONE { return }
            guard status == SQLITE_ROW else { throw database.error("reading a row") }
            try row(self)
        }
    }

    var columnCount: Int { Int(sqlite3_column_count(handle)) }

    /// Column `i` of the current row as a JSON value (BLOBs give nil).
    func value(_ i: Int) -> JSONValue? {
        let c = Int32(i)
        switch sqlite3_column_type(handle, c) {
        case SQLITE_INTEGER: return .number(Double(sqlite3_column_int64(handle, c)))
        case SQLITE_FLOAT: return .number(sqlite3_column_double(handle, c))
        case SQLITE_TEXT: return .string(sqlite3_column_text(handle, c).map { String(cString: $0) } ?? "")
        case SQLITE_NULL: return .null
        default: return nil
        }
    }

    func text(_ i: Int) -> String? { sqlite3_column_text(handle, Int32(i)).map { String(cString: $0) } }

    func integer(_ i: Int) -> Int64 { sqlite3_column_int64(handle, Int32(i)) }

    /// Column `i` of the current row as bytes (empty for NULL).
    func blob(_ i: Int) -> [UInt8] {
        let count = Int(sqlite3_column_bytes(handle, Int32(i)))
        guard count > 0, let base = sqlite3_column_blob(handle, Int32(i)) else { return [] }
        return Array(UnsafeRawBufferPointer(start: base, count: count))
    }

    /// Binds `values` to parameters 1…n, runs the statement once and resets it for the next row.
    func run(_ values: [SQLValue]) throws(InputError) {
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
        }
        try bind(values)
        // SQLITE_DONE when a statement without results has run.
        guard sqlite3_step(handle) == SQLITE_DONE else { throw database.error("writing a row") }
    }

    private func bind(_ values: [SQLValue]) throws(InputError) {
        for (k, value) in values.enumerated() {
            let i = Int32(k + 1)
            let status: Int32
            switch value {
            case .null: status = sqlite3_bind_null(handle, i)
            case .integer(let v): status = sqlite3_bind_int64(handle, i, v)
            case .real(let v): status = sqlite3_bind_double(handle, i, v)
            case .text(let v): status = sqlite3_bind_text(handle, i, v, -1, placemap_sqlite_transient())
            case .blob(let v):
                status = v.withUnsafeBytes { sqlite3_bind_blob(handle, i, $0.baseAddress, Int32($0.count), placemap_sqlite_transient()) }
            }
            guard status == SQLITE_OK else { throw database.error("binding a value") }
        }
    }
}

@available(*, unavailable)
extension SQLiteDatabase: Sendable {}

@available(*, unavailable)
extension SQLiteStatement: Sendable {}
