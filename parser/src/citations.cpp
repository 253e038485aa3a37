// The citation scanner. Numbers are found first (a digit run that parses as a document number with
// a letter symbol); the type, provision and "số" are read backwards from it, the date and issuer
// forwards. Invariant: a reference's span lies inside one line of doc.text and covers at least the
// number (or the name, for a reference by name).
#include "citations.h"

#include <algorithm>

#include "body_grammar.h"
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

// Where each line of doc.text starts and ends, and whether it lies in a Căn cứ.
std::vector<LineInfo> split_lines(const Document& doc) {
    std::vector<LineInfo> lines;
    const std::string& text = doc.text;
    for (std::size_t s = 0; s <= text.size();) {
        std::size_t e = text.find('\n', s);
        if (e == std::string::npos) e = text.size();
        bool basis = false;
        for (const auto& b : doc.bases) basis |= b.span.start <= s && s < b.span.end;
        lines.push_back({s, e, basis});
        s = e + 1;
    }
    return lines;
}

// A line that can hold no reference: no digit, no "Luật", no "Hiến pháp".
bool may_cite(std::string_view line) {
    return has_digit(line) || line.find("Luật") != std::string_view::npos ||
           line.find("Hiến pháp") != std::string_view::npos;
}

// The law words a reference by name starts with, folded, and the type each names.
struct LawWord {
    std::string_view folded;
    std::string_view type;
};
constexpr LawWord kLawWords[] = {
    {"hien phap", "Hiến pháp"}, {"bo luat ", "Bộ luật"}, {"luat ", "Luật"}, {"phap lenh ", "Pháp lệnh"}};

// The references of one line. `f` is the line folded, `fm.orig` maps its bytes back into `line`.
// Numbered references are read first (numbers()), then references by name outside them (names());
// both append to `refs`, with spans in doc.text.
class LineScan {
public:
    LineScan(const LineInfo& li, std::string_view line, Folded fm, const std::string& own_key,
             const std::string& self_type, std::vector<Reference>& refs)
        : li_(li), line_(line), fm_(std::move(fm)), f_(fm_.text), own_key_(own_key), self_type_(self_type), refs_(refs) {}

    // Every number with a letter symbol on the line that is not the document's own and not a form's
    // or a standard's, with its type, provision, date and issuer around it.
    void numbers() {
        for (std::size_t i = 0; i < f_.size(); ++i) {
            if (!is_digit(f_[i]) || (i > 0 && (is_word_char(f_[i - 1]) || f_[i - 1] == '/' || f_[i - 1] == '.' || f_[i - 1] == '-'))) {
                continue;
            }
            std::size_t oi = fm_.orig[i];
            auto n = parse_number(line_.substr(oi, std::min<std::size_t>(line_.size() - oi, 90)));
            if (!n) continue;
            std::size_t o_end = oi + n->text.size();
            // The folded end of the number; its digits must not start another one.
            std::size_t fi_end = i;
            while (fi_end < f_.size() && fm_.orig[fi_end] < o_end) ++fi_end;
            if (names_no_document(f_, i)) {
                i = fi_end - 1;
                continue;
            }
            if (n->key == own_key_) {
                i = fi_end;
                continue;
            }
            read_numbered(*n, i, o_end);
            taken_.emplace_back(start_, fi_end);
            i = fi_end;
        }
    }

