// The FTS5 extension the index registers on its connections: the "vi" tokenizer (its word forms
// exposed for tests); vi_bm25 and vi_snippet are registered with it (index/src/rank.cpp, snippet.cpp).
#pragma once

#include <string>
#include <string_view>

namespace vanban {

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
