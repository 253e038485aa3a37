#include "header.h"

#include <algorithm>
#include <span>
#include <unordered_map>

#include "body_grammar.h"
#include "dates.h"
#include "doc_types.h"
#include "numbering.h"
#include "portal_clutter.h"
#include "signature.h"
#include "syllable.h"
#include "text.h"

namespace vanban::detail {

std::optional<TypeHeading> read_type_heading_any_case(std::string_view line);

namespace {

bool is_motto_line(std::string_view s) {
    return fold_starts_with(s, "cong hoa xa hoi") || fold_starts_with(s, "chu nghia viet nam") ||
           fold_starts_with(s, "doc lap - tu do") || fold_starts_with(s, "doc lap-tu do") ||
           fold_starts_with(s, "doc lap – tu do") || fold_starts_with(s, "dang cong san viet nam");
}

// Gazette section titles that are not issuers (portal_clutter.tsv: banner, banner_line).
bool is_section_banner(std::string_view folded) {
    for (auto p : clutter_phrases(ClutterRole::banner)) {
        if (folded.starts_with(p)) return true;
    }
    for (auto p : clutter_phrases(ClutterRole::banner_line)) {
        if (folded == p) return true;
    }
    return false;
}

// A portal's value standing for one it does not show ("Đang cập nhật", "Đã biết": no_value).
bool is_no_value(std::string_view folded) {
    for (auto p : clutter_phrases(ClutterRole::no_value)) {
        if (folded == p) return true;
    }
    return false;
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
    std::string_view after = joined.empty() ? trim(line.substr(k + n->text.size())) : std::string_view{};
    // "Luật số: 51/2024/QH15" stands alone (or with its date); "Nghị định số 63/2010/NĐ-CP của Chính
    // phủ: Về ..." is a portal's title line before the header, not the header's number.
    std::string place;
    if (at > 0 && !after.empty() && !read_place_date(after, place)) return std::nullopt;
    if (used_next) *used_next = !joined.empty();
    rest = after;
    return n;
}

// A line in capitals for a title: every word without a digit is in capitals ("VỀ VIỆC THỰC HIỆN
// QUYẾT ĐỊNH SỐ 12/QĐ-TTg": a number's symbol may hold lowercase letters).
bool caps_text(std::string_view l) {
    bool letter = false;
    for (std::size_t i = 0; i < l.size();) {
        std::size_t j = l.find(' ', i);
        if (j == std::string_view::npos) j = l.size();
        std::string_view w = l.substr(i, j - i);
        i = j + 1;
        if (has_any_of(w, "0123456789/")) continue;
        for (std::size_t k = 0; k < w.size();) {
            char32_t cp = next_cp(w, k);
            if (!is_letter(cp)) continue;
            if (is_lower(cp)) return false;
            letter = true;
        }
    }
    return letter;
}

// The address formula of a Công điện: "THỦ TƯỚNG CHÍNH PHỦ điện:", "BỘ TRƯỞNG BỘ Y TẾ điện:".
bool is_address_formula(std::string_view l) {
    if (l.size() > 120) return false;
    std::string f = fold(l);
    return f.ends_with(" dien:") || f.ends_with(" dien :");
}

// A line that opens what follows the title: the address formula of a Công điện, or, in a consolidated
// text, a note naming a document it consolidates ("Quyết định số 142/2008/QĐ-TTg ngày ...").
bool opens_body(std::string_view l, bool consolidated) {
    if (is_address_formula(l)) return true;
    if (!consolidated || !starts_upper(l) || caps_text(l)) return false;
    std::string f = fold(l.substr(0, std::min<std::size_t>(l.size(), 80)));
    for (const auto& t : doc_type_rows()) {
        if (t.name.empty() || !f.starts_with(t.folded)) continue;
        std::string_view r = std::string_view(f).substr(t.folded.size());
        if (r.starts_with(" so ") && r.size() > 4 && r[4] >= '0' && r[4] <= '9') return true;
    }
    return false;
}

bool dangling(std::string_view title);

// True when `next` goes on with a Công văn's subject `subject`: a line in lowercase, or, in the same table
// cell (no blank line before it), a line after a word that cannot end the subject or a short word in
// capitals ("GTGT"); never the header's next element (place and date, "Kính gửi", a number, a marker).
bool continues_subject(const Line& next, std::string_view subject) {
    std::string_view x = trim(next.text);
    if (x.empty() || detect_marker(x) || is_motto_line(x) || fold_starts_with(x, "kinh gui")) return false;
    std::string place;
    if (read_place_date(x, place)) return false;
    if (fold_starts_with(x, "so") && has_digit(x.substr(0, std::min<std::size_t>(x.size(), 12)))) return false;
    if (starts_lower(x)) return true;
    if (next.blank_before) return false;
    if (is_all_caps(x)) return std::count(x.begin(), x.end(), ' ') <= 1 && x.size() < 24;
    return dangling(subject);
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

// Drops from the end of `title` a word that begins the authority of the address formula `formula`
// ("THỦ" of "THỦ" / "TƯỚNG CHÍNH PHỦ điện:").
void drop_wrapped_authority(std::string& title, std::string_view formula) {
    static constexpr std::string_view kTitles[] = {"thu tuong", "bo truong", "chu tich", "giam doc", "cuc truong",
                                                   "truong ban", "pho thu tuong"};
    std::size_t sp = title.rfind(' ');
    if (sp == std::string::npos) return;
    std::string_view f = formula;
    std::size_t fe = f.find(' ');
    std::string pair = fold(std::string_view(title).substr(sp + 1)) + " " + fold(f.substr(0, fe));
    for (auto t : kTitles) {
        if (pair == t) {
            title.resize(sp);
            return;
        }
    }
}

bool is_title_stop(std::string_view l, bool have_title, bool title_caps, bool open_end, bool consolidated) {
    if (opens_body(l, consolidated)) return true;
    if (open_end && caps_text(l) == title_caps && !detect_marker(l)) return false;
    // A title in capitals ends where text in normal case begins: the first paragraph ("Ngày 15 tháng 11
    // năm 2025, tại Trụ sở Chính phủ, ..."), a consolidation note.
    if (have_title && title_caps && !caps_text(l) && starts_upper(l)) return true;
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

namespace {

// Step 3 of read_header: a header block displaced from the top (a portal's chunks out of order): a
// number line next to the national motto or a place-and-date line, anywhere in the document, gives
// the number (and the date, place and issuer around it when they are missing). Only when no number
// was found in the header.
void find_displaced_header(const std::vector<Line>& lines, Document& doc) {
    if (doc.number) return;
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
            // The issuer printed above it ("CHÍNH PHỦ" / "Số: 75/2021/NĐ-CP").
            if (!doc.issuer) {
                std::vector<std::string> caps;
                for (std::size_t m = k > 3 ? k - 3 : 0; m < k; ++m) {
                    std::string_view l = trim(lines[m].text);
                    if (is_all_caps(l) && l.size() < 160 && !is_motto_line(l) && !is_position_line(l) &&
                        !is_authority_line(l)) {
                        caps.emplace_back(l);
                    } else {
                        caps.clear();
                    }
                }
                read_issuer(caps, doc);
            }
            break;
        }
    }
}

// Step 4: the type from the number when the heading gave none (or the number says it is a
// consolidated text): its type code; a letter with a subject line ("V/v") or addressed to bodies is a
// Công văn whatever its symbol.
void type_from_number(Document& doc, bool vv_title, bool addressed) {
    // A number with the VBHN code is a consolidated text, whatever heading it carries: the heading
    // names the type of the document it consolidates.
    if (doc.number && type_from_code(doc.number->type_code) == "Văn bản hợp nhất" && doc.type != "Văn bản hợp nhất") {
        if (doc.type) doc.consolidates = *doc.type;
        doc.type = "Văn bản hợp nhất";
    }
    // Fallbacks: the number's type code, then the portal's attribute block.
    if (!doc.type && doc.number) {
        std::string t = type_from_code(doc.number->type_code);
        if (vv_title && t != "Công văn") {
            // A letter with a subject line ("V/v ...") is a Công văn whatever its number's symbol: in
            // "5282/CT-CS" the CT is the Cục Thuế, not a Chỉ thị. The code goes back to the issuer's part.
            doc.type = "Công văn";
            if (!doc.number->type_code.empty()) {
                doc.number->issuer_code = doc.number->type_code + "-" + doc.number->issuer_code;
                doc.number->type_code.clear();
            }
        } else if (!t.empty()) {
            doc.type = t;
        } else if (!doc.number->year && doc.number->type_code.empty()) {
            doc.type = "Công văn";
        }
    }
    if (!doc.type && (vv_title || addressed)) doc.type = "Công văn";
}

// Step 5: the portal's attribute block (portal_clutter.tsv: label) fills only what the document's own
// header lacks: number, type, date, issuer (its issuing body, or a province's committee or council
// by the number's code), title (the portal's description after "về việc").
void fill_from_portal(const PortalMeta& portal, Document& doc) {
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
    // The issuer, for a page whose header was lost: the block's issuing body ("Cơ quan ban hành"), or its
    // "Nơi ban hành" when that names a body ("Bộ Tài chính", "Cục Thuế") rather than a province; a
    // province with a number of a People's Committee or Council ("4001/UBND-ĐT") names that body.
    if (!doc.issuer) {
        std::string body;
        if (auto it = portal.find("co quan ban hanh"); it != portal.end()) body = it->second;
        if (auto it = portal.find("noi ban hanh"); body.empty() && it != portal.end()) {
            std::string f = fold(it->second);
            bool province = f.starts_with("tinh ") || f.starts_with("thanh pho ");
            std::string code = doc.number ? number_key(doc.number->issuer_code) : std::string();
            if (!province) {
                body = it->second;
            } else if (code.starts_with("UBND")) {
                body = "Ủy ban nhân dân " + (f.starts_with("tinh ") ? lower(it->second.substr(0, 5)) + it->second.substr(5) : it->second);
            } else if (code.starts_with("HDND")) {
                body = "Hội đồng nhân dân " + (f.starts_with("tinh ") ? lower(it->second.substr(0, 5)) + it->second.substr(5) : it->second);
            }
        }
        std::string fb = fold(body);
        if (!body.empty() && !is_no_value(fb)) {
            doc.issuer = body;
            doc.issuers = {body};
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
}

}  // namespace

// read_header (header.h) in steps: 1. the header lines up to the type heading (issuer block, number,
// place and date, the motto as the anchor); 2. the type heading and the title under it (which stops at
// a Công điện's address formula, the first paragraph, a consolidation note); then
// find_displaced_header, type_from_number and fill_from_portal above.
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
    std::size_t motto_at = lines.size();  // first motto line within `limit`, found when first needed
    bool motto_seen = false;
    std::optional<std::pair<std::string, std::string>> early_date;  // date and place met before the header
    for (; i < limit; ++i) {
        std::string_view t = trim(lines[i].text);
        if (t.empty()) continue;
        if (is_motto_line(t)) {
            motto_seen = true;
            continue;
        }
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
                while (vv_title && i + 1 < limit && continues_subject(lines[i + 1], title)) title += ' ' + lines[++i].text;
                continue;
            }
        }
        if (!doc.date) {
            std::string place;
            auto d = read_place_date(t, place);
            // A place name wrapped before its date: "Tây" / "Ninh, ngày 01 tháng 12 năm 2025".
            if (!d && t.size() < 24 && t.find(' ') == std::string_view::npos && starts_upper(t) && !is_all_caps(t) &&
                i + 1 < limit && !lines[i + 1].blank_before) {
                glued = std::string(t) + " " + lines[i + 1].text;
                if ((d = read_place_date(glued, place))) t = glued, ++i;
            }
            if (d) {
                // A place and date before anything of the header (issuer, motto, number) is a page's,
                // not the document's; it serves only when the header has none.
                if (!anchor_seen && !motto_seen && caps_before.empty()) {
                    if (!early_date) early_date = std::make_pair(*d, place);
                    continue;
                }
                doc.date = *d;
                if (!place.empty()) doc.place = place;
                anchor_seen = true;
                continue;
            }
        }
        // A Công văn's subject: "V/v ...", or "Về ..." on the line under the number.
        bool ve_subject = !vv_title && doc.number && h.number_line + 1 == i && fold_starts_with(t, "ve ") && starts_upper(t) &&
                          !is_all_caps(t);
        if (fold_starts_with(t, "v/v") || ve_subject) {
            std::string_view v = ve_subject ? t : trim(t.substr(3));
            if (v.starts_with(':')) v = trim(v.substr(1));
            title = std::string(v);
            vv_title = true;
            if (title.empty() && i + 1 < limit && !detect_marker(lines[i + 1].text)) title = lines[++i].text;
            // The subject may wrap over the next lines of its cell: "V/v tuyên truyền chủ trương, chính sách
            // của" / "Đảng, Nhà nước.", "V/v thuế suất thuế" / "GTGT".
            while (i + 1 < limit && continues_subject(lines[i + 1], title)) title += ' ' + lines[++i].text;
            continue;
        }
        if ((heading = read_type_heading(t))) break;
        std::string f = fold(t.substr(0, std::min<std::size_t>(t.size(), 30)));
        if (f.starts_with("kinh gui")) addressed = true;
        if (f.starts_with("can cu") || f.starts_with("kinh gui")) break;
        if (t.size() > 300) {
            // Text before the header (a portal's title line) is passed over when the motto follows.
            if (motto_at == lines.size()) {
                motto_at = limit;
                for (std::size_t k = 0; k < limit; ++k) {
                    if (is_motto_line(trim(lines[k].text))) {
                        motto_at = k;
                        break;
                    }
                }
            }
            bool header_ahead = caps_before.empty() && !anchor_seen && motto_at > i && motto_at <= i + 8;
            if (!header_ahead) break;
            continue;
        }
        if (auto m = detect_marker(t); m && m->kind != SectionKind::dash) break;
        if (!anchor_seen && is_all_caps(t) && t.size() < 160 && !is_section_banner(fold(t))) {
            caps_before.emplace_back(t);
            if (caps_before.size() > 12) caps_before.erase(caps_before.begin());
        }
    }
    read_issuer(caps_before, doc);
    if (!doc.date && early_date) {
        doc.date = early_date->first;
        if (!early_date->second.empty()) doc.place = early_date->second;
    }

