// The tests the cleaning passes share: blank lines, rules, the motto, number lines (lines.h).
#include "clean/lines.h"

#include <algorithm>

#include "text.h"

namespace vanban::detail::cleaning {

namespace {

// The byte length of a rule character at s[i] ('-', '_', '=', '*', '~', '.', or an en dash, em dash,
// horizontal bar or box-drawing line: "——-", "–––", "───"), 0 if there is none.
std::size_t rule_char(std::string_view s, std::size_t i) {
    char c = s[i];
    if (c == '-' || c == '_' || c == '=' || c == '*' || c == '~' || c == '.') return 1;
    if (static_cast<unsigned char>(c) == 0xE2 && i + 2 < s.size()) {
        auto b1 = static_cast<unsigned char>(s[i + 1]), b2 = static_cast<unsigned char>(s[i + 2]);
        if (b1 == 0x80 && b2 >= 0x93 && b2 <= 0x95) return 3;  // – — ―
        if (b1 == 0x94 && b2 == 0x80) return 3;                // ─
    }
    return 0;
}

}  // namespace

bool is_blank(std::string_view s) { return trim(s).empty(); }

// Whether `s`, folded, starts with one of `phrases` (folded: a role of portal_clutter.tsv). Callers
// fetch a role's phrases once, outside their loops over lines.
bool fold_starts_with_any(std::string_view s, std::span<const std::string_view> phrases) {
    for (auto p : phrases) {
        if (fold_starts_with(s, p)) return true;
    }
    return false;
}

// A line made only of rule characters ("-------", "_____", "***", "=== ", "——-"), at least three.
bool is_rule(std::string_view s) {
    s = trim(s);
    if (s.size() < 3) return false;
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size();) {
        if (s[i] == ' ') {
            ++i;
            continue;
        }
        std::size_t len = rule_char(s, i);
        if (len == 0) return false;
        i += len;
        ++n;
    }
    return n >= 3;
}

// Removes a run of rule characters ("-------") inside a cell, returning the pieces around it.
std::vector<std::string> split_on_rules(std::string_view s) {
    std::vector<std::string> out;
    std::string cur;
    std::size_t i = 0;
    while (i < s.size()) {
        std::size_t j = i, run = 0;
        while (j < s.size() && s[j] != '.' && s[j] != '*' && s[j] != '~' && rule_char(s, j) > 0) j += rule_char(s, j), ++run;
        if (run >= 3) {
            out.push_back(squeeze(cur));
            cur.clear();
            i = j;
            continue;
        }
        cur += s[i++];
    }
    out.push_back(squeeze(cur));
    std::erase_if(out, [](const std::string& x) { return x.empty(); });
    return out;
}

// The anchor of an official header: the national motto or the Party's name.
bool is_motto(std::string_view s) {
    // Compared as it folds, without building the fold: find_header_start asks this of most lines.
    s = trim(s);
    if (fold_starts_with(s, "cong hoa xa hoi")) return true;
    if (!fold_starts_with(s, "dang cong san viet nam")) return false;
    std::string f = fold(s.substr(0, std::min<std::size_t>(s.size(), 80)));
    return f == "dang cong san viet nam" || f.starts_with("dang cong san viet nam ");
}

bool is_number_line(std::string_view s) {
    std::string f = fold(s.substr(0, std::min<std::size_t>(s.size(), 40)));
    // "Số: 134/KH-UBND", also "Nghị quyết số: 89/2025/UBTVQH15", "Luật số: 51/2024/QH15".
    if (!f.starts_with("so")) {
        std::size_t p = f.find(" so");
        if (p == std::string::npos || p > 24) return false;
        for (std::size_t k = 0; k < p; ++k) {
            if (!(f[k] >= 'a' && f[k] <= 'z') && f[k] != ' ') return false;
        }
        f = f.substr(p + 1);
    }
    std::size_t k = 2;
    while (k < f.size() && (f[k] == ' ' || f[k] == ':' || f[k] == '.')) ++k;
    return k > 2 && k < f.size() && f[k] >= '0' && f[k] <= '9';
}

}  // namespace vanban::detail::cleaning
