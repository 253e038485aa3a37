// The words of a text as the "vi" tokenizer indexes them, and the model of the corpus's word forms
// that restores the diacritics of a query typed without them. Internal.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "vanban/fts.h"

namespace vanban::detail {

/// Calls `on_word` for every word of `text` in order, with its forms (folded, and exact when it
/// differs: tokenizer.cpp) and its byte range in `text`.
void each_word(std::string_view text, const std::function<void(const WordForms&, std::size_t, std::size_t)>& on_word);

/// Counts in how many documents each word form and each pair of consecutive forms appears, keyed by
/// their folded form: "so" -> {"sở": 310, "số": 520, "so": 40}, "so y" -> {"sở y": 290, "số y": 3}.
/// A form is the word as the tokenizer keeps it exactly (lowercase, tone placement unified); words
/// with digits are left out, and a pair does not run across a line break.
class WordModelBuilder {
public:
    void add(std::string_view text);
    /// (folded, form, documents) for every entry found in at least `min_documents` documents.
    std::vector<std::tuple<std::string, std::string, std::int64_t>> entries(std::int64_t min_documents) const;
    std::int64_t documents() const { return documents_; }  ///< texts added

private:
    std::uint32_t intern(const WordForms& w);
    std::int64_t documents_ = 0;
    // Each distinct form gets a number; an entry is a form (id << 32 | kNone) or a pair (id << 32 | id).
    std::vector<std::pair<std::string, std::string>> forms_;  // by id: (folded, form)
    std::unordered_map<std::string, std::uint32_t> ids_;      // "folded\tform" -> id
    std::unordered_map<std::uint64_t, std::int64_t> counts_;
    std::vector<std::uint64_t> seen_;  // one document's entries, reused
    static constexpr std::uint64_t kNone = 0xFFFFFFFFu;
};

/// What restore_diacritics asks of the model: the forms of a folded word or pair with their counts.
using FormsOf = std::function<std::vector<std::pair<std::string, std::int64_t>>(const std::string& folded)>;

/// The query with each word typed without diacritics replaced by its most likely form: the path of
/// forms most likely under a bigram model of the counts (Viterbi over at most kMaxForms forms per
/// word; the count of documents of the model is the entry of the empty word, forms_of("")). Words typed with diacritics, words with digits and
/// words the model does not know stay as typed; so does a query with quotes, a prefix (*) or OR.
/// "so y te" -> "sở y tế", "phong chong dich" -> "phòng chống dịch".
std::string restore_diacritics(std::string_view query, const FormsOf& forms_of);

inline constexpr std::size_t kMaxForms = 8;

}  // namespace vanban::detail
