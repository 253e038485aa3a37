// The index: schema and migrations, import, search, number lookup, cross-references.
//
// Schema (version 2, PRAGMA user_version; version 1 lacked meta):
//   documents(id, number, number_key, number_compact, type, issuer, date, title, text, source_path,
//             content_hash, imported_at)
//   sections(document_id -> documents, path, kind, heading, start, end)
//   tasks(document_id -> documents, path, text, start, end, deadline_text, deadline_from, deadline_to)
//   agencies(id, name) ; task_agencies(task_id -> tasks, agency_id -> agencies, role, name)
//   citations(document_id -> documents, number, number_key, type, date, issuer, relation, provision,
//             start, end, target_id -> documents or NULL while the cited document is missing)
//   meta(key, value): 'generation', raised by every import that changes something
//   documents_fts: FTS5(title, text) with external content (the text is stored once) and tokenizer vi.
// Children cascade on delete; a replaced document keeps its id, its children are rewritten.
#include <sqlite3.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <Poco/SHA1Engine.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <array>
#include <functional>
#include <set>
#include <tuple>
#include <unordered_map>

#include "catalog.h"
#include "query.h"
#include "rows.h"
#include "sqlite.h"
#include "vanban/fts.h"
#include "vanban/index.h"
#include "vanban/parser.h"

namespace vanban {

using detail::catalog_entry;
using detail::exec;
using detail::kRefColumns;
using detail::kTaskText;
using detail::ref_from;
using detail::Stmt;
using detail::ResetOnExit;
using detail::Transaction;

namespace {

constexpr int kSchemaVersion = 2;

const char* const kSchemaV1 = R"SQL(
CREATE TABLE documents(
  id INTEGER PRIMARY KEY,
  number TEXT, number_key TEXT, number_compact TEXT,
  type TEXT, issuer TEXT, date TEXT, title TEXT,
  text TEXT NOT NULL,
  source_path TEXT, content_hash TEXT NOT NULL, imported_at TEXT NOT NULL);
CREATE INDEX documents_key ON documents(number_key);
CREATE INDEX documents_compact ON documents(number_compact);
CREATE INDEX documents_source ON documents(source_path);
CREATE TABLE sections(
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  path TEXT, kind TEXT, heading TEXT, start INTEGER, end INTEGER);
CREATE INDEX sections_document ON sections(document_id);
CREATE TABLE tasks(
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  path TEXT, start INTEGER, end INTEGER,
  deadline_text TEXT, deadline_from TEXT, deadline_to TEXT);
CREATE INDEX tasks_document ON tasks(document_id);
CREATE TABLE agencies(
  id TEXT PRIMARY KEY, name TEXT NOT NULL, name_folded TEXT NOT NULL,
  base TEXT NOT NULL, kind TEXT NOT NULL, scope TEXT, place_id TEXT, place TEXT);
CREATE INDEX agencies_base ON agencies(base);
CREATE TABLE task_agencies(
  task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  agency_id TEXT NOT NULL REFERENCES agencies(id),
  role TEXT NOT NULL, name TEXT);
CREATE INDEX task_agencies_agency ON task_agencies(agency_id);
CREATE INDEX task_agencies_task ON task_agencies(task_id);
CREATE TABLE citations(
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  number TEXT, number_key TEXT, type TEXT, date TEXT, issuer TEXT,
  relation TEXT NOT NULL, provision TEXT, start INTEGER, end INTEGER,
  target_id INTEGER REFERENCES documents(id) ON DELETE SET NULL);
CREATE INDEX citations_document ON citations(document_id);
CREATE INDEX citations_key ON citations(number_key);
CREATE INDEX citations_target ON citations(target_id);
CREATE VIRTUAL TABLE documents_fts USING fts5(
  title, text, content='documents', content_rowid='id', tokenize='vi');
INSERT INTO documents_fts(documents_fts, rank) VALUES('rank', 'bm25(10.0, 1.0)');
CREATE VIEW task_texts(id, text) AS
  SELECT t.id, CAST(substr(CAST(d.text AS BLOB), t.start + 1, t.end - t.start) AS TEXT)
  FROM tasks t JOIN documents d ON d.id = t.document_id;
CREATE VIRTUAL TABLE tasks_fts USING fts5(text, content='task_texts', content_rowid='id', tokenize='vi');
CREATE TRIGGER tasks_fts_insert AFTER INSERT ON tasks BEGIN
  INSERT INTO tasks_fts(rowid, text) SELECT new.id, CAST(substr(CAST(d.text AS BLOB), new.start + 1,
    new.end - new.start) AS TEXT) FROM documents d WHERE d.id = new.document_id;
END;
CREATE TRIGGER tasks_fts_delete AFTER DELETE ON tasks BEGIN
  INSERT INTO tasks_fts(tasks_fts, rowid, text) SELECT 'delete', old.id, CAST(substr(CAST(d.text AS BLOB),
    old.start + 1, old.end - old.start) AS TEXT) FROM documents d WHERE d.id = old.document_id;
END;
)SQL";

// Version 2: a generation counter, raised by every import that changes something, so that readers
// (the server's cache of rendered documents) can tell whether what they hold is still current; and
// sections indexed by position, for the section around a search hit.
const char* const kSchemaV2 = R"SQL(
CREATE TABLE meta(key TEXT PRIMARY KEY, value INTEGER NOT NULL);
INSERT INTO meta VALUES('generation', 0);
DROP INDEX IF EXISTS sections_document;
CREATE INDEX IF NOT EXISTS sections_position ON sections(document_id, start);
)SQL";

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