    // "Hiến pháp", "Bộ luật …", "Luật …", "Pháp lệnh …" written with a capital outside the numbered
    // references, with the name up to a stop word and a date right after it.
    void names() {
        for (const auto& lw : kLawWords) {
            for (std::size_t p = f_.find(lw.folded); p != std::string::npos; p = f_.find(lw.folded, p + 1)) {
                if (p > 0 && is_word_char(f_[p - 1])) continue;
                bool inside = false;
                for (auto& [s, e] : taken_) inside |= p >= s && p < e;
                if (inside) continue;
                // Part of a longer type word already handled ("Bộ luật" when looking for "luật").
                if (lw.folded == "luat " && p >= 3 && f_.compare(p - 3, 3, "bo ") == 0) continue;
                std::size_t op = fm_.orig[p];
                if (!starts_upper(line_.substr(op, 4))) continue;
                std::size_t e = p + lw.folded.size();
                if (lw.folded == "hien phap") {
                    if (e < f_.size() && is_word_char(f_[e])) continue;
                } else {
                    std::size_t name_end = law_name_end(e);
                    if (name_end <= e) continue;
                    // The first word of the name is capitalized ("Luật Đất đai", not "Luật này").
                    if (!starts_upper(line_.substr(fm_.orig[e], 4))) continue;
                    e = name_end;
                }
                // Inside or across a numbered reference ("Công văn số 15/CV-AS của Công ty Luật Anh Sĩ",
                // "Luật Luật sư số 65/2006/QH11"): that reference is the citation.
                bool across = false;
                for (auto& [s, ce] : cited_) across |= p < ce && s < e;
                if (across) continue;
                Reference r;
                std::string_view name = trim(line_.substr(op, fm_.orig[e] - op));
                r.name = std::string(name);
                r.type = std::string(lw.type);
                std::size_t end = op + name.size();
                // A law cited by its name and date: "Luật Hải quan ngày 23/6/2014", "Luật Tổ chức chính quyền
                // địa phương ngày 16 tháng 6 năm 2025": still a reference by name, dated.
                std::size_t k = end;
                while (k < line_.size() && (line_[k] == ' ' || line_[k] == ',')) ++k;
                if (auto d = date_at(line_, k, end)) r.date = *d;
                r.span = Span{li_.start + op, li_.start + end};
                r.relation = relation_for(p);
                taken_.emplace_back(p, e);
                refs_.push_back(std::move(r));
            }
        }
    }

private:
    // One numbered reference: n is the number at folded i, ending at o_end in the line. Sets start_ to
    // the folded start of the reference (its type or provision word).
    void read_numbered(const DocumentNumber& n, std::size_t i, std::size_t o_end) {
        Reference r;
        r.number = n.text;
        r.number_key = n.key;
        if (suspect_symbol(n)) r.flags.emplace_back("suspect_symbol");
        std::size_t b = before_number(i);
        start_ = b < i ? b : i;
        read_type(r, b);
        if (!r.type) {
            std::string t = type_from_code(n.type_code);
            if (!t.empty()) r.type = t;
        }
        read_provision(r);
        std::size_t end = o_end;
        std::size_t k = o_end;
        while (k < line_.size() && (line_[k] == ' ' || line_[k] == ',')) ++k;
        if (auto d = date_at(line_, k, end)) r.date = *d;
        end = read_issuer(r, end);
        std::size_t fe = start_;
        while (fe < f_.size() && fm_.orig[fe] < end) ++fe;
        cited_.emplace_back(start_, fe);
        r.span = Span{li_.start + fm_.orig[start_], li_.start + end};
        r.relation = relation_for(start_);
        refs_.push_back(std::move(r));
    }

    // Backwards from the number at folded i over spaces, ":" and "số": where a type word would end.
    std::size_t before_number(std::size_t i) const {
        std::size_t b = i;
        auto back_spaces = [&] {
            while (b > 0 && f_[b - 1] == ' ') --b;
        };
        back_spaces();
        if (b > 0 && f_[b - 1] == ':') --b, back_spaces();
        if (b >= 2 && f_.compare(b - 2, 2, "so") == 0 && (b == 2 || !is_word_char(f_[b - 3]))) {
            b -= 2;
            back_spaces();
        }
        return b;
    }

