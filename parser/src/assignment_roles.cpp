// Roles in a piece of text (assignment_parts.h: roles_in), clause by clause: groups of bodies and
// the cue before each ("giao", "phối hợp với", "đề nghị", "báo cáo ...").
#include "assignment_parts.h"

#include <algorithm>

namespace vanban::detail::tasks {

namespace {

enum class Cue { none, subject, lead, support, requested, recipient, directed };

// The role cue at the end of the words before a group (`before`, normalized).
Cue cue_before(std::string_view before) {
    std::string_view s = before;
    // Words that may stand between a trigger and its object: "phối hợp chặt chẽ với", "giao cho".
    for (bool stripped = true; stripped;) {
        stripped = false;
        for (std::string_view light : {"voi", "chat che", "cho", "thuong xuyen", "tich cuc", "chu dong", "nhiem vu"}) {
            if (ends_with_words(s, light) && s.size() > light.size()) {
                std::string_view rest = s.substr(0, s.size() - light.size());
                while (!rest.empty() && rest.back() == ' ') rest.remove_suffix(1);
                // "phối hợp với", "giao cho", "giao nhiệm vụ cho": only after a trigger.
                for (std::string_view t : {"phoi hop", "giao", "phan cong", "cung", "chat che", "thuong xuyen", "tich cuc",
                                           "chu dong", "giao nhiem vu", "de nghi", "yeu cau"}) {
                    if (ends_with_words(rest, t)) {
                        s = rest;
                        stripped = true;
                        break;
                    }
                }
                if (stripped) break;
            }
        }
    }
    struct Row {
        std::string_view words;
        Cue cue;
    };
    static constexpr Row rows[] = {
        {"su phoi hop cua", Cue::support}, {"phoi hop", Cue::support},     {"cung", Cue::support},
        {"tham gia", Cue::support},       {"giao", Cue::lead},             {"phan cong", Cue::lead},
        {"yeu cau", Cue::lead},           {"do", Cue::lead},               {"de nghi", Cue::requested},
        {"gui", Cue::recipient},          {"gui ve", Cue::recipient},
        {"gui den", Cue::recipient},      {"phan anh ve", Cue::recipient}, {"phan anh", Cue::recipient},
        {"ve", Cue::recipient},           {"den", Cue::recipient},
    };
    for (const auto& r : rows) {
        if (ends_with_words(s, r.words)) {
            // "theo đề nghị của", "trên cơ sở đề nghị của" end with "của" and never get here.
            return r.cue;
        }
    }
    return s.empty() ? Cue::subject : Cue::none;
}

// After a group: does a predicate follow (the group is a subject), or a preposition (it is not)?
bool predicate_follows(std::string_view after) {
    after = trim(after);
    if (after.empty() || after.starts_with(':')) return true;
    if (!(after[0] >= 'a' && after[0] <= 'z') && static_cast<unsigned char>(after[0]) < 0x80) return false;
    for (std::string_view p : {"cua ", "tai ", "thuoc ", "truc thuoc ", "tren ", "trong ", "ve ", "den ", "tu ", "ngay ",
                               "nam ", "so ", "va cac co quan", "cung cap"}) {
        if (after.starts_with(p)) return false;
    }
    return true;
}

// "gửi Sở Nội vụ (trước ngày 15/12) để tổng hợp, báo cáo": a recipient told to do something with it.
bool told_to_act(std::string_view after) {
    std::string n = normalized(after.substr(0, std::min<std::size_t>(after.size(), 80)));
    std::string_view s = n;
    if (s.starts_with("truoc ngay ") || s.starts_with("truoc ")) {
        s.remove_prefix(s.starts_with("truoc ngay ") ? 11 : 6);
        // The date: "03 12 2025", "15 thang 12".
        while (!s.empty() && ((s.front() >= '0' && s.front() <= '9') || s.front() == ' ' || s.starts_with("thang ") ||
                              s.starts_with("nam "))) {
            if (s.starts_with("thang ") || s.starts_with("nam ")) s.remove_prefix(s.front() == 't' ? 6 : 4);
            else s.remove_prefix(1);
        }
    }
    if (s.starts_with("de ")) s.remove_prefix(3);
    for (std::string_view v : {"tong hop", "theo doi", "xem xet", "huong dan", "xu ly", "giai quyet", "tham dinh"}) {
        if (s.starts_with(v)) return true;
    }
    return false;
}

// Past an enumerator at folded offset p: "- ", "+ ", "a) ", "đ) ", "(ii) ", "1. ", "2.1. ".
std::size_t skip_enumerator(std::string_view f, std::size_t p) {
    std::size_t i = p;
    while (i < f.size() && (f[i] == ' ' || f[i] == '-' || f[i] == '+' || f[i] == '*' || f[i] == '(')) ++i;
    std::size_t j = i;
    while (j < f.size() && j < i + 6 && ((f[j] >= '0' && f[j] <= '9') || f[j] == '.' ||
                                          std::string_view("ivxlcd").find(f[j]) != std::string_view::npos)) {
        ++j;
    }
    if (j == i && j < f.size() && f[j] >= 'a' && f[j] <= 'z') ++j;
    if (j > i && j < f.size() && (f[j] == ')' || f[j] == '.' || f[j - 1] == '.') && (j + 1 >= f.size() || f[j + 1] == ' ' || f[j] != '.' || f[j - 1] != '.')) {
        if (f[j] == ')' || f[j] == '.') ++j;
        while (j < f.size() && f[j] == ' ') ++j;
        return j;
    }
    return f.substr(p, i - p).find_first_not_of(" -+*(") == std::string_view::npos ? i : p;
}

// Where the clause holding folded offset p starts: after the last '.', ';', ':', '(', line break, and
// after the enumerator that opens it.
// A line that ends with a word no clause ends with ("... của" / "Quốc hội sửa đổi ...") was wrapped
// mid-sentence: its break is no clause boundary.
bool wrapped_at(std::string_view f, std::size_t nl) {
    std::size_t e = nl;
    while (e > 0 && f[e - 1] == ' ') --e;
    std::size_t b = e;
    while (b > 0 && f[b - 1] >= 'a' && f[b - 1] <= 'z') --b;
    std::string_view w = f.substr(b, e - b);
    for (std::string_view d : {"cua", "va", "voi", "theo", "cac", "cho", "tai", "ve", "den", "trinh", "thuoc", "la", "cung", "tu"}) {
        if (w == d) return true;
    }
    return false;
}

std::size_t clause_start(std::string_view f, std::size_t p) {
    std::size_t q = p;
    while (q > 0) {
        char c = f[q - 1];
        if (c == '\n' && wrapped_at(f, q - 1)) {
            --q;
            continue;
        }
        if (c == ';' || c == ':' || c == '\n' || c == '(') break;
        if (c == '.' && (q >= f.size() || f[q] == ' ' || f[q] == '\n')) break;
        --q;
    }
    return std::min(p, skip_enumerator(f, q));
}

// Words that open an adverbial phrase before a clause's subject: "Trên cơ sở đề nghị của ...,", "Để ...,",
// "Sau khi ...,", "Căn cứ ...,".
bool opening_phrase(std::string_view before) {
    for (std::string_view o : {"tren co so", "can cu", "theo", "de ", "sau khi", "truoc khi", "trong", "doi voi", "ve ",
                               "thuc hien", "ngoai ra", "dong thoi", "qua ", "tai "}) {
        if (before.starts_with(o)) return true;
    }
    return false;
}

// Some clause before folded offset cs in the text ends with "đề nghị:" (or "kính đề nghị:").
bool requested_after(std::string_view f, std::size_t cs) {
    std::size_t p = f.substr(0, cs).rfind("de nghi");
    while (p != std::string_view::npos) {
        std::size_t e = p + 7;
        while (e < cs && f[e] == ' ') ++e;
        if (e < cs && f[e] == ':') return true;
        if (p == 0) break;
        p = f.substr(0, p).rfind("de nghi");
    }
    return false;
}

// "... phối hợp." / "... phối hợp thực hiện": "phối hợp" with no "với" and no partner after it.
bool bare_support(std::string_view after) {
    std::string n = normalized(after.substr(0, std::min<std::size_t>(after.size(), 40)));
    if (!n.starts_with("phoi hop")) return false;
    std::string_view rest = std::string_view(n).substr(8);
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    return !(rest.starts_with("voi") || rest.starts_with("chat che") || rest.starts_with("cung") || rest.starts_with("cac ") ||
             rest.starts_with("so ") || rest.starts_with("bo ") || rest.starts_with("uy ban") || rest.starts_with("ubnd"));
}

}  // namespace

// The folded text between two folded offsets with every character but letters, digits, ',' and
// spaces turned into spaces, spaces squeezed: "phối hợp chặt chẽ với" -> "phoi hop chat che voi".
std::string normalized(std::string_view f) {
    std::string out;
    out.reserve(f.size());
    for (char c : f) {
        bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ',' || static_cast<unsigned char>(c) >= 0x80;
        char x = keep ? c : ' ';
        if (x == ' ' && (out.empty() || out.back() == ' ')) continue;
        if (x == ',' && !out.empty() && out.back() == ' ') out.pop_back();
        out += x;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

bool ends_with_words(std::string_view s, std::string_view w) {
    return s.ends_with(w) && (s.size() == w.size() || s[s.size() - w.size() - 1] == ' ' || s[s.size() - w.size() - 1] == ',');
}

// The offset in fm.text of original offset `orig`.
std::size_t folded_at(const Folded& fm, std::size_t orig) {
    return static_cast<std::size_t>(std::lower_bound(fm.orig.begin(), fm.orig.end(), orig) - fm.orig.begin());
}

// Where a text's words start, past a label or bullet ("1. ", "- ", "a) ", "Điều 3. ").
std::size_t first_text_offset(std::string_view f) {
    std::size_t i = 0;
    while (i < f.size() && f[i] == ' ') ++i;
    if (f.substr(i).starts_with("dieu ")) i += 5;
    return skip_enumerator(f, i);
}

Roles roles_in(std::string_view text, const Folded& fm, std::size_t base, const Env& env, bool requested_subjects) {
    Roles out;
    const std::vector<FoundAgency>& found = env.mentions_in(base, base + text.size());
    if (found.empty()) return out;
    const std::string& f = fm.text;
    std::vector<std::size_t> fs, fe;
    for (const auto& a : found) {
        fs.push_back(folded_at(fm, a.head_start));
        fe.push_back(folded_at(fm, a.end));
    }
    // Groups of bodies joined by glue.
    std::vector<std::pair<std::size_t, std::size_t>> groups;  // [first, last] mention indexes
    for (std::size_t k = 0; k < found.size(); ++k) {
        if (!groups.empty()) {
            std::size_t last = groups.back().second;
            bool join = found[k].listed;
            if (!join && fs[k] >= fe[last]) {
                std::string g = normalized(std::string_view(f).substr(fe[last], fs[k] - fe[last]));
                std::string_view raw = std::string_view(f).substr(fe[last], fs[k] - fe[last]);
                bool sentence = raw.find('.') != std::string_view::npos || raw.find(':') != std::string_view::npos;
                join = !sentence && (g.empty() || g == "," || g == "va" || g == ", va");
            }
            if (join) {
                groups.back().second = k;
                continue;
            }
        }
        groups.emplace_back(k, k);
    }
    std::size_t lead_in = first_text_offset(f);
    Cue prev_role = Cue::none;  // the role the group before was given, as a cue (none: no role)
    bool prev_generic = false;
    std::size_t prev_end = 0;
    for (const auto& [a, b] : groups) {
        std::size_t cs = clause_start(f, fs[a]);
        std::string before = normalized(std::string_view(f).substr(cs, fs[a] - cs));
        std::string_view after = std::string_view(f).substr(fe[b], std::min<std::size_t>(f.size() - fe[b], 120));
        Cue cue = cue_before(before);
        // "phối hợp với các cơ quan liên quan thuộc Bộ Xây dựng, Bộ Quốc phòng": the bodies whose units a
        // generic group names take its role.
        if (cue == Cue::none && prev_role != Cue::none && prev_generic && prev_end <= fs[a]) {
            std::string link = normalized(std::string_view(f).substr(prev_end, fs[a] - prev_end));
            if (link == "thuoc" || link == "truc thuoc" || link == "cua") cue = prev_role;
        }
        // An opening phrase ends with a comma: "Trong thời gian tới, tỉnh Đắk Lắk cần ...".
        if (cue == Cue::none && before.ends_with(',') && opening_phrase(before) &&
            cue_before(before.substr(0, before.size() - 1)) == Cue::none) {
            cue = Cue::subject;
        }
        // "Thủ tướng Chính phủ yêu cầu X", "UBND tỉnh giao X": said by the issuer. "Bộ Y tế ... yêu
        // cầu các nhà thầu": said by another body, which is told to direct them.
        if (cue == Cue::lead || cue == Cue::requested) {
            for (std::size_t k = 0; k < a; ++k) {
                if (fs[k] >= cs && !env.speaks(found[k]) && !found[k].generic &&
                    !before.ends_with("giao") && !ends_with_words(before, "giao cho") && !ends_with_words(before, "do")) {
                    cue = Cue::directed;
                }
            }
        }
        std::optional<Role> role;
        switch (cue) {
            case Cue::subject:
                // "Văn phòng Thành ủy thông báo ... để các cơ quan biết": the one who announces is told nothing.
                if (predicate_follows(after) && !trim(after).starts_with("thong bao")) role = Role::lead;
                // "Sở A chủ trì; UBND xã B phối hợp": a subject that only "phối hợp", with no partner named
                // after it, supports.
                if (role && bare_support(after)) role = Role::support;
                // "b) Để làm tốt các nhiệm vụ sắp tới, đề nghị: (i) Tập đoàn ... báo cáo ...": the subjects
                // after a "đề nghị:" lead-in are asked, not told ("Giao X" stays an order).
                if (role && *role == Role::lead && (requested_subjects || requested_after(f, cs))) role = Role::requested;
                break;
            case Cue::lead: role = Role::lead; break;
            case Cue::support: role = Role::support; break;
            case Cue::requested: role = Role::requested; break;
            case Cue::recipient:
                if (told_to_act(after)) role = Role::lead;
                break;
            default: break;
        }
        // "Trên cơ sở đề nghị của các Bộ, cơ quan liên quan, Bộ Tài chính khẩn trương ...": the comma
        // ends an opening phrase, and what follows it is the subject.
        std::size_t first = a;
        if (!role && cue == Cue::none && a < b && predicate_follows(after) && opening_phrase(before)) {
            for (std::size_t k = a + 1; k <= b; ++k) {
                if (fs[k] >= fe[k - 1] && normalized(std::string_view(f).substr(fe[k - 1], fs[k] - fe[k - 1])) == ",") {
                    role = Role::lead;
                    first = k;
                    break;
                }
            }
        }
        // The first clause's own addressee (a generic one too: "Các cơ quan, đơn vị liên quan ...").
        if (role && *role != Role::support && cs <= lead_in) {
            out.opens_with_subject = true;
            for (std::size_t k = first; k <= b; ++k) out.subject_ids.push_back(found[k].id);
        }
        prev_role = !role ? Cue::none : *role == Role::lead ? Cue::lead : *role == Role::support ? Cue::support : Cue::requested;
        prev_generic = std::all_of(found.begin() + static_cast<std::ptrdiff_t>(a), found.begin() + static_cast<std::ptrdiff_t>(b) + 1,
                                   [](const FoundAgency& x) { return x.generic; });
        prev_end = fe[b];
        if (!role) continue;
        for (std::size_t k = first; k <= b; ++k) {
            // "các bộ, ngành liên quan" in running text names nobody (whichever are concerned); a heading
            // that names such a group gives it its items (block_bodies).
            if (found[k].generic || found[k].related || env.speaks(found[k])) continue;
            add_unique(out.mentions, mention_of(found[k], *role, base));
        }
    }
    return out;
}


// --- 2. the walk ---

}  // namespace vanban::detail::tasks