// At most `max` bytes of UTF-8 text, cut at a character boundary, with an ellipsis when cut.
std::string shorten(std::string_view text, std::size_t max) {
    if (text.size() <= max) return std::string(text);
    int32_t cut = static_cast<int32_t>(max);
    U8_SET_CP_START(reinterpret_cast<const uint8_t*>(text.data()), 0, cut);
    return std::string(text.substr(0, static_cast<std::size_t>(cut))) + "…";
}

// UTF-16 length of UTF-8 text (JavaScript string indexes); an invalid byte counts as one U+FFFD.
int utf16_length(std::string_view s) {
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    int32_t i = 0, size = static_cast<int32_t>(s.size());
    int n = 0;
    while (i < size) {
        UChar32 c;
        U8_NEXT_OR_FFFD(p, i, size, c);
        n += U16_LENGTH(c);
    }
    return n;
}

// What the catalogue says of an agency id: "so-y-te@thanh-pho-ha-noi" is the local entry so-y-te
// completed with the province thanh-pho-ha-noi; "collective:..." ids are collectives.
struct AgencyRow {
    std::string base, kind = "other", scope, place_id, place;
};

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

// A snippet with its matches between \x01 and \x02 -> the plain snippet and UTF-16 highlight ranges.
void split_highlights(const std::string& raw, SearchHit& h) {
    std::string plain;
    int open = -1;
    for (char c : raw) {
        if (c == '\x01') {
            open = utf16_length(plain);
        } else if (c == '\x02') {
            if (open >= 0) h.highlights.emplace_back(open, utf16_length(plain));
            open = -1;
        } else {
            plain += c;
        }
    }
    h.snippet = std::move(plain);
}

// The parser's name of the document type a filter asks for: a name ("Kế hoạch", "ke hoach") or a
// number's type code ("KH", "QĐ"), from vanban::document_types(). Throws QueryError for anything else.
std::string canonical_type(std::string_view type) {
    const std::string folded = detail::fold_query(type);
    std::string code;
    for (char c : folded) {
        if (c >= 'a' && c <= 'z') code += static_cast<char>(c - 'a' + 'A');
        else if (c != ' ' && c != '.') code += c;
    }
    for (const auto& t : document_types()) {
        if (detail::fold_query(t.name) == folded) return t.name;
    }
    for (const auto& t : document_types()) {
        if (std::find(t.codes.begin(), t.codes.end(), code) != t.codes.end()) return t.name;
    }
    std::string some;
    for (const char* name : {"Kế hoạch", "Quyết định", "Công văn"}) some += (some.empty() ? "" : ", ") + std::string(name);
    throw QueryError("unknown document type '" + std::string(type) + "' (expected a type such as " + some +
                     ", with or without diacritics, or a number's type code such as KH or QĐ)");
}