    // The type word ending at folded b ("Nghị quyết", "Quyết định", written with a capital; "văn bản",
    // "công văn" in any case), or a named law ("Luật Phòng, chống bệnh truyền nhiễm số 03/2007/QH12";
    // "Pháp lệnh … tại văn bản số …"). Moves start_ back to it.
    void read_type(Reference& r, std::size_t b) {
        for (const auto& t : doc_type_rows()) {
            if (!t.cited) continue;
            if (b < t.folded.size() || f_.compare(b - t.folded.size(), t.folded.size(), t.folded) != 0) continue;
            std::size_t ts = b - t.folded.size();
            if (ts > 0 && is_word_char(f_[ts - 1])) continue;
            std::string_view orig_word = line_.substr(fm_.orig[ts], fm_.orig[b] - fm_.orig[ts]);
            if (!starts_upper(orig_word) && t.folded != "van ban" && t.folded != "cong van") continue;
            start_ = ts;
            if (t.name.empty()) break;  // "văn bản số": no type; a named law before it may give one
            r.type = std::string(t.name);
            return;
        }
        std::size_t cs = clause_start(bounds(), b);
        for (const auto& lw : kLawWords) {
            if (lw.folded == "hien phap") continue;
            std::size_t p = std::string_view(f_).substr(cs, b - cs).rfind(lw.folded);
            if (p == std::string_view::npos) continue;
            p += cs;
            if (p > 0 && is_word_char(f_[p - 1])) continue;
            std::string_view between = std::string_view(f_).substr(p, b - p);
            if (between.size() > 110 || has_any_of(between, "0123456789;()")) continue;
            std::string_view orig = line_.substr(fm_.orig[p], fm_.orig[b] - fm_.orig[p]);
            if (!starts_upper(orig)) continue;
            r.type = std::string(lw.type);
            r.name = std::string(trim(orig));
            start_ = p;
            return;
        }
    }

    // The provision before the type: "khoản 2 Điều 92 của", "điểm a khoản 1 Điều 5".
    void read_provision(Reference& r) {
        std::size_t q = start_;
        while (q > 0 && f_[q - 1] == ' ') --q;
        std::size_t base = clause_start(bounds(), q);
        std::string_view head = std::string_view(f_).substr(base, q - base);
        if (head.ends_with(" cua")) head.remove_suffix(4);
        std::size_t d = head.rfind("dieu ");
        if (d == std::string_view::npos || head.size() - d >= 14) return;
        std::size_t ps = d;
        std::size_t k = head.rfind("khoan ", d);
        if (k != std::string_view::npos && d - k < 12) ps = k;
        std::size_t e = head.rfind("diem ", ps);
        if (e != std::string_view::npos && ps - e < 10) ps = e;
        r.provision = std::string(trim(line_.substr(fm_.orig[base + ps], fm_.orig[base + head.size()] - fm_.orig[base + ps])));
    }

