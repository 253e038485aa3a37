// Line-level cleaning. Each pass takes and returns a list of raw lines ("" marks a blank line),
// so the passes stay independent and each can be tested alone.
#include "clean.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

#include "normalize.h"
#include "numbering.h"
#include "portal_clutter.h"
#include "signature.h"
#include "syllable.h"
#include "text.h"

namespace vanban::detail {

namespace {

using Lines = std::vector<std::string>;

bool is_blank(std::string_view s) { return trim(s).empty(); }

// Whether `s`, folded, starts with one of `phrases` (folded: a role of portal_clutter.tsv). Callers
// fetch a role's phrases once, outside their loops over lines.
bool fold_starts_with_any(std::string_view s, std::span<const std::string_view> phrases) {
    for (auto p : phrases) {
        if (fold_starts_with(s, p)) return true;
    }
    return false;
}

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

// Markdown emphasis: "**" and single "*" around words are dropped. Where "**" glues a heading
// in capitals to the text after it ("THÔNG BÁO**Kết luận"), a line break is put in its place.
std::string strip_emphasis(std::string_view line) {
    std::string out;
    out.reserve(line.size());
    std::size_t i = 0;
    while (i < line.size()) {
        if (line[i] == '*') {
            std::size_t j = i;
            while (j < line.size() && line[j] == '*') ++j;
            bool footnote = i > 0 && line[i - 1] == '(' && j < line.size() && line[j] == ')';  // "(*)"
            if (footnote) {
                out.append(line.substr(i, j - i));
            } else if (!out.empty() && out.back() != ' ' && out.back() != '\n' && j < line.size() && line[j] != ' ') {
                // Glued on both sides: a caps heading followed by text starts a new line.
                std::size_t ls = out.rfind('\n');
                std::string_view cur = std::string_view(out).substr(ls == std::string::npos ? 0 : ls + 1);
                std::size_t k = j;
                char32_t next = next_cp(line, k);
                if (cur.size() > 2 && is_all_caps(cur) && is_letter(next) && !is_all_caps(line.substr(j, 12))) out += '\n';
            }
            i = j;
            continue;
        }
        // Markdown escapes: "1\." "\-" "\*".
        if (line[i] == '\\' && i + 1 < line.size() && std::string_view(".-*_#[]()+>").find(line[i + 1]) != std::string_view::npos) {
            ++i;
            continue;
        }
        out += line[i++];
    }
    return out;
}

// Splits a Markdown table row into its cells. A row with at most two non-empty cells is a layout
// table (header, signature): each cell becomes its own block of lines. A wider row is data: its
// cells stay on one line, separated by tabs.
void explode_table_row(std::string_view row, Lines& out) {
    std::vector<std::string> cells;
    std::size_t i = 0;
    std::string_view r = trim(row);
    if (r.starts_with('|')) r.remove_prefix(1);
    if (r.ends_with('|')) r.remove_suffix(1);
    while (i <= r.size()) {
        std::size_t bar = r.find('|', i);
        if (bar == std::string_view::npos) bar = r.size();
        std::string cell = squeeze(r.substr(i, bar - i));
        cells.push_back(cell);
        i = bar + 1;
    }
    std::erase_if(cells, [](const std::string& c) { return c.empty(); });
    bool separator = std::all_of(cells.begin(), cells.end(), [](const std::string& c) {
        return c.find_first_not_of("-: ") == std::string::npos;
    });
    if (cells.empty() || separator) {
        out.emplace_back();
        return;
    }
    if (cells.size() <= 2) {
        for (const auto& c : cells) {
            out.emplace_back();
            for (auto& piece : split_on_rules(c)) out.push_back(std::move(piece));
        }
        out.emplace_back();
        return;
    }
    std::string joined;
    for (const auto& c : cells) {
        if (!joined.empty()) joined += '\t';
        joined += c;
    }
    out.push_back(std::move(joined));
}

// A portal's table with one cell per line: cells separated by lines holding only "|", rows by two
// such lines in a row. A table of three or more columns (data, not layout) becomes one line per row,
// cells separated by tabs, like a Markdown pipe table. Returns the index after the table, or `i`
// when lines[i...] is not such a table.
std::size_t read_portal_table(const Lines& in, std::size_t i, Lines& out) {
    auto is_pipe = [&](std::size_t k) { return k < in.size() && trim(in[k]) == "|"; };
    if (!is_pipe(i)) return i;
    // A table starts at a pipe that follows other text, not in the middle of one ("|", cell, "|").
    if (i >= 2 && is_pipe(i - 2) && !trim(in[i - 1]).empty()) return i;
    if (i >= 1 && is_pipe(i - 1)) return i;
    // Count the first row's cells before building anything: fewer than three is a layout table.
    {
        std::size_t k = i, pipes = 0;
        while (k < in.size() && k < i + 200) {
            if (is_pipe(k)) {
                if (is_pipe(k + 1) && pipes > 0) break;
                ++pipes;
            }
            ++k;
        }
        if (pipes < 3) return i;
    }
    std::vector<std::vector<std::string>> rows(1);
    std::size_t header_cells = 0;
    std::size_t j = i;
    while (is_pipe(j)) {
        if (is_pipe(j + 1)) {  // row boundary
            if (!rows.back().empty()) {
                if (rows.size() == 1) {
                    header_cells = rows.back().size();
                    if (header_cells < 3) return i;
                }
                rows.emplace_back();
            }
            ++j;
            continue;
        }
        // Text after a single pipe: the next cell, or, when the row is complete, the end of the table.
        if (header_cells && rows.back().size() >= header_cells) break;
        // A cell starts on the line after its pipe; a blank line there means the pipe closed a table.
        if (j + 1 >= in.size() || trim(in[j + 1]).empty()) {
            if (header_cells == 0) return i;
            break;
        }
        std::size_t k = j + 1;
        std::string cell;
        int cell_lines = 0;
        while (k < in.size() && !is_pipe(k) && k < j + 60) {
            std::string_view t = trim(in[k]);
            if (!t.empty()) {
                if (!cell.empty()) cell += ' ';
                cell += t;
                ++cell_lines;
            }
            ++k;
        }
        // A header row holds short labels; a long first cell is a layout table (a signature block), a
        // label with a colon is a portal's attribute block ("Ngày công báo:").
        if (rows.size() == 1 && (cell_lines > 3 || cell.size() > 200 || trim(cell).ends_with(":") ||
                                 trim(cell).ends_with(":**"))) {
            return i;
        }
        // The national motto, a number line or a recipients list belong to a layout table: not data.
        std::string fc = fold(cell.substr(0, std::min<std::size_t>(cell.size(), 60)));
        if (fc.find("cong hoa xa hoi") != std::string::npos || fc.starts_with("so:") || fc.starts_with("noi nhan") ||
            fc.starts_with("**cong hoa") || fc.find("doc lap - tu do") != std::string::npos ||
            is_authority_line(strip_emphasis(cell.substr(0, std::min<std::size_t>(cell.size(), 60))))) {
            if (rows.size() <= 2) return i;
            break;
        }
        if (!is_pipe(k)) {
            if (rows.size() == 1) return i;  // not a table we understand
            break;
        }
        rows.back().push_back(squeeze(strip_emphasis(cell)));
        j = k;
    }
    if (header_cells < 3) return i;
    if (rows.back().empty()) rows.pop_back();
    out.emplace_back();
    for (const auto& r : rows) {
        std::string line;
        for (const auto& c : r) {
            if (!line.empty()) line += '\t';
            line += c.empty() ? "-" : c;
        }
        out.push_back(std::move(line));
    }
    out.emplace_back();
    return j + 1;
}

// No Markdown mark ('*', '\\'), tab or run of spaces: the line needs no undoing. One pass, most lines.
bool plain_line(std::string_view line) {
    // Four scans with memchr/memmem: faster on long lines than one test per byte.
    return line.find('*') == std::string_view::npos && line.find('\\') == std::string_view::npos &&
           line.find('\t') == std::string_view::npos && line.find("  ") == std::string_view::npos;
}

Lines undo_markdown(Lines&& in) {
    // A plain line is moved out of `in`, unless read_portal_table may still look back at it (it reads
    // the two lines before a pipe).
    auto pipe_within_two = [&](std::size_t k) {
        for (std::size_t j = k + 1; j <= k + 2 && j < in.size(); ++j) {
            if (trim(in[j]) == "|") return true;
        }
        return false;
    };
    Lines out;
    out.reserve(in.size());
    for (std::size_t idx = 0; idx < in.size(); ++idx) {
        const std::string& raw = in[idx];
        std::string_view line = trim(raw);
        if (line == "|") {
            std::size_t next = read_portal_table(in, idx, out);
            if (next != idx) {
                idx = next - 1;
                continue;
            }
        }
        // Headings "# ", "## ".
        if (line.starts_with('#')) {
            std::size_t k = line.find_first_not_of('#');
            if (k != std::string_view::npos && line[k] == ' ') line = trim(line.substr(k));
        }
        if (line.starts_with("> ")) line = trim(line.substr(2));
        // A table row, also one glued without its leading pipe ("CHÍNH PHỦ------- | CỘNG HÒA ... |").
        bool row = line.starts_with('|') || (line.ends_with('|') && line.find(" | ") != std::string_view::npos);
        if (row) {
            std::string stripped = strip_emphasis(line);
            explode_table_row(stripped, out);
            continue;
        }
        // Fast path: no Markdown marks and no runs of spaces (most lines).
        if (plain_line(line)) {
            if (line.size() == raw.size() && !pipe_within_two(idx)) {
                out.push_back(std::move(in[idx]));
            } else {
                out.emplace_back(line);
            }
            continue;
        }
        std::string s = strip_emphasis(line);
        for (auto piece : split_lines(s)) out.push_back(squeeze(piece));
    }
    return out;
}

// Gazette page furniture: "CÔNG BÁO/Số 252/Ngày 27-04-2026" (or the two halves reversed), the lone
// page number beside it, and the signature stamp "Ký bởi: ... / Cơ quan: ... / Ngày ký: ...".
bool is_gazette_header(std::string_view s) {
    if (s.size() > 100 || s.find('/') == std::string_view::npos) return false;
    std::string f = fold(s.substr(0, std::min<std::size_t>(s.size(), 80)));
    if (f.size() > 70) return false;
    return (f.starts_with("cong bao/") || f.starts_with("cong bao /") ||
            (f.find("/cong bao") != std::string::npos && f.starts_with("so "))) ||
           (f.starts_with("so ") && f.find("/ngay") != std::string::npos && f.find("cong bao") != std::string::npos);
}

bool is_page_number(std::string_view s) {
    s = trim(s);
    return !s.empty() && s.size() <= 4 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

Lines drop_gazette_furniture(Lines in) {
    const auto stamps = clutter_phrases(ClutterRole::stamp), stamp_lines = clutter_phrases(ClutterRole::stamp_line);
    std::vector<bool> drop(in.size(), false);
    for (std::size_t i = 0; i < in.size(); ++i) {
        if (is_gazette_header(in[i])) {
            drop[i] = true;
            // The page number sits just before or after the header, across blank lines.
            for (int dir : {-1, 1}) {
                std::size_t j = i;
                for (int steps = 0; steps < 3; ++steps) {
                    if ((dir < 0 && j == 0) || (dir > 0 && j + 1 >= in.size())) break;
                    j += dir;
                    if (is_blank(in[j])) continue;
                    if (is_page_number(in[j])) drop[j] = true;
                    break;
                }
            }
        }
        // The gazette's digital signature stamp: "Ký bởi: CÔNG BÁO ..." or "Người ký: Cổng Thông tin điện
        // tử Chính phủ", then "Email:", "Cơ quan:", "Ngày ký:" / "Thời gian ký:" lines (portal_clutter.tsv:
        // stamp, stamp_line).
        if (fold_starts_with_any(in[i], stamps)) {
            drop[i] = true;
            for (std::size_t j = i + 1; j < in.size() && j <= i + 4; ++j) {
                if (fold_starts_with_any(in[j], stamp_lines)) drop[j] = true;
            }
        }
    }
    Lines out;
    for (std::size_t i = 0; i < in.size(); ++i) {
        if (!drop[i]) out.push_back(std::move(in[i]));
    }
    return out;
}

bool ends_with_period(std::string_view s) {
    s = trim(s);
    return s.ends_with('.') || s.ends_with(';') || s.ends_with(':');
}

// The first byte of fold(s) (0 for an empty s), or -1 when it takes more than the first character
// to tell: a cheap test before folding a line's beginning.
int folded_first(std::string_view s) {
    if (s.empty()) return 0;
    auto b = static_cast<unsigned char>(s[0]);
    if (b < 0x80) return b >= 'A' && b <= 'Z' ? b + 32 : b;
    std::size_t i = 0;
    next_cp(s, i);
    std::string f = fold(s.substr(0, i));
    return f.empty() ? -1 : static_cast<unsigned char>(f[0]);
}

// Portal boilerplate that ends the document when it follows it (`footers`: portal_clutter.tsv, footer).
bool is_footer_line(std::string_view s, std::span<const std::string_view> footers) {
    std::string f = fold(trim(s).substr(0, std::min<std::size_t>(trim(s).size(), 60)));
    for (auto m : footers) {
        if (f.starts_with(m) && (f.size() == m.size() || m.back() == ':' || f[m.size()] == ' ' || f[m.size()] == '.' || f[m.size()] == ':')) return true;
    }
    return false;
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

// Reads the labels of a portal attribute block (portal_clutter.tsv: label); the values are glued to the
// next label in copied pages ("Số hiệu:134/KH-UBNDNgày đăng công báo:Đang cập nhật").
void read_portal_block(const Lines& front, PortalMeta& meta) {
    std::span<const std::string_view> labels = clutter_phrases(ClutterRole::label);
    for (std::size_t i = 0; i < front.size(); ++i) {
        std::string_view line = front[i];
        // Find every label occurrence, in order.
        std::vector<std::pair<std::size_t, std::string_view>> found;
        for (auto label : labels) {
            std::size_t p = 0;
            while ((p = line.find(label, p)) != std::string_view::npos) {
                found.emplace_back(p, label);
                p += label.size();
            }
        }
        std::sort(found.begin(), found.end());
        // Drop labels that are suffixes of a longer label found at an overlapping place.
        for (std::size_t k = 0; k < found.size(); ++k) {
            std::size_t start = found[k].first + found[k].second.size();
            std::size_t stop = line.size();
            for (std::size_t m = k + 1; m < found.size(); ++m) {
                if (found[m].first >= start) {
                    stop = found[m].first;
                    break;
                }
            }
            if (k + 1 < found.size() && found[k + 1].first < start) continue;
            std::string key = fold(found[k].second.substr(0, found[k].second.size() - 1));
            std::string value = squeeze(line.substr(start, stop - start));
            // A label alone in its table cell: the value is the next cell ("Số hiệu:" / "01763/QĐ-UBND").
            if (value.empty() && k + 1 == found.size() && stop == line.size()) {
                std::size_t j = i + 1;
                while (j < front.size() && j <= i + 3 && is_blank(front[j])) ++j;
                bool label = false;
                if (j < front.size()) {
                    for (auto l : labels) label |= front[j].find(l) != std::string::npos;
                }
                if (j < front.size() && j <= i + 3 && !label) value = squeeze(front[j]);
            }
            if (!value.empty() && !meta.contains(key)) meta[key] = value;
        }
        // The portal's one-line description: "Kế hoạch 134/KH-UBND của Ủy ban nhân dân ... về việc ...",
        // the line after "thuộc tính <Type> <number>" (portal_clutter.tsv: description).
        if (fold_starts_with_any(line, clutter_phrases(ClutterRole::description)) && i + 1 < front.size()) {
            std::size_t j = i + 1;
            while (j < front.size() && is_blank(front[j])) ++j;
            if (j < front.size() && front[j].find(" của ") != std::string::npos) meta["title"] = front[j];
        }
    }
}

// Lines that only a portal page has around a document: menus, notices, its attribute block
// (portal_clutter.tsv: frame).
bool is_portal_marker(std::string_view s) {
    std::string f = fold(trim(s).substr(0, std::min<std::size_t>(trim(s).size(), 40)));
    for (auto m : clutter_phrases(ClutterRole::frame)) {
        if (f.starts_with(m)) return true;
    }
    return false;
}

// Finds where the document proper starts: the issuer lines above the national motto (or the
// Party's name), when what comes before them is a portal's page furniture. Returns 0 when the
// text before the header is not portal clutter (it may be a title line or a displaced cell).
std::size_t find_header_start(const Lines& lines) {
    std::size_t limit = std::max<std::size_t>(lines.size() * 6 / 10, std::min<std::size_t>(lines.size(), 200));
    for (std::size_t i = 0; i < limit; ++i) {
        // The motto may be wrapped ("CỘNG" / "HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").
        bool motto = is_motto(lines[i]) ||
                     (i + 1 < lines.size() && lines[i].size() < 40 && is_motto(lines[i] + " " + std::string(trim(lines[i + 1]))));
        if (!motto) continue;
        // Walk back over the issuer block: caps lines, rules, the number line, "V/v", blank lines.
        std::size_t start = i;
        std::size_t j = i;
        int taken = 0;
        while (j > 0 && taken < 10) {
            std::string_view prev = trim(lines[j - 1]);
            if (prev.empty()) {
                --j;
                continue;
            }
            bool part_of_header = (is_all_caps(prev) && prev.size() < 140) || is_number_line(prev) ||
                                  fold_starts_with(prev, "so:") || fold_starts_with(prev, "so ") || is_rule(prev) ||
                                  fold_starts_with(prev, "v/v") || (taken > 0 && starts_lower(prev) && prev.size() < 200);
            if (!part_of_header || is_portal_marker(prev)) break;
            --j;
            ++taken;
            start = j;
        }
        // Before a header there is at most a title line; more text, or any portal furniture, is a
        // page's clutter (a portal's news summary, menus, its attribute block).
        std::size_t text_lines = 0;
        for (std::size_t k = 0; k < start; ++k) {
            if (is_portal_marker(lines[k])) return start;
            text_lines += !is_blank(lines[k]);
        }
        return text_lines >= 3 ? start : 0;
    }
    // No motto: a portal page whose header was lost still starts after its attribute block
    // (portal_clutter.tsv: loading, then block_end for its last labels).
    for (std::size_t i = 0; i < std::min<std::size_t>(lines.size(), 80); ++i) {
        if (fold_starts_with_any(lines[i], clutter_phrases(ClutterRole::loading))) {
            std::size_t last_attr = i;
            for (std::size_t k = i; k < std::min<std::size_t>(lines.size(), i + 60); ++k) {
                if (fold_starts_with_any(lines[k], clutter_phrases(ClutterRole::block_end))) last_attr = k;
            }
            // Skip the value of the last attribute ("Đã biết": no_value) and separators.
            std::size_t k = last_attr + 1;
            while (k < lines.size() &&
                   (is_blank(lines[k]) || fold_starts_with_any(lines[k], clutter_phrases(ClutterRole::no_value)) || trim(lines[k]) == "#")) {
                ++k;
            }
            // A portal's news summary ends with "Xem chi tiết tại ..." (summary_end): the document follows it.
            for (std::size_t m = k; m < std::min<std::size_t>(lines.size(), k + 60); ++m) {
                std::string f = fold(trim(lines[m]).substr(0, std::min<std::size_t>(trim(lines[m]).size(), 30)));
                for (auto p : clutter_phrases(ClutterRole::summary_end)) {
                    if (f.starts_with(p)) return m + 1;
                }
            }
            return k;
        }
    }
    return 0;
}

Lines cut_portal_clutter(Lines in, PortalMeta& meta) {
    std::size_t start = find_header_start(in);
    Lines front(in.begin(), in.begin() + static_cast<std::ptrdiff_t>(start));
    read_portal_block(front, meta);
    // Footer: the first portal boilerplate line in the last part of the document, after its body.
    std::size_t end = in.size();
    std::size_t from = start + (in.size() - start) / 3;
    const auto footers = clutter_phrases(ClutterRole::footer);
    std::array<bool, 256> first{};  // the first bytes of the footers
    for (auto m : footers) {
        if (!m.empty()) first[static_cast<unsigned char>(m[0])] = true;
    }
    for (std::size_t i = from; i < in.size(); ++i) {
        int c = folded_first(trim(in[i]));
        if (c >= 0 && !first[static_cast<std::size_t>(c)]) continue;
        if (is_footer_line(in[i], footers)) {
            end = i;
            break;
        }
    }
    // A portal repeats the document's description just above its footer
    // ("Quyết định 01763/QĐ-UBND năm 2025 công bố ..."): it is not part of the document.
    if (end < in.size()) {
        std::size_t k = end;
        while (k > start && is_blank(in[k - 1])) --k;
        if (k > start) {
            std::string_view prev = trim(in[k - 1]);
            bool digit = has_digit(prev);
            if (digit && !is_all_caps(prev) && prev.find('/') != std::string_view::npos && starts_upper(prev) &&
                !detect_marker(prev) && !is_name_line(prev) && prev.size() < 400 && !ends_with_period(prev)) {
                end = k - 1;
            }
        }
    }
    in.erase(in.begin() + static_cast<std::ptrdiff_t>(end), in.end());
    in.erase(in.begin(), in.begin() + static_cast<std::ptrdiff_t>(start));
    return in;
}

}  // namespace

namespace {

// ---- Unwrapping ----------------------------------------------------------------------------

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

}  // namespace

Cleaned clean(std::string_view text) {
    Cleaned result;
    Lines lines;
    for (auto l : split_lines(text)) lines.emplace_back(l);
    lines = undo_markdown(std::move(lines));
    lines = drop_gazette_furniture(std::move(lines));
    for (auto& l : lines) {
        if (is_rule(l)) l.clear();
    }
    join_split_syllables(lines);
    join_wrapped_motto(lines);
    lines = cut_portal_clutter(std::move(lines), result.portal);
    result.lines = unwrap(lines);
    // Removing marks ("a*\u0301") or joining fragments can put a combining mark next to a new base
    // letter: normalize again (a quick check, so almost free on text that is already NFC).
    for (auto& l : result.lines) {
        // Only a combining mark (U+0300..U+036F: bytes CC xx, CD 80..AF) can have been left out of its
        // composition; lines without one are already NFC.
        std::string_view t = l.text;
        std::size_t cc = t.find('\xCC');
        bool mark = cc != std::string_view::npos && cc + 1 < t.size();
        for (std::size_t k = t.find('\xCD'); !mark && k != std::string_view::npos && k + 1 < t.size(); k = t.find('\xCD', k + 1)) {
            mark = static_cast<unsigned char>(t[k + 1]) < 0xB0;
        }
        if (mark) l.text = to_nfc(l.text);
    }
    return result;
}

}  // namespace vanban::detail