// A name filter's needles for vi_fold_has: the query folded and the canonical names of the bodies it
// names ("UBND Hà Nội" -> "uy ban nhan dan thanh pho ha noi"), separated by \x1f.
std::string name_needles(std::string_view issuer) {
    std::string out;
    for (const auto& form : detail::name_forms(issuer)) {
        if (form.find('\x1f') != std::string::npos) continue;
        out += (out.empty() ? "" : "\x1f") + form;
    }
    return out;
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

struct Index::Impl {
    sqlite3* db = nullptr;
    // Statements run again and again, prepared once per connection. The cache owns its keys (a copy
    // of the SQL), so a caller may pass SQL built on the fly; it is looked up without a copy.
    struct SqlHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
    };
    mutable std::unordered_map<std::string, std::unique_ptr<Stmt>, SqlHash, std::equal_to<>> cache;

    Stmt& cached(std::string_view sql) const {
        auto it = cache.find(sql);
        if (it == cache.end()) it = cache.emplace(std::string(sql), std::make_unique<Stmt>(db, sql)).first;
        return *it->second;
    }

    // IDFs of the phrases of a query expression (see detail::RankContext), kept while the index
    // stays at `generation`: any import that changes something may change them.
    mutable std::unordered_map<std::string, std::vector<double>> idf_cache;
    mutable std::int64_t idf_generation = -1;

    std::vector<double>& idf_for(const std::string& expr, std::int64_t generation) const {
        if (generation != idf_generation || idf_cache.size() >= 4096) {
            idf_cache.clear();
            idf_generation = generation;
        }
        return idf_cache[expr];
    }

    // The token count of every row of documents_fts by rowid (detail::RankContext), read from its
    // docsize table (one varint per column) once per generation.
    mutable std::vector<std::uint32_t> lengths;
    mutable std::int64_t lengths_generation = -1;

    const std::vector<std::uint32_t>& lengths_for(std::int64_t generation) const {
        if (generation == lengths_generation) return lengths;
        lengths.clear();
        Stmt s(db, "SELECT id, sz FROM documents_fts_docsize ORDER BY id");
        while (s.step()) {
            const std::int64_t id = s.integer(0);
            if (id < 0 || id > (1 << 26)) continue;  // not a rowid this index hands out; looked up instead
            const auto* p = static_cast<const unsigned char*>(sqlite3_column_blob(s.get(), 1));
            const int n = sqlite3_column_bytes(s.get(), 1);
            std::uint64_t total = 0;
            for (int i = 0; i < n;) {  // SQLite varints: 7 bits a byte, high bit = more
                std::uint64_t v = 0;
                int k = 0;
                while (i < n && k < 9) {
                    const unsigned char b = p[i++];
                    ++k;
                    if (k == 9) {
                        v = (v << 8) | b;
                        break;
                    }
                    v = (v << 7) | (b & 0x7F);
                    if (!(b & 0x80)) break;
                }
                total += v;
            }
            if (static_cast<std::size_t>(id) >= lengths.size()) lengths.resize(static_cast<std::size_t>(id) + 1, 0);
            lengths[static_cast<std::size_t>(id)] = static_cast<std::uint32_t>(std::min<std::uint64_t>(total, UINT32_MAX));
        }
        lengths_generation = generation;
        return lengths;
    }

    // Splits the raw snippets into text and highlights and finds each hit's section.
    void finish_hits(SearchResult& result, const std::vector<std::string>& raw_snippets) const;

    ~Impl() {
        if (db) sqlite3_close_v2(db);
    }

    void migrate() {
        Stmt v(db, "PRAGMA user_version");
        v.step();
        int version = static_cast<int>(v.integer(0));
        v.reset();
        if (version > kSchemaVersion) {
            throw IndexError("the database was written by a newer vanban (schema " + std::to_string(version) + ")",
                             SQLITE_MISMATCH);
        }
        if (version == kSchemaVersion) return;
        // Forward migrations, each step in the same transaction as the version it sets.
        Transaction tx(db);
        Stmt again(db, "PRAGMA user_version");  // another connection may have migrated meanwhile
        again.step();
        version = static_cast<int>(again.integer(0));
        again.reset();
        if (version < 1) exec(db, kSchemaV1);
        if (version < 2) exec(db, kSchemaV2);
        exec(db, ("PRAGMA user_version = " + std::to_string(kSchemaVersion)).c_str());
        tx.commit();
    }

    // The id of a document a citation's number key points at: with several candidates, the one whose
    // year and issuer agree with the citation (every People's Committee has a 134/KH-UBND).
    std::optional<std::int64_t> resolve(const std::string& key, const std::string& date, const std::string& issuer,
                                        std::int64_t self) {
        if (key.empty()) return std::nullopt;
        Stmt& s = cached("SELECT id, date, issuer FROM documents WHERE number_key = ?1 AND id <> ?2");
        ResetOnExit s_reset(s);
        s.bind(1, key).bind(2, self);
        std::optional<std::int64_t> best;
        int best_score = -1;
        const std::string cited_issuer = fold_text(issuer);
        while (s.step()) {
            int score = 0;
            std::string d = s.text(1), iss = fold_text(s.text(2));
            if (!date.empty() && d == date) score += 4;
            if (!date.empty() && d.substr(0, 4) == date.substr(0, 4)) score += 2;
            if (!cited_issuer.empty() && !iss.empty() &&
                (iss.find(cited_issuer) != std::string::npos || cited_issuer.find(iss) != std::string::npos)) {
                score += 3;
            }
            if (score > best_score) best_score = score, best = s.integer(0);
        }
        return best;
    }

    void write_children(std::int64_t id, const Document& doc) {
        Stmt& sec = cached("INSERT INTO sections(document_id, path, kind, heading, start, end) VALUES(?1,?2,?3,?4,?5,?6)");
        ResetOnExit sec_reset(sec);
        std::function<void(const Section&, const std::string&)> add = [&](const Section& s, const std::string& parent) {
            std::string path = parent.empty() ? s.label : parent + "." + s.label;
            // A bullet's "heading" is its whole text, which documents.text already holds; a heading is
            // kept to 96 bytes, what an outline shows (the text has it in full).
            bool bullet = s.kind == SectionKind::dash || s.kind == SectionKind::plus;
            sec.bind(1, id).bind(2, path).bind(3, to_string(s.kind));
            if (bullet) sec.bind_null(4);
            else sec.bind(4, shorten(s.heading, 96));
            sec.bind(5, static_cast<std::int64_t>(s.span.start)).bind(6, static_cast<std::int64_t>(s.span.end));
            sec.run();
            sec.reset();
            for (const auto& c : s.children) add(c, path);
        };
        for (const auto& s : doc.sections) add(s, "");
        Stmt& task = cached(
                  "INSERT INTO tasks(document_id, path, start, end, deadline_text, deadline_from, deadline_to)"
                  " VALUES(?1,?2,?4,?5,?6,?7,?8)");
        ResetOnExit task_reset(task);
        Stmt& agency = cached("INSERT INTO agencies(id, name, name_folded, base, kind, scope, place_id, place)"
                        " VALUES(?1,?2,?3,?4,?5,?6,?7,?8) ON CONFLICT(id) DO NOTHING");
        ResetOnExit agency_reset(agency);
        Stmt& link = cached("INSERT INTO task_agencies(task_id, agency_id, role, name) VALUES(?1,?2,?3,?4)");
        ResetOnExit link_reset(link);
        for (const auto& t : doc.tasks) {
            task.bind(1, id).bind(2, t.path);  // the text is the span of documents.text (view task_texts)
            task.bind(4, static_cast<std::int64_t>(t.span.start)).bind(5, static_cast<std::int64_t>(t.span.end));
            if (t.deadline) {
                task.bind(6, t.deadline->text).bind_opt(7, t.deadline->from).bind_opt(8, t.deadline->to);
            } else {
                task.bind_null(6).bind_null(7).bind_null(8);
            }
            task.run();
            task.reset();
            std::int64_t task_id = sqlite3_last_insert_rowid(db);
            for (const auto& a : t.agencies) {
                AgencyRow row = agency_row(a.id);
                agency.bind(1, a.id).bind(2, a.canonical).bind(3, fold_text(a.canonical)).bind(4, row.base);
                agency.bind(5, row.kind).bind(6, row.scope).bind(7, row.place_id).bind(8, row.place);
                agency.run();
                agency.reset();
                link.bind(1, task_id).bind(2, a.id).bind(3, to_string(a.role)).bind(4, a.name);
                link.run();
                link.reset();
            }
        }
        Stmt& cite = cached(
                  "INSERT INTO citations(document_id, number, number_key, type, date, issuer, relation, provision, start,"
                  " end, target_id) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11)");
        ResetOnExit cite_reset(cite);
        for (const auto& r : doc.references) {
            if (r.number.empty()) continue;  // references by name are kept in the document's JSON
            cite.bind(1, id).bind(2, r.number).bind(3, r.number_key).bind_opt(4, r.type).bind_opt(5, r.date);
            cite.bind_opt(6, r.issuer).bind(7, to_string(r.relation)).bind(8, r.provision);
            cite.bind(9, static_cast<std::int64_t>(r.span.start)).bind(10, static_cast<std::int64_t>(r.span.end));
            if (auto target = resolve(r.number_key, r.date.value_or(""), r.issuer.value_or(""), id)) {
                cite.bind(11, *target);
            } else {
                cite.bind_null(11);
            }
            cite.run();
            cite.reset();
        }
    }
};

