// The user's query syntax, translated to an FTS5 expression in which every piece of user text is a
// quoted string (so nothing the user types is FTS5 syntax):
//   words            all required           phong chong dich
//   "quoted phrase"  words in sequence       "phòng chống dịch"
//   prefix*          words starting so       phon*
//   OR               between two terms       y OR giáo
//   anything else (numbers, / - . parentheses, a lone *) is literal text.
// A word typed with diacritics matches its exact form or, ranked lower, any accented form:
// ("định" OR "dinh"). An unbalanced quote is a QueryError.
#include "query.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include "vanban/index.h"
#include "vanban/parser.h"

namespace vanban::detail {

namespace {

std::string quoted(std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

// Words of a piece of text as the tokenizer sees them (letters and digits runs are its business; here
// only spaces separate user terms).
std::vector<std::string> split_spaces(std::string_view s) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
        std::size_t j = i;
        while (j < s.size() && s[j] != ' ' && s[j] != '\t') ++j;
        if (j > i) out.emplace_back(s.substr(i, j - i));
        i = j;
    }
    return out;
}

bool has_word_char(std::string_view s) {
    for (unsigned char c : s) {
        if (c >= 0x80 || std::isalnum(c)) return true;
    }
    return false;
}

// One term: exact-or-folded alternatives for a word or phrase typed with diacritics.
std::string term(std::string_view text, bool prefix) {
    std::string folded = fold_text(text);
    bool diacritics = false;
    for (unsigned char c : text) diacritics |= c >= 0x80;
    std::string star = prefix ? "*" : "";
    if (!diacritics) return quoted(folded) + star;
    return "(" + quoted(text) + star + " OR " + quoted(folded) + star + ")";
}

}  // namespace

std::string to_fts5(std::string_view query, std::vector<int>* words) {
    std::vector<std::string> terms;
    bool plain = true;  // words only: no OR, prefix or quoted phrase
    std::vector<bool> or_before;
    bool pending_or = false;
    std::size_t i = 0;
    while (i < query.size()) {
        char c = query[i];
        if (c == ' ' || c == '\t' || c == '\n') {
            ++i;
            continue;
        }
        if (c == '"') {
            std::size_t close = query.find('"', i + 1);
            if (close == std::string_view::npos) throw QueryError("unbalanced quote in query: add the closing \"");
            std::string_view phrase = query.substr(i + 1, close - i - 1);
            i = close + 1;
            if (!has_word_char(phrase)) continue;
            plain = false;
            terms.push_back(term(phrase, false));
            or_before.push_back(pending_or);
            pending_or = false;
            continue;
        }
        std::size_t j = i;
        while (j < query.size() && query[j] != ' ' && query[j] != '\t' && query[j] != '\n' && query[j] != '"') ++j;
        std::string_view word = query.substr(i, j - i);
        i = j;
        if (word == "OR" && !terms.empty()) {
            pending_or = true;
            plain = false;
            continue;
        }
        bool prefix = word.size() > 1 && word.back() == '*';
        plain &= !prefix;
        if (prefix) word.remove_suffix(1);
        if (!has_word_char(word)) continue;  // a lone "*", "-", "(": literal noise
        terms.push_back(term(word, prefix));
        or_before.push_back(pending_or);
        pending_or = false;
    }
    if (terms.empty()) throw QueryError("nothing to search for: type some words or a document number");
    if (words) {
        words->clear();
        for (std::size_t k = 0; plain && k < terms.size(); ++k) {
            // term(): one quoted string, or (exact OR folded): two phrases for the one word.
            const int phrases = terms[k].starts_with("(") ? 2 : 1;
            for (int p = 0; p < phrases; ++p) words->push_back(static_cast<int>(k));
        }
    }
    std::string out;
    for (std::size_t k = 0; k < terms.size(); ++k) {
        if (k) out += or_before[k] ? " OR " : " AND ";
        out += terms[k];
    }
    return out;
}

std::string number_compact(std::string_view printed) {
    // Digits first, then the letters and digits of the symbol, uppercase, no separators, no leading
    // zeros: "134/KH-UBND", "kh-ubnd 134" and "134 KH UBND" all give "134KHUBND".
    std::string f = fold_text(printed);
    std::vector<std::string> tokens;
    std::string cur;
    for (char c : f) {
        if (std::isalnum(static_cast<unsigned char>(c))) {
            cur += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        } else if (c == '.' && !cur.empty() && std::isdigit(static_cast<unsigned char>(cur.back()))) {
            cur += '.';
        } else if (!cur.empty()) {
            tokens.push_back(cur);
            cur.clear();
        }
    }
    if (!cur.empty()) tokens.push_back(cur);
    if (tokens.empty()) return {};
    // The sequence number is the first all-digit token; it goes first.
    std::size_t seq = tokens.size();
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        bool digits = true;
        for (char c : tokens[k]) digits &= std::isdigit(static_cast<unsigned char>(c)) || c == '.';
        if (digits) {
            seq = k;
            break;
        }
    }
    if (seq == tokens.size()) return {};
    std::string s = tokens[seq];
    while (s.size() > 1 && s[0] == '0') s.erase(0, 1);
    std::string out = s;
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        if (k != seq) out += tokens[k];
    }
    return out;
}

