// vanban index: an SQLite database of parsed documents with full-text search (FTS5 and the
// Vietnamese tokenizer "vi"), cross-references resolved between documents, and task assignments.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace vanban {

struct Document;

/// The database could not be opened, read or written; `code` is the SQLite result code.
class IndexError : public std::runtime_error {
public:
    IndexError(const std::string& what, int code) : std::runtime_error(what), code_(code) {}
    int code() const { return code_; }

private:
    int code_;
};

/// A search query that cannot be understood (an unbalanced quote, nothing to search for).
class QueryError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// A document as lists and results show it.
struct DocumentRef {
    std::int64_t id = 0;
    std::string number, type, issuer, date, title;
};

/// What an import did with one document.
enum class ImportStatus { added, replaced, unchanged };

std::string_view to_string(ImportStatus status);

struct ImportResult {
    std::int64_t id = 0;
    ImportStatus status = ImportStatus::added;
};

/// Filters (empty = none). `type`: a type of vanban::document_types(), by name with or without
/// diacritics ("Kế hoạch", "ke hoach") or by a number's type code ("KH"); another value is a
/// QueryError. `issuer`: documents whose issuer contains the words, or is the body they name as
/// people write it ("UBND Hà Nội", "HĐND tỉnh Đồng Tháp", "Bộ TTTT"). `agency`: documents that give
/// a task to an agency whose name contains the words or is the body they name ("SYT Hà Nội").
/// `from`/`to`: dates (YYYY, YYYY-MM, YYYY-MM-DD).
struct SearchOptions {
    std::string type, issuer, agency, from, to;
    std::string in;                              ///< "", "title", "text", "tasks"
    int limit = 20;
    int offset = 0;
};

struct SearchHit {
    DocumentRef document;
    double score = 0;
    std::string section_path;                      ///< the section of the first match ("II.3.a"), or ""
    std::string snippet;                           ///< with the matches between \x01 and \x02
    std::vector<std::pair<int, int>> highlights;   ///< [start, end) in UTF-16 code units of the plain snippet
};

struct SearchResult {
    std::int64_t total = 0;
    std::vector<SearchHit> results;
    std::vector<DocumentRef> candidates;  ///< set instead of results when the query is a document number
};

struct Citation {
    std::string number, number_key, relation, date;
    std::optional<DocumentRef> resolved;
};

struct CitedBy {
    DocumentRef document;
    std::string relation;
};

struct References {
    DocumentRef document;
    std::vector<Citation> cites;
    std::vector<CitedBy> cited_by;
};

struct AssignmentOptions {
    std::string place;              ///< only agencies of this province ("Hà Nội", "ha noi", "HN", "TP.HCM")
    std::string role;               ///< "", "lead", "support" or "requested"
    std::string from, to;           ///< only tasks whose deadline overlaps [from, to] (ISO dates, or a prefix)
    bool include_collective = false;  ///< add tasks addressed to a collective that includes the agency
    bool include_former = true;     ///< add the tasks of the bodies it took over (2025 reorganisation)
};

/// An agency named in passing: a successor or a former body.
struct AgencyRef {
    std::string id, name, place;
};

struct Agency {
    std::string id, name, place;
    std::vector<std::string> aliases;
    /// For a former body (the catalogue's successor column): the body that now does its work, after
    /// the 2025 reorganisation ("Bộ Thông tin và Truyền thông" -> "Bộ Khoa học và Công nghệ";
    /// "Sở Y tế tỉnh Phú Yên" -> "Sở Y tế tỉnh Đắk Lắk"). Null for a current body.
    std::optional<AgencyRef> successor;
    /// For a current body: the former bodies in the index whose work it took over.
    std::vector<AgencyRef> predecessors;
};

struct Deadline {
    std::string text, from, to;
};

struct Assignment {
    DocumentRef document;
    std::string path, text, role;
    bool via_collective = false;
    std::string collective;  ///< the collective's name when via_collective
    std::optional<AgencyRef> former;  ///< the former body the task was given to, when not the agency itself
    std::optional<Deadline> deadline;
};

struct AgencyAssignments {
    Agency agency;
    std::vector<Assignment> assignments;
};

struct AssignmentResult {
    std::string query;
    std::vector<AgencyAssignments> agencies;  ///< every agency the query names (each province's Sở Y tế)
};

/// An agency with its task counts by role, the tasks of the former bodies it took over included
/// (`inherited` of them).
struct AgencyCount {
    Agency agency;
    std::int64_t lead = 0, support = 0, requested = 0;
    std::int64_t inherited = 0;
};

