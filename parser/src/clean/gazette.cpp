// The official gazette's page furniture: page headers, page numbers, signature stamps (lines.h).
#include "clean/lines.h"

#include <algorithm>

#include "portal_clutter.h"
#include "text.h"

namespace vanban::detail::cleaning {

namespace {

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

}  // namespace

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

}  // namespace vanban::detail::cleaning