Index::Index(const std::string& path) : impl_(std::make_unique<Impl>()) {
    // Once per process, before SQLite initializes: no global memory statistics (a mutex every
    // malloc takes, contended when many threads read), and no mutex per connection (an Index is used
    // by one thread at a time). A no-op if something in the process initialized SQLite already.
    static const bool configured = [] {
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
        sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
        return true;
    }();
    (void)configured;
    int rc = sqlite3_open_v2(path.c_str(), &impl_->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (rc != SQLITE_OK) {
        std::string msg = impl_->db ? sqlite3_errmsg(impl_->db) : "out of memory";
        throw IndexError("cannot open database " + path + ": " + msg, rc);
    }
    sqlite3_busy_timeout(impl_->db, 5000);
    // Pages freed by 'optimize' after a bulk import go back to the file system (Index::optimize runs
    // incremental_vacuum). This takes effect only on a new, empty database, and before WAL mode.
    try {
        exec(impl_->db, "PRAGMA auto_vacuum = INCREMENTAL");
        exec(impl_->db, "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;"
                        " PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY; PRAGMA mmap_size = 1073741824;");
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
        impl_->migrate();
    } catch (const IndexError& e) {
        throw IndexError(path + ": " + e.what(), e.code());
    }
}

Index::~Index() = default;
Index::Index(Index&&) noexcept = default;
Index& Index::operator=(Index&&) noexcept = default;

void* Index::handle() const { return impl_->db; }

ImportResult Index::import_document(const Document& doc, std::string_view source_path, std::string_view bytes) {
    sqlite3* db = impl_->db;
    std::string hash = sha1(bytes);
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
        // Remove the old version from the FTS index (external content needs the old values), then its
        // children; the row itself is updated in place so the id stays.
        Stmt& old = impl_->cached("SELECT title, text FROM documents WHERE id = ?1");
        ResetOnExit old_reset(old);
        old.bind(1, id);
        old.step();
        Stmt& del = impl_->cached("INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES('delete', ?1, ?2, ?3)");
        ResetOnExit del_reset(del);
        del.bind(1, id).bind(2, old.text(0)).bind(3, old.text(1));
        del.run();
        for (const char* sql : {"DELETE FROM sections WHERE document_id = ?1", "DELETE FROM tasks WHERE document_id = ?1",
                                "DELETE FROM citations WHERE document_id = ?1"}) {
            Stmt d(db, sql);
            d.bind(1, id);
            d.run();
        }
        Stmt& up = impl_->cached("UPDATE documents SET number=?2, number_key=?3, number_compact=?4, type=?5, issuer=?6, date=?7,"
                    " title=?8, text=?9, source_path=?10, content_hash=?11, imported_at=?12 WHERE id=?1");
        ResetOnExit up_reset(up);
        up.bind(1, id);
        up.bind_opt(2, doc.number ? std::optional<std::string>(doc.number->text) : std::nullopt);
        up.bind_opt(3, doc.number ? std::optional<std::string>(doc.number->key) : std::nullopt);
        up.bind_opt(4, doc.number ? std::optional<std::string>(detail::number_compact(doc.number->text)) : std::nullopt);
        up.bind_opt(5, doc.type).bind_opt(6, doc.issuer).bind_opt(7, doc.date).bind_opt(8, doc.title);
        up.bind(9, doc.text).bind(10, source_path).bind(11, hash).bind(12, now_iso());
        up.run();
    } else {
        Stmt& ins = impl_->cached("INSERT INTO documents(number, number_key, number_compact, type, issuer, date, title, text,"
                     " source_path, content_hash, imported_at) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11)");
        ResetOnExit ins_reset(ins);
        ins.bind_opt(1, doc.number ? std::optional<std::string>(doc.number->text) : std::nullopt);
        ins.bind_opt(2, doc.number ? std::optional<std::string>(doc.number->key) : std::nullopt);
        ins.bind_opt(3, doc.number ? std::optional<std::string>(detail::number_compact(doc.number->text)) : std::nullopt);
        ins.bind_opt(4, doc.type).bind_opt(5, doc.issuer).bind_opt(6, doc.date).bind_opt(7, doc.title);
        ins.bind(8, doc.text).bind(9, source_path).bind(10, hash).bind(11, now_iso());
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
        Stmt& citing = impl_->cached("SELECT c.id, c.document_id, ifnull(c.date,''), ifnull(c.issuer,'') FROM citations c"
                        " WHERE c.number_key = ?1 AND c.document_id <> ?2");
        ResetOnExit citing_reset(citing);
        citing.bind(1, doc.number->key).bind(2, id);
        struct Pending { std::int64_t id, from; std::string date, issuer; };
        std::vector<Pending> pending;
        while (citing.step()) pending.push_back({citing.integer(0), citing.integer(1), citing.text(2), citing.text(3)});
        Stmt& set = impl_->cached("UPDATE citations SET target_id = ?2 WHERE id = ?1");
        ResetOnExit set_reset(set);
        for (const auto& p : pending) {
            set.bind(1, p.id);
            if (auto target = impl_->resolve(doc.number->key, p.date, p.issuer, p.from)) set.bind(2, *target);
            else set.bind_null(2);
            set.run();
            set.reset();
        }
    }
    Stmt& generation = impl_->cached("UPDATE meta SET value = value + 1 WHERE key = 'generation'");
    ResetOnExit generation_reset(generation);
    generation.run();
    tx.commit();
    return ImportResult{id, existing ? ImportStatus::replaced : ImportStatus::added};
}