namespace {

// The document types as queries name them: the name's folded words and the folded codes, built once
// (both readers below run on every search).
struct TypeWords {
    std::string name;
    std::vector<std::string> words, codes;
};

const std::vector<TypeWords>& type_words() {
    static const std::vector<TypeWords> table = [] {
        std::vector<TypeWords> out;
        for (const auto& t : document_types()) {
            TypeWords x{t.name, {}, {}};
            for (const auto& w : split_spaces(t.name)) x.words.push_back(fold_text(w));
            for (const auto& c : t.codes) {
                if (std::string f = fold_text(c); !f.empty()) x.codes.push_back(std::move(f));
            }
            out.push_back(std::move(x));
        }
        return out;
    }();
    return table;
}

}  // namespace

std::vector<std::string> folded_words(std::string_view query) {
    std::vector<std::string> words;
    for (const auto& w : split_spaces(query)) words.push_back(fold_text(w));
    return words;
}

std::string type_in_query(std::string_view query) {
    const std::vector<std::string> words = folded_words(query);
    std::string best;
    std::size_t best_len = 0;
    for (const auto& t : type_words()) {
        const auto& name = t.words;
        if (name.empty() || name.size() <= best_len || name.size() > words.size()) continue;
        if (std::search(words.begin(), words.end(), name.begin(), name.end()) != words.end()) best = t.name, best_len = name.size();
    }
    return best;
}

std::optional<TypedNumber> typed_number(std::string_view query) {
    const std::vector<std::string> words = folded_words(query);
    if (words.size() < 2 || words.size() > 6) return std::nullopt;
    // The type: its name's words ("nghi quyet") or one of its codes ("nq", "cd") as the first word.
    std::string type;
    std::size_t at = 0;
    for (const auto& t : type_words()) {
        const auto& name = t.words;
        if (!name.empty() && name.size() < words.size() && std::equal(name.begin(), name.end(), words.begin())) {
            if (name.size() > at) type = t.name, at = name.size();
        }
        for (const auto& c : t.codes) {
            if (at == 0 && words[0] == c) type = t.name, at = 1;
        }
    }
    if (type.empty()) return std::nullopt;
    if (at < words.size() && (words[at] == "so" || words[at] == "so:")) ++at;
    if (at + 1 != words.size()) return std::nullopt;
    // The number's head: digits, then at most a year ("38", "38/2022").
    const std::string& n = words[at];
    std::size_t slash = n.find('/');
    std::string seq = n.substr(0, slash), year = slash == std::string::npos ? "" : n.substr(slash + 1);
    auto digits = [](const std::string& s) { return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos; };
    if (!digits(seq) || seq.size() > 6 || (slash != std::string::npos && !(digits(year) && year.size() == 4))) return std::nullopt;
    seq.erase(0, std::min(seq.find_first_not_of('0'), seq.size() - 1));
    return TypedNumber{type, year.empty() ? seq : seq + "/" + year};
}

bool looks_like_number(std::string_view query) {
    // A number and at least one symbol of capitals or known codes, nothing longer than a code:
    // "134/KH-UBND", "kh-ubnd 134", "38 NQ CP", "25-KL/TW", "30/2021/QH15".
    bool digit = false, letters = false;
    for (const auto& w : split_spaces(query)) {
        std::string f = fold_text(w);
        for (char c : f) {
            if (std::isdigit(static_cast<unsigned char>(c))) digit = true;
            if (std::isalpha(static_cast<unsigned char>(c))) letters = true;
        }
        // A long lowercase word is prose, not a symbol.
        std::size_t run = 0, longest = 0;
        for (char c : f) {
            run = std::isalpha(static_cast<unsigned char>(c)) ? run + 1 : 0;
            longest = std::max(longest, run);
        }
        if (longest > 10) return false;
    }
    return digit && letters && split_spaces(query).size() <= 4;
}

}  // namespace vanban::detail

namespace vanban {

bool valid_date(std::string_view s) {
    if (s.size() != 4 && s.size() != 7 && s.size() != 10) return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        bool dash = i == 4 || i == 7;
        if (dash ? s[i] != '-' : (s[i] < '0' || s[i] > '9')) return false;
    }
    if (s.size() >= 7 && (s.substr(5, 2) < "01" || s.substr(5, 2) > "12")) return false;
    if (s.size() == 10 && (s.substr(8, 2) < "01" || s.substr(8, 2) > "31")) return false;
    return true;
}

}  // namespace vanban