/// A document with its text, outline, tasks and references, as `vanban show` prints it. Offsets
/// (`start`, `end`) are [start, end) in UTF-16 code units of `text`, as JavaScript indexes strings.
struct DocumentDetail {
    DocumentRef document;
    std::string source_path, imported_at, text;
    struct Section {
        std::string path, kind, heading;
        int depth = 0;
        int start = 0, end = 0;
    };
    struct TaskAgency {
        std::string id, name, role;
    };
    struct Task {
        std::string path, text;
        int start = 0, end = 0;
        std::vector<TaskAgency> agencies;
        std::optional<Deadline> deadline;
    };
    std::vector<Section> sections;
    std::vector<Task> tasks;
    References references;
};

/// Filters for listing documents (newest first); empty = none; `type` and `issuer` as SearchOptions.
struct ListOptions {
    std::string type, issuer, from, to;
    int limit = 20;   ///< 1-100
    int offset = 0;
};

struct DocumentList {
    std::int64_t total = 0;
    std::vector<DocumentRef> documents;
};

/// The citation graph around a document: documents within `depth` citation steps, either way.
struct Graph {
    struct Edge {
        std::int64_t from = 0, to = 0;
        std::string relation;
    };
    std::vector<DocumentRef> nodes;
    std::vector<Edge> edges;
};

/// Owns one SQLite connection (move-only). Opening creates or migrates the schema (WAL mode,
/// foreign keys on, schema version in PRAGMA user_version) and registers the "vi" tokenizer.
/// Every method throws IndexError on a database error; search throws QueryError on a bad query.
class Index {
public:
    /// Opens (creating if needed) the database at `path`.
    explicit Index(const std::string& path);
    ~Index();
    Index(Index&&) noexcept;
    Index& operator=(Index&&) noexcept;
    Index(const Index&) = delete;
    Index& operator=(const Index&) = delete;

    /// Imports one parsed document in one transaction. A document already present with the same
    /// content is `unchanged`; a changed version of the same document (same number key, issuer and
    /// date, or the same source path when it has no number) replaces it, keeping one row. Citations
    /// from and to it are resolved again.
    ImportResult import_document(const Document& doc, std::string_view source_path, std::string_view bytes);

    /// Full-text search with the query syntax of docs/ARCHITECTURE.md; a query that is a document number
    /// returns `candidates` instead.
    SearchResult search(std::string_view query, const SearchOptions& options = {}) const;

    /// Documents whose number key matches `number` (as typed: "134/KH-UBND", "kh-ubnd 134", "38 NQ CP").
    std::vector<DocumentRef> lookup(std::string_view number) const;

    /// Documents matching the filters, newest first (type and issuer compared as search does).
    DocumentList list(const ListOptions& options = {}) const;

    /// A document by id, or nullopt.
    std::optional<DocumentRef> document(std::int64_t id) const;

    /// What a document cites (resolved or not) and what cites it.
    References references(std::int64_t id) const;

    /// A document with its outline, tasks and references; nullopt when there is no such id.
    std::optional<DocumentDetail> detail(std::int64_t id) const;

    /// Documents within `depth` (1-5) citation steps of `id`, in either direction, and the citations
    /// between them (resolved ones only: a node is a document in the index).
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

    /// A number raised by every import that adds or replaces a document (in any process): what was
    /// read at one generation is current while it stays the same.
    std::int64_t generation() const;

    /// Number of documents.
    std::int64_t count() const;

    /// Low-level access for tests and tools (the sqlite3*, as void*).
    void* handle() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// JSON renderings, the objects the CLI's --json prints and the HTTP API serves. A document is always
/// {id, number, type, issuer, date, title}; an empty field is null. `indent` 0 is compact (HTTP).
std::string to_json(const DocumentRef& doc, int indent = 2);
std::string to_json(const SearchResult& result, int indent = 2);
std::string to_json(const References& refs, int indent = 2);
std::string to_json(const AssignmentResult& result, int indent = 2);
std::string to_json(const DocumentDetail& detail, int indent = 2);
std::string to_json(const Graph& graph, int indent = 2);
std::string to_json(const std::vector<AgencyCount>& agencies, int indent = 2);
std::string to_json(const DocumentList& list, int indent = 2);
std::string to_json(const AgencyAssignments& assignments, int indent = 2);  ///< as an AssignmentResult with one agency

/// Assignments as CSV (RFC 4180, CRLF line ends, a header row, no BOM): one row per task.
std::string to_csv(const AssignmentResult& result);

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

/// A date as filters take it: YYYY, YYYY-MM or YYYY-MM-DD (a prefix covers the whole year or month).
bool valid_date(std::string_view s);

/// Registers the "vi" FTS5 tokenizer on an open sqlite3 connection (given as void*). Used by Index
/// on every connection it opens, and by tests that create their own tables.
void register_vi_tokenizer(void* sqlite3_db);

/// The forms the tokenizer indexes for one word: the folded form ("dinh") and, when it differs, the
/// exact form with tone placement unified ("định", "hòa" for "hoà").
struct WordForms {
    std::string folded;
    std::string exact;
};
WordForms word_forms(std::string_view word);

}  // namespace vanban