    std::size_t end = i;
    if (heading) {
        doc.type = heading->type;
        std::string_view t = trim(lines[i].text);
        std::string first = std::string(trim(t.substr(heading->length)));
        if (!first.empty() && first[0] == ':') first = std::string(trim(std::string_view(first).substr(1)));
        if (!vv_title) title = first;
        std::size_t j = i + 1;
        bool consolidated = doc.number && type_from_code(doc.number->type_code) == "Văn bản hợp nhất";
        bool caps = title.empty() ? false : caps_text(title);
        int taken = 0;
        while (j < lines.size() && taken < 6) {
            std::string_view l = trim(lines[j].text);
            bool have = !title.empty();
            if (!have) caps = caps_text(l);
            if (is_title_stop(l, have, caps, have && dangling(title), consolidated)) {
                // "... TẠI KHU VỰC TRUNG BỘ THỦ" / "TƯỚNG CHÍNH PHỦ điện:": the formula's first word was
                // wrapped onto the title's last line.
                if (is_address_formula(l)) drop_wrapped_authority(title, l);
                break;
            }
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
    // A consolidated text printed without a number of its own names, in the first note under its title,
    // the document it consolidates: "Luật Thuế thu nhập cá nhân số 109/2025/QH15 ngày 10 tháng 12 năm
    // 2025 của Quốc hội, có hiệu lực ...". That number is the header's until the consolidation stamp
    // at the end says otherwise (read_consolidation).
    if (!doc.number && heading && end < lines.size()) {
        std::string_view l = trim(lines[end].text);
        if (fold_starts_with(l, fold(heading->type)) && !caps_text(l)) {
            // The first "số <digit>" within the note's opening words.
            for (std::size_t k = 1; k + 4 < l.size() && k < 160; ++k) {
                if (l[k - 1] != ' ' || !fold_starts_with(l.substr(k, 6), "so ")) continue;
                std::size_t d = l.find(' ', k) + 1;
                if (d < l.size() && l[d] >= '0' && l[d] <= '9') {
                    if (auto n = parse_number(l.substr(d, std::min<std::size_t>(l.size() - d, 60)))) doc.number = *n;
                }
                break;
            }
        }
    }
    h.title_end = end;
    // "V/V CHỦ ĐỘNG PHÒNG, TRÁNH ..." under a Công điện's heading: "V/v" abbreviates "về việc" and is
    // not part of the subject, as in a Công văn.
    if (fold_starts_with(title, "v/v ") || fold_starts_with(title, "v/v:")) {
        title = std::string(trim(std::string_view(title).substr(4)));
        if (title.starts_with(':')) title = std::string(trim(std::string_view(title).substr(1)));
    }
    if (!title.empty()) doc.title = squeeze(title);

    find_displaced_header(lines, doc);
    type_from_number(doc, vv_title, addressed);
    fill_from_portal(portal, doc);
    return h;
}

}  // namespace vanban::detail
