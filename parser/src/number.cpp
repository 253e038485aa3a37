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
        while (p < s.size()) {
            std::size_t q = p;
            char32_t cp = next_cp(s, q);
            // Lowercase letters only inside a code that began in capitals: "QĐ-TTg".
            if (!is_code_char(cp) && !(is_letter(cp) && !part.empty())) break;
            // "UBTVQH 13": a space inside a code before its term digits.
            part.append(s.substr(p, q - p));
            p = q;
            if (p + 1 < s.size() && s[p] == ' ' && s[p + 1] >= '0' && s[p + 1] <= '9' && !part.empty() &&
                !(part.back() >= '0' && part.back() <= '9')) {
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
        for (char c : parts[k]) letter |= !(c >= '0' && c <= '9');
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