std::vector<DocumentRef> Index::lookup(std::string_view number) const {
    std::vector<DocumentRef> out;
    std::string compact = detail::number_compact(number);
    if (compact.empty()) return out;
    Stmt s(impl_->db, std::string("SELECT ") + kRefColumns + " FROM documents d WHERE d.number_compact = ?1 ORDER BY d.date DESC");
    s.bind(1, compact);
    while (s.step()) out.push_back(ref_from(s, 0));
    return out;
}

SearchResult Index::search(std::string_view query, const SearchOptions& options) const {
    options.validate();
    SearchResult result;
    if (detail::looks_like_number(query)) {
        result.candidates = lookup(query);
        if (!result.candidates.empty()) {
            result.total = static_cast<std::int64_t>(result.candidates.size());
            return result;
        }
    }
    std::string expr = detail::to_fts5(query);
    const std::string type_key = options.type.empty() ? "" : fold_text(canonical_type(options.type));
    const std::string issuer_needles = options.issuer.empty() ? "" : name_needles(options.issuer);
    bool in_tasks = options.in == "tasks";
    if (options.in == "title") expr = "{title} : (" + expr + ")";
    else if (options.in == "text") expr = "{text} : (" + expr + ")";
    std::vector<std::string> raw_snippets;
    const bool filtered = !options.type.empty() || !options.issuer.empty() || !options.from.empty() ||
                          !options.to.empty() || !options.agency.empty();
    try {
        if (!in_tasks && !filtered) {
            // No filter: ranked by vi_bm25 (bm25 with the title weighted 10x, computed faster:
            // rank.cpp), whose ORDER BY ... LIMIT keeps only the page in the sorter. The total comes
            // from the same pass: vi_bm25 counts the rows it scores into the rank context (bound as a
            // pointer), which also carries the IDFs kept per expression and the row lengths.
            // These statements are the same for every query: prepared once per connection.
            static const std::string ref_by_id = std::string("SELECT ") + kRefColumns + " FROM documents d WHERE d.id = ?1";
            Stmt& page = impl_->cached("SELECT rowid, vi_bm25(documents_fts, 10.0, 1.0, ?4) AS score FROM documents_fts"
                                       " WHERE documents_fts MATCH ?1 ORDER BY score LIMIT ?2 OFFSET ?3");
            detail::RankContext matches;
            const std::int64_t gen = generation();
            matches.idf = &impl_->idf_for(expr, gen);
            matches.lengths = &impl_->lengths_for(gen);
            ResetOnExit page_reset(page);
            page.bind(1, expr).bind(2, static_cast<std::int64_t>(std::clamp(options.limit, 1, 100)));
            page.bind(3, static_cast<std::int64_t>(std::max(options.offset, 0)));
            sqlite3_bind_pointer(page.get(), 4, &matches, detail::kRankContextType, nullptr);
            Stmt& ref = impl_->cached(ref_by_id);
            ResetOnExit ref_reset(ref);
            while (page.step()) {
                SearchHit h;
                ref.bind(1, page.integer(0));
                if (ref.step()) h.document = ref_from(ref, 0);
                ref.reset();
                h.score = -page.real(1);
                result.results.push_back(std::move(h));
            }
            result.total = matches.rows;
        } else {
            // Filters or tasks: the MATCH runs first, in a CTE; filters and the join come after it.
            std::string where = " WHERE 1";
            if (!options.type.empty()) where += " AND vi_fold(d.type) = ?4";
            if (!options.issuer.empty()) where += " AND vi_fold_has(d.issuer, ?5)";
            if (!options.from.empty()) where += " AND d.date >= ?6";
            if (!options.to.empty()) where += " AND d.date <= ?7";
            if (!options.agency.empty()) {
                where += " AND d.id IN (SELECT t.document_id FROM tasks t JOIN task_agencies ta ON ta.task_id = t.id"
                         " JOIN agencies a ON a.id = ta.agency_id WHERE vi_fold_has(a.name_folded, ?8))";
            }
            std::string sql =
                in_tasks ? "WITH m AS (SELECT rowid AS tid, vi_bm25(tasks_fts) AS score FROM tasks_fts WHERE tasks_fts MATCH ?1),"
                           " b AS (SELECT t.document_id AS id, m.score AS score, t.id AS tid, t.path AS path,"
                           " row_number() OVER (PARTITION BY t.document_id ORDER BY m.score) AS rn FROM m JOIN tasks t"
                           " ON t.id = m.tid) SELECT " +
                               std::string(kRefColumns) +
                               ", b.score, count(*) OVER (), b.tid, b.path FROM b JOIN documents d ON d.id = b.id" + where +
                               " AND b.rn = 1 ORDER BY b.score LIMIT ?2 OFFSET ?3"
                         : "WITH m AS (SELECT rowid AS id, vi_bm25(documents_fts, 10.0, 1.0) AS score FROM documents_fts"
                           " WHERE documents_fts MATCH ?1) SELECT " +
                               std::string(kRefColumns) +
                               ", m.score, count(*) OVER (), NULL, NULL FROM m JOIN documents d ON d.id = m.id" + where +
                               " ORDER BY m.score LIMIT ?2 OFFSET ?3";
            Stmt s(impl_->db, sql);
            s.bind(1, expr).bind(2, static_cast<std::int64_t>(std::clamp(options.limit, 1, 100)));
            s.bind(3, static_cast<std::int64_t>(std::max(options.offset, 0)));
            if (!options.type.empty()) s.bind(4, type_key);
            if (!options.issuer.empty()) s.bind(5, issuer_needles);
            if (!options.from.empty()) s.bind(6, options.from);
            if (!options.to.empty()) s.bind(7, options.to + "~");  // "2022-04" covers the whole month
            if (!options.agency.empty()) s.bind(8, name_needles(options.agency));
            std::vector<std::int64_t> task_ids;
            while (s.step()) {
                SearchHit h;
                h.document = ref_from(s, 0);
                h.score = -s.real(6);
                result.total = s.integer(7);
                if (in_tasks) {
                    task_ids.push_back(s.integer(8));
                    h.section_path = s.text(9);
                }
                result.results.push_back(std::move(h));
            }
            if (in_tasks) {
                Stmt& snip = impl_->cached("SELECT vi_snippet(tasks_fts, 0, char(1), char(2), '…', 24) FROM tasks_fts"
                                           " WHERE tasks_fts MATCH ?1 AND rowid = ?2");
                ResetOnExit snip_reset(snip);
                for (std::size_t i = 0; i < result.results.size(); ++i) {
                    snip.bind(1, expr).bind(2, task_ids[i]);
                    if (snip.step()) split_highlights(snip.text(0), result.results[i]);
                    snip.reset();
                }
                return result;
            }
        }
        // Snippets for the page only, each with the offset of its first match (for its section).
        Stmt& snip = impl_->cached("SELECT vi_snippet(documents_fts, 1, char(1), char(2), '…', 24, 1) FROM documents_fts"
                                   " WHERE documents_fts MATCH ?1 AND rowid = ?2");
        ResetOnExit snip_reset(snip);
        for (const auto& h : result.results) {
            snip.bind(1, expr).bind(2, h.document.id);
            raw_snippets.push_back(snip.step() ? snip.text(0) : std::string());
            snip.reset();
        }
    } catch (const IndexError& e) {
        throw QueryError(std::string("the query could not be run: ") + e.what());
    }
    impl_->finish_hits(result, raw_snippets);
    return result;
}

