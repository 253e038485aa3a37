// Full-text search: its options and results.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "vanban/documents.h"
#include "vanban/index_errors.h"

namespace vanban {

/// Filters (empty = none). `type`: a type of vanban::document_types(), by name with or without
/// diacritics ("Kế hoạch", "ke hoach") or by a number's type code ("KH"); another value is a
/// QueryError. `issuer`: documents whose issuer contains the words, or is the body they name as
/// people write it ("UBND Hà Nội", "HĐND tỉnh Đồng Tháp", "Bộ TTTT"). `agency`: documents that give
/// a task to an agency whose name contains the words or is the body they name ("SYT Hà Nội").
/// `from`/`to`: dates (YYYY, YYYY-MM, YYYY-MM-DD).
struct SearchOptions {
    std::string type, issuer, agency, from, to;
    std::string in;                              ///< "", "title", "text", "tasks"
    int limit = 20;                              ///< 1-100
    int offset = 0;                              ///< 0-1000000

    /// Throws QueryError naming the first option out of range (`in`, a date, `limit`, `offset`).
    /// The CLI and the server call it before they open anything; Index::search calls it too.
    void validate() const;

    /// Sets the filters by the names the CLI's options and the server's parameters share ("type",
    /// "issuer", "agency", "from", "to", "in"): `value(name)` is the value given, or "".
    template <class Value>
    void set_filters(Value&& value) {
        type = value("type");
        issuer = value("issuer");
        agency = value("agency");
        from = value("from");
        to = value("to");
        in = value("in");
    }
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
    /// The query as ranked, when its words typed without diacritics were given their most likely
    /// ones ("so y te" -> "sở y tế"); empty when it was ranked as typed. Every form still matches.
    std::string ranked_as;
};

/// A date as filters take it: YYYY, YYYY-MM or YYYY-MM-DD (a prefix covers the whole year or month).
bool valid_date(std::string_view s);

}  // namespace vanban
