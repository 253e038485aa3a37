// The table of document types (Nghị định 30/2020/NĐ-CP Phụ lục III for State documents; Luật Ban
// hành văn bản quy phạm pháp luật for legal ones; Hướng dẫn 36-HD/VPTW for Party forms).
#include "doc_types.h"

#include <array>
#include <string>

#include "text.h"
#include "vanban/parser.h"

namespace vanban::detail {

namespace {

// Longest folded names first (see doc_type_rows()). "phap lenh" must precede "lenh", "bo luat"
// "luat", "van ban hop nhat" "van ban".
constexpr std::array<DocTypeRow, 35> kRows = {{
    {"Thông tư liên tịch", "thong tu lien tich", {"TTLT"}, true, true},
    {"Nghị quyết liên tịch", "nghi quyet lien tich", {"NQLT"}, true, true},
    {"Văn bản hợp nhất", "van ban hop nhat", {"VBHN"}, true, true},
    {"", "van ban", {}, false, true},
    {"Nghị định", "nghi dinh", {"ND"}, true, true},
    {"Nghị quyết", "nghi quyet", {"NQ"}, true, true},
    {"Quyết định", "quyet dinh", {"QD"}, true, true},
    {"Thông tư", "thong tu", {"TT"}, true, true},
    {"Chỉ thị", "chi thi", {"CT"}, true, true},
    {"Kế hoạch", "ke hoach", {"KH"}, true, true},
    {"Thông báo", "thong bao", {"TB"}, true, true},
    {"Kết luận", "ket luan", {"KL"}, true, true},
    {"Công văn", "cong van", {"CV"}, true, true},
    {"Hướng dẫn", "huong dan", {"HD"}, true, true},
    {"Báo cáo", "bao cao", {"BC"}, true, true},
    {"Bộ luật", "bo luat", {}, true, true},
    {"Luật", "luat", {"L"}, true, true},
    {"Pháp lệnh", "phap lenh", {"PL"}, true, true},
    {"Hiến pháp", "hien phap", {}, true, true},
    {"Công điện", "cong dien", {"CD"}, true, true},
    {"Tờ trình", "to trinh", {"TTR"}, true, true},
    {"Quy chế", "quy che", {"QC"}, true, false},
    {"Quy định", "quy dinh", {"QYD", "QDI", "QYDI"}, true, true},
    {"Chương trình", "chuong trinh", {"CTR"}, true, true},
    {"Đề án", "de an", {"DA"}, true, true},
    {"Phương án", "phuong an", {"PA"}, true, false},
    {"Thông tri", "thong tri", {}, true, true},
    {"Biên bản", "bien ban", {}, true, false},
    {"Thông cáo", "thong cao", {}, true, false},
    {"Điều lệ", "dieu le", {}, true, false},
    {"Lệnh", "lenh", {}, true, true},
    {"Quy trình", "quy trinh", {}, true, false},
    {"Chỉ đạo", "chi dao", {}, true, false},
    {"Giấy mời", "giay moi", {}, true, false},
    {"Danh mục", "danh muc", {}, true, false},
}};

// Codes that open a number's symbol but do not name its type by themselves: "TC" is Thông cáo in
// Phụ lục III but far more often an office ("4773/TC-CSTC", "89-TC/TCT"); BB (Biên bản), GM (Giấy
// mời), GGT (Giấy giới thiệu), the Party's joint forms (QĐLT, HDLT, TBLT, CTrLT, BCLT) and DT are
// recognised in numbers without being named.
constexpr std::string_view kUnnamedCodes[] = {"BB", "GM", "GGT", "TC", "QDLT", "HDLT", "TBLT", "CTRLT", "BCLT", "DT"};

std::string upper_ascii_fold(std::string_view s) {
    std::string f = fold(s);
    for (char& c : f) {
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
    }
    return f;
}

}  // namespace

std::span<const DocTypeRow> doc_type_rows() { return kRows; }

std::string_view type_for_code(std::string_view type_code) {
    if (type_code.empty() || type_code.size() > 12) return {};
    std::string f = upper_ascii_fold(type_code);
    for (const auto& row : kRows) {
        for (auto c : row.codes) {
            if (!c.empty() && c == f) return row.name;
        }
    }
    return {};
}

bool is_type_code(std::string_view code) {
    for (const auto& row : kRows) {
        for (auto c : row.codes) {
            if (!c.empty() && c == code) return true;
        }
    }
    for (auto c : kUnnamedCodes) {
        if (c == code) return true;
    }
    return false;
}

}  // namespace vanban::detail

namespace vanban {

const std::vector<DocumentType>& document_types() {
    static const std::vector<DocumentType> all = [] {
        std::vector<DocumentType> out;
        for (const auto& row : detail::kRows) {
            if (row.name.empty()) continue;  // the generic "văn bản"
            DocumentType d{std::string(row.name), {}};
            for (auto c : row.codes) {
                if (!c.empty()) d.codes.emplace_back(c);
            }
            out.push_back(std::move(d));
        }
        return out;
    }();
    return all;
}

}  // namespace vanban
