// A portal page around the document: where the document starts, the portal's attribute block
// (kept as metadata), its footer (lines.h; the phrases of each site: portal_clutter.tsv).
#include "clean/lines.h"

#include <algorithm>
#include <array>

#include "numbering.h"
#include "portal_clutter.h"
#include "signature.h"
#include "text.h"

namespace vanban::detail::cleaning {

namespace {

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

}  // namespace

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

}  // namespace vanban::detail::cleaning