    // "của <issuer>" at line[end...], up to a verb or punctuation: sets r.issuer and returns the new
    // end of the reference (end unchanged when there is none).
    std::size_t read_issuer(Reference& r, std::size_t end) const {
        std::size_t k = end;
        while (k < line_.size() && line_[k] == ' ') ++k;
        if (!fold_starts_with(line_.substr(k), "cua ")) return end;
        std::size_t is = k + std::string_view("của ").size();
        std::size_t re = std::min<std::size_t>(line_.size(), is + 90);
        while (re < line_.size() && (static_cast<unsigned char>(line_[re]) & 0xC0) == 0x80) ++re;
        std::string_view rest = line_.substr(is, re - is);
        Folded rf = fold_slice(fm_, is, re);  // the line's fold, no second folding
        std::size_t cut = rf.text.size();
        for (std::string_view stop : {" ve ", " ban hanh", " quy dinh", " huong dan", " thong bao", " phe duyet",
                                      " sua doi", " tai ", " tren ", " de ", " thuc hien", " trien khai",
                                      ";", ".", "(", ")", ":", " ve viec", " theo ", " nham ", " doi voi", " het hieu luc", "\t", "\"", "\xE2\x80\x9C"}) {
            std::size_t p = rf.text.find(stop);
            if (p != std::string::npos) cut = std::min(cut, p);
        }
        // "và" and a comma end the issuer, unless the name goes on in capitals with a word that begins no
        // other body, document or provision ("Bộ Lao động - Thương binh và Xã hội", "Bộ Văn hóa, Thể thao
        // và Du lịch"; not "Chính phủ và các bộ", "Bộ Y tế, Bộ Tài chính", "Chính phủ, Thủ tướng Chính
        // phủ", "Chính phủ và Nghị định số ...", "Ngân hàng Nhà nước và Khoản 2 Điều 1 ...").
        for (std::string_view joint : {" va ", ","}) {
            for (std::size_t p = rf.text.find(joint); p != std::string::npos && p < cut; p = rf.text.find(joint, p + 1)) {
                std::size_t w = p + joint.size();
                while (w < rf.text.size() && rf.text[w] == ' ') ++w;
                std::string_view next = std::string_view(rf.text).substr(w);
                if (w >= rf.text.size() || !starts_upper(rest.substr(rf.orig[w])) || begins_body(next) || names_a_citation(next) ||
                    names_a_provision(next)) {
                    cut = p;
                    break;
                }
            }
        }
        // "thi hành" as the verb that follows the issuer ("... của Chính phủ thi hành một số điều"), not
        // in a name ("Cục Thi hành án dân sự").
        for (std::size_t p = rf.text.find(" thi hanh"); p != std::string::npos && p < cut; p = rf.text.find(" thi hanh", p + 1)) {
            if (!starts_upper(rest.substr(rf.orig[p + 1]))) cut = p;
        }
        // A dash before the next item of a list of citations ("... của Bộ Tư pháp - Thông tư số ...") or
        // the next of joint issuers ("Bộ Lao động - Thương binh và Xã hội - Bộ Tài chính"); a dash inside
        // a name stays ("Bộ Lao động - Thương binh và Xã hội").
        for (std::string_view dash : {" - ", " \xE2\x80\x93 "}) {
            for (std::size_t p = rf.text.find(dash); p != std::string::npos && p < cut; p = rf.text.find(dash, p + 1)) {
                std::string_view next = std::string_view(rf.text).substr(p + dash.size());
                if (names_a_citation(next) || begins_body(next)) cut = p;
            }
        }
        std::string_view issuer = trim(rest.substr(0, rf.orig[cut]));
        while (issuer.ends_with(" -") || issuer.ends_with(" \xE2\x80\x93")) issuer = trim(issuer.substr(0, issuer.rfind(' ')));
        if (issuer.empty() || !starts_upper(issuer) || issuer.size() >= 90) return end;
        r.issuer = std::string(issuer);
        return static_cast<std::size_t>(issuer.data() + issuer.size() - line_.data());
    }

    // True when folded text starts with a word that begins the name of a body or its head ("bo", "so",
    // "uy ban", "thu tuong", "giam doc").
    static bool begins_body(std::string_view f) {
        static const std::vector<std::string> words = [] {
            std::vector<std::string> out;
            for (const auto& h : head_nouns()) out.push_back(fold(h.written));
            for (const auto& t : titles()) out.push_back(fold(t.lower));
            for (std::string_view a : {"ubnd", "hdnd", "mttq", "chinh phu", "quoc hoi", "quy"}) out.emplace_back(a);
            return out;
        }();
        for (const auto& w : words) {
            if (f.starts_with(w) && (f.size() == w.size() || !is_word_char(f[w.size()]))) return true;
        }
        return false;
    }

    // True when folded text starts with a word of a provision ("khoan 2", "dieu 5", "diem a").
    static bool names_a_provision(std::string_view f) {
        for (std::string_view w : {"phan", "chuong", "muc", "dieu", "khoan", "diem", "phu luc"}) {
            if (f.starts_with(w) && (f.size() == w.size() || !is_word_char(f[w.size()]))) return true;
        }
        return false;
    }

    // True when folded text starts with a type word that introduces a citation ("thong tu so", "luat").
    static bool names_a_citation(std::string_view f) {
        auto word_at = [&](std::string_view w) { return f.starts_with(w) && (f.size() == w.size() || !is_word_char(f[w.size()])); };
        for (const auto& t : doc_type_rows()) {
            if (t.cited && !t.name.empty() && word_at(t.folded)) return true;
        }
        for (const auto& lw : kLawWords) {
            if (word_at(trim(lw.folded))) return true;
        }
        return false;
    }

