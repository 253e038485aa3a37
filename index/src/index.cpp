// The index: opening and migrations, import (index_impl.h; the reads are reads.cpp).
//
// Schema (version 3, PRAGMA user_version; version 1 lacked meta, version 2 source):
//   documents(id, number, number_key, number_compact, type, issuer, date, title, text, source_path,
//             content_hash, imported_at, source (what the parser read), source_format ('text' or 'akn'))
//   sections(document_id -> documents, path, kind, heading, start, end)
//   tasks(document_id -> documents, path, text, start, end, deadline_text, deadline_from, deadline_to)
//   agencies(id, name) ; task_agencies(task_id -> tasks, agency_id -> agencies, role, name)
//   citations(document_id -> documents, number, number_key, type, date, issuer, relation, provision,
//             start, end, target_id -> documents or NULL while the cited document is missing)
//   meta(key, value): 'generation', raised by every import that changes something
//   documents_fts: FTS5(title, text) with external content (the text is stored once) and tokenizer vi.
// Children cascade on delete; a replaced document keeps its id, its children are rewritten.
#include "index_impl.h"

#include <unicode/utf8.h>

#include <Poco/DeflatingStream.h>
#include <Poco/InflatingStream.h>
#include <Poco/SHA1Engine.h>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <functional>
#include <sstream>

#include "vanban/fts.h"
#include "words.h"