void Index::Impl::finish_hits(SearchResult& result, const std::vector<std::string>& raw_snippets) const {
    // Each snippet starts with the byte offset of its first match ("1234\x03..."; vi_snippet's
    // with_offset). Walking back from that offset along sections_position, the first section that
    // has not ended is the deepest one around it: the hit's section.
    Stmt& section = cached("SELECT path FROM sections WHERE document_id = ?1 AND start <= ?2 AND end > ?2"
                           " ORDER BY start DESC LIMIT 1");
    ResetOnExit section_reset(section);
    for (std::size_t i = 0; i < result.results.size(); ++i) {
        SearchHit& h = result.results[i];
        std::string_view raw = raw_snippets[i];
        std::int64_t offset = -1;
        if (std::size_t mark = raw.find('\x03'); mark != std::string_view::npos) {
            std::string digits(raw.substr(0, mark));
            if (!digits.empty() && digits != "-1") offset = std::stoll(digits);
            raw.remove_prefix(mark + 1);
        }
        split_highlights(std::string(raw), h);
        if (offset < 0) continue;
        section.bind(1, h.document.id).bind(2, offset);
        if (section.step()) h.section_path = section.text(0);
        section.reset();
    }
}

DocumentList Index::list(const ListOptions& options) const {
    options.validate();
    std::string where = " WHERE 1";
    const std::string type_key = options.type.empty() ? "" : fold_text(canonical_type(options.type));
    const std::string issuer_needles = options.issuer.empty() ? "" : name_needles(options.issuer);
    if (!options.type.empty()) where += " AND vi_fold(d.type) = ?3";
    if (!options.issuer.empty()) where += " AND vi_fold_has(d.issuer, ?4)";
    if (!options.from.empty()) where += " AND d.date >= ?5";
    if (!options.to.empty()) where += " AND d.date <= ?6";
    auto bind = [&](Stmt& s) {
        if (!options.type.empty()) s.bind(3, type_key);
        if (!options.issuer.empty()) s.bind(4, issuer_needles);
        if (!options.from.empty()) s.bind(5, options.from);
        if (!options.to.empty()) s.bind(6, options.to + "~");  // "2022-04" covers the whole month
    };
    DocumentList out;
    Stmt count(impl_->db, "SELECT count(*) FROM documents d" + where);
    bind(count);
    if (count.step()) out.total = count.integer(0);
    Stmt page(impl_->db, std::string("SELECT ") + kRefColumns + " FROM documents d" + where +
                             " ORDER BY d.date IS NULL, d.date DESC, d.id DESC LIMIT ?1 OFFSET ?2");
    page.bind(1, static_cast<std::int64_t>(std::clamp(options.limit, 1, 100)));
    page.bind(2, static_cast<std::int64_t>(std::max(options.offset, 0)));
    bind(page);
    while (page.step()) out.documents.push_back(ref_from(page, 0));
    return out;
}