    // The folded end of a law's name that starts at e: words up to a stop word, a digit or
    // punctuation; a comma continues the name when a lowercase word follows ("Phòng, chống").
    std::size_t law_name_end(std::size_t e) const {
        std::size_t q = e;
        std::size_t last_good = e;
        std::string_view prev_word;
        while (q < f_.size() && q - e < 110) {
            std::size_t ws = q;
            while (q < f_.size() && f_[q] != ' ' && f_[q] != ',' && f_[q] != ';' && f_[q] != '.' && f_[q] != '(' && f_[q] != ')' &&
                   f_[q] != '\t') {
                ++q;
            }
            std::string_view w = std::string_view(f_).substr(ws, q - ws);
            // A dash between the items of a list ("Luật Đầu tư - Nghị định số ...") ends the name.
            if (w == "-" || w == "\xE2\x80\x93") break;
            static constexpr std::string_view stops[] = {"so", "ngay", "nam", "duoc", "cua", "da", "tai", "hien",
                                                         "quy", "ve", "va", "nay", "thi", "co", "theo", "doi", "de",
                                                         "sua", "hanh", "nhu", "khi", "la", "trong", "ban", "thuc",
                                                         "hien", "so:", "moi", "cac", "mot", "phai", "lien"};
            bool stop = w.empty() || std::find(std::begin(stops), std::end(stops), w) != std::end(stops) ||
                        (!w.empty() && is_digit(w[0]));
            // The name's first word, capitalized, is the name ("Luật Quy hoạch", "Luật Ban hành văn
            // bản ..."), not the verb it may also be ("Luật này quy định"); "quy" and "ban" stop only as
            // the verbs "quy định", "ban hành"; "hành" goes on after "Ban", "Thực", "Thi" ("Luật Ban hành
            // văn bản quy phạm pháp luật", "Luật Thực hành tiết kiệm"), "hiện" after "Thực"; "Luật Sửa
            // đổi, bổ sung ..." is a description, not a name.
            if (stop && !w.empty() && !is_digit(w[0]) && w != "so" && w != "so:" && w != "ngay" && w != "sua") {
                bool first_word = ws == e && starts_upper(line_.substr(fm_.orig[ws], 4));
                std::string_view after = std::string_view(f_).substr(q);
                bool verb_only = (w == "quy" && !after.starts_with(" dinh")) || (w == "ban" && !after.starts_with(" hanh"));
                bool goes_on = (w == "hanh" && (prev_word == "ban" || prev_word == "thuc" || prev_word == "thi")) ||
                               (w == "hien" && prev_word == "thuc");
                if (first_word || verb_only || goes_on) stop = false;
            }
            prev_word = w;
            if (stop) break;
            last_good = q;
            if (q < f_.size() && f_[q] == ',') {
                std::size_t n2 = q + 1;
                while (n2 < f_.size() && f_[n2] == ' ') ++n2;
                if (n2 >= f_.size() || starts_upper(line_.substr(fm_.orig[n2], 4)) || !is_word_char(f_[n2])) break;
                q = n2;
                continue;
            }
            if (q >= f_.size() || f_[q] != ' ') break;
            ++q;
        }
        return last_good;
    }

    // The relation of a reference that starts at folded fs: on a Căn cứ line a basis (with the
    // exceptions in basis_relation), elsewhere the closest trigger a few words before it.
    Relation relation_for(std::size_t fs) {
        std::size_t cs = clause_start(bounds(), fs);
        std::string_view before = std::string_view(f_).substr(cs, fs - cs);
        Relation rel = trigger_before(before);
        return li_.basis ? basis_relation(cs, before, rel) : rel;
    }

