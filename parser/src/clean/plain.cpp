// Plain text as PDFs, the gazette and typists give it: lines wrapped in the middle of a sentence,
// syllables split by stray spaces, the national motto wrapped over lines (lines.h).
#include "clean/lines.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>

#include "numbering.h"
#include "signature.h"
#include "syllable.h"
#include "text.h"

namespace vanban::detail::cleaning {

namespace {

std::size_t cp_length(std::string_view s) {
    // Code points are the bytes that are not continuation bytes (10xxxxxx); eight bytes at a time.
    std::size_t n = 0, i = 0;
    for (; i + 8 <= s.size(); i += 8) {
        std::uint64_t x;
        std::memcpy(&x, s.data() + i, 8);
        n += 8 - static_cast<std::size_t>(std::popcount(x & ~(x << 1) & 0x8080808080808080ULL));
    }
    for (; i < s.size(); ++i) n += (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
    return n;
}

bool ends_sentence(std::string_view s) {
    s = trim(s);
    if (s.empty()) return true;
    char c = s.back();
    if (c == '.' || c == ';' || c == ':' || c == '!' || c == '?') return true;
    return s.ends_with("./.") || s.ends_with("”.") || s.ends_with(".”");
}

// Starts a new paragraph whatever came before: a marker, a basis, a signature or recipients line.
bool starts_block(std::string_view s) {
    if (detect_marker(s)) return true;
    // Căn cứ, Theo/Xét đề nghị, Nơi nhận, Phụ lục, "(Ban hành kèm", TM./KT./..., a position in capitals, Số:
    if (s.empty() || std::string_view("CcTtXxNnPp(KkQqSsBbGgVv").find(s[0]) == std::string_view::npos) {
        if (static_cast<unsigned char>(s[0]) < 0x80) return false;
    }
    static constexpr std::string_view starts[] = {"can cu ", "theo de nghi", "xet de nghi", "noi nhan", "phu luc",
                                                  "(ban hanh kem", "(kem theo"};
    for (auto p : starts) {
        if (fold_starts_with(s, p)) return true;
    }
    // A number line of a header ("Số: 134/KH-UBND"), not a wrapped "số 64/2025/QH15 ..." of a sentence.
    bool number = is_number_line(s) && (s.find(':') != std::string_view::npos || s.size() < 40) && !starts_lower(s);
    return is_authority_line(s) || is_position_line(s) || number;
}

// A list label with nothing after it: "III.", "2.", "1.2.", "a)", "-", "+".
bool is_bare_label(std::string_view s) {
    s = trim(s);
    if (s == "-" || s == "+" || s == "–" || s == "•") return true;
    if (s.size() < 2 || s.size() > 8) return false;
    char last = s.back();
    if (last != '.' && last != ')') return false;
    std::string_view body = s.substr(0, s.size() - 1);
    if (roman_value(body) > 0) return true;
    bool digits = !body.empty();
    for (char c : body) digits &= (c >= '0' && c <= '9') || c == '.';
    if (digits) return true;
    return body.size() == 1 && body[0] >= 'a' && body[0] <= 'z';
}

}  // namespace

// Joins lines broken inside a sentence. Two regimes are told apart by the document itself:
// text with blank lines between paragraphs (a portal's Markdown) joins every line of a block unless
// the next one starts a new element; text without them (a PDF) joins a line only when it reaches the
// usual line width, or when the next line starts in lowercase.
std::vector<Line> unwrap(const Lines& in) {
    std::vector<std::size_t> lengths;
    std::size_t blanks = 0, nonblank = 0;
    for (const auto& l : in) {
        if (is_blank(l)) {
            ++blanks;
        } else {
            ++nonblank;
            lengths.push_back(cp_length(l));
        }
    }
    std::sort(lengths.begin(), lengths.end());
    std::size_t width = lengths.empty() ? 0 : lengths[lengths.size() * 8 / 10];
    // Blank-separated: most paragraphs have a blank line after them, and lines are short.
    bool blank_separated = nonblank > 0 && blanks * 10 >= nonblank * 3 && width < 120;
    std::vector<Line> out;
    bool blank_before = false;
    for (const auto& raw : in) {
        std::string_view l = trim(raw);
        if (l.empty()) {
            blank_before = true;
            continue;
        }
        // "kinh tế" / "- xã hội": a hyphenated phrase wrapped before its dash, not a bullet. A bullet's
        // text starts with a capital; this one goes on in lowercase after a line left open.
        if (!out.empty() && (l.starts_with("- ") || l.starts_with("– ")) && !ends_sentence(out.back().text) &&
            starts_lower(l.substr(l.find(' ') + 1)) && !is_all_caps(out.back().text)) {
            out.back().text += ' ';
            out.back().text += l;
            blank_before = false;
            continue;
        }
        // A label alone on its line ("III.", "2.", "a)", "-") takes the line after it.
        if (!out.empty() && is_bare_label(out.back().text) && l.find('\t') == std::string_view::npos) {
            out.back().text += ' ';
            out.back().text += l;
            blank_before = false;
            continue;
        }
        bool table_row = l.find('\t') != std::string_view::npos ||
                         (!out.empty() && out.back().text.find('\t') != std::string::npos);
        if (!out.empty() && !blank_before && !table_row) {
            std::string_view prev = out.back().text;
            bool caps_prev = is_all_caps(prev), caps_next = is_all_caps(l);
            bool join = false;
            // Cheapest tests first (all of them pure).
            if (!ends_sentence(prev) && !starts_block(l) && !is_authority_line(prev) && !is_position_line(prev)) {
                if (caps_prev && caps_next) {
                    // A first line cut short by a page's indent ("CHÍNH" / "PHỦ", "CỘNG" / "HÒA XÃ HỘI ...").
                    bool short_head = std::count(prev.begin(), prev.end(), ' ') <= 1 && !is_motto(l) &&
                                      !fold_starts_with(l, "doc lap");
                    join = cp_length(prev) >= width * 6 / 10 || blank_separated || short_head;
                } else if (caps_prev != caps_next) {
                    join = false;
                } else if (starts_lower(l)) {
                    join = true;
                } else if (blank_separated) {
                    join = true;
                } else {
                    std::size_t len = width >= 40 ? cp_length(prev) : 0;
                    join = width >= 40 && len + 12 >= width && len <= width + 25;
                }
            }
            if (!join && blank_separated && !ends_sentence(prev) && starts_lower(l) && !starts_block(l)) join = true;
            // "... ngày 16 tháng 11 năm" / "2025": a date or a reference cut before its number.
            if (!join && !l.empty() && l[0] >= '0' && l[0] <= '9' && !detect_marker(l)) {
                std::size_t sp = prev.rfind(' ');
                std::string last = fold(sp == std::string_view::npos ? prev : prev.substr(sp + 1));
                join = last == "nam" || last == "thang" || last == "ngay" || last == "so" || last == "dieu" ||
                       last == "khoan" || last == "so:";
            }
            if (join) {
                out.back().text += ' ';
                out.back().text += l;
                continue;
            }
        }
        out.push_back(Line{std::string(l), blank_before});
        blank_before = false;
    }
    return out;
}

namespace {

// Fragments of syllables split by stray spaces ("Qu ả ng Ngãi", "T HÀNH P HỐ") are joined back only
// in a document where such splits recur (three or more), so that a lone letter in ordinary text
// ("loại A, B ở ...") is never glued to its neighbour on the strength of one coincidence.
// A word made only of consonants ("ng", "nh", "tr") cannot be a Vietnamese syllable; in a
// document whose syllables were split by stray spaces such words are everywhere, in ordinary text
// they are rare (abbreviations in capitals and units such as "km" aside). Counting them is cheap.
int split_signals(std::string_view line) {
    int n = 0;
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && line[i] == ' ') ++i;
        std::size_t j = line.find(' ', i);
        if (j == std::string_view::npos) j = line.size();
        std::string_view tok = line.substr(i, j - i);
        i = j;
        while (!tok.empty() && std::string_view(",.;:)").find(tok.back()) != std::string_view::npos) tok.remove_suffix(1);
        if (tok.empty() || tok.size() > 4) continue;
        bool letters = true, upper = false, lower = false;
        std::size_t k = 0, count = 0;
        while (k < tok.size()) {
            char32_t cp = next_cp(tok, k);
            ++count;
            if (!is_letter(cp)) {
                letters = false;
                break;
            }
            upper |= is_upper(cp);
            lower |= is_lower(cp);
        }
        if (!letters) continue;
        // A vowel: a letter that folds to a, e, i, o, u or y (a letter's fold is one ASCII letter or
        // non-ASCII bytes, so the fold of the token holds one of them exactly when a letter is a vowel).
        std::string f = fold(tok);
        if (f.find_first_of("aeiouy") != std::string::npos) continue;
        if (upper && !lower && count > 1) continue;  // "TP", "HCM": abbreviations
        if (count == 1) continue;                    // "điểm a, b và c": list letters
        if (f == "km" || f == "kg" || f == "cm" || f == "mm" || f == "kw" || f == "kwh" || f == "m" || f == "g" || f == "l") {
            continue;
        }
        ++n;
    }
    return n;
}

}  // namespace