namespace vanban {

namespace detail {

// At most `max` bytes of UTF-8 text, cut at a character boundary, with an ellipsis when cut.
std::string shorten(std::string_view text, std::size_t max) {
    if (text.size() <= max) return std::string(text);
    int32_t cut = static_cast<int32_t>(max);
    U8_SET_CP_START(reinterpret_cast<const uint8_t*>(text.data()), 0, cut);
    return std::string(text.substr(0, static_cast<std::size_t>(cut))) + "…";
}

bool needs_immutable(const std::string& path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path file = fs::absolute(path, ec);
    const fs::path folder = file.parent_path();
    if (::access(folder.c_str(), W_OK) == 0) return false;
    if (fs::exists(path + "-shm", ec)) return false;
    if (fs::exists(path + "-wal", ec) && fs::file_size(path + "-wal", ec) > 0) {
        throw IndexError("the database " + path + " has changes in " + path + "-wal not yet written into it, and its folder"
                         " cannot be written: open it once for writing (or serve a snapshot: vanban snapshot)", SQLITE_CANTOPEN);
    }
    return true;
}

std::string file_uri(const std::string& path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const std::string absolute = fs::absolute(path, ec).string();
    std::string out = "file:";
    static const char* hex = "0123456789ABCDEF";
    for (unsigned char c : absolute) {
        if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~' || c >= 0x80) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

std::string deflate(std::string_view text) {
    std::ostringstream out;
    {
        // Level 1: the source is stored for reading it again, not for the smallest file (about 4x
        // smaller than the text, at a small cost to the import; docs/PERFORMANCE.md).
        Poco::DeflatingOutputStream z(out, Poco::DeflatingStreamBuf::STREAM_ZLIB, 1);
        z.write(text.data(), static_cast<std::streamsize>(text.size()));
        z.close();
    }
    return out.str();
}

std::string inflate(std::string_view compressed) {
    std::istringstream in{std::string(compressed)};
    Poco::InflatingInputStream z(in, Poco::InflatingStreamBuf::STREAM_ZLIB);
    std::ostringstream out;
    out << z.rdbuf();
    return out.str();
}

AgencyRow agency_row(std::string_view id) {
    AgencyRow r;
    if (id.starts_with("collective:")) id.remove_prefix(11);
    std::size_t at = id.find('@');
    r.base = std::string(id.substr(0, at));
    if (at != std::string_view::npos) {
        r.place_id = std::string(id.substr(at + 1));
        if (const auto* p = catalog_entry(r.place_id)) r.place = (p->scope.empty() ? "" : p->scope + " ") + p->name;
    }
    if (const auto* e = catalog_entry(r.base)) {
        r.kind = e->kind;
        r.scope = e->scope;
    }
    return r;
}

}  // namespace detail

namespace {

std::string sha1(std::string_view bytes) {
    Poco::SHA1Engine engine;
    engine.update(bytes.data(), static_cast<unsigned>(bytes.size()));
    return Poco::DigestEngine::digestToHex(engine.digest());
}

std::string now_iso() {
    std::time_t t = std::time(nullptr);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
    return buf;
}

}  // namespace

std::string_view to_string(ImportStatus status) {
    switch (status) {
        case ImportStatus::added: return "added";
        case ImportStatus::replaced: return "replaced";
        case ImportStatus::unchanged: return "unchanged";
    }
    return "added";
}

Index::Index(const std::string& path, OpenMode mode) : impl_(std::make_unique<Impl>()) {
    // Once per process, before SQLite initializes: no global memory statistics (a mutex every
    // malloc takes, contended when many threads read), and no mutex per connection (an Index is used
    // by one thread at a time). A no-op if something in the process initialized SQLite already.
    static const bool configured = [] {
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
        sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
        return true;
    }();
    (void)configured;
    if (mode != OpenMode::create && !std::filesystem::exists(path)) {
        throw IndexError("no database at " + path + " (import documents first: vanban import FILE --db " + path + ")",
                         SQLITE_CANTOPEN);
    }
    const bool read_only = mode == OpenMode::read_only;
    impl_->read_only = read_only;
    std::string name = path;
    int flags = read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | (mode == OpenMode::create ? SQLITE_OPEN_CREATE : 0);
    if (read_only && detail::needs_immutable(path)) {
        // A database in a folder no one may write, with no -shm beside it: SQLite could not make the
        // shared memory a reader of a WAL database needs, and nothing can change the file, so it is
        // opened as immutable (no locks, no WAL).
        name = detail::file_uri(path) + "?immutable=1";
        flags |= SQLITE_OPEN_URI;
    }
    int rc = sqlite3_open_v2(name.c_str(), &impl_->db, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string msg = impl_->db ? sqlite3_errmsg(impl_->db) : "out of memory";
        throw IndexError("cannot open database " + path + ": " + msg, rc);
    }
    sqlite3_busy_timeout(impl_->db, 5000);
    try {
        if (read_only) {
            exec(impl_->db, "PRAGMA query_only = ON; PRAGMA foreign_keys = ON; PRAGMA cache_size = -65536;"
                            " PRAGMA temp_store = MEMORY; PRAGMA mmap_size = 1073741824;");
        } else {
            // Pages freed by 'optimize' after a bulk import go back to the file system (Index::optimize
            // runs incremental_vacuum). This takes effect only on a new, empty database, and before WAL
            // mode; on an existing one it would still write (a new change counter), so it is left out.
            Stmt pages(impl_->db, "PRAGMA page_count");
            const bool empty = pages.step() && pages.integer(0) == 0;
            pages.reset();
            if (empty) exec(impl_->db, "PRAGMA auto_vacuum = INCREMENTAL");
            exec(impl_->db, "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;"
                            " PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY; PRAGMA mmap_size = 1073741824;");
        }
    } catch (const IndexError& e) {
        throw IndexError(path + " cannot be used as a vanban database: " + e.what(), e.code());
    }
    register_vi_tokenizer(impl_->db);
    // vi_fold_has(text, needles): whether the fold of text contains one of the needles (folded,
    // separated by \x1f): the issuer filter, which looks for the query and the names it stands for.
    sqlite3_create_function_v2(
        impl_->db, "vi_fold_has", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nullptr,
        [](sqlite3_context* ctx, int, sqlite3_value** argv) {
            const unsigned char* t = sqlite3_value_text(argv[0]);
            const unsigned char* n = sqlite3_value_text(argv[1]);
            if (!t || !n) return sqlite3_result_int(ctx, 0);
            try {
                const std::string f = fold_text(reinterpret_cast<const char*>(t));
                std::string_view needles(reinterpret_cast<const char*>(n));
                bool found = false;
                while (!found && !needles.empty()) {
                    const std::size_t cut = needles.find('\x1f');
                    std::string_view needle = needles.substr(0, cut);
                    found = !needle.empty() && f.find(needle) != std::string::npos;
                    needles.remove_prefix(cut == std::string_view::npos ? needles.size() : cut + 1);
                }
                sqlite3_result_int(ctx, found ? 1 : 0);
            } catch (const std::bad_alloc&) {
                sqlite3_result_error_nomem(ctx);
            } catch (...) {
                sqlite3_result_error(ctx, "vi_fold_has failed", -1);
            }
        },
        nullptr, nullptr, nullptr);
    // vi_fold(text): the parser's fold (lowercase, no diacritics, đ -> d), for filters.
    sqlite3_create_function_v2(
        impl_->db, "vi_fold", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nullptr,
        [](sqlite3_context* ctx, int, sqlite3_value** argv) {
            const unsigned char* t = sqlite3_value_text(argv[0]);
            if (!t) return sqlite3_result_null(ctx);
            std::string f = fold_text(reinterpret_cast<const char*>(t));
            sqlite3_result_text(ctx, f.data(), static_cast<int>(f.size()), SQLITE_TRANSIENT);
        },
        nullptr, nullptr, nullptr);
    try {
        if (read_only) {
            impl_->check_schema();
        } else {
            impl_->migrate();
        }
    } catch (const IndexError& e) {
        throw IndexError(path + ": " + e.what(), e.code());
    }
}

Index::~Index() = default;

Index::Index(Index&&) noexcept = default;

Index& Index::operator=(Index&&) noexcept = default;

void* Index::handle() const { return impl_->db; }

namespace {

// The parser's input in columns `at` (source: zlib-compressed, detail::deflate) and `at + 1`
// (source_format); none: NULL.
void bind_input(Stmt& s, int at, const ParserInput& input) {
    if (input.text.empty()) {
        s.bind_null(at).bind_null(at + 1);
        return;
    }
    s.bind_blob(at, input.deflated.empty() ? detail::deflate(input.text) : input.deflated);
    s.bind(at + 1, std::string_view(input.akn ? "akn" : "text"));
}

}  // namespace

ImportResult Index::import_document(const Document& doc, std::string_view source_path, const ParserInput& input) {
    impl_->check_writable();
    sqlite3* db = impl_->db;
    // The normalized text: a BOM, CRLF line ends or another encoding of the same text change nothing.
    std::string hash = sha1(doc.text);
    Transaction tx(db);
    // The same document already there: same number key, issuer and date; or, without a number, the
    // same source path.
    std::optional<std::int64_t> existing;
    std::string old_hash;
    if (doc.number) {
        Stmt& s = impl_->cached("SELECT id, content_hash FROM documents WHERE number_key = ?1 AND ifnull(issuer,'') = ?2 AND"
                   " ifnull(date,'') = ?3");
        ResetOnExit s_reset(s);
        s.bind(1, doc.number->key).bind(2, doc.issuer.value_or("")).bind(3, doc.date.value_or(""));
        if (s.step()) existing = s.integer(0), old_hash = s.text(1);
    } else {
        Stmt& s = impl_->cached("SELECT id, content_hash FROM documents WHERE number_key IS NULL AND source_path = ?1");
        ResetOnExit s_reset(s);
        s.bind(1, source_path);
        if (s.step()) existing = s.integer(0), old_hash = s.text(1);
    }
    if (existing && old_hash == hash) return ImportResult{*existing, ImportStatus::unchanged};

    std::int64_t id = 0;
    if (existing) {
        id = *existing;
        // Remove the old version from the FTS index, then its children; the row itself is updated in
        // place so the id stays.
        impl_->unindex_text(id);
        for (const char* sql : {"DELETE FROM sections WHERE document_id = ?1", "DELETE FROM tasks WHERE document_id = ?1",
                                "DELETE FROM citations WHERE document_id = ?1"}) {
            Stmt d(db, sql);
            d.bind(1, id);
            d.run();
        }
        Stmt& up = impl_->cached("UPDATE documents SET number=?2, number_key=?3, number_compact=?4, type=?5, issuer=?6, date=?7,"
                    " title=?8, text=?9, source_path=?10, content_hash=?11, imported_at=?12, source=?13, source_format=?14"
                    " WHERE id=?1");
        ResetOnExit up_reset(up);
        up.bind(1, id);
        up.bind_opt(2, doc.number ? std::optional<std::string>(doc.number->text) : std::nullopt);
        up.bind_opt(3, doc.number ? std::optional<std::string>(doc.number->key) : std::nullopt);
        up.bind_opt(4, doc.number ? std::optional<std::string>(detail::number_compact(doc.number->text)) : std::nullopt);
        up.bind_opt(5, doc.type).bind_opt(6, doc.issuer).bind_opt(7, doc.date).bind_opt(8, doc.title);
        up.bind(9, doc.text).bind(10, source_path).bind(11, hash).bind(12, now_iso());
        bind_input(up, 13, input);
        up.run();
    } else {
        Stmt& ins = impl_->cached("INSERT INTO documents(number, number_key, number_compact, type, issuer, date, title, text,"
                     " source_path, content_hash, imported_at, source, source_format)"
                     " VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13)");
        ResetOnExit ins_reset(ins);
        ins.bind_opt(1, doc.number ? std::optional<std::string>(doc.number->text) : std::nullopt);
        ins.bind_opt(2, doc.number ? std::optional<std::string>(doc.number->key) : std::nullopt);
        ins.bind_opt(3, doc.number ? std::optional<std::string>(detail::number_compact(doc.number->text)) : std::nullopt);
        ins.bind_opt(4, doc.type).bind_opt(5, doc.issuer).bind_opt(6, doc.date).bind_opt(7, doc.title);
        ins.bind(8, doc.text).bind(9, source_path).bind(10, hash).bind(11, now_iso());
        bind_input(ins, 12, input);
        ins.run();
        id = sqlite3_last_insert_rowid(db);
    }
    Stmt& fts = impl_->cached("INSERT INTO documents_fts(rowid, title, text) VALUES(?1, ?2, ?3)");
    ResetOnExit fts_reset(fts);
    fts.bind(1, id).bind(2, doc.title.value_or("")).bind(3, doc.text);
    fts.run();
    impl_->write_children(id, doc);
    // Citations elsewhere of this number: resolved again, since this document may be the one they
    // meant (or a better match by year and issuer than the one they point at).
    if (doc.number) {
        impl_->resolve_again(impl_->citations("SELECT id, document_id, number_key, ifnull(date,''), ifnull(issuer,'')"
                                              " FROM citations WHERE number_key = ?1 AND document_id <> ?2",
                                              [&](Stmt& s) { s.bind(1, doc.number->key).bind(2, id); }));
    }
    impl_->bump_generation();
    tx.commit();
    return ImportResult{id, existing ? ImportStatus::replaced : ImportStatus::added};
}

DocumentRef Index::remove(std::int64_t id) {
    impl_->check_writable();
    sqlite3* db = impl_->db;
    Transaction tx(db);
    std::optional<DocumentRef> ref = document(id);
    if (!ref) throw NotFound("no document with id " + std::to_string(id));
    // The citations elsewhere that point at it, to resolve again once it is gone.
    auto pending = impl_->citations("SELECT id, document_id, number_key, ifnull(date,''), ifnull(issuer,'') FROM citations"
                                    " WHERE target_id = ?1",
                                    [&](Stmt& s) { s.bind(1, id); });
    // The full-text row first (the tasks' trigger also reads the document's text), then the children,
    // then the row.
    impl_->unindex_text(id);
    for (const char* sql : {"DELETE FROM task_agencies WHERE task_id IN (SELECT id FROM tasks WHERE document_id = ?1)",
                            "DELETE FROM tasks WHERE document_id = ?1", "DELETE FROM sections WHERE document_id = ?1",
                            "DELETE FROM citations WHERE document_id = ?1", "UPDATE citations SET target_id = NULL WHERE target_id = ?1",
                            "DELETE FROM documents WHERE id = ?1"}) {
        Stmt d(db, sql);
        d.bind(1, id);
        d.run();
    }
    impl_->resolve_again(pending);
    impl_->bump_generation();
    tx.commit();
    return *ref;
}

void Index::optimize() {
    impl_->check_writable();
    exec(impl_->db, "INSERT INTO documents_fts(documents_fts) VALUES('optimize');"
                    "INSERT INTO tasks_fts(tasks_fts) VALUES('optimize'); PRAGMA incremental_vacuum;"
                    " PRAGMA optimize;");
}

bool Index::refresh_word_model(bool force) {
    impl_->check_writable();
    sqlite3* db = impl_->db;
    const std::int64_t gen = generation(), documents = count();
    Stmt built(db, "SELECT value FROM meta WHERE key = 'word_model_generation'");
    const std::int64_t at = built.step() ? built.integer(0) : -1;
    built.reset();
    if (!force && at >= 0 && (gen == at || (gen - at) * 10 < documents)) return false;
    // Every title, and the texts of at most kWordModelDocuments documents spread evenly over the ids.
    detail::WordModelBuilder model;
    const std::int64_t step = std::max<std::int64_t>(1, (documents + kWordModelDocuments - 1) / kWordModelDocuments);
    {
        Stmt s(db, "SELECT ifnull(title, ''), CASE WHEN (row_number() OVER (ORDER BY id) - 1) % ?1 = 0 THEN text END FROM documents");
        s.bind(1, step);
        while (s.step()) {
            if (sqlite3_column_type(s.get(), 1) == SQLITE_NULL) model.add(s.text(0));
            else model.add(s.text(0) + "\n" + s.text(1));
        }
    }
    Transaction tx(db);
    exec(db, "DELETE FROM word_model");
    Stmt ins(db, "INSERT INTO word_model(folded, form, documents) VALUES(?1, ?2, ?3)");
    // The empty word counts the documents of the model (restore_diacritics reads it so).
    ins.bind(1, std::string_view("")).bind(2, std::string_view("")).bind(3, model.documents());
    ins.run();
    ins.reset();
    for (const auto& [folded, form, n] : model.entries(2)) {
        ins.bind(1, folded).bind(2, form).bind(3, n);
        ins.run();
        ins.reset();
    }
    Stmt set(db, "UPDATE meta SET value = ?1 WHERE key = 'word_model_generation'");
    set.bind(1, gen);
    set.run();
    tx.commit();
    return true;
}

ImportBatch::ImportBatch(Index& index) : db_(index.handle()) { exec(static_cast<sqlite3*>(db_), "BEGIN IMMEDIATE"); }

ImportBatch::~ImportBatch() {
    if (open_) sqlite3_exec(static_cast<sqlite3*>(db_), "ROLLBACK", nullptr, nullptr, nullptr);
}

void ImportBatch::commit() {
    exec(static_cast<sqlite3*>(db_), "COMMIT");
    open_ = false;
}

void Index::snapshot(const std::string& out) const {
    namespace fs = std::filesystem;
    std::error_code ec;
    const char* main_file = sqlite3_db_filename(impl_->db, "main");
    if (main_file && *main_file && fs::exists(out, ec) && fs::equivalent(main_file, out, ec)) {
        throw IndexError("the snapshot would overwrite the database itself: " + out, SQLITE_MISUSE);
    }
    const fs::path target = fs::absolute(out, ec);
    if (!fs::is_directory(target.parent_path(), ec)) {
        throw IndexError("cannot write the snapshot " + out + ": no folder " + target.parent_path().string(), SQLITE_CANTOPEN);
    }
    const std::string partial = target.string() + ".partial-" + std::to_string(::getpid());
    fs::remove(partial, ec);
    struct RemoveUnlessKept {
        const std::string& path;
        bool kept = false;
        ~RemoveUnlessKept() {
            if (!kept) {
                std::error_code ignored;
                fs::remove(path, ignored);
                fs::remove(path + "-journal", ignored);
            }
        }
    } cleanup{partial};
    {
        // query_only refuses VACUUM INTO too; a connection opened read-only still cannot change the database.
        if (impl_->read_only) exec(impl_->db, "PRAGMA query_only = OFF");
        struct QueryOnlyAgain {
            sqlite3* db;
            bool on;
            ~QueryOnlyAgain() {
                if (on) sqlite3_exec(db, "PRAGMA query_only = ON", nullptr, nullptr, nullptr);
            }
        } again{impl_->db, impl_->read_only};
        Stmt into(impl_->db, "VACUUM INTO ?1");
        into.bind(1, std::string_view(partial));
        into.step();
    }
    {
        sqlite3* copy = nullptr;
        int rc = sqlite3_open_v2(partial.c_str(), &copy, SQLITE_OPEN_READWRITE, nullptr);
        std::unique_ptr<sqlite3, int (*)(sqlite3*)> guard(copy, sqlite3_close_v2);
        if (rc != SQLITE_OK) throw IndexError("cannot open the snapshot " + partial + ": " + sqlite3_errstr(rc), rc);
        exec(copy, "PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL;");
        Stmt check(copy, "PRAGMA quick_check");
        if (!check.step() || check.text(0) != "ok") {
            throw IndexError("the snapshot " + partial + " failed its check: " + (check.is_null(0) ? "" : check.text(0)), SQLITE_CORRUPT);
        }
    }
    auto sync = [](const std::string& path) {
        const int fd = ::open(path.c_str(), O_RDONLY);
        if (fd < 0) return false;
        const bool ok = ::fsync(fd) == 0;
        ::close(fd);
        return ok;
    };
    if (!sync(partial)) throw IndexError("cannot sync the snapshot " + partial + " to disk", SQLITE_IOERR);
    fs::rename(partial, target, ec);
    if (ec) throw IndexError("cannot move the snapshot into place at " + out + ": " + ec.message(), SQLITE_CANTOPEN);
    cleanup.kept = true;
    sync(target.parent_path().string());  // the rename itself reaches the disk
}

ReadSnapshot::ReadSnapshot(const Index& index) : db_(index.handle()) {
    auto* db = static_cast<sqlite3*>(db_);
    if (sqlite3_get_autocommit(db) == 0) throw IndexError("a read snapshot cannot be taken inside a transaction", SQLITE_MISUSE);
    exec(db, "BEGIN");
    open_ = true;
}

ReadSnapshot::~ReadSnapshot() {
    auto* db = static_cast<sqlite3*>(db_);
    if (open_ && sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
        sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    }
}

std::int64_t Index::generation() const {
    Stmt& s = impl_->cached("SELECT value FROM meta WHERE key = 'generation'");
    ResetOnExit reset(s);
    return s.step() ? s.integer(0) : 0;
}

std::int64_t Index::count() const {
    Stmt s(impl_->db, "SELECT count(*) FROM documents");
    s.step();
    return s.integer(0);
}

}  // namespace vanban
