#include "numbering.h"

#include "text.h"

namespace vanban::detail {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Skips spaces from i; returns the new position.
std::size_t skip_spaces(std::string_view s, std::size_t i) {
    while (i < s.size() && s[i] == ' ') ++i;
    return i;
}

// The marker must be followed by a space and some text, or end the line.
bool followed_by_text(std::string_view s, std::size_t i) { return i >= s.size() || s[i] == ' '; }

// A word marker: "Điều 5.", "Chương II", "Mục 1", "Phần thứ nhất". `word` is folded ("dieu").
std::optional<Marker> word_marker(std::string_view line, std::string_view folded_word, SectionKind kind) {
    // Compare the folded start of the line with the folded word, then find where the word ends in bytes.
    std::size_t i = 0, words = 0;
    std::size_t target_words = 1;
    for (char c : folded_word) target_words += c == ' ';
    while (i < line.size() && words < target_words) {
        while (i < line.size() && line[i] != ' ') ++i;
        ++words;
        if (words < target_words) i = skip_spaces(line, i);
    }
    if (fold(line.substr(0, i)) != folded_word) return std::nullopt;
    std::size_t j = skip_spaces(line, i);
    if (j == i) return std::nullopt;
    std::size_t k = j;
    std::string label;
    if (kind == SectionKind::part && fold_starts_with(line.substr(j), "thu ")) {
        // "Phần thứ nhất", "PHẦN THỨ HAI": the ordinal word is the label.
        k = skip_spaces(line, j + std::string_view("thứ").size());
        std::size_t e = k;
        while (e < line.size() && line[e] != ' ' && line[e] != '.' && line[e] != ':') ++e;
        label = std::string(line.substr(j, e - j));
        k = e;
    } else {
        while (k < line.size() && (is_digit(line[k]) || std::string_view("IVXLC").find(line[k]) != std::string_view::npos ||
                                   (kind != SectionKind::article && line[k] >= 'A' && line[k] <= 'Z' && k == j))) {
            ++k;
        }
        // "Điều 5a" style suffixes.
        if (k > j && k < line.size() && line[k] >= 'a' && line[k] <= 'z' && (k + 1 == line.size() || line[k + 1] == '.' || line[k + 1] == ' ')) ++k;
        if (k == j) return std::nullopt;
        label = std::string(line.substr(j, k - j));
    }
    bool punct = k < line.size() && (line[k] == '.' || line[k] == ':' || line[k] == '-' || line[k] == ')');
    if (punct) ++k;
    // "Điều 1." has a dot; without one, "Điều 9 Nghị định này;" at the start of a wrapped line is a
    // reference, not a heading. A chapter, part or section label may stand without punctuation when
    // its title is in capitals or on the next line: "Chương I", "Mục 2 QUY ĐỊNH CHUNG".
    std::size_t t = skip_spaces(line, k);
    if (!punct && t < line.size()) {
        if (kind == SectionKind::article) {
            // "Điều 5.[2] ..." footnotes and "Điều 5 - Phạm vi" are fine; anything else is a reference.
            if (line[t] != '[') return std::nullopt;
        } else {
            std::string_view rest = line.substr(t, std::min<std::size_t>(line.size() - t, 40));
            if (!is_all_caps(rest)) return std::nullopt;
        }
    }
    if (!followed_by_text(line, k)) return std::nullopt;
    return Marker{kind, label, t, 0};
}

}  // namespace

int roman_value(std::string_view s) {
    if (s.empty() || s.size() > 7) return 0;
    auto v = [](char c) {
        switch (c) {
            case 'I': return 1; case 'V': return 5; case 'X': return 10; case 'L': return 50; case 'C': return 100;
            default: return 0;
        }
    };
    int total = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        int cur = v(s[i]);
        if (cur == 0) return 0;
        int next = i + 1 < s.size() ? v(s[i + 1]) : 0;
        total += cur < next ? -cur : cur;
    }
    // Reject non-canonical spellings such as "IIII" or "VX" by round trip through a canonical writer.
    static const std::pair<int, const char*> table[] = {{100, "C"}, {90, "XC"}, {50, "L"}, {40, "XL"}, {10, "X"},
                                                         {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}};
    std::string canon;
    int rest = total;
    for (auto [val, sym] : table) {
        while (rest >= val) canon += sym, rest -= val;
    }
    return canon == s ? total : 0;
}