    // The closest trigger ending within a few short words of the end of `before` (looking at its last
    // 48 bytes); mentions when there is none. Passive: "(đã) được sửa đổi, bổ sung bởi Luật số ..."
    // names what amended something else, not what this document amends.
    static Relation trigger_before(std::string_view before) {
        std::string_view near = before.substr(before.size() > 48 ? before.size() - 48 : 0);
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
                std::string_view lead_in = near.substr(0, p);
                while (!lead_in.empty() && lead_in.back() == ' ') lead_in.remove_suffix(1);
                if (lead_in.ends_with("duoc") && t.relation != Relation::implements) rel = Relation::mentions;
            }
        }
        return rel;
    }

    // Every document a Căn cứ line cites is a basis of this one: the amending law named with the law it
    // amends ("... số 64/2025/QH15 được sửa đổi, bổ sung bởi Luật số 87/2025/QH15"), each member of a
    // list ("các Nghị định của Chính phủ: số 63/2010/NĐ-CP ...; số 48/2013/NĐ-CP ..."). Except a clause
    // glued on after the bases that is not one ("Theo đề nghị của ... tại Tờ trình số ...": the trigger's
    // relation `rel`), and what the citing document itself carries out ("... xây dựng Kế hoạch triển
    // khai Nghị quyết ...").
    Relation basis_relation(std::size_t cs, std::string_view before, Relation rel) const {
        std::string_view clause = std::string_view(f_).substr(cs);
        while (!clause.empty() && (clause[0] == ' ' || clause[0] == '-' || clause[0] == '+')) clause.remove_prefix(1);
        if (clause.starts_with("theo de nghi") || clause.starts_with("xet de nghi") ||
            clause.starts_with("theo to trinh") || clause.starts_with("xet to trinh")) {
            return rel;
        }
        if (rel == Relation::implements && !self_type_.empty()) {
            // "..., Ủy ban nhân dân Thành phố xây dựng Kế hoạch triển khai Nghị quyết số 38/NQ-CP": the
            // citing document's own type, in a clause of its own after the last cited document (not
            // inside that document's title: "... số 43/NQ-CP của Chính phủ ban hành Kế hoạch ...").
            std::size_t p = before.rfind(self_type_);
            if (p != std::string_view::npos && before.size() - p < 60) {
                std::size_t self_at = cs + p, last_end = cs;
                for (auto& [ts, te] : taken_) {
                    if (te <= self_at && te > last_end) last_end = te;
                }
                bool own_clause = last_end == cs ||
                                  std::string_view(f_).substr(last_end, self_at - last_end).find(',') != std::string_view::npos;
                if (own_clause) return Relation::implements;
            }
        }
        return Relation::basis;
    }

    // Clause boundaries, computed when the line turns out to cite something (most lines with digits
    // hold only dates and amounts).
    const std::vector<std::size_t>& bounds() {
        if (bounds_.empty()) bounds_ = clause_bounds(f_);
        return bounds_;
    }

    const LineInfo& li_;
    std::string_view line_;
    Folded fm_;
    const std::string& f_;
    const std::string& own_key_;
    const std::string& self_type_;
    std::vector<Reference>& refs_;
    std::vector<std::size_t> bounds_;
    std::vector<std::pair<std::size_t, std::size_t>> taken_;  // folded [start, end) of references found
    std::vector<std::pair<std::size_t, std::size_t>> cited_;  // folded [start, end) of numbered references, issuer included
    std::size_t start_ = 0;                                   // folded start of the reference being read
};

}  // namespace

std::vector<Reference> find_references(const Document& doc, const Folded& doc_fold) {
    std::vector<Reference> refs;
    const std::string own_key = doc.number ? doc.number->key : std::string();
    const std::string self_type = doc.type ? fold(*doc.type) : std::string();
    // Line by line: a reference never spans two paragraphs.
    for (const auto& li : split_lines(doc)) {
        std::string_view line = std::string_view(doc.text).substr(li.start, li.end - li.start);
        if (!may_cite(line)) continue;
        LineScan scan(li, line, fold_slice(doc_fold, li.start, li.end), own_key, self_type, refs);
        scan.numbers();
        scan.names();
    }
    std::sort(refs.begin(), refs.end(), [](const Reference& a, const Reference& b) { return a.span.start < b.span.start; });
    return refs;
}

}  // namespace vanban::detail
