// vanban index: an SQLite database of parsed documents with full-text search (FTS5 and the
// Vietnamese tokenizer "vi"), cross-references resolved between documents, and task assignments.
// The value types are in documents.h, search.h and assignments.h; renderings in render.h; the FTS5
// extension in fts.h.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vanban/assignments.h"
#include "vanban/documents.h"
#include "vanban/index_errors.h"
#include "vanban/search.h"

namespace vanban {

struct Document;

/// What the parser read to make a document, kept with it so that it can be read again as it was
/// (Index::parsed, the Akoma Ntoso export): the decoded text, or an Akoma Ntoso file read by read_akn.
struct ParserInput {
    std::string text;
    bool akn = false;
    std::string deflated;  ///< `text` zlib-compressed as it is stored, when the caller has it (import_files makes it on its workers)
};

/// Owns one SQLite connection (move-only). Opening creates or migrates the schema (WAL mode,
/// foreign keys on, schema version in PRAGMA user_version) and registers the "vi" tokenizer.
/// Every method throws IndexError on a database error; search throws QueryError on a bad query.
/// Single-threaded: use one Index per thread (the server opens one per worker; SQLite's WAL lets
/// them read while one writes).
/// How Index opens its file: `create` makes a new database where there is none (import, a writable
/// server); `existing` throws IndexError naming the path when there is none (every read command), so
/// that a mistyped path is an error rather than an empty answer; `read_only` opens an existing
/// database for reading only (every read command, the server's readers, `serve --read-only`): it never
/// creates, migrates or writes anything, works on a read-only file in a read-only folder (a snapshot,
/// docs/SCALING.md), and throws IndexError when the schema is older than this vanban's (open it once
/// for writing to upgrade it); every write through it throws IndexError.
enum class OpenMode { create, existing, read_only };

class Index {
public:
    /// Opens the database at `path` (see OpenMode).
    explicit Index(const std::string& path, OpenMode mode = OpenMode::create);
    ~Index();
    Index(Index&&) noexcept;
    Index& operator=(Index&&) noexcept;
    Index(const Index&) = delete;
    Index& operator=(const Index&) = delete;

    /// Imports one parsed document in one transaction. A document already present with the same
    /// normalized text (doc.text: a BOM, CRLF or another encoding of it is the same) is `unchanged`;
    /// a changed version of the same document (same number key, issuer and
    /// date, or the same source path when it has no number) replaces it, keeping one row. Citations
    /// from and to it are resolved again. `input` (what the parser read) is stored for parsed().
    ImportResult import_document(const Document& doc, std::string_view source_path, const ParserInput& input = {});

    /// Removes a document with its sections, tasks, assignments and citations in one transaction;
    /// citations of it elsewhere are resolved again (to another document with that number, or to none:
    /// unresolved). Returns what was removed; NotFound when there is no such id.
    DocumentRef remove(std::int64_t id);

    /// Full-text search with the query syntax of docs/ARCHITECTURE.md; a query that is a document number
    /// returns `candidates` instead.
    SearchResult search(std::string_view query, const SearchOptions& options = {}) const;

    /// Documents whose number key matches `number` (as typed: "134/KH-UBND", "kh-ubnd 134", "38 NQ CP").
    std::vector<DocumentRef> lookup(std::string_view number) const;

    /// Documents matching the filters, newest first (type and issuer compared as search does).
    DocumentList list(const ListOptions& options = {}) const;

    std::optional<DocumentRef> document(std::int64_t id) const;  ///< by id, or nullopt
    /// What it cites (resolved or not) and what cites it; NotFound when there is no such id.
    References references(std::int64_t id) const;

    /// A number that imported documents cite but no document in the index holds (lookup() finds
    /// nothing): its citations, newest citing document first; nullopt when a document holds it or
    /// nothing cites it. The number is compared by its key (number_key: case, zeros, spacing aside).
    std::optional<CitedOnly> cited_only(std::string_view number) const;

    /// A document with its outline, tasks and references; nullopt when there is no such id.
    std::optional<DocumentDetail> detail(std::int64_t id) const;

    /// The document as the parser gave it at import: its stored input read again (parse, or read_akn
    /// for an Akoma Ntoso file); for a document imported before the input was kept (schema 2) or
    /// without it, its text parsed. nullopt when there is no such id.
    std::optional<Document> parsed(std::int64_t id) const;