std::optional<DocumentRef> Index::document(std::int64_t id) const {
    Stmt s(impl_->db, std::string("SELECT ") + kRefColumns + " FROM documents d WHERE d.id = ?1");
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    return ref_from(s, 0);
}

References Index::references(std::int64_t id) const {
    References r;
    auto doc = document(id);
    if (!doc) throw IndexError("no document with id " + std::to_string(id), SQLITE_NOTFOUND);
    r.document = *doc;
    Stmt cites(impl_->db, std::string("SELECT c.number, c.number_key, c.relation, ifnull(c.date,''), c.target_id, ") +
                              kRefColumns + " FROM citations c LEFT JOIN documents d ON d.id = c.target_id"
                              " WHERE c.document_id = ?1 ORDER BY c.start");
    cites.bind(1, id);
    // One entry per cited number and relation (a plan names what it implements in its title and again
    // in its opening), in the order of first mention.
    std::set<std::pair<std::string, std::string>> listed;
    while (cites.step()) {
        if (!listed.emplace(cites.text(1).empty() ? cites.text(0) : cites.text(1), cites.text(2)).second) continue;
        Citation c;
        c.number = cites.text(0);
        c.number_key = cites.text(1);
        c.relation = cites.text(2);
        c.date = cites.text(3);
        if (!cites.is_null(4)) c.resolved = ref_from(cites, 5);
        r.cites.push_back(std::move(c));
    }
    Stmt by(impl_->db, std::string("SELECT c.relation, ") + kRefColumns +
                           " FROM citations c JOIN documents d ON d.id = c.document_id WHERE c.target_id = ?1"
                           " GROUP BY d.id, c.relation ORDER BY d.date, d.id, min(c.start)");
    by.bind(1, id);
    while (by.step()) r.cited_by.push_back(CitedBy{ref_from(by, 1), by.text(0)});
    return r;
}

void Index::optimize() {
    exec(impl_->db, "INSERT INTO documents_fts(documents_fts) VALUES('optimize');"
                    "INSERT INTO tasks_fts(tasks_fts) VALUES('optimize'); PRAGMA incremental_vacuum;"
                    " PRAGMA optimize;");
}