void join_split_syllables(Lines& lines) {
    // Where splits happen they happen throughout (a converter's habit), in the header and in the
    // signature block too: the first 200 and the last 100 lines decide.
    int found = 0;
    for (std::size_t i = 0; i < lines.size() && found < 2; ++i) {
        if (i == 200 && lines.size() > 300) i = lines.size() - 100;
        found += split_signals(lines[i]);
    }
    if (found < 2) return;
    SyllableCache cache;
    for (auto& l : lines) join_fragments(l, &cache);
}

// The national motto and the Party's name wrapped over lines by a table cell or a page's indent
// ("CỘNG HÒA XÃ" / "HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA" / "VIỆT NAM", "ĐẢNG CỘNG SẢN" /
// "VIỆT NAM") are put back on one line, so that no fragment is read as an issuer ("Hội Chủ nghĩa Việt
// Nam") or glued to one ("Bộ Tài chính Việt Nam"). A line starts a wrapped motto when it is a proper,
// word-aligned prefix of it; the following lines (blank lines between them allowed) must complete it
// exactly, else nothing is joined.
void join_wrapped_motto(Lines& lines) {
    static constexpr std::string_view kMottos[] = {"cong hoa xa hoi chu nghia viet nam", "dang cong san viet nam"};
    auto prefix_of = [](std::string_view m, std::string_view f) {
        return !f.empty() && m.starts_with(f) && (f.size() == m.size() || m[f.size()] == ' ');
    };
    bool changed = false;
    std::vector<bool> drop(lines.size(), false);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        std::string_view t = trim(lines[i]);
        // "CỘNG ...", "ĐẢNG ..." (Đ is C4 90): cheap tests before folding.
        if (t.size() < 4 || t.size() > 60 || !(fold_starts_with(t, "cong") || fold_starts_with(t, "dang cong"))) continue;
        std::string f = squeeze(fold(t));
        for (auto m : kMottos) {
            if (!prefix_of(m, f) || f.size() == m.size()) continue;
            std::string joined = squeeze(t);
            std::vector<std::size_t> used;
            for (std::size_t k = i + 1; k < lines.size() && k <= i + 6; ++k) {
                std::string_view n = trim(lines[k]);
                if (n.empty()) continue;
                std::string cand = f + " " + squeeze(fold(n));
                if (!prefix_of(m, cand)) break;
                f = cand;
                joined += ' ';
                joined += squeeze(n);
                used.push_back(k);
                if (f.size() == m.size()) break;
            }
            if (f.size() != m.size()) break;
            lines[i] = joined;
            for (auto k : used) drop[k] = true;
            changed = true;
            break;
        }
    }
    if (!changed) return;
    Lines out;
    out.reserve(lines.size());
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (!drop[i]) out.push_back(std::move(lines[i]));
    }
    lines = std::move(out);
}

}  // namespace vanban::detail::cleaning
