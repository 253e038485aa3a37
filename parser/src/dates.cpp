#include "dates.h"

#include <cstdio>

#include "text.h"

namespace vanban::detail {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Reads up to `max` digits at i; returns -1 if none.
int read_int(std::string_view s, std::size_t& i, std::size_t max) {
    std::size_t start = i;
    int v = 0;
    while (i < s.size() && is_digit(s[i]) && i - start < max) v = v * 10 + (s[i++] - '0');
    return i == start ? -1 : v;
}

void skip_spaces(std::string_view s, std::size_t& i) {
    while (i < s.size() && s[i] == ' ') ++i;
}

// Matches the folded word w (ASCII) at byte i of the original s; advances i past it.
bool match_word(std::string_view s, std::size_t& i, std::string_view w) {
    std::size_t j = i;
    for (char c : w) {
        if (j >= s.size()) return false;
        std::size_t k = j;
        char32_t cp = next_cp(s, k);
        std::string one;
        append_cp(one, cp);
        std::string f = fold(one);
        if (f.size() != 1 || f[0] != c) return false;
        j = k;
    }
    i = j;
    return true;
}

}  // namespace

std::optional<std::string> iso_date(int day, int month, int year) {
    if (year < 1945 || year > 2100 || month < 1 || month > 12 || day < 1) return std::nullopt;
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    if (day > days[month - 1] || (month == 2 && day == 29 && !leap)) return std::nullopt;
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return std::string(buf);
}

std::optional<std::string> find_written_date(std::string_view s, std::size_t& start, std::size_t& end,
                                             std::size_t from) {
    // Anchor on "tháng": "ngày 29 tháng 4 năm 2022".
    for (std::size_t p = s.find("th", from); p != std::string_view::npos; p = s.find("th", p + 1)) {
        std::size_t i = p;
        if (!match_word(s, i, "thang")) continue;
        // Day before it: "[ngày] 29 ".
        std::size_t b = p;
        while (b > 0 && s[b - 1] == ' ') --b;
        std::size_t de = b;
        while (b > 0 && is_digit(s[b - 1])) --b;
        if (b == de || de - b > 2) continue;
        int day = 0;
        for (std::size_t k = b; k < de; ++k) day = day * 10 + (s[k] - '0');
        std::size_t ds = b;
        // Include a preceding "ngày".
        std::size_t n = b;
        while (n > 0 && s[n - 1] == ' ') --n;
        if (n >= 5) {
            std::size_t t = n >= 6 ? n - 6 : 0;  // "ngày" is 5 bytes in NFC ("ng" + "à" (2) + "y")
            for (std::size_t c = t; c < n; ++c) {
                std::size_t q = c;
                if (match_word(s, q, "ngay") && q == n) {
                    ds = c;
                    break;
                }
            }
        }
        skip_spaces(s, i);
        int month = read_int(s, i, 2);
        if (month < 0) continue;
        // "tháng 0 7": a digit split from its leading zero.
        if (month == 0 && i + 1 < s.size() && s[i] == ' ' && is_digit(s[i + 1])) {
            ++i;
            month = read_int(s, i, 1);
        }
        skip_spaces(s, i);
        if (!match_word(s, i, "nam")) continue;
        skip_spaces(s, i);
        int year = read_int(s, i, 4);
        if (year < 0) continue;
        auto iso = iso_date(day, month, year);
        if (!iso) continue;
        start = ds;
        end = i;
        return iso;
    }
    return std::nullopt;
}

std::optional<std::string> find_numeric_date(std::string_view s, std::size_t& start, std::size_t& end,
                                             std::size_t from) {
    for (std::size_t i = from; i < s.size(); ++i) {
        if (!is_digit(s[i]) || (i > 0 && (is_digit(s[i - 1]) || s[i - 1] == '/' || s[i - 1] == '.'))) continue;
        std::size_t j = i;
        int day = read_int(s, j, 2);
        if (j >= s.size() || (s[j] != '/' && s[j] != '-' && s[j] != '.')) continue;
        char sep = s[j++];
        int month = read_int(s, j, 2);
        if (month < 0 || j >= s.size() || s[j] != sep) continue;
        ++j;
        std::size_t ys = j;
        int year = read_int(s, j, 4);
        if (j - ys != 4 || (j < s.size() && is_digit(s[j]))) continue;
        // "25/2021/QH15"-like numbers are not dates: a letter right after is a number's symbol.
        if (j < s.size() && s[j] == '/') continue;
        auto iso = iso_date(day, month, year);
        if (!iso) continue;
        start = i;
        end = j;
        return iso;
    }
    return std::nullopt;
}

std::optional<std::string> read_place_date(std::string_view line, std::string& place) {
    line = trim(line);
    if (line.size() > 160) return std::nullopt;
    std::size_t s = 0, e = 0;
    auto iso = find_written_date(line, s, e);
    if (!iso) {
        // "Hà Nội, 29/4/2022" is rarer but exists.
        std::size_t comma = line.find(',');
        if (comma == std::string_view::npos) return std::nullopt;
        iso = find_numeric_date(line, s, e, comma);
        if (!iso) return std::nullopt;
    }
    std::string_view before = trim(line.substr(0, s));
    while (!before.empty() && (before.back() == ',' || before.back() == ' ')) before.remove_suffix(1);
    // The place is a short name in front of the date; a sentence in front means this is not a header line.
    if (before.size() > 60 || has_any_of(before, "0123456789()/;:")) return std::nullopt;
    // Nothing but punctuation after it either: "Hà Nội, ngày 18/11/2025, Bộ Tài chính ban hành ..." is a
    // sentence (a portal's news summary), not the header's place and date.
    for (char c : line.substr(e)) {
        if (c != ' ' && c != '.' && c != ',' && c != ';' && c != '*' && c != ')' && c != '_') return std::nullopt;
    }
    if (!before.empty() && !starts_upper(before)) return std::nullopt;
    place = squeeze(before);
    return iso;
}

}  // namespace vanban::detail
