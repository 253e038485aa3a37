// The model of the corpus's word forms, and restoring a query's diacritics with it (words.h).
#include "words.h"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace vanban::detail {

namespace {

bool has_digit(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

bool ascii_letters(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
}

// How much a word's own share weighs against a pair's count in P(form | previous form).
constexpr double kSmoothing = 1.0;

}  // namespace

std::uint32_t WordModelBuilder::intern(const WordForms& w) {
    const std::string& form = w.exact.empty() ? w.folded : w.exact;
    std::string key;
    key.reserve(w.folded.size() + 1 + form.size());
    key.append(w.folded).append(1, '\t').append(form);
    auto [it, added] = ids_.try_emplace(std::move(key), static_cast<std::uint32_t>(forms_.size()));
    if (added) forms_.emplace_back(w.folded, form);
    return it->second;
}

void WordModelBuilder::add(std::string_view text) {
    seen_.clear();
    std::uint64_t prev = kNone;
    std::size_t prev_end = 0;
    each_word(text, [&](const WordForms& w, std::size_t start, std::size_t end) {
        if (has_digit(w.folded)) {
            prev = kNone;
            return;
        }
        const std::uint64_t id = intern(w);
        seen_.push_back(id << 32 | kNone);
        if (prev != kNone && text.substr(prev_end, start - prev_end).find('\n') == std::string_view::npos) {
            seen_.push_back(prev << 32 | id);
        }
        prev = id, prev_end = end;
    });
    std::sort(seen_.begin(), seen_.end());
    seen_.erase(std::unique(seen_.begin(), seen_.end()), seen_.end());
    for (std::uint64_t k : seen_) ++counts_[k];
    ++documents_;
}

std::vector<std::tuple<std::string, std::string, std::int64_t>> WordModelBuilder::entries(std::int64_t min_documents) const {
    std::vector<std::tuple<std::string, std::string, std::int64_t>> out;
    for (const auto& [key, n] : counts_) {
        if (n < min_documents) continue;
        const auto& a = forms_[key >> 32];
        if ((key & kNone) == kNone) {
            out.emplace_back(a.first, a.second, n);
        } else {
            const auto& b = forms_[key & kNone];
            out.emplace_back(a.first + ' ' + b.first, a.second + ' ' + b.second, n);
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::string restore_diacritics(std::string_view query, const FormsOf& forms_of) {
    if (query.find('"') != std::string_view::npos || query.find('*') != std::string_view::npos) return std::string(query);
    struct Word {
        std::string folded;
        std::size_t start, end;
        bool plain;                                              // typed without diacritics: to restore
        std::vector<std::pair<std::string, std::int64_t>> forms;  // candidates with their counts
    };
    std::vector<Word> words;
    bool operators = false;
    each_word(query, [&](const WordForms& w, std::size_t start, std::size_t end) {
        const std::string_view typed = query.substr(start, end - start);
        operators |= typed == "OR";
        Word x{w.folded, start, end, w.exact.empty() && ascii_letters(typed), {}};
        std::vector<std::pair<std::string, std::int64_t>> known = has_digit(w.folded) ? decltype(known){} : forms_of(w.folded);
        std::stable_sort(known.begin(), known.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
        if (x.plain) {
            x.forms = std::move(known);
            if (x.forms.size() > kMaxForms) x.forms.resize(kMaxForms);
            if (std::none_of(x.forms.begin(), x.forms.end(), [&](const auto& f) { return f.first == w.folded; })) {
                x.forms.emplace_back(w.folded, 0);
            }
        } else {
            const std::string& form = w.exact.empty() ? w.folded : w.exact;
            auto it = std::find_if(known.begin(), known.end(), [&](const auto& f) { return f.first == form; });
            x.forms.emplace_back(form, it == known.end() ? 0 : it->second);
        }
        words.push_back(std::move(x));
    });
    if (operators || std::none_of(words.begin(), words.end(), [](const Word& w) { return w.plain; })) return std::string(query);
    // The model's size: the entry of the empty word (Index::refresh_word_model).
    std::int64_t documents = 1;
    for (const auto& [form, n] : forms_of("")) documents = std::max(documents, n);
    const double total = static_cast<double>(documents);
    // Viterbi over the forms: log P(form 0) + the sum of log P(form i | form i - 1), each pair's count
    // interpolated with the word's own share (so a pair never seen is unlikely, not impossible).
    std::vector<std::vector<double>> best(words.size());
    std::vector<std::vector<std::size_t>> from(words.size());
    for (std::size_t i = 0; i < words.size(); ++i) {
        const auto& forms = words[i].forms;
        best[i].assign(forms.size(), -1e300);
        from[i].assign(forms.size(), 0);
        std::unordered_map<std::string, std::int64_t> pairs;
        if (i > 0 && (words[i].plain || words[i - 1].plain)) {
            for (auto& [form, n] : forms_of(words[i - 1].folded + ' ' + words[i].folded)) pairs[form] = n;
        }
        for (std::size_t c = 0; c < forms.size(); ++c) {
            const double own = (static_cast<double>(forms[c].second) + 0.5) / total;
            if (i == 0) {
                best[i][c] = std::log(own);
                continue;
            }
            for (std::size_t p = 0; p < words[i - 1].forms.size(); ++p) {
                const auto& prev = words[i - 1].forms[p];
                auto it = pairs.find(prev.first + ' ' + forms[c].first);
                const double pair = it == pairs.end() ? 0.0 : static_cast<double>(it->second);
                const double score = best[i - 1][p] + std::log((pair + kSmoothing * own) / (static_cast<double>(prev.second) + kSmoothing));
                if (score > best[i][c]) best[i][c] = score, from[i][c] = p;
            }
        }
    }
    std::vector<std::size_t> chosen(words.size());
    chosen.back() = static_cast<std::size_t>(std::max_element(best.back().begin(), best.back().end()) - best.back().begin());
    for (std::size_t i = words.size() - 1; i > 0; --i) chosen[i - 1] = from[i][chosen[i]];
    // The query with each restored word put in place of the typed one, from the end.
    std::string out(query);
    for (std::size_t i = words.size(); i-- > 0;) {
        const Word& w = words[i];
        const std::string& form = w.forms[chosen[i]].first;
        if (w.plain && form != w.folded) out.replace(w.start, w.end - w.start, form);
    }
    return out;
}

}  // namespace vanban::detail