    /// Documents within `depth` (1-5) citation steps of `id`, in either direction, and the citations
    /// between them (resolved ones only: a node is a document in the index). QueryError for a depth out
    /// of range, NotFound when there is no such id.
    Graph graph(std::int64_t id, int depth = 1) const;

    /// Every task assigned to the agencies `agency` names: canonical name, alias or abbreviation,
    /// with or without diacritics, alone or followed by a province ("so y te", "SYT", "Sở Y tế Hà
    /// Nội", "SYT Hà Nội", "cong an ha noi", "UBND tinh Dong Thap"); failing those, any agency whose
    /// name contains the words. A current body also lists the tasks of the former bodies it took over
    /// (Assignment::former), unless options.include_former is false; a former body is listed on its
    /// own only when its successor is not listed too, and says what it became (Agency::successor).
    /// Throws QueryError when the options are invalid or the query is empty.
    AssignmentResult assignments(std::string_view agency, const AssignmentOptions& options = {}) const;

    /// The tasks of the agency with this id ("so-y-te@thanh-pho-ha-noi"), or nullopt when the index
    /// has no such agency (neither its own tasks nor a former body's it took over). Throws QueryError
    /// when the options are invalid.
    std::optional<AgencyAssignments> agency_assignments(std::string_view agency_id,
                                                        const AssignmentOptions& options = {}) const;

    /// Agencies that have tasks (their own or their former bodies'), with counts by role; `query`
    /// (optional) narrows by name as above, or by any part of the name.
    std::vector<AgencyCount> agencies(std::string_view query = {}) const;

    /// Merges the full-text indexes into one b-tree each (FTS5 'optimize'): smaller and faster to
    /// query after a bulk import.
    void optimize();

    /// Builds again the model of the corpus's word forms that restores the diacritics of a query typed
    /// without them ("so y te" ranks as "sở y tế" would; docs/ARCHITECTURE.md, Queries), when it is
    /// missing or a tenth of the documents or more changed since it was built (or `force`). It counts
    /// forms and pairs of consecutive forms over the titles and at most kWordModelDocuments texts,
    /// evenly spaced. Import runs it at the end; true when it was built.
    bool refresh_word_model(bool force = false);
    static constexpr std::int64_t kWordModelDocuments = 10000;

    /// Writes a consistent copy of the database to `out` while others may read and write it (VACUUM
    /// INTO: one read snapshot, compacted): a single file in rollback-journal mode, so that a replica
    /// can open it read-only in a folder it cannot write (docs/SCALING.md). It is made beside `out`,
    /// checked (PRAGMA quick_check), synced, and renamed over `out` only when whole: a failure leaves
    /// `out` as it was. IndexError when `out` is this database or cannot be written.
    void snapshot(const std::string& out) const;

    /// A number raised by every import that adds or replaces a document (in any process): what was
    /// read at one generation is current while it stays the same.
    std::int64_t generation() const;

    std::int64_t count() const;  ///< number of documents
    void* handle() const;        ///< the sqlite3*, for tests and tools

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// Holds one read snapshot of the database on an Index while it lives: every read made through that
/// Index meanwhile sees the same committed state, whatever other connections commit (each read method
/// already runs in one snapshot of its own; this joins several, such as generation() and detail()).
/// Outside any transaction only; it writes nothing.
class ReadSnapshot {
public:
    explicit ReadSnapshot(const Index& index);
    ~ReadSnapshot();
    ReadSnapshot(const ReadSnapshot&) = delete;
    ReadSnapshot& operator=(const ReadSnapshot&) = delete;

private:
    void* db_;
    bool open_ = false;
};

/// Groups the imports made while it lives into one transaction, which is much faster for a bulk
/// import (FTS5 merges its index once per transaction). Each document still succeeds or fails
/// alone. Changes are committed by commit(), rolled back if it is destroyed first.
class ImportBatch {
public:
    explicit ImportBatch(Index& index);
    ~ImportBatch();
    ImportBatch(const ImportBatch&) = delete;
    ImportBatch& operator=(const ImportBatch&) = delete;
    void commit();

private:
    void* db_;
    bool open_ = true;
};

}  // namespace vanban
