// A portal's Markdown undone: headings, quotes, emphasis, pipe tables, and the one-cell-per-line
// tables some portals write (lines.h).
#include "clean/lines.h"

#include <algorithm>

#include "signature.h"
#include "text.h"

namespace vanban::detail::cleaning {

namespace {

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

}  // namespace

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

}  // namespace vanban::detail::cleaning