ImportBatch::ImportBatch(Index& index) : db_(index.handle()) { exec(static_cast<sqlite3*>(db_), "BEGIN IMMEDIATE"); }

ImportBatch::~ImportBatch() {
    if (open_) sqlite3_exec(static_cast<sqlite3*>(db_), "ROLLBACK", nullptr, nullptr, nullptr);
}

void ImportBatch::commit() {
    exec(static_cast<sqlite3*>(db_), "COMMIT");
    open_ = false;
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

std::optional<DocumentDetail> Index::detail(std::int64_t id) const {
    Stmt s(impl_->db, std::string("SELECT ") + kRefColumns + ", ifnull(d.source_path,''), d.imported_at, d.text FROM documents d"
                                                             " WHERE d.id = ?1");
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    DocumentDetail out;
    out.document = ref_from(s, 0);
    out.source_path = s.text(6);
    out.imported_at = s.text(7);
    out.text = s.text(8);
    // UTF-16 index of every byte offset of the text (offsets are stored as bytes).
    // (A byte inside a character maps to the character's end, as the spans never point there.)
    std::vector<int> utf16(out.text.size() + 1, 0);
    {
        const auto* p = reinterpret_cast<const uint8_t*>(out.text.data());
        int32_t i = 0, size = static_cast<int32_t>(out.text.size());
        int n = 0;
        while (i < size) {
            int32_t start = i;
            UChar32 c;
            U8_NEXT_OR_FFFD(p, i, size, c);
            utf16[static_cast<std::size_t>(start)] = n;
            n += U16_LENGTH(c);
            for (int32_t k = start + 1; k <= i; ++k) utf16[static_cast<std::size_t>(k)] = n;
        }
    }
    auto at = [&](std::int64_t byte) { return utf16[static_cast<std::size_t>(std::clamp<std::int64_t>(byte, 0, static_cast<std::int64_t>(out.text.size())))]; };
    Stmt sec(impl_->db, "SELECT path, kind, heading, start, end FROM sections WHERE document_id = ?1 ORDER BY id");
    sec.bind(1, id);
    while (sec.step()) {
        std::string path = sec.text(0);
        int depth = static_cast<int>(std::count(path.begin(), path.end(), '.'));
        out.sections.push_back({path, sec.text(1), sec.text(2), depth, at(sec.integer(3)), at(sec.integer(4))});
    }
    Stmt task(impl_->db, std::string("SELECT t.id, t.path, ") + kTaskText +
                             ", t.deadline_text, ifnull(t.deadline_from,''), ifnull(t.deadline_to,''), t.start, t.end"
                             " FROM tasks t JOIN documents d ON d.id = t.document_id WHERE t.document_id = ?1"
                             " ORDER BY t.id");
    Stmt ag(impl_->db, "SELECT a.id, a.name, ta.role FROM task_agencies ta JOIN agencies a ON a.id = ta.agency_id"
                       " WHERE ta.task_id = ?1 ORDER BY ta.rowid");
    task.bind(1, id);
    while (task.step()) {
        DocumentDetail::Task t;
        t.path = task.text(1);
        t.text = task.text(2);
        t.start = at(task.integer(6));
        t.end = at(task.integer(7));
        if (!task.is_null(3)) t.deadline = Deadline{task.text(3), task.text(4), task.text(5)};
        ag.bind(1, task.integer(0));
        while (ag.step()) t.agencies.push_back({ag.text(0), ag.text(1), ag.text(2)});
        ag.reset();
        out.tasks.push_back(std::move(t));
    }
    out.references = references(id);
    return out;
}

Graph Index::graph(std::int64_t id, int depth) const {
    if (depth < 1 || depth > 5) throw QueryError("the depth must be from 1 to 5");
    auto root = document(id);
    if (!root) throw NotFound("no document with id " + std::to_string(id));
    Graph g;
    std::set<std::int64_t> seen = {id};
    std::vector<std::int64_t> frontier = {id};
    g.nodes.push_back(*root);
    std::set<std::tuple<std::int64_t, std::int64_t, std::string>> edges;
    Stmt out_edges(impl_->db, "SELECT document_id, target_id, relation FROM citations WHERE target_id IS NOT NULL AND"
                              " (document_id = ?1 OR target_id = ?1)");
    for (int level = 0; level < depth && !frontier.empty(); ++level) {
        std::vector<std::int64_t> next;
        for (auto n : frontier) {
            out_edges.bind(1, n);
            while (out_edges.step()) {
                std::int64_t from = out_edges.integer(0), to = out_edges.integer(1);
                edges.insert({from, to, out_edges.text(2)});
                for (auto other : {from, to}) {
                    if (seen.insert(other).second) {
                        next.push_back(other);
                        if (auto d = document(other)) g.nodes.push_back(*d);
                    }
                }
            }
            out_edges.reset();
        }
        frontier = std::move(next);
    }
    for (const auto& [from, to, relation] : edges) {
        if (seen.count(from) && seen.count(to)) g.edges.push_back({from, to, relation});
    }
    return g;
}

}  // namespace vanban
