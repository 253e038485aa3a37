// A table row as every reader writes it (HTML, .docx), by the Markdown cleaner's rule (clean/markdown.cpp).
#pragma once

#include <algorithm>
#include <string>
#include <vector>

namespace vanban::detail {

/// A row with at most two non-empty cells is a layout table (the header, the signature): each cell
/// becomes its own lines, a blank line after it. A wider row is data: one line, its cells separated
/// by tabs, a cell's own line breaks as spaces.
inline std::string table_row_text(const std::vector<std::string>& cells) {
    std::string out;
    auto filled = std::count_if(cells.begin(), cells.end(), [](const std::string& c) { return !c.empty(); });
    if (filled <= 2) {
        for (const auto& c : cells) {
            if (!c.empty()) out += c + "\n\n";
        }
        return out;
    }
    for (std::size_t i = 0; i < cells.size(); ++i) {
        std::string c = cells[i];
        std::replace(c.begin(), c.end(), '\n', ' ');
        out += (i ? "\t" : "") + c;
    }
    return out + "\n";
}

}  // namespace vanban::detail
