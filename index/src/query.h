// The user's query syntax and document numbers typed as queries.
#pragma once

#include <cstdint>

#include <string>
#include <string_view>

namespace vanban::detail {

/// Translates a user query into an FTS5 MATCH expression in which all user text is quoted.
/// Throws QueryError on an unbalanced quote or an empty query.
std::string to_fts5(std::string_view query);

/// A separator-free form of a document number for matching what users type: "134/KH-UBND",
/// "kh-ubnd 134", "134 KH UBND" -> "134KHUBND". Empty when there is no sequence number.
std::string number_compact(std::string_view printed);

/// True when a query is probably a document number rather than words.
bool looks_like_number(std::string_view query);

/// Counts the rows vi_bm25 scores, when bound as its last argument with sqlite3_bind_pointer and
/// type kMatchCounterType: the number of matches, without a second pass over the doclists. A row is
/// counted once, the first time it is scored (the MATCH visits rows in ascending rowid order).
struct MatchCounter {
    std::int64_t rows = 0;
    std::int64_t last_rowid = INT64_MIN;
};
inline constexpr const char* kMatchCounterType = "vanban_match_counter";

}  // namespace vanban::detail
