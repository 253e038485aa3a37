// Line-level cleaning: clutter out, Markdown and tables undone, wrapped lines joined.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace vanban::detail {

/// One paragraph or heading line of the cleaned document.
struct Line {
    std::string text;
    bool blank_before = false;  ///< a blank line (or a table cell boundary) preceded it in the input
};

/// Fields read from a portal's attribute block ("Số hiệu:", "Loại văn bản:", "Ngày ban hành:", ...),
/// keyed by the folded label ("so hieu", "loai van ban", ...), plus "title" for the portal's own
/// one-line description ("Kế hoạch 134/KH-UBND của ... về việc ...") when there is one.
using PortalMeta = std::map<std::string, std::string>;

struct Cleaned {
    std::vector<Line> lines;
    PortalMeta portal;
};

/// Cleans normalized text (NFC, LF): Markdown marks and table pipes, gazette page headers and
/// page numbers, portal menus and footers (the phrases of each site: portal_clutter.h), split
/// diacritics ("Qu ả ng" -> "Quảng"); then joins lines wrapped in the middle of a sentence. Never
/// fails; an empty input gives no lines.
Cleaned clean(std::string_view text);

}  // namespace vanban::detail
