// Documents as the index returns them: references to documents, imports, the citations between
// documents, a document's detail, lists and the citation graph.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vanban {

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

/// A deadline as the parser read it: its words and the ISO dates it spans.
struct Deadline {
    std::string text, from, to;
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

/// A document known only from the citations of imported documents, not imported itself ("who
/// implements Nghị quyết 38/NQ-CP?" before 38/NQ-CP is in the index): what the citations say of it (the
/// form most of them give) and the documents that cite it, with relation and provision.
struct CitedOnly {
    std::string number, number_key, type, date, issuer;
    struct Citing {
        DocumentRef document;
        std::string relation, provision;
    };
    std::vector<Citing> cited_by;
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
    int offset = 0;   ///< 0-100000000

    void validate() const;  ///< QueryError naming the first option out of range (dates, limit, offset)

    /// Sets the filters by their shared names ("type", "issuer", "from", "to"), as SearchOptions.
    template <class Value>
    void set_filters(Value&& value) {
        type = value("type");
        issuer = value("issuer");
        from = value("from");
        to = value("to");
    }
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
    /// A citation from a node of a number that is not in the index: a node known only by citation.
    struct Cited {
        std::string number, number_key;
        std::int64_t from = 0;
        std::string relation;
    };
    std::vector<DocumentRef> nodes;
    std::vector<Edge> edges;
    std::vector<Cited> cited;  ///< one per citing node, number and relation
};

}  // namespace vanban