std::optional<Marker> detect_marker(std::string_view line) {
    if (line.empty()) return std::nullopt;
    unsigned char c0 = static_cast<unsigned char>(line[0]);

    // Bullets.
    if (line.starts_with("- ") || line.starts_with("– ") || line.starts_with("— ") || line.starts_with("• ") ||
        line.starts_with("● ") || line.starts_with("▪ ") || line.starts_with("* ")) {
        std::size_t n = line.find(' ');
        return Marker{SectionKind::dash, "", skip_spaces(line, n), 0};
    }
    if (line.starts_with("+ ")) return Marker{SectionKind::plus, "", skip_spaces(line, 1), 0};
    // "-Text" without a space: still a bullet when a letter follows directly.
    if ((line.starts_with("-") || line.starts_with("–")) && line.size() > 3) {
        std::size_t n = line.starts_with("-") ? 1 : 3;
        std::size_t k = n;
        char32_t next = next_cp(line, k);
        if (is_upper(next)) return Marker{SectionKind::dash, "", n, 0};
    }

    // Word markers.
    if (c0 >= 0x80 || (c0 >= 'A' && c0 <= 'Z') || (c0 >= 'a' && c0 <= 'z')) {
        static const std::pair<std::string_view, SectionKind> words[] = {
            {"dieu ", SectionKind::article},   {"chuong ", SectionKind::chapter},  {"muc ", SectionKind::section},
            {"tieu muc ", SectionKind::subsection}, {"phan ", SectionKind::part},
        };
        // Only lines starting with Đ/đ, C/c, M/m, T/t, P/p can hold one; test without allocating.
        char32_t first = 0;
        {
            std::size_t k = 0;
            first = next_cp(line, k);
        }
        if (std::u32string_view(U"ĐđDdCcMmTtPp").find(first) != std::u32string_view::npos) {
            for (auto [w, kind] : words) {
                // w is "dieu ", "chuong ", ...: the word and the space after it.
                if (fold_starts_with(line, w)) {
                    if (auto m = word_marker(line, w.substr(0, w.size() - 1), kind)) return m;
                }
            }
        }
    }

    // Roman numerals: "I.", "II -", "IV)".
    if (c0 == 'I' || c0 == 'V' || c0 == 'X' || c0 == 'L' || c0 == 'C') {
        std::size_t k = 0;
        while (k < line.size() && std::string_view("IVXLC").find(line[k]) != std::string_view::npos) ++k;
        if (int v = roman_value(line.substr(0, k)); v > 0 && k < line.size()) {
            std::size_t j = k;
            if (line[j] == '.' || line[j] == ')' || line[j] == '/') {
                ++j;
            } else if (line[j] == ' ' && j + 1 < line.size() && (line[j + 1] == '-' || line.substr(j + 1).starts_with("–"))) {
                j = skip_spaces(line, j + (line[j + 1] == '-' ? 2 : 4));
                return Marker{SectionKind::roman, std::string(line.substr(0, k)), j, 0};
            } else {
                return std::nullopt;
            }
            if (!followed_by_text(line, j)) return std::nullopt;
            return Marker{SectionKind::roman, std::string(line.substr(0, k)), skip_spaces(line, j), 0};
        }
    }

    // Arabic and decimal: "1.", "1)", "1.1.", "3.2.1", "1/" is not used (dates).
    if (is_digit(line[0])) {
        std::size_t k = 0;
        int depth = 0;
        std::string label;
        while (true) {
            std::size_t s = k;
            while (k < line.size() && is_digit(line[k])) ++k;
            if (k == s || k - s > 3) return std::nullopt;
            // "140.000 tấn", "1.393 tỷ": a group of three digits after a dot is a thousands separator.
            if (depth > 0 && k - s == 3) return std::nullopt;
            ++depth;
            if (k < line.size() && line[k] == '.' && k + 1 < line.size() && is_digit(line[k + 1])) {
                ++k;
                continue;
            }
            break;
        }
        label = std::string(line.substr(0, k));
        std::size_t j = k;
        if (j < line.size() && (line[j] == '.' || line[j] == ')')) {
            ++j;
        } else if (depth == 1 || j >= line.size() || line[j] != ' ') {
            return std::nullopt;  // "2022 ..." or "15 ngày" is text, not a heading
        }
        if (j >= line.size() || line[j] != ' ') return std::nullopt;
        std::size_t t = skip_spaces(line, j);
        if (t >= line.size()) return std::nullopt;
        // "1. 000 đồng" or "1.000" are numbers in a sentence, not headings: a heading's text starts with a letter,
        // a quote, a bracket or another marker.
        std::size_t q = t;
        char32_t first = next_cp(line, q);
        if (!is_letter(first) && first != U'“' && first != '"' && first != '(' && first != '[') return std::nullopt;
        return Marker{depth == 1 ? SectionKind::arabic : SectionKind::decimal, label, t, depth};
    }

    // Items in parentheses: "(1) Về việc ...", "(ii) Chủ đầu tư ...", "(a) ...": a level below lettered
    // items (Thông báo kết luận of the Government Office number their points so).
    if (line[0] == '(') {
        std::size_t k = 1;
        while (k < line.size() && k < 6 && (is_digit(line[k]) || std::string_view("ivxlc").find(line[k]) != std::string_view::npos)) ++k;
        if (k == 1 && k < line.size() && line[k] >= 'a' && line[k] <= 'z') ++k;
        if (k > 1 && k + 1 < line.size() && line[k] == ')' && line[k + 1] == ' ') {
            std::size_t t = skip_spaces(line, k + 1);
            std::size_t q = t;
            if (t < line.size() && is_letter(next_cp(line, q))) {
                return Marker{SectionKind::letter, std::string(line.substr(0, k + 1)), t, 1};
            }
        }
    }

    // Lettered items: "a)", "đ)", "a.", "b/"; Vietnamese order has đ after d.
    {
        std::size_t k = 0;
        char32_t cp = next_cp(line, k);
        if ((cp >= 'a' && cp <= 'z') || cp == U'đ') {
            if (k < line.size() && (line[k] == ')' || line[k] == '.' || line[k] == '/') && k + 1 < line.size() &&
                line[k + 1] == ' ') {
                std::size_t t = skip_spaces(line, k + 1);
                if (t < line.size()) return Marker{SectionKind::letter, std::string(line.substr(0, k)), t, 0};
            }
        }
    }
    return std::nullopt;
}

int rank(const Marker& m) {
    switch (m.kind) {
        case SectionKind::appendix: return 0;
        case SectionKind::part: return 1;
        case SectionKind::chapter: return 2;
        case SectionKind::section: return 3;
        case SectionKind::subsection: return 4;
        case SectionKind::article: return 5;
        case SectionKind::roman: return 6;
        case SectionKind::arabic: return 7;
        case SectionKind::decimal: return 7 + m.depth;  // 1.1 -> 9, 1.1.1 -> 10
        case SectionKind::letter: return 20 + m.depth;  // "(1)", "(ii)" (depth 1) below "a)"
        case SectionKind::dash: return 22;
        case SectionKind::plus: return 23;
    }
    return 30;
}

}  // namespace vanban::detail
