#include "header.h"

#include <array>

#include "dates.h"
#include "doc_types.h"
#include "numbering.h"
#include "signature.h"
#include "text.h"

namespace vanban::detail {

std::optional<TypeHeading> read_type_heading_any_case(std::string_view line);

namespace {

// Words that begin the name of a body; a capitals line starting with one is a separate body in a
// multi-line issuer block (folded).
constexpr std::string_view kBodyStarts[] = {
    "bo ", "so ", "cuc ", "tong cuc ", "vu ", "ban ", "van phong ", "uy ban ", "hoi dong ", "phong ", "chi cuc ",
    "trung tam ", "vien ", "dang uy ", "thanh uy ", "tinh uy ", "huyen uy ", "quan uy ", "thi uy ", "dang bo ",
    "kho bac ", "thanh tra ", "cong an ", "bao hiem ", "toa an ", "ngan hang ", "tap doan ", "tong cong ty ",
    "truong ", "hoc vien ", "benh vien ", "doan ", "hoi ", "cong ty ", "chinh phu", "quoc hoi", "thu tuong",
    "ubnd ", "hdnd ", "mat tran ", "dai ", "bao ", "kiem toan ", "bo tu lenh", "bo chi huy", "ban chap hanh",
};

bool starts_body(std::string_view folded) {
    for (auto b : kBodyStarts) {
        if (folded.starts_with(b) || (b.back() != ' ' && folded == b)) return true;
    }
    return false;
}

bool is_motto_line(std::string_view s) {
    std::string f = fold(s.substr(0, std::min<std::size_t>(s.size(), 60)));
    return f.starts_with("cong hoa xa hoi") || f.starts_with("chu nghia viet nam") || f.starts_with("doc lap - tu do") ||
           f.starts_with("doc lap-tu do") || f.starts_with("doc lap – tu do") || f.starts_with("dang cong san viet nam");
}

// Gazette and portal section titles that are not issuers.
bool is_section_banner(std::string_view folded) {
    return folded.starts_with("van ban ") || folded.starts_with("phan ") || folded.starts_with("muc ") ||
           folded == "cong bao";
}

// Reads "Số: 134/KH-UBND" (also "Số 25-KL/TW", "Số:134/...", "SỐ: ...", and "Luật số: 51/2024/QH15",
// "Nghị quyết số: 89/2025/UBTVQH15" where the type word comes first). A number wrapped after a
// dash ("01/2022/TTLT-VKSNDTC-" / "TANDTC-BCA") is completed from `next`.
std::optional<DocumentNumber> read_number_line(std::string_view line, std::string_view& rest, std::string_view next = {},
                                              bool* used_next = nullptr) {
    std::size_t at = 0;
    if (!fold_starts_with(line, "so")) {
        auto th = read_type_heading_any_case(line);
        if (!th) return std::nullopt;
        at = th->length;
        while (at < line.size() && line[at] == ' ') ++at;
        if (!fold_starts_with(line.substr(at), "so")) return std::nullopt;
    }
    std::size_t i = at;
    next_cp(line, i);  // S
    next_cp(line, i);  // ố / o
    std::size_t k = i;
    while (k < line.size() && (line[k] == ' ' || line[k] == ':' || line[k] == '.')) ++k;
    if (k == i && !(k < line.size() && line[k] >= '0' && line[k] <= '9')) return std::nullopt;
    std::string_view tail = trim(line.substr(k));
    std::string joined;
    if ((tail.ends_with("-") || tail.ends_with("/")) && !next.empty()) {
        joined = std::string(tail) + std::string(trim(next));
        tail = joined;
    }
    auto n = parse_number(tail);
    if (!n) return std::nullopt;
    if (used_next) *used_next = !joined.empty();
    rest = joined.empty() ? trim(line.substr(k + n->text.size())) : std::string_view{};
    return n;
}

// A title line that cannot end a title: "... CỦA", "... VÀ", "... về", "...,".
bool dangling(std::string_view title) {
    title = trim(title);
    if (title.empty()) return false;
    if (title.back() == ',' || title.back() == '-') return true;
    std::size_t sp = title.rfind(' ');
    std::string last = fold(sp == std::string_view::npos ? title : title.substr(sp + 1));
    return last == "cua" || last == "va" || last == "ve" || last == "cho" || last == "tai" || last == "trong" ||
           last == "theo" || last == "tren" || last == "voi" || last == "den" || last == "nam" || last == "so";
}

bool is_title_stop(std::string_view l, bool have_title, bool title_caps, bool open_end = false) {
    if (open_end && is_all_caps(l) == title_caps && !detect_marker(l)) return false;
    std::string f = fold(l.substr(0, std::min<std::size_t>(l.size(), 40)));
    if (f.starts_with("can cu") || f.starts_with("theo de nghi") || f.starts_with("xet de nghi") ||
        f.starts_with("kinh gui")) {
        return true;
    }
    // "Thực hiện Chỉ thị số ..." opens a plan's preamble; "THỰC HIỆN CHỈ THỊ ..." in capitals is its title.
    if (f.starts_with("thuc hien ") && !is_all_caps(l)) return true;
    if (auto m = detect_marker(l); m && (have_title || m->kind != SectionKind::dash)) return true;
    if (is_position_line(l) || is_authority_line(l) || is_recipients_line(l)) return true;
    std::string place;
    if (read_place_date(l, place)) return true;
    if (have_title && is_all_caps(l) && title_caps &&
        (f.starts_with("uy ban nhan dan") || f.starts_with("hoi dong nhan dan") || f.starts_with("chinh phu") ||
         f.starts_with("quoc hoi") || f.starts_with("ban chap hanh") || f.starts_with("ban thuong vu") ||
         f.starts_with("thuong truc") || f.starts_with("bo truong") || f.starts_with("uy ban thuong vu"))) {
        return true;
    }
    if (have_title && is_all_caps(l) && !title_caps) return true;
    return l.size() > 600;
}

}  // namespace

std::optional<TypeHeading> read_type_heading_any_case(std::string_view line) {
    std::string f = fold(line.substr(0, std::min<std::size_t>(line.size(), 40)));
    for (const auto& t : doc_type_rows()) {
        if (!t.heading) continue;
        if (!f.starts_with(t.folded) || f.size() <= t.folded.size() || f[t.folded.size()] != ' ') continue;
        std::size_t words = 1, i = 0, w = 0;
        for (char c : t.folded) words += c == ' ';
        while (i < line.size() && w < words) {
            while (i < line.size() && line[i] != ' ') ++i;
            ++w;
            if (w < words)
                while (i < line.size() && line[i] == ' ') ++i;
        }
        return TypeHeading{std::string(t.name), i};
    }
    return std::nullopt;
}

std::optional<TypeHeading> read_type_heading(std::string_view line) {
    line = trim(line);
    if (line.empty() || line.size() > 2000) return std::nullopt;
    std::string f = fold(line.substr(0, std::min<std::size_t>(line.size(), 60)));
    for (const auto& t : doc_type_rows()) {
        if (!t.heading || !f.starts_with(t.folded)) continue;
        std::size_t n = t.folded.size();
        if (f.size() > n && f[n] != ' ' && f[n] != ':' && f[n] != '\t') continue;
        // Find the byte length of the type words in the original line (same number of words).
        std::size_t words = 1;
        for (char c : t.folded) words += c == ' ';
        std::size_t i = 0, w = 0;
        while (i < line.size() && w < words) {
            while (i < line.size() && line[i] != ' ') ++i;
            ++w;
            if (w < words)
                while (i < line.size() && line[i] == ' ') ++i;
        }
        std::string_view words_part = line.substr(0, i);
        if (!words_part.empty() && words_part.back() == ':') words_part.remove_suffix(1);
        bool caps = is_all_caps(words_part);
        bool alone = trim(line.substr(i)).empty() || trim(line.substr(i)) == ":";
        // A heading is in capitals; a lone word in normal case ("Kế hoạch") counts too.
        if (!caps && !(alone && line.size() < 40)) continue;
        // "QUYẾT ĐỊNH:" is the enacting formula, not a heading; "VĂN BẢN HỢP NHẤT - BỘ ..." is a
        // gazette's section banner.
        if (line.substr(i).starts_with(":") || line.substr(i).starts_with(" - ")) return std::nullopt;
        return TypeHeading{std::string(t.name), i};
    }
    return std::nullopt;
}

std::string type_from_code(std::string_view type_code) { return std::string(type_for_code(type_code)); }

}  // namespace vanban::detail

