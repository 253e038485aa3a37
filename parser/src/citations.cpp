// The citation scanner. Numbers are found first (a digit run that parses as a document number with
// a letter symbol); the type, provision and "số" are read backwards from it, the date and issuer
// forwards. Invariant: a reference's span lies inside one line of doc.text and covers at least the
// number (or the name, for a reference by name).
#include "citations.h"

#include <algorithm>

#include "dates.h"
#include "doc_types.h"
#include "header.h"
#include "text.h"

namespace vanban::detail {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_word_char(char c) { return is_digit(c) || (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80; }

// Relation triggers, folded, looked for just before the cited type.
struct Trigger {
    std::string_view folded;
    Relation relation;
};
constexpr Trigger kTriggers[] = {
    {"trien khai thuc hien", Relation::implements}, {"trien khai", Relation::implements},
    {"thuc hien", Relation::implements}, {"cu the hoa", Relation::implements}, {"quan triet", Relation::implements},
    {"sua doi, bo sung", Relation::amends}, {"sua doi bo sung", Relation::amends}, {"sua doi", Relation::amends},
    {"thay the", Relation::replaces}, {"bai bo", Relation::repeals}, {"huy bo", Relation::repeals},
    {"het hieu luc", Relation::repeals}, {"huong dan thi hanh", Relation::guides}, {"huong dan", Relation::guides},
    {"quy dinh chi tiet", Relation::guides},
};

// Legislature symbols are "QH15" or "UBTVQH15"; anything else ending in a term number and containing
// "QH" ("QHH12", "UBNTVQH15") is a misprint, kept as printed and flagged.
bool suspect_symbol(const DocumentNumber& n) {
    std::string code = number_key(n.issuer_code);
    std::size_t q = code.find("QH");
    if (q == std::string::npos) return false;
    std::string_view rest = std::string_view(code).substr(q + 2);
    bool digits = !rest.empty() && std::all_of(rest.begin(), rest.end(), [](char c) { return is_digit(c); });
    std::string_view prefix = std::string_view(code).substr(0, q);
    return !digits || !(prefix.empty() || prefix == "UBTV");
}

// Clause boundaries of a line (folded): after a ';' or after a '.' followed by a space.
std::vector<std::size_t> clause_bounds(const std::string& f) {
    std::vector<std::size_t> b{0};
    for (std::size_t i = 1; i <= f.size(); ++i) {
        char c = f[i - 1];
        if (c == ';' || (c == '.' && i < f.size() && f[i] == ' ') || c == '\n') b.push_back(i);
    }
    return b;
}

// Start of the clause that holds position p.
std::size_t clause_start(const std::vector<std::size_t>& bounds, std::size_t p) {
    return *(std::upper_bound(bounds.begin(), bounds.end(), p) - 1);
}

// True when the number at folded position `i` of `f` is a form's, a standard's or a code's, not a
// document's: "Mẫu số 03-6/TNDN", "bảng kê 02-1/BK-QTT", "tờ khai", "QCVN:01-2008/BLĐTBXH",
// "QTKĐ:06-2021/BLĐTBXH", "mã số 01/2025" ("Đơn đề nghị xác định mã số số 301025/MHD-HQ" names the
// application, a document).
bool names_no_document(const std::string& f, std::size_t i) {
    std::size_t b = i;
    auto skip = [&] {
        while (b > 0 && (f[b - 1] == ' ' || f[b - 1] == ':' || f[b - 1] == '.')) --b;
    };
    skip();
    if (b >= 2 && f.compare(b - 2, 2, "so") == 0 && (b == 2 || !is_word_char(f[b - 3]))) {
        b -= 2;
        skip();
    }
    static constexpr std::string_view kBefore[] = {"mau", "bieu", "bang ke", "to khai", "qcvn", "tcvn", "qtkd",
                                                   "ma"};
    for (auto w : kBefore) {
        if (b >= w.size() && f.compare(b - w.size(), w.size(), w) == 0 &&
            (b == w.size() || !is_word_char(f[b - w.size() - 1]))) {
            return true;
        }
    }
    return false;
}

struct LineInfo {
    std::size_t start;  // byte offset of the line in doc.text
    std::size_t end;
    bool basis;
};

// The date of a cited document written right after its number, at line[k...]: "ngày 29 tháng 4 năm
// 2022" or "ngày 29/4/2022" (its digits within a few bytes of "ngày"). Sets `end` past it.
std::optional<std::string> date_at(std::string_view line, std::size_t k, std::size_t& end) {
    if (!fold_starts_with(line.substr(k), "ngay")) return std::nullopt;
    std::string_view rest = line.substr(k, std::min<std::size_t>(line.size() - k, 40));
    std::size_t ds = 0, de = 0;
    auto d = find_written_date(rest, ds, de);
    if (!d || ds != 0) {
        std::size_t ns = 0, ne = 0;
        d = find_numeric_date(rest, ns, ne);
        if (d && ns <= 6) {
            de = ne;
        } else {
            d.reset();
        }
    }
    if (d) end = k + de;
    return d;
}

}  // namespace

std::vector<Reference> find_references(const Document& doc, const Folded& doc_fold) {
    std::vector<Reference> refs;
    const std::string& text = doc.text;
    const std::string own_key = doc.number ? doc.number->key : std::string();
    std::string self_type = doc.type ? fold(*doc.type) : std::string();

    // Line by line: a reference never spans two paragraphs.
    std::vector<LineInfo> lines;
    for (std::size_t s = 0; s <= text.size();) {
        std::size_t e = text.find('\n', s);
        if (e == std::string::npos) e = text.size();
        bool basis = false;
        for (const auto& b : doc.bases) basis |= b.span.start <= s && s < b.span.end;
        lines.push_back({s, e, basis});
        s = e + 1;
    }
    for (const auto& li : lines) {
        std::string_view line = std::string_view(text).substr(li.start, li.end - li.start);
        if (!has_digit(line) && line.find("Luật") == std::string_view::npos &&
            line.find("Hiến pháp") == std::string_view::npos) {
            continue;
        }
        Folded fm = fold_slice(doc_fold, li.start, li.end);
        const std::string& f = fm.text;
        // Clause boundaries, computed when the line turns out to cite something (most lines with digits
        // hold only dates and amounts).
        std::vector<std::size_t> bounds;
        auto bounds_of = [&]() -> const std::vector<std::size_t>& {
            if (bounds.empty()) bounds = clause_bounds(f);
            return bounds;
        };
        std::vector<std::pair<std::size_t, std::size_t>> taken;  // folded [start, end) of references found
        std::vector<std::size_t> line_refs;                      // indexes into refs of this line's references

        // Builds the relation of a reference that starts at folded position `fs`.
        auto relation_for = [&](std::size_t fs, std::size_t prev_end) {
            std::size_t cs = std::max(clause_start(bounds_of(), fs), prev_end);
            std::string_view before = std::string_view(f).substr(cs, fs - cs);
            // Triggers count only within a few words of the reference: look at the last 48 bytes.
            std::string_view near = before.substr(before.size() > 48 ? before.size() - 48 : 0);
            // The closest trigger ending within a few short words of the reference.
            Relation rel = Relation::mentions;
            std::size_t best = std::string::npos;
            for (const auto& t : kTriggers) {
                std::size_t p = near.rfind(t.folded);
                if (p == std::string_view::npos) continue;
                std::size_t gap = near.size() - (p + t.folded.size());
                std::string_view between = near.substr(p + t.folded.size());
                bool short_gap = gap <= 24 && !has_any_of(between, "0123456789;,");
                if (!short_gap) continue;
                if (best == std::string::npos || p + t.folded.size() > best) {
                    best = p + t.folded.size();
                    rel = t.relation;
                    // Passive: "(đã) được sửa đổi, bổ sung bởi Luật số ..." names what amended something
                    // else, not what this document amends.
                    std::string_view lead_in = near.substr(0, p);
                    while (!lead_in.empty() && lead_in.back() == ' ') lead_in.remove_suffix(1);
                    if (lead_in.ends_with("duoc") && t.relation != Relation::implements) rel = Relation::mentions;
                }
            }
            if (li.basis) {
                // Every document a Căn cứ line cites is a basis of this one: the amending law named with
                // the law it amends ("... số 64/2025/QH15 được sửa đổi, bổ sung bởi Luật số 87/2025/QH15"),
                // each member of a list ("các Nghị định của Chính phủ: số 63/2010/NĐ-CP ...; số
                // 48/2013/NĐ-CP ..."). Except a clause glued on after the bases that is not one ("Theo đề
                // nghị của ... tại Tờ trình số ..."), and what the citing document itself carries out
                // ("... xây dựng Kế hoạch triển khai Nghị quyết ...").
                std::string_view clause = std::string_view(f).substr(clause_start(bounds_of(), fs));
                while (!clause.empty() && (clause[0] == ' ' || clause[0] == '-' || clause[0] == '+')) clause.remove_prefix(1);
                if (clause.starts_with("theo de nghi") || clause.starts_with("xet de nghi") ||
                    clause.starts_with("theo to trinh") || clause.starts_with("xet to trinh")) {
                    return rel;
                }
                if (rel == Relation::implements && !self_type.empty()) {
                    // "..., Ủy ban nhân dân Thành phố xây dựng Kế hoạch triển khai Nghị quyết số 38/NQ-CP": the
                    // citing document's own type, in a clause of its own after the last cited document (not
                    // inside that document's title: "... số 43/NQ-CP của Chính phủ ban hành Kế hoạch ...").
                    std::size_t p = before.rfind(self_type);
                    if (p != std::string_view::npos && before.size() - p < 60) {
                        std::size_t self_at = cs + p, last_end = cs;
                        for (auto& [ts, te] : taken) {
                            if (te <= self_at && te > last_end) last_end = te;
                        }
                        bool own_clause = last_end == cs ||
                                          std::string_view(f).substr(last_end, self_at - last_end).find(',') != std::string_view::npos;
                        if (own_clause) return Relation::implements;
                    }
                }
                return Relation::basis;
            }
            return rel;
        };

        // 1. Numbers.
        std::size_t prev_end = 0;
        for (std::size_t i = 0; i < f.size(); ++i) {
            if (!is_digit(f[i]) || (i > 0 && (is_word_char(f[i - 1]) || f[i - 1] == '/' || f[i - 1] == '.' || f[i - 1] == '-'))) {
                continue;
            }
            std::size_t oi = fm.orig[i];
            auto n = parse_number(line.substr(oi, std::min<std::size_t>(line.size() - oi, 90)));
            if (!n) continue;
            if (names_no_document(f, i)) {
                // Skip the whole number: its digits must not start another one.
                std::size_t o_end = oi + n->text.size();
                while (i + 1 < f.size() && fm.orig[i + 1] < o_end) ++i;
                continue;
            }
            std::size_t o_end = oi + n->text.size();
            // The symbol must end the token: "12/2021/UBNTVQH15ngày" would be a glued word.
            std::size_t fi_end = i;
            while (fi_end < f.size() && fm.orig[fi_end] < o_end) ++fi_end;
            if (n->key == own_key) {
                i = fi_end;
                continue;
            }
            Reference r;
            r.number = n->text;
            r.number_key = n->key;
            if (suspect_symbol(*n)) r.flags.emplace_back("suspect_symbol");
            // Backwards: "số", ":", the type, the provision.
            std::size_t b = i;
            auto back_spaces = [&] {
                while (b > 0 && f[b - 1] == ' ') --b;
            };
            back_spaces();
            if (b > 0 && f[b - 1] == ':') --b, back_spaces();
            if (b >= 2 && f.compare(b - 2, 2, "so") == 0 && (b == 2 || !is_word_char(f[b - 3]))) {
                b -= 2;
                back_spaces();
            }
            std::size_t start = b < i ? b : i;
            for (const auto& t : doc_type_rows()) {
                if (!t.cited) continue;
                if (b < t.folded.size() || f.compare(b - t.folded.size(), t.folded.size(), t.folded) != 0) continue;
                std::size_t ts = b - t.folded.size();
                if (ts > 0 && is_word_char(f[ts - 1])) continue;
                // Written with a capital ("Nghị quyết số"), except "văn bản số", "công văn số".
                std::string_view orig_word = line.substr(fm.orig[ts], fm.orig[b] - fm.orig[ts]);
                if (!starts_upper(orig_word) && t.folded != "van ban" && t.folded != "cong van") continue;
                if (!t.name.empty()) r.type = std::string(t.name);
                start = ts;
                break;
            }
            // Named laws: "Luật Phòng, chống bệnh truyền nhiễm số 03/2007/QH12".
            if (!r.type) {
                std::size_t cs = clause_start(bounds_of(), b);
                for (std::string_view lw : {"bo luat ", "luat ", "phap lenh "}) {
                    std::size_t p = std::string_view(f).substr(cs, b - cs).rfind(lw);
                    if (p == std::string_view::npos) continue;
                    p += cs;
                    if (p > 0 && is_word_char(f[p - 1])) continue;
                    std::string_view between = std::string_view(f).substr(p, b - p);
                    if (between.size() > 110 || has_any_of(between, "0123456789;()")) continue;
                    std::string_view orig = line.substr(fm.orig[p], fm.orig[b] - fm.orig[p]);
                    if (!starts_upper(orig)) continue;
                    r.type = lw == "bo luat " ? "Bộ luật" : lw == "luat " ? "Luật" : "Pháp lệnh";
                    r.name = std::string(trim(orig));
                    start = p;
                    break;
                }
            }
            if (!r.type) {
                std::string t = type_from_code(n->type_code);
                if (!t.empty()) r.type = t;
            }
            // Provision: "khoản 2 Điều 92 của" / "điểm a khoản 1 Điều 5" before the type.
            {
                std::size_t q = start;
                while (q > 0 && f[q - 1] == ' ') --q;
                std::string_view head = std::string_view(f).substr(clause_start(bounds_of(), q), q - clause_start(bounds_of(), q));
                if (head.ends_with(" cua")) head.remove_suffix(4);
                std::size_t d = head.rfind("dieu ");
                if (d != std::string_view::npos && head.size() - d < 14) {
                    std::size_t ps = d;
                    std::size_t k = head.rfind("khoan ", d);
                    if (k != std::string_view::npos && d - k < 12) ps = k;
                    std::size_t e = head.rfind("diem ", ps);
                    if (e != std::string_view::npos && ps - e < 10) ps = e;
                    std::size_t base = clause_start(bounds_of(), q);
                    r.provision = std::string(trim(line.substr(fm.orig[base + ps], fm.orig[base + head.size()] - fm.orig[base + ps])));
                }
            }
            // Forwards: ", ngày 17/3/2022" or "ngày 28 tháng 7 năm 2021", then "của <issuer>".
            std::size_t o = o_end;
            std::size_t end = o_end;
            {
                std::size_t k = o;
                while (k < line.size() && (line[k] == ' ' || line[k] == ',')) ++k;
                if (auto d = date_at(line, k, end)) r.date = *d;
            }
            {
                std::size_t k = end;
                while (k < line.size() && line[k] == ' ') ++k;
                if (fold_starts_with(line.substr(k), "cua ")) {
                    std::size_t is = k + std::string_view("của ").size();
                    std::size_t re = std::min<std::size_t>(line.size(), is + 90);
                    while (re < line.size() && (static_cast<unsigned char>(line[re]) & 0xC0) == 0x80) ++re;
                    std::string_view rest = line.substr(is, re - is);
                    Folded rf = fold_slice(fm, is, re);  // the line's fold, no second folding
                    std::size_t cut = rf.text.size();
                    for (std::string_view stop : {" ve ", " ban hanh", " quy dinh", " huong dan", " thong bao", " phe duyet",
                                                  " sua doi", " tai ", " tren ", " de ", " thuc hien", " trien khai", " va ",
                                                  ";", ",", ".", "(", ")", ":", " ve viec", " theo ", " nham ", " doi voi"}) {
                        std::size_t p = rf.text.find(stop);
                        if (p != std::string::npos) cut = std::min(cut, p);
                    }
                    std::string_view issuer = trim(rest.substr(0, rf.orig[cut]));
                    if (!issuer.empty() && starts_upper(issuer) && issuer.size() < 90) {
                        r.issuer = std::string(issuer);
                        end = is + rf.orig[cut];
                        while (end > is && line[end - 1] == ' ') --end;
                    }
                }
            }
            r.span = Span{li.start + fm.orig[start], li.start + end};
            r.relation = relation_for(start, prev_end);
            taken.emplace_back(start, fi_end);
            line_refs.push_back(refs.size());
            refs.push_back(std::move(r));
            prev_end = 0;
            i = fi_end;
        }

        // 2. References by name without a number: "Hiến pháp", "Luật Tổ chức chính quyền địa phương".
        for (std::string_view lw : {"hien phap", "bo luat ", "luat ", "phap lenh "}) {
            for (std::size_t p = f.find(lw); p != std::string::npos; p = f.find(lw, p + 1)) {
                if (p > 0 && is_word_char(f[p - 1])) continue;
                bool inside = false;
                for (auto& [s, e] : taken) inside |= p >= s && p < e;
                if (inside) continue;
                // Part of a longer type word already handled ("Bộ luật" when looking for "luật").
                if (lw == "luat " && p >= 3 && f.compare(p - 3, 3, "bo ") == 0) continue;
                std::size_t op = fm.orig[p];
                if (!starts_upper(line.substr(op, 4))) continue;
                std::size_t e = p + lw.size();
                if (lw == "hien phap") {
                    if (e < f.size() && is_word_char(f[e])) continue;
                } else {
                    // The name: words up to a stop; a comma continues the name when a lowercase word follows.
                    std::size_t q = e;
                    std::size_t last_good = e;
                    std::string_view prev_word;
                    while (q < f.size() && q - e < 110) {
                        std::size_t ws = q;
                        while (q < f.size() && f[q] != ' ' && f[q] != ',' && f[q] != ';' && f[q] != '.' && f[q] != '(' && f[q] != ')') ++q;
                        std::string_view w = std::string_view(f).substr(ws, q - ws);
                        static constexpr std::string_view stops[] = {"so", "ngay", "nam", "duoc", "cua", "da", "tai", "hien",
                                                                     "quy", "ve", "va", "nay", "thi", "co", "theo", "doi", "de",
                                                                     "sua", "hanh", "nhu", "khi", "la", "trong", "ban", "thuc",
                                                                     "hien", "so:", "moi", "cac", "mot", "phai", "lien"};
                        bool stop = w.empty() || std::find(std::begin(stops), std::end(stops), w) != std::end(stops) ||
                                    (!w.empty() && is_digit(w[0]));
                        // The name's first word, capitalized, is the name ("Luật Quy hoạch", "Luật Ban hành văn
                        // bản ..."), not the verb it may also be ("Luật này quy định"); "quy" stops only as "quy định".
                        // "quy" and "ban" stop only as the verbs "quy định", "ban hành"; "hành" goes on after "Ban",
                        // "Thực", "Thi" ("Luật Ban hành văn bản quy phạm pháp luật", "Luật Thực hành tiết kiệm"),
                        // "hiện" after "Thực"; "Luật Sửa đổi, bổ sung ..." is a description, not a name.
                        if (stop && !w.empty() && !is_digit(w[0]) && w != "so" && w != "so:" && w != "ngay" && w != "sua") {
                            bool first_word = ws == e && starts_upper(line.substr(fm.orig[ws], 4));
                            std::string_view after = std::string_view(f).substr(q);
                            bool verb_only = (w == "quy" && !after.starts_with(" dinh")) || (w == "ban" && !after.starts_with(" hanh"));
                            bool goes_on = (w == "hanh" && (prev_word == "ban" || prev_word == "thuc" || prev_word == "thi")) ||
                                           (w == "hien" && prev_word == "thuc");
                            if (first_word || verb_only || goes_on) stop = false;
                        }
                        prev_word = w;
                        if (stop) break;
                        last_good = q;
                        if (q < f.size() && f[q] == ',') {
                            // "Phòng, chống": continue only if a lowercase word follows.
                            std::size_t n2 = q + 1;
                            while (n2 < f.size() && f[n2] == ' ') ++n2;
                            if (n2 >= f.size() || starts_upper(line.substr(fm.orig[n2], 4)) || !is_word_char(f[n2])) break;
                            q = n2;
                            continue;
                        }
                        if (q >= f.size() || f[q] != ' ') break;
                        ++q;
                    }
                    if (last_good <= e) continue;
                    // The first word of the name is capitalized ("Luật Đất đai", not "Luật này").
                    if (!starts_upper(line.substr(fm.orig[e], 4))) continue;
                    e = last_good;
                }
                Reference r;
                std::string_view name = trim(line.substr(op, fm.orig[e] - op));
                r.name = std::string(name);
                r.type = lw == "hien phap" ? "Hiến pháp" : lw == "bo luat " ? "Bộ luật" : lw == "luat " ? "Luật" : "Pháp lệnh";
                std::size_t end = op + name.size();
                // A law cited by its name and date: "Luật Hải quan ngày 23/6/2014", "Luật Tổ chức chính quyền
                // địa phương ngày 16 tháng 6 năm 2025": still a reference by name, dated.
                {
                    std::size_t k = end;
                    while (k < line.size() && (line[k] == ' ' || line[k] == ',')) ++k;
                    if (auto d = date_at(line, k, end)) r.date = *d;
                }
                r.span = Span{li.start + op, li.start + end};
                r.relation = relation_for(p, 0);
                taken.emplace_back(p, e);
                refs.push_back(std::move(r));
            }
        }
    }
    std::sort(refs.begin(), refs.end(), [](const Reference& a, const Reference& b) { return a.span.start < b.span.start; });
    return refs;
}

}  // namespace vanban::detail
