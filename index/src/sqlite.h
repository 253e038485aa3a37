// Small RAII helpers over the SQLite C API: prepared statements only, errors as IndexError.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "vanban/index_errors.h"

namespace vanban::detail {

[[noreturn]] inline void fail(sqlite3* db, const std::string& what) {
    throw IndexError(what + ": " + sqlite3_errmsg(db), sqlite3_extended_errcode(db));
}

/// A prepared statement; finalized on destruction. Bind and read by 1-based / 0-based index.
class Stmt {
public:
    Stmt(sqlite3* db, std::string_view sql) : db_(db) {
        if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr) != SQLITE_OK) {
            fail(db, "cannot prepare statement");
        }
    }
    ~Stmt() { sqlite3_finalize(stmt_); }
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;

    /// The statement itself, to read a column without copying it (valid until the next step/reset).
    sqlite3_stmt* get() const { return stmt_; }

    Stmt& bind(int i, std::string_view v) {
        sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Stmt& bind(int i, std::int64_t v) {
        sqlite3_bind_int64(stmt_, i, v);
        return *this;
    }
    Stmt& bind_null(int i) {
        sqlite3_bind_null(stmt_, i);
        return *this;
    }
    Stmt& bind_opt(int i, const std::optional<std::string>& v) { return v ? bind(i, *v) : bind_null(i); }
    Stmt& bind_blob(int i, std::string_view v) {
        sqlite3_bind_blob(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
        return *this;
    }

    /// Steps once: true when a row is available, false when done.
    bool step() {
        int rc = sqlite3_step(stmt_);
        if (rc == SQLITE_ROW) return true;
        if (rc == SQLITE_DONE) return false;
        fail(db_, "statement failed");
    }
    void run() {
        while (step()) {
        }
    }
    void reset() {
        sqlite3_reset(stmt_);
        sqlite3_clear_bindings(stmt_);
    }

    std::string text(int col) const {
        const unsigned char* t = sqlite3_column_text(stmt_, col);
        return t ? std::string(reinterpret_cast<const char*>(t), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col)))
                 : std::string();
    }
    std::string blob(int col) const {
        const void* b = sqlite3_column_blob(stmt_, col);
        return b ? std::string(static_cast<const char*>(b), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col))) : std::string();
    }
    std::int64_t integer(int col) const { return sqlite3_column_int64(stmt_, col); }
    double real(int col) const { return sqlite3_column_double(stmt_, col); }
    bool is_null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

private:
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

/// Runs SQL without results (schema, pragmas).
inline void exec(sqlite3* db, const char* sql) {
    char* err = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
        std::string msg = err ? err : "unknown error";
        sqlite3_free(err);
        throw IndexError(std::string("SQL failed: ") + msg, sqlite3_extended_errcode(db));
    }
}

/// Resets a (cached) statement when the scope that used it ends, so it holds no read open.
class ResetOnExit {
public:
    explicit ResetOnExit(Stmt& s) : s_(s) {}
    ~ResetOnExit() { s_.reset(); }
    ResetOnExit(const ResetOnExit&) = delete;
    ResetOnExit& operator=(const ResetOnExit&) = delete;

private:
    Stmt& s_;
};

/// One snapshot for a read made of several statements (a document page, a search and its count): a
/// deferred transaction, so that an import committed meanwhile by another connection is either wholly
/// seen or not at all (WAL). Inside a transaction already (an ImportBatch, an enclosing read) it does
/// nothing. It writes nothing, so its end is a COMMIT that cannot lose anything.
class ReadTransaction {
public:
    explicit ReadTransaction(sqlite3* db) : db_(db), outer_(sqlite3_get_autocommit(db) != 0) {
        if (outer_) exec(db, "BEGIN");
    }
    ~ReadTransaction() {
        if (outer_ && sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
            sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
        }
    }
    ReadTransaction(const ReadTransaction&) = delete;
    ReadTransaction& operator=(const ReadTransaction&) = delete;

private:
    sqlite3* db_;
    bool outer_;
};

/// A transaction rolled back unless committed. It is a savepoint, so it nests inside an enclosing
/// transaction (an ImportBatch): its rollback then undoes only its own changes.
class Transaction {
public:
    /// Outside any transaction it takes the write lock at once (BEGIN IMMEDIATE: a deferred one that
    /// read first could not upgrade if another connection wrote meanwhile, and would fail with
    /// SQLITE_BUSY without waiting); inside one (an ImportBatch) it is a savepoint.
    explicit Transaction(sqlite3* db) : db_(db), outer_(sqlite3_get_autocommit(db) != 0) {
        exec(db, outer_ ? "BEGIN IMMEDIATE" : "SAVEPOINT vanban_tx");
    }
    ~Transaction() {
        if (done_) return;
        sqlite3_exec(db_, outer_ ? "ROLLBACK" : "ROLLBACK TO vanban_tx; RELEASE vanban_tx", nullptr, nullptr, nullptr);
    }
    void commit() {
        exec(db_, outer_ ? "COMMIT" : "RELEASE vanban_tx");
        done_ = true;
    }

private:
    sqlite3* db_;
    bool outer_;
    bool done_ = false;
};

}  // namespace vanban::detail
