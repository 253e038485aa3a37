// The Index's state (Index::Impl) and what the two halves of the index share: index.cpp (opening,
// migrations, import) and reads.cpp (search, look-ups, documents, the graph). Internal.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "catalog.h"
#include "query.h"
#include "rows.h"
#include "sqlite.h"
#include "vanban/index.h"
#include "vanban/parser.h"

namespace vanban {

namespace detail {

constexpr int kSchemaVersion = 4;

// The schema as version 1 created it, and what version 2 adds (migrations run them in order).
inline constexpr const char* kSchemaV1 = R"SQL(
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
inline constexpr const char* kSchemaV2 = R"SQL(
CREATE TABLE meta(key TEXT PRIMARY KEY, value INTEGER NOT NULL);
INSERT INTO meta VALUES('generation', 0);
DROP INDEX IF EXISTS sections_document;
CREATE INDEX IF NOT EXISTS sections_position ON sections(document_id, start);
)SQL";

// Version 3: what the parser read (the decoded text, or an Akoma Ntoso file: source_format 'akn'),
// zlib-compressed, so that a document can be read again as it was imported (Index::parsed, the AKN
// export).
inline constexpr const char* kSchemaV3 = R"SQL(
ALTER TABLE documents ADD COLUMN source TEXT;
ALTER TABLE documents ADD COLUMN source_format TEXT;
)SQL";

// Version 4: the model of the corpus's word forms (words.h): in how many documents each form of a
// folded word ("so": "sở", "số") and of a folded pair ("so y": "sở y") appears; and the generation it
// was built at (Index::refresh_word_model).
inline constexpr const char* kSchemaV4 = R"SQL(
CREATE TABLE word_model(folded TEXT NOT NULL, form TEXT NOT NULL, documents INTEGER NOT NULL,
  PRIMARY KEY(folded, form)) WITHOUT ROWID;
INSERT OR IGNORE INTO meta VALUES('word_model_generation', -1);
)SQL";

// Whether a read-only open of `path` must be immutable: its folder cannot be written (so SQLite
// cannot create the -shm a WAL reader needs) and there is no -shm. Throws IndexError when the -wal
// beside it holds changes not yet in the file (they would be ignored).
bool needs_immutable(const std::string& path);
// `path` as an SQLite file: URI (percent-encoded where needed).
std::string file_uri(const std::string& path);

// At most `max` bytes of UTF-8 text, cut at a character boundary, with an ellipsis when cut.
std::string shorten(std::string_view text, std::size_t max);

// zlib (RFC 1950) compression of the stored parser input, and back (Poco's deflate streams).
std::string deflate(std::string_view text);
std::string inflate(std::string_view compressed);

// What the catalogue says of an agency id: "so-y-te@thanh-pho-ha-noi" is the local entry so-y-te
// completed with the province thanh-pho-ha-noi; "collective:..." ids are collectives.
struct AgencyRow {
    std::string base, kind = "other", scope, place_id, place;
};

AgencyRow agency_row(std::string_view id);

}  // namespace detail

using detail::catalog_entry;
using detail::exec;
using detail::kRefColumns;
using detail::kTaskText;
using detail::ref_from;
using detail::Stmt;
using detail::ResetOnExit;
using detail::Transaction;
using detail::ReadTransaction;
using detail::agency_row;
using detail::AgencyRow;
using detail::kSchemaV1;
using detail::kSchemaV2;
using detail::kSchemaV3;
using detail::kSchemaV4;
using detail::kSchemaVersion;
using detail::shorten;

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

    // Scores are bm25 times a factor for where the query's words stand (vi_bm25 through
    // RankContext::words): side by side, in the title, all together in order. A type the query names puts its documents first: the first offset + limit +
    // kRerankMargin rows by score (at most kRerankMax) are re-ranked with them (reads.cpp;
    // docs/ARCHITECTURE.md, Queries). `rows`: (id, score), best first; `context` for vi_bm25.
    static constexpr std::int64_t kRerankMargin = 100, kRerankMax = 2000;
    static constexpr double kAdjacentWeight = 0.5, kTitleWordsWeight = 0.5, kTogetherWeight = 0.5;
    std::vector<std::pair<std::int64_t, double>> rerank(std::vector<std::pair<std::int64_t, double>> rows, const std::string& expr,
                                                        const std::string& named_type, detail::RankContext& context, double boost);
    static constexpr double kTypeWeight = 1.5;
    // The query with the diacritics of its plain words restored by the word model (words.h).
    std::string restore_diacritics(std::string_view query) const;

    bool read_only = false;  // opened with OpenMode::read_only

    void check_writable() const {
        if (read_only) throw IndexError("the database is open read-only: it cannot be changed", SQLITE_READONLY);
    }

    // What a read-only connection checks instead of migrating: the schema is this vanban's.
    void check_schema() {
        Stmt v(db, "PRAGMA user_version");
        v.step();
        const int version = static_cast<int>(v.integer(0));
        v.reset();
        if (version > kSchemaVersion) {
            throw IndexError("the database was written by a newer vanban (schema " + std::to_string(version) + ")",
                             SQLITE_MISMATCH);
        }
        if (version == 0) throw IndexError("not a vanban database (no schema)", SQLITE_NOTADB);
        if (version < kSchemaVersion) {
            throw IndexError("the database has schema " + std::to_string(version) + ", older than this vanban's (" +
                                 std::to_string(kSchemaVersion) + "), and a read-only open does not upgrade it: open it once"
                                 " for writing (vanban import, or vanban serve without --read-only)",
                             SQLITE_MISMATCH);
        }
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
        if (version < 3) exec(db, kSchemaV3);
        if (version < 4) exec(db, kSchemaV4);
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

    // A citation to point again at the document its number means (after an import or a removal).
    struct Unresolved {
        std::int64_t id, from;  // the citation, and the document that cites
        std::string key, date, issuer;
    };

    // The citations `sql` selects (id, document_id, number_key, date, issuer), its parameters set by `bind`.
    template <class Bind>
    std::vector<Unresolved> citations(const char* sql, Bind bind) {
        Stmt& s = cached(sql);
        ResetOnExit s_reset(s);
        bind(s);
        std::vector<Unresolved> out;
        while (s.step()) out.push_back({s.integer(0), s.integer(1), s.text(2), s.text(3), s.text(4)});
        return out;
    }

    // Each citation resolved again: to the best document with its number now, or to none.
    void resolve_again(const std::vector<Unresolved>& pending) {
        Stmt& set = cached("UPDATE citations SET target_id = ?2 WHERE id = ?1");
        ResetOnExit set_reset(set);
        for (const auto& p : pending) {
            set.bind(1, p.id);
            if (auto target = resolve(p.key, p.date, p.issuer, p.from)) set.bind(2, *target);
            else set.bind_null(2);
            set.run();
            set.reset();
        }
    }

    // A document's row out of documents_fts (external content: the old values are needed to delete it).
    void unindex_text(std::int64_t id) {
        Stmt& old = cached("SELECT title, text FROM documents WHERE id = ?1");
        ResetOnExit old_reset(old);
        old.bind(1, id);
        if (!old.step()) return;
        Stmt& del = cached("INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES('delete', ?1, ?2, ?3)");
        ResetOnExit del_reset(del);
        del.bind(1, id).bind(2, old.text(0)).bind(3, old.text(1));
        del.run();
    }

    // A change readers must see: the generation moves on (the server's document cache checks it).
    void bump_generation() {
        Stmt& generation = cached("UPDATE meta SET value = value + 1 WHERE key = 'generation'");
        ResetOnExit generation_reset(generation);
        generation.run();
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

}  // namespace vanban
