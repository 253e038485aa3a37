// The user's query syntax and document numbers typed as queries.
#pragma once

#include <cstdint>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vanban::detail {

/// Translates a user query into an FTS5 MATCH expression in which all user text is quoted.
/// Throws QueryError on an unbalanced quote or an empty query. `words`, when given, receives the
/// query word each phrase of the expression stands for ("phòng dịch" -> ("phòng" OR "phong") AND
/// "dich": 0, 0, 1), or nothing when the query has OR, a prefix or a quoted phrase.
std::string to_fts5(std::string_view query, std::vector<int>* words = nullptr);

/// A separator-free form of a document number for matching what users type: "134/KH-UBND",
/// "kh-ubnd 134", "134 KH UBND" -> "134KHUBND". Empty when there is no sequence number.
std::string number_compact(std::string_view printed);

/// True when a query is probably a document number rather than words.
bool looks_like_number(std::string_view query);

/// The words of a query split at spaces, each folded ("Công điện" -> "cong", "dien").
std::vector<std::string> folded_words(std::string_view query);

/// The document type a query names among its words ("công điện", "ke hoach phong chong dich" ->
/// "Kế hoạch"), the longest if several; empty when none.
std::string type_in_query(std::string_view query);

/// A query that names a document type and the head of a number, and nothing else: "nghị quyết 38",
/// "Chỉ thị số 21", "cd 217" (a type code), "kh 134", "luat 51", "nghi dinh 38/2022". `type` is the
/// type's name as documents are typed ("Nghị quyết", "Công điện"); `head` the number's sequence, with
/// its year when given ("38", "38/2022"), leading zeros dropped.
struct TypedNumber {
    std::string type, head;
};
std::optional<TypedNumber> typed_number(std::string_view query);

/// What a search shares with vi_bm25, bound as its last argument with sqlite3_bind_pointer and type
/// kRankContextType:
///   - `rows`: vi_bm25 counts the rows it scores, which is the number of matches, without a second
///     pass over the doclists. A row is counted once, the first time it is scored (the MATCH visits
///     rows in ascending rowid order).
///   - `idf`: when it points at a vector, vi_bm25 takes the phrases' IDFs from it if it holds one per
///     phrase, else computes them (a pass over each phrase's doclist) and leaves them there. The
///     index keeps these per query expression while its generation stays the same.
///   - `lengths`: when set, the token count of each row (all columns) by rowid, instead of a
///     look-up in the docsize table for every row scored; rows past its end are looked up.
struct RankContext {
    std::int64_t rows = 0;
    std::int64_t last_rowid = INT64_MIN;
    std::vector<double>* idf = nullptr;
    const std::vector<std::uint32_t>* lengths = nullptr;
    ///   - `words`: when set, the query word each phrase of the expression stands for (to_fts5's
    ///     `words`); a row where the words stand together, in order, in one column scores `together`
    ///     times its bm25 (docs/ARCHITECTURE.md, Queries).
    ///     The factor is 1 + adjacent x (share of consecutive word pairs side by side) + in_title x
    ///     (share of the words in the title) + together (when all stand together in order).
    const std::vector<int>* words = nullptr;
    double adjacent = 0.0, in_title = 0.0, together = 0.0;
};
inline constexpr const char* kRankContextType = "vanban_rank_context";

}  // namespace vanban::detail
