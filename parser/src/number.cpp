// Document numbers (số/ký hiệu): "134/KH-UBND", "30/2021/QH15", "25-KL/TW", "367 - QĐ/TWĐTN-VP".
#include "doc_types.h"
#include "text.h"
#include "vanban/parser.h"

namespace vanban {

namespace {

using detail::append_cp;
using detail::is_letter;
using detail::is_upper;
using detail::next_cp;

bool is_separator(char32_t cp) { return cp == '/' || cp == '-' || cp == U'–' || cp == U'—' || cp == U'‑'; }

bool is_code_char(char32_t cp) {
    return (cp >= '0' && cp <= '9') || (is_letter(cp) && is_upper(cp)) || cp == '&' || cp == '.';
}

// One capital then lowercase letters only ("Nghị", "Đường", "Ngày"): a word of the text after a
// number, never a code ("TTg", "QĐi", "SoNNMT" hold more capitals).
bool is_capitalized_word(std::string_view part) {
    std::size_t i = 0, n = 0;
    while (i < part.size()) {
        char32_t cp = next_cp(part, i);
        if (!is_letter(cp) || (n == 0) != is_upper(cp)) return false;
        ++n;
    }
    return n >= 2;
}

// The byte length of a function word glued to the end of a code ("của" of "TTgcủa", "ngày" of
// "QH15ngày"), 0 if there is none. A code's own lowercase tail is one or two letters ("TTg", "TTr").
std::size_t glued_word_length(std::string_view part) {
    // Each word ends in a lowercase ASCII letter or a Vietnamese vowel (bytes >= 0x80).
    if (part.empty() || !((part.back() >= 'a' && part.back() <= 'z') || static_cast<unsigned char>(part.back()) >= 0x80)) return 0;
    static constexpr std::string_view kWords[] = {"của", "ngày", "về", "và", "tại", "theo", "năm", "do", "được", "cho"};
    for (auto w : kWords) {
        if (part.size() <= w.size() || !part.ends_with(w)) continue;
        std::string_view head = part.substr(0, part.size() - w.size());
        std::size_t tail = 0;  // lowercase letters left at the end of the code
        for (std::size_t i = head.size(); i > 0 && tail < 3;) {
            std::size_t j = i - 1;
            while (j > 0 && (static_cast<unsigned char>(head[j]) & 0xC0) == 0x80) --j;
            std::size_t k = j;
            char32_t cp = next_cp(head, k);
            if (!is_letter(cp) || is_upper(cp)) break;
            ++tail;
            i = j;
        }
        if (tail <= 2 && head.size() > tail) return w.size();
    }
    return 0;
}

std::string upper_ascii_fold(std::string_view s) {
    std::string f = detail::fold(s);
    for (char& c : f) {
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
    }
    return f;
}

}  // namespace

std::optional<DocumentNumber> parse_number(std::string_view printed) {
    std::string_view s = detail::trim(printed);
    std::size_t i = 0;
    // Sequence: digits, optionally "66.17".
    std::size_t seq_end = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    if (i == 0 || i > 8) return std::nullopt;
    if (i + 1 < s.size() && s[i] == '.' && s[i + 1] >= '0' && s[i + 1] <= '9') {
        ++i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    }
    seq_end = i;
    DocumentNumber n;
    n.seq = std::string(s.substr(0, seq_end));
    // Parts separated by "/" or "-" (spaces around a separator allowed: "367 - QĐ/TWĐTN-VP").
    std::vector<std::string> parts;
    std::vector<char> seps;
    std::size_t end = seq_end;
    while (true) {
        std::size_t j = i;
        while (j < s.size() && s[j] == ' ') ++j;
        if (j >= s.size()) break;
        std::size_t k = j;
        char32_t sep = next_cp(s, k);
        if (!is_separator(sep)) break;
        while (k < s.size() && s[k] == ' ') ++k;
        std::size_t p = k;
        std::string part;
        bool upper_seen = false;
        while (p < s.size()) {
            std::size_t q = p;
            char32_t cp = next_cp(s, q);
            // Lowercase letters only inside a code that began with capitals ("QĐ-TTg", "TTr-SoNNMT"),
            // never after digits alone: "150mm" in "100-150mm" is a measurement.
            bool lower_letter = is_letter(cp) && !is_upper(cp);
            if (!is_code_char(cp) && !(lower_letter && upper_seen)) break;
            upper_seen |= is_letter(cp) && is_upper(cp);
            part.append(s.substr(p, q - p));
            p = q;
            // "UBTVQH 13": the legislature's term printed after a space.
            if (p + 1 < s.size() && s[p] == ' ' && s[p + 1] >= '0' && s[p + 1] <= '9' && part.ends_with("QH")) {
                std::size_t r = p + 1;
                while (r < s.size() && s[r] >= '0' && s[r] <= '9') ++r;
                if (r == s.size() || s[r] == ' ' || s[r] == ',' || s[r] == ';' || s[r] == ')') {
                    part.append(s.substr(p + 1, r - p - 1));
                    p = r;
                    break;
                }
            }
        }
        while (!part.empty() && part.back() == '.') part.pop_back(), --p;
        if (part.empty()) break;
        // A word, not a code: "Nghị" of "2015 - Nghị định", "Xác" of "151/2025/NĐ-CP - Xác định".
        if (is_capitalized_word(part)) break;
        // A word glued to the code: "35/2025/QĐ-TTgcủa".
        if (std::size_t cut = glued_word_length(part); cut > 0) {
            part.resize(part.size() - cut);
            p -= cut;
        }
        // Digits inside the symbol: a year after the sequence ("30/2021/QH15"), a compound sequence
        // ("0825-05/HW-TCHQ", "01-2008/BLĐTBXH") or digits after a code ("19/CV-TT-2025"); anything else
        // is a date, a ratio or a range ("14/11/2003...", "1/2.000", "3/10.200").
        if (part.find_first_not_of("0123456789.") == std::string::npos) {
            bool compound_before = parts.size() == 1 && seps[0] == '-' && parts[0].find_first_not_of("0123456789") == std::string::npos;
            bool year = (parts.empty() || compound_before) && sep == '/' && part.size() == 4 &&
                        (part.starts_with("19") || part.starts_with("20"));
            bool compound = parts.empty() && sep != '/' && part.find('.') == std::string::npos;
            bool after_code = false;
            for (const auto& x : parts) after_code |= x.find_first_not_of("0123456789.") != std::string::npos;
            if (!year && !compound && !after_code) break;
        }
        parts.push_back(part);
        seps.push_back(sep == '/' ? '/' : '-');
        i = p;
        end = p;
    }
    if (parts.empty()) return std::nullopt;
    // A year right after the sequence: "30/2021/QH15".
    std::size_t first = 0;
    if (parts[0].size() == 4 && seps[0] == '/' && (parts[0].starts_with("19") || parts[0].starts_with("20")) &&
        parts.size() > 1) {
        n.year = std::stoi(parts[0]);
        first = 1;
    }
    // A symbol must contain a letter.
    bool letter = false;
    for (std::size_t k = first; k < parts.size(); ++k) {
        for (char c : parts[k]) letter |= (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80;
    }
    if (!letter) return std::nullopt;
    std::string code0 = upper_ascii_fold(parts[first]);
    bool typed = detail::is_type_code(code0);
    if (typed && parts.size() > first + 1) {
        n.type_code = parts[first];
        ++first;
    }
    for (std::size_t k = first; k < parts.size(); ++k) {
        if (!n.issuer_code.empty()) n.issuer_code += '-';
        n.issuer_code += parts[k];
    }
    if (n.issuer_code.empty()) n.issuer_code = parts[first - 1], n.type_code.clear();
    // The printed text, separators normalized to ASCII but otherwise as printed.
    n.text = std::string(s.substr(0, end));
    n.key = number_key(n.text);
    return n;
}

std::string number_key(std::string_view printed) {
    std::string out;
    std::string_view s = detail::trim(printed);
    std::size_t i = 0;
    // Leading zeros of the sequence are not significant.
    while (i + 1 < s.size() && s[i] == '0' && s[i + 1] >= '0' && s[i + 1] <= '9') ++i;
    while (i < s.size()) {
        char32_t cp = next_cp(s, i);
        if (cp == ' ') continue;
        if (is_separator(cp)) {
            out += cp == '/' ? '/' : '-';
            continue;
        }
        std::string one;
        append_cp(one, cp);
        out += upper_ascii_fold(one);
    }
    return out;
}

}  // namespace vanban