namespace vanban::detail {

void read_issuer(const std::vector<std::string>& caps_lines, Document& doc) {
    std::vector<std::string> bodies;
    // Joint issuers are printed joined by dashes: "VIỆN KIỂM SÁT NHÂN DÂN TỐI CAO -" / "BỘ CÔNG AN - BỘ QUỐC PHÒNG".
    bool dash_joined = false;
    for (const auto& raw : caps_lines) {
        std::string line = squeeze(raw);
        if (line.ends_with(" -") || line.ends_with(" –")) dash_joined = true;
        while (!line.empty() && (line.back() == '-' || line.back() == '_' || line.back() == '*')) line.pop_back();
        line = squeeze(line);
        if (line.empty()) continue;
        // A parent and its unit on one line: "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH SỞ GIÁO DỤC VÀ ĐÀO TẠO".
        for (std::string_view unit : {" SỞ ", " CỤC ", " CHI CỤC ", " TỔNG CỤC ", " VĂN PHÒNG ", " TRUNG TÂM ", " BAN QUẢN LÝ "}) {
            std::size_t p = line.find(unit);
            if (p != std::string::npos && p > 0 && line.find(" - ") == std::string::npos) {
                line.replace(p, 1, " - ");
                break;
            }
        }
        // Joint issuers on one line: "BỘ TÀI CHÍNH - BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI".
        std::vector<std::string> pieces;
        std::size_t start = 0;
        bool unit_split = false;
        for (std::string_view unit : {" - SỞ ", " - CỤC ", " - CHI CỤC ", " - TỔNG CỤC ", " - VĂN PHÒNG ", " - TRUNG TÂM ", " - BAN QUẢN LÝ "}) {
            unit_split |= line.find(unit) != std::string::npos;
        }
        for (std::size_t p = line.find(" - "); p != std::string::npos; p = line.find(" - ", p + 3)) {
            std::string next = fold(std::string_view(line).substr(p + 3, 20));
            if (starts_body(next)) {
                pieces.push_back(line.substr(start, p - start));
                start = p + 3;
                if (!unit_split) dash_joined = true;
            }
        }
        pieces.push_back(line.substr(start));
        for (std::size_t k = 0; k < pieces.size(); ++k) {
            std::string f = fold(pieces[k]);
            if (bodies.empty() || starts_body(f) || k > 0) {
                bodies.push_back(pieces[k]);
            } else {
                bodies.back() += ' ' + pieces[k];
            }
        }
    }
    if (bodies.empty()) return;
    std::vector<std::string> names;
    for (const auto& b : bodies) {
        std::string n = normal_case_name(b);
        // A gazette may print the issuer block twice.
        bool seen = false;
        for (const auto& x : names) seen |= fold(x) == fold(n);
        if (!seen) names.push_back(n);
    }
    auto first_word = [](const std::string& s) { return fold(s.substr(0, s.find(' '))); };
    bool joint = (names.size() >= 2 && first_word(names[0]) == first_word(names[1]) && first_word(names[0]) == "bo") ||
                 (names.size() >= 2 && dash_joined);
    if (joint) {
        doc.issuers = names;
        doc.issuer = names[0];
        return;
    }
    doc.issuer = names.back();
    doc.issuers = {names.back()};
    if (names.size() >= 2) doc.issuer_parent = names[names.size() - 2];
}

Header read_header(const std::vector<Line>& lines, const PortalMeta& portal, Document& doc) {
    Header h;
    std::vector<std::string> caps_before;
    bool anchor_seen = false;  // motto or number line passed: no more issuer lines
    std::size_t limit = std::min<std::size_t>(lines.size(), 60);
    std::size_t i = 0;
    std::optional<TypeHeading> heading;
    std::string title;
    bool vv_title = false;
    bool addressed = false;  // "Kính gửi:" before any heading: the form of a công văn
    std::string glued;  // outlives `t`, which may point into it
    for (; i < limit; ++i) {
        std::string_view t = trim(lines[i].text);
        if (t.empty()) continue;
        if (is_motto_line(t)) continue;
        std::string_view rest;
        if (!doc.number) {
            std::string_view next = i + 1 < lines.size() ? std::string_view(lines[i + 1].text) : std::string_view{};
            // "Số:" alone, the number on the next line (a wrapped table cell).
            std::string fs = fold(t);
            if ((fs == "so:" || fs == "so") && !next.empty()) {
                glued = std::string(t) + " " + std::string(next);
                t = glued;
                ++i;
                next = i + 1 < lines.size() ? std::string_view(lines[i + 1].text) : std::string_view{};
            }
            bool used_next = false;
            if (auto n = read_number_line(t, rest, next, &used_next)) {
                doc.number = *n;
                h.number_line = i;
                if (used_next) ++i;
                anchor_seen = true;
                std::string place;
                if (!rest.empty() && !doc.date) {
                    if (auto d = read_place_date(rest, place)) doc.date = *d, doc.place = place;
                }
                // A Công văn's subject may follow in the same cell: "V/v ...", "Về ...".
                if (fold_starts_with(rest, "v/v")) {
                    title = std::string(trim(rest.substr(3)));
                    if (title.starts_with(':')) title = std::string(trim(std::string_view(title).substr(1)));
                    vv_title = true;
                } else if (fold_starts_with(rest, "ve ") && starts_upper(rest)) {
                    title = std::string(rest);
                    vv_title = true;
                }
                continue;
            }
        }
        if (!doc.date) {
            std::string place;
            if (auto d = read_place_date(t, place)) {
                doc.date = *d;
                if (!place.empty()) doc.place = place;
                anchor_seen = true;
                continue;
            }
        }
        if (fold_starts_with(t, "v/v") || fold_starts_with(t, "v/v:")) {
            std::string_view v = trim(t.substr(3));
            if (v.starts_with(':')) v = trim(v.substr(1));
            title = std::string(v);
            vv_title = true;
            if (title.empty() && i + 1 < limit && !detect_marker(lines[i + 1].text)) title = lines[++i].text;
            // The subject may wrap over the next lines.
            while (i + 1 < limit && starts_lower(lines[i + 1].text) && !detect_marker(lines[i + 1].text)) {
                title += ' ' + lines[++i].text;
            }
            continue;
        }
        if ((heading = read_type_heading(t))) break;
        std::string f = fold(t.substr(0, std::min<std::size_t>(t.size(), 30)));
        if (f.starts_with("kinh gui")) addressed = true;
        if (f.starts_with("can cu") || f.starts_with("kinh gui") || t.size() > 300) break;
        if (auto m = detect_marker(t); m && m->kind != SectionKind::dash) break;
        if (!anchor_seen && is_all_caps(t) && t.size() < 160 && !is_section_banner(fold(t))) {
            caps_before.emplace_back(t);
            if (caps_before.size() > 12) caps_before.erase(caps_before.begin());
        }
    }
    read_issuer(caps_before, doc);

    std::size_t end = i;
    if (heading) {
        doc.type = heading->type;
        std::string_view t = trim(lines[i].text);
        std::string first = std::string(trim(t.substr(heading->length)));
        if (!first.empty() && first[0] == ':') first = std::string(trim(std::string_view(first).substr(1)));
        if (!vv_title) title = first;
        std::size_t j = i + 1;
        bool caps = title.empty() ? false : is_all_caps(title);
        int taken = 0;
        while (j < lines.size() && taken < 6) {
            std::string_view l = trim(lines[j].text);
            bool have = !title.empty();
            if (!have) caps = is_all_caps(l);
            if (is_title_stop(l, have, caps, have && dangling(title))) break;
            if (have && lines[j].blank_before && !(caps && is_all_caps(l)) && !starts_lower(l)) break;
            if (have && !caps && is_all_caps(l)) break;
            if (vv_title) break;
            if (!title.empty()) title += ' ';
            title += l;
            ++j;
            ++taken;
            if (!caps && l.size() > 250) break;
        }
        end = j;
    } else if (!vv_title) {
        end = i;  // no heading: the preamble starts where the header scan stopped
    } else {
        end = i;
    }
    h.title_end = end;
    if (!title.empty()) doc.title = squeeze(title);

    // A header block displaced from the top (a portal's chunks out of order): a number line next to the
    // national motto or a place-and-date line, anywhere in the document.
    if (!doc.number) {
        for (std::size_t k = 0; k < lines.size(); ++k) {
            std::string_view rest;
            auto n = read_number_line(trim(lines[k].text), rest);
            if (!n) continue;
            bool header_like = false;
            std::string place;
            for (std::size_t m = k > 3 ? k - 3 : 0; m < lines.size() && m <= k + 3; ++m) {
                std::string_view l = trim(lines[m].text);
                if (is_motto_line(l)) header_like = true;
                if (auto d = read_place_date(l, place)) {
                    header_like = true;
                    if (!doc.date) doc.date = *d, doc.place = place;
                }
            }
            if (header_like) {
                doc.number = *n;
                break;
            }
        }
    }
    // A number with the VBHN code is a consolidated text, whatever heading it carries: the heading
    // names the type of the document it consolidates.
    if (doc.number && type_from_code(doc.number->type_code) == "Văn bản hợp nhất" && doc.type != "Văn bản hợp nhất") {
        if (doc.type) doc.consolidates = *doc.type;
        doc.type = "Văn bản hợp nhất";
    }
    // Fallbacks: the number's type code, then the portal's attribute block.
    if (!doc.type && doc.number) {
        std::string t = type_from_code(doc.number->type_code);
        if (!t.empty()) doc.type = t;
        else if (vv_title || (!doc.number->year && doc.number->type_code.empty())) doc.type = "Công văn";
    }
    if (!doc.type && (vv_title || addressed)) doc.type = "Công văn";
    if (!doc.number) {
        if (auto it = portal.find("so hieu"); it != portal.end()) {
            if (auto n = parse_number(it->second)) doc.number = *n;
        }
    }
    if (!doc.type) {
        if (auto it = portal.find("loai van ban"); it != portal.end()) doc.type = it->second;
    }
    if (!doc.date) {
        if (auto it = portal.find("ngay ban hanh"); it != portal.end()) {
            std::size_t s = 0, e = 0;
            if (auto d = find_numeric_date(it->second, s, e)) doc.date = *d;
        }
    }
    if (!doc.title) {
        if (auto it = portal.find("title"); it != portal.end()) {
            std::string_view d = it->second;
            std::size_t p = d.find(" về việc ");
            if (p == std::string_view::npos) p = d.find(" về ");
            if (p != std::string_view::npos) doc.title = capitalize_first(trim(d.substr(p + 1)));
        }
    }
    return h;
}

}  // namespace vanban::detail
