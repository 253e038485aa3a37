// Task tables: a plan's table of tasks (a row per task, columns for the lead body, the support
// bodies and the deadline) read column by column (assignment_parts.h: read_table_tasks).
#include "assignment_parts.h"

#include <algorithm>
#include <optional>

#include "numbering.h"
#include "periods.h"

namespace vanban::detail::tasks {

namespace {

// Tables that assign work: a header row naming the lead column ("Cơ quan chủ trì", "Đơn vị chủ trì",
// "Đơn vị thực hiện") and usually the support column ("Cơ quan phối hợp") and a deadline column
// ("Thời gian hoàn thành", "Thời hạn", "Tiến độ"); each later row with the same number of cells is a task.
struct TableColumns {
    int task = -1, lead = -1, support = -1, deadline = -1, number = -1;
};

std::vector<std::string_view> cells_of(std::string_view line) {
    std::vector<std::string_view> out;
    std::size_t s = 0;
    while (true) {
        std::size_t t = line.find('\t', s);
        out.push_back(trim(line.substr(s, t == std::string_view::npos ? std::string_view::npos : t - s)));
        if (t == std::string_view::npos) break;
        s = t + 1;
    }
    return out;
}

std::optional<TableColumns> table_header(const std::vector<std::string_view>& cells) {
    TableColumns c;
    for (std::size_t k = 0; k < cells.size(); ++k) {
        std::string f = fold(cells[k]);
        int i = static_cast<int>(k);
        if (f.find("chu tri") != std::string::npos || f.find("thuc hien") != std::string::npos || f == "don vi" ||
            f == "co quan") {
            if (c.lead < 0) c.lead = i;
        } else if (f.find("phoi hop") != std::string::npos) {
            c.support = i;
        } else if (f.find("thoi gian") != std::string::npos || f.find("thoi han") != std::string::npos ||
                   f.find("tien do") != std::string::npos || f.find("hoan thanh") != std::string::npos) {
            c.deadline = i;
        } else if (f == "stt" || f == "tt" || f == "so tt") {
            c.number = i;
        } else if (c.task < 0 && (f.find("nhiem vu") != std::string::npos || f.find("noi dung") != std::string::npos ||
                                  f.find("cong viec") != std::string::npos || f.find("hoat dong") != std::string::npos ||
                                  f.find("giai phap") != std::string::npos || f.find("de an") != std::string::npos)) {
            c.task = i;
        }
    }
    if (c.lead < 0) return std::nullopt;
    if (c.task < 0) {
        // The first column that is neither a number nor a role: "Chỉ tiêu", "Tên nhiệm vụ", "Nội dung".
        for (std::size_t k = 0; k < cells.size(); ++k) {
            int i = static_cast<int>(k);
            if (i != c.lead && i != c.support && i != c.deadline && i != c.number) {
                c.task = i;
                break;
            }
        }
    }
    if (c.task < 0) return std::nullopt;
    return c;
}

}  // namespace

void read_table_tasks(const Document& doc, const Folded& folded, const Env& env, std::vector<Task>& tasks,
                      const std::function<std::string(const std::string&)>& unique) {
    std::optional<TableColumns> cols;
    std::size_t width = 0;
    int ordinal = 0;
    std::string group;  // "II." of the group row above, if any
    for (std::size_t s = 0; s < doc.text.size();) {
        std::size_t e = doc.text.find('\n', s);
        if (e == std::string::npos) e = doc.text.size();
        std::string_view line = std::string_view(doc.text).substr(s, e - s);
        std::size_t start = s;
        s = e + 1;
        if (line.find('\t') == std::string_view::npos) {
            // Group rows ("I. NÂNG CAO NHẬN THỨC ...") stay inside the table and label its rows; long
            // prose ends it.
            if (cols && line.size() > 300) cols.reset();
            if (auto m = detect_marker(line); cols && m && m->kind == SectionKind::roman) group = m->label + ".";
            continue;
        }
        auto cells = cells_of(line);
        // A group row inside the table: "II<TAB>Xây dựng hạ tầng ...", fewer cells than a task row.
        if (cols && cells.size() + 2 < width + 1 && roman_value(cells[0]) > 0) {
            group = std::string(cells[0]) + ".";
            continue;
        }
        if (auto h = table_header(cells)) {
            cols = h;
            width = cells.size();
            ordinal = 0;
            group.clear();
            continue;
        }
        if (!cols) continue;
        // Rows with vertically merged cells have fewer cells, missing at the end ("Nguồn kinh phí").
        std::size_t needed = static_cast<std::size_t>(std::max({cols->task, cols->lead})) + 1;
        if (cells.size() > width || cells.size() + 2 < width || cells.size() < needed) continue;
        auto cell_span = [&](int k) {
            std::size_t off = 0;
            for (int c = 0; c < k; ++c) off = line.find('\t', off) + 1;
            std::size_t end = line.find('\t', off);
            if (end == std::string_view::npos) end = line.size();
            return Span{start + off, start + end};
        };
        Task t;
        ++ordinal;
        std::string_view num = cols->number >= 0 && static_cast<std::size_t>(cols->number) < cells.size()
                                   ? cells[static_cast<std::size_t>(cols->number)]
                                   : std::string_view{};
        t.path = unique("Bảng." + group + (num.empty() || num == "-" ? std::to_string(ordinal) : std::string(num)));
        t.text = std::string(cells[static_cast<std::size_t>(cols->task)]);
        // A task has words: a cell holding only a number is a misaligned row.
        bool words = false;
        for (char c : t.text) words |= static_cast<unsigned char>(c) >= 0x80 || std::isalpha(static_cast<unsigned char>(c));
        if (!words) continue;
        t.span = Span{start, start + line.size()};
        for (auto [col, role] : {std::pair{cols->lead, Role::lead}, std::pair{cols->support, Role::support}}) {
            if (col < 0 || static_cast<std::size_t>(col) >= cells.size()) continue;
            Span cs = cell_span(col);
            for (const auto& a : env.mentions_in(cs.start, cs.end)) {
                if (a.generic || a.related || env.speaks(a)) continue;
                add_unique(t.agencies, mention_of(a, role, cs.start));
            }
        }
        if (cols->deadline >= 0 && static_cast<std::size_t>(cols->deadline) < cells.size()) {
            Span ds = cell_span(cols->deadline);
            t.deadline = pick_deadline(find_periods(doc.slice(ds), fold_slice(folded, ds.start, ds.end), ds.start));
        }
        if (!t.text.empty()) tasks.push_back(std::move(t));
    }
}

// --- 3. the document ---

}  // namespace vanban::detail::tasks
