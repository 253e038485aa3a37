// Tasks and who must do them (see assignments.h and ../shared/corpus/ASSIGNMENTS.md).
//
// Three steps, each a function below:
//   1. roles_in(): the assignees a piece of text names and their roles, read clause by clause. Bodies
//      joined by glue (",", ";", "và") form one group; the words between the clause's start and the
//      group decide its role: nothing (the group is the subject) or "giao", "yêu cầu" -> lead; "phối
//      hợp (với)", "cùng" -> support; "đề nghị", "kiến nghị" -> requested; anything else ("của", "theo",
//      "báo cáo", "chỉ đạo", "hướng dẫn") -> not an assignee, except a report recipient told to act
//      ("gửi Sở Nội vụ để tổng hợp").
//   2. the Walker: which parts assign work, which items are tasks, and what a task inherits from above
//      (a heading that names bodies, an introduction ending with ':' that names its addressees, a
//      "đề nghị:" lead-in that makes the subjects below it requested).
//   3. find_tasks(): the walk, the document's addressees for tasks without a subject (the address block
//      of a Công điện, the body a Thông báo kết luận is sent to), lead-ins of directives, task tables.
// The issuer and the bodies that speak for it are never assignees of their own document.
#include "assignments.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>

#include "agencies.h"
#include "numbering.h"
#include "periods.h"
#include "text.h"

namespace vanban::detail {

namespace {

bool contains_any(std::string_view f, std::initializer_list<std::string_view> words) {
    for (auto w : words) {
        if (f.find(w) != std::string_view::npos) return true;
    }
    return false;
}

// Headings of parts that report or assess rather than assign: "TÌNH HÌNH THỰC HIỆN NHIỆM VỤ ...",
// "ĐÁNH GIÁ CHUNG", "KẾT QUẢ ĐẠT ĐƯỢC", "DỰ BÁO ...", "BỐI CẢNH".
bool is_report_heading_folded(std::string_view f) {
    if (contains_any(f, {"tinh hinh", "ket qua", "danh gia", "du bao", "boi canh", "thuc trang", "can cu xay dung",
                         "su can thiet", "muc dich", "muc tieu", "quan diem"})) {
        return true;
    }
    // "YÊU CẦU" as the name of a part, not the verb of "yêu cầu các bộ, ngành tập trung ...".
    std::string_view t = trim(f);
    while (!t.empty() && (t.back() == ':' || t.back() == '.')) t.remove_suffix(1);
    return t == "yeu cau" || t.ends_with(" yeu cau") || t.ends_with(",yeu cau");
}

bool is_report_heading(std::string_view heading) {
    if (heading.empty() || heading.size() > 200) return false;
    return is_report_heading_folded(fold(heading));
}

bool is_task_heading(std::string_view heading) {
    // Headings are short; a long "heading" is the first sentence of an item and names no part.
    if (heading.empty() || heading.size() > 200) return false;
    std::string f = fold(heading);
    if (is_report_heading_folded(f) && !f.starts_with("trach nhiem")) return false;
    return contains_any(f, {"nhiem vu", "giai phap", "to chuc thuc hien", "phan cong", "trach nhiem", "thi hanh",
                            "to chuc trien khai", "kien nghi", "de nghi", "noi dung", "hoat dong"});
}

// Documents whose whole body assigns work: conclusions, directives, telegrams, letters.
bool whole_body_assigns(const Document& doc) {
    if (!doc.type) return false;
    std::string t = fold(*doc.type);
    return t == "thong bao" || t == "ket luan" || t == "chi thi" || t == "cong dien" || t == "cong van";
}

// "Giao Sở Văn hóa ... chủ trì ...": an assignment wherever it stands, even in an article that also
// states when the decision takes effect. "Giao" as a verb at a clause start, not "bàn giao", "giao thông".
bool assigns_by_word_folded(std::string_view f) {
    for (std::size_t p = f.find("giao "); p != std::string::npos; p = f.find("giao ", p + 1)) {
        if (p == 0 || f[p - 1] == ' ' || f[p - 1] == '\n') {
            std::size_t q = p;
            while (q > 0 && f[q - 1] == ' ') --q;
            if (q == 0 || f[q - 1] == '\n' || f[q - 1] == '.' || f[q - 1] == ';' || f[q - 1] == ':') return true;
        }
    }
    return false;
}

bool assigns_by_word(std::string_view text) {
    return assigns_by_word_folded(fold(text.substr(0, std::min<std::size_t>(text.size(), 2000))));
}

// "Cơ quan chủ trì: ...", "Đơn vị phối hợp: ...", "Thời gian thực hiện: ...": a line that states an
// attribute of the item above it.
bool is_attribute_line(std::string_view heading) {
    std::string f = fold(heading.substr(0, std::min<std::size_t>(heading.size(), 40)));
    for (std::string_view a : {"co quan chu tri", "don vi chu tri", "co quan phoi hop", "don vi phoi hop", "co quan thuc hien",
                               "don vi thuc hien", "thoi gian thuc hien", "thoi gian hoan thanh", "thoi han", "tien do",
                               "san pham", "kinh phi", "nguon kinh phi", "chu tri:", "phoi hop:", "thoi gian:"}) {
        if (f.starts_with(a)) return true;
    }
    return false;
}

// "Quyết định này có hiệu lực ...", "Nghị định này có hiệu lực thi hành từ ngày ...".
bool is_effect_clause(std::string_view text) {
    std::string f = fold(text.substr(0, std::min<std::size_t>(text.size(), 80)));
    std::size_t p = f.find(" nay co hieu luc");
    return p != std::string::npos && p < 30;
}

// "chịu trách nhiệm thi hành Quyết định này": the execution clause of a decision.
bool is_execution_clause_folded(std::string_view f) {
    return contains_any(f, {"chiu trach nhiem thi hanh", "chiu trach nhiem to chuc thuc hien", "co trach nhiem thi hanh",
                            "chiu trach nhiem trien khai thuc hien"});
}

std::string path_component(const Section& s, int bullet_ordinal) {
    switch (s.kind) {
        case SectionKind::part: return "Phần " + s.label;
        case SectionKind::chapter: return "Chương " + s.label;
        case SectionKind::section: return "Mục " + s.label;
        case SectionKind::subsection: return "Tiểu mục " + s.label;
        case SectionKind::article: return "Điều " + s.label;
        case SectionKind::appendix: return "Phụ lục";
        case SectionKind::dash:
        case SectionKind::plus: return "-" + std::to_string(bullet_ordinal);
        default: return s.label;
    }
}

std::string join_path(const std::string& parent, const std::string& comp) {
    if (parent.empty()) return comp;
    // "3" then "3.1": the decimal label already carries its parent's number.
    std::size_t dot = parent.rfind('.');
    std::string_view last = dot == std::string::npos ? std::string_view(parent) : std::string_view(parent).substr(dot + 1);
    if (comp.starts_with(std::string(last) + ".") && !last.empty()) {
        return parent.substr(0, parent.size() - last.size()) + comp;
    }
    return parent + "." + comp;
}

// What a document's assignments are read against: the place its agencies belong to, and the bodies
// that speak in it (the issuer, and for the Government's documents the Prime Minister and the
// Government themselves), which are never assignees.
struct Env {
    HomePlace home;
    std::vector<std::string> speakers;  // ids
    const Document* doc = nullptr;
    const Folded* folded = nullptr;     // fold_with_map(doc->text)

    bool speaks(const FoundAgency& a) const { return std::find(speakers.begin(), speakers.end(), a.id) != speakers.end(); }

    // The bodies named in the document's bytes [a, b), offsets relative to a. Read per span (the parts
    // that assign work are a fraction of a document, and reading them alone is faster than the whole),
    // each span once: an item's own part is read as its introduction, its block and its task.
    mutable std::map<std::pair<std::size_t, std::size_t>, std::vector<FoundAgency>> read;
    const std::vector<FoundAgency>& mentions_in(std::size_t a, std::size_t b) const {
        auto [it, fresh] = read.try_emplace({a, b});
        if (fresh) it->second = find_agencies(doc->slice(Span{a, b}), folded_in(a, b), home);
        return it->second;
    }

    // The fold of the document's bytes [a, b) (fold_slice), made once per span: a task's text is read
    // for its bodies, its roles and its deadline.
    mutable std::map<std::pair<std::size_t, std::size_t>, Folded> slices;
    const Folded& folded_in(std::size_t a, std::size_t b) const {
        auto [it, fresh] = slices.try_emplace({a, b});
        if (fresh) it->second = fold_slice(*folded, a, b);
        return it->second;
    }
};

AgencyMention mention_of(const FoundAgency& a, Role role, std::size_t base) {
    AgencyMention m;
    m.name = a.name;
    m.canonical = a.canonical;
    m.id = a.id;
    m.collective = a.collective;
    m.catalogued = a.catalogued;
    m.role = role;
    m.span = Span{base + a.start, base + a.end};
    return m;
}

// Adds a mention once per id; a stronger role found later replaces a weaker one (lead, requested, support).
void add_unique(std::vector<AgencyMention>& to, AgencyMention m) {
    auto it = std::find_if(to.begin(), to.end(), [&](const AgencyMention& x) { return x.id == m.id && x.role == m.role; });
    if (it != to.end()) return;
    to.push_back(std::move(m));
}

// --- 1. roles in a piece of text ---

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

struct Roles {
    std::vector<AgencyMention> mentions;  // assignees, each id once per role
    bool opens_with_subject = false;      // the text's first clause names its own addressee (even a generic one)
    std::vector<std::string> subject_ids; // ids of the bodies that clause names
};

// The offset in fm.text of original offset `orig`.
std::size_t folded_at(const Folded& fm, std::size_t orig) {
    return static_cast<std::size_t>(std::lower_bound(fm.orig.begin(), fm.orig.end(), orig) - fm.orig.begin());
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

// Where a text's words start, past a label or bullet ("1. ", "- ", "a) ", "Điều 3. ").
std::size_t first_text_offset(std::string_view f) {
    std::size_t i = 0;
    while (i < f.size() && f[i] == ' ') ++i;
    if (f.substr(i).starts_with("dieu ")) i += 5;
    return skip_enumerator(f, i);
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

Roles roles_in(std::string_view text, const Folded& fm, std::size_t base, const Env& env, bool requested_subjects = false) {
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


// The words a heading may hold besides the names of the bodies it is addressed to.
bool only_heading_glue(std::string_view rest) {
    std::string_view s = rest;
    for (std::string_view p : {"kinh de nghi", "de nghi", "giao", "yeu cau", "trach nhiem va quyen han cua", "trach nhiem cua",
                               "trach nhiem", "nhiem vu va quyen han cua", "nhiem vu cua", "nhiem vu", "doi voi",
                               "noi dung"}) {
        if (s.starts_with(p) && (s.size() == p.size() || s[p.size()] == ' ' || s[p.size()] == ',')) {
            s.remove_prefix(p.size());
            break;
        }
    }
    // "(cơ quan chủ trì)", "có trách nhiệm chủ trì", "thực hiện": words about the role, not a task.
    static constexpr std::string_view glue[] = {"va", "cac", "voi", "co", "quan", "chu", "tri", "don", "vi", "phoi", "hop",
                                                "thuc", "hien", "lanh", "dao", "dong", "chi", "cung", "trach", "nhiem"};
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && (s[i] == ' ' || s[i] == ',')) ++i;
        std::size_t e = i;
        while (e < s.size() && s[e] != ' ' && s[e] != ',') ++e;
        if (e > i && std::find(std::begin(glue), std::end(glue), s.substr(i, e - i)) == std::end(glue)) return false;
        i = e;
    }
    return true;
}

// A heading that says whose the item is: "Trách nhiệm của ...", "Nhiệm vụ của ...", "Nội dung ... có trách
// nhiệm chủ trì", "Đề nghị ...".
bool role_heading(std::string_view heading) {
    // "(3) Đề nghị Ủy ban Kinh tế và Tài chính của Quốc hội," goes on as a sentence on the next line.
    std::string_view h = trim(heading);
    if (h.empty() || h.back() == ',' || h.back() == ';' || h.ends_with(" và")) return false;
    std::string f = fold(heading.substr(0, std::min<std::size_t>(heading.size(), 60)));
    std::string_view t = std::string_view(f).substr(first_text_offset(f));
    for (std::string_view p : {"trach nhiem", "nhiem vu cua", "nhiem vu va quyen han", "noi dung", "de nghi", "kinh de nghi"}) {
        if (t.starts_with(p)) return true;
    }
    return false;
}

// A heading that names the bodies the items below it are given to: "2. Sở Y tế", "16. Sở Văn hóa và
// Thể thao; Sở Du lịch", "25. Đề nghị Ban Dân vận Thành ủy", "Điều 6. Trách nhiệm của Công an tỉnh",
// "1. Sở Tài chính (cơ quan chủ trì)", and "2. Chủ tịch UBND các tỉnh: Khánh Hòa, Đắk Lắk, Gia Lai:" (a
// heading that opens with its addressees and ends with ':'). Lead, or requested after "Đề nghị".
// `any` is set when the heading names bodies at all (a generic "Các cơ quan, đơn vị liên quan" too).
std::vector<AgencyMention> block_bodies(std::string_view heading, const Folded& hf, std::size_t base, const Env& env, bool& any) {
    std::vector<AgencyMention> out;
    any = false;
    if (heading.empty() || heading.size() > 400) return out;
    const std::vector<FoundAgency>& found = env.mentions_in(base, base + heading.size());
    if (found.empty()) return out;
    std::string blanked = hf.text;
    for (const auto& a : found) {
        std::size_t s = folded_at(hf, a.head_start), e = folded_at(hf, a.end);
        std::fill(blanked.begin() + static_cast<std::ptrdiff_t>(s), blanked.begin() + static_cast<std::ptrdiff_t>(e), ' ');
    }
    std::string rest = normalized(std::string_view(blanked).substr(first_text_offset(blanked)));
    bool requested = rest.starts_with("de nghi") || rest.starts_with("kinh de nghi");
    bool glue = only_heading_glue(rest);
    std::string_view fh = trim(hf.text);
    bool opens = folded_at(hf, found.front().head_start) <= first_text_offset(hf.text) + 1;
    bool addressed = fh.ends_with(":") && opens;
    // "7. Các doanh nghiệp hoạt động trong lĩnh vực xây dựng, giao thông ... trên địa bàn Tỉnh": a heading
    // with no verb that opens with a group is that group's name, qualifiers and all.
    if (!glue && !addressed && opens && found.front().collective && fh.size() < 300 && fh.find('\n') == std::string_view::npos) {
        std::string tail = normalized(std::string_view(hf.text).substr(folded_at(hf, found.front().end)));
        bool verb = false;
        for (std::string_view v : {"chu tri", "phoi hop", "thuc hien", "trien khai", "to chuc", "chi dao", "huong dan", "ban hanh",
                                   "tham muu", "de xuat", "bao cao", "trach nhiem", "ra soat", "kiem tra", "can phai",
                                   "tiep tuc", "tang cuong", "day manh", "nang cao", "tap trung", "khan truong", "chu dong",
                                   "yeu cau", "de nghi", "co trach nhiem", "duoc giao"}) {
            std::string pat = " " + std::string(v) + " ";
            if ((" " + tail + " ").find(pat) != std::string::npos) verb = true;
        }
        if (!verb && !found.front().generic) {
            FoundAgency g = found.front();
            std::size_t hs = g.start;
            std::size_t he = heading.size();
            while (he > hs && (heading[he - 1] == ':' || heading[he - 1] == ' ' || heading[he - 1] == '.')) --he;
            g.end = he;
            g.name = squeeze(heading.substr(hs, he - hs));
            g.canonical = g.name + g.completion;
            std::size_t at = g.id.find('@');
            g.id = "collective:" + slug(g.name) + (at == std::string::npos ? "" : g.id.substr(at));
            g.catalogued = false;
            any = true;
            if (!env.speaks(g)) out.push_back(mention_of(g, Role::lead, base));
            return out;
        }
    }
    if (!glue && !addressed) return out;
    any = true;
    // Addressed: the bodies it opens with, up to the first word that is not glue ("9. Sở Giao thông vận
    // tải / Thường xuyên cập nhật chỉ đạo của Bộ Giao thông vận tải, trên cơ sở đó:" is Sở GTVT's).
    std::size_t n = found.size();
    if (!glue) {
        n = 1;
        while (n < found.size()) {
            std::size_t a = folded_at(hf, found[n - 1].end), b = folded_at(hf, found[n].head_start);
            std::string g = b > a ? normalized(std::string_view(hf.text).substr(a, b - a)) : "";
            // "..., trong đó trọng tâm là các tỉnh: A, B": the focus is among the addressees.
            bool focus = g == ", trong do trong tam la" || g == ", trong do" || g == ", nhat la" || g == ", dac biet la";
            if (!(g.empty() || g == "," || g == "va" || g == ", va" || focus)) break;
            ++n;
        }
    }
    for (std::size_t k = 0; k < n; ++k) {
        if (found[k].generic || env.speaks(found[k])) continue;
        add_unique(out, mention_of(found[k], requested ? Role::requested : Role::lead, base));
    }
    return out;
}

// Every period phrase has a digit or one of a few words; most tasks have neither.
bool may_hold_period(std::string_view s) {
    if (has_digit(s)) return true;
    for (std::string_view w : {"ằng", "àng", "ịnh kỳ", "ường xuyên"}) {
        if (s.find(w) != std::string_view::npos) return true;
    }
    return false;
}

// "Phối hợp ...", "Chủ động phối hợp ...": a task that opens with supporting someone (normalized text).
bool opens_with_support(std::string_view op) {
    return op.starts_with("phoi hop") || op.starts_with("chu dong phoi hop") || op.starts_with("tham gia phoi hop");
}

struct Walker {
    const Document& doc;
    const Folded& folded;  // fold_with_map(doc.text), sliced for each task
    const Env& env;
    bool whole;
    std::vector<AgencyMention> addressees;  // of the whole document, for tasks that name nobody
    std::vector<Task> tasks;
    std::map<std::string, int> used_paths;
    bool block_mixed = false;  // the heading body of the items being walked has tasks that open otherwise than "Phối hợp"

    // Some leaf below s does not open with "Phối hợp".
    bool any_own_task(const Section& s) const {
        if (s.children.empty()) {
            std::string f = fold(doc.slice(s.span).substr(0, 80));
            return !opens_with_support(normalized(std::string_view(f).substr(first_text_offset(f))));
        }
        return std::any_of(s.children.begin(), s.children.end(), [&](const Section& c) { return any_own_task(c); });
    }

    // A path already given (a source that repeats "b)") gets "#2", "#3".
    std::string unique_path(const std::string& path) {
        int n = ++used_paths[path];
        return n == 1 ? path : path + "#" + std::to_string(n);
    }

    Roles roles_of(Span s, bool requested_subjects = false) const {
        return roles_in(doc.slice(s), env.folded_in(s.start, s.end), s.start, env, requested_subjects);
    }

    // The section's own part: its heading line and text, children excluded.
    Span own_span(const Section& s) const {
        Span own = s.span;
        if (!s.children.empty()) own.end = std::min(own.end, s.children.front().span.start);
        while (own.end > own.start && (doc.text[own.end - 1] == '\n' || doc.text[own.end - 1] == ' ')) --own.end;
        return own;
    }

    // The span of the heading line (label included).
    Span heading_span(const Section& s) const {
        std::string_view span = doc.slice(s.span);
        std::size_t nl = span.find('\n');
        std::size_t end = nl == std::string_view::npos ? span.size() : nl;
        if (!s.text.empty() && nl == std::string_view::npos && !s.heading.empty()) {
            // "1. Sở Y tế: chủ trì ...": heading and text on one line, split at the colon.
            std::size_t p = span.find(s.heading);
            if (p != std::string_view::npos) end = std::min(span.size(), p + s.heading.size() + 1);
        }
        return Span{s.span.start, s.span.start + end};
    }

    std::vector<AgencyMention> block_of(Span h, bool& any) const {
        return block_bodies(doc.slice(h), fold_slice(folded, h.start, h.end), h.start, env, any);
    }

    // "Đơn vị chủ trì thực hiện: Sở Tư pháp.", "Đơn vị phối hợp: Sở Nội vụ, Sở Tư pháp.": the lines of a
    // task that state who leads and who supports it.
    void read_attribute(Span line, std::vector<AgencyMention>& to, std::optional<Period>& deadline) const {
        std::string_view l = doc.slice(line);
        std::size_t colon = l.find(':');
        if (colon == std::string_view::npos) return;
        std::string label = fold(l.substr(0, colon));
        Span value{line.start + colon + 1, line.end};
        Folded vf = fold_slice(folded, value.start, value.end);
        if (label.find("thoi") != std::string::npos || label.find("tien do") != std::string::npos) {
            if (auto d = pick_deadline(find_periods(doc.slice(value), vf, value.start))) deadline = d;
            return;
        }
        bool support = label.find("phoi hop") != std::string::npos;
        if (!support && label.find("chu tri") == std::string::npos && label.find("thuc hien") == std::string::npos) return;
        for (const auto& a : env.mentions_in(value.start, value.end)) {
            if (a.generic || a.related || env.speaks(a)) continue;
            add_unique(to, mention_of(a, support ? Role::support : Role::lead, value.start));
        }
    }

    // A task from the text at `span`: its own assignees, what it inherits, its deadline.
    void add_task(Span span, std::string text, const std::string& path, const std::vector<AgencyMention>& inherited,
                  bool requested_lead_in) {
        if (trim(text).empty()) return;
        // "Quyết định này có hiệu lực thi hành kể từ ngày ký." says when, not who does what.
        if (text.size() < 200 && is_effect_clause(text) && !assigns_by_word(text)) return;
        // Rows of a task table are read by read_table_tasks, column by column.
        if (text.find('\t') != std::string::npos) return;
        Task t;
        t.path = unique_path(path);
        t.text = std::move(text);
        t.span = span;
        // Attribute lines are read apart; the rest is read clause by clause.
        std::vector<AgencyMention> attributed;
        std::optional<Period> attr_deadline;
        Span prose = span;
        std::string_view all = doc.slice(span);
        for (std::size_t a = all.find('\n'); a != std::string_view::npos;) {
            std::size_t e = all.find('\n', a + 1);
            Span line{span.start + a + 1, span.start + (e == std::string_view::npos ? all.size() : e)};
            std::string_view l = doc.slice(line);
            std::size_t skip = 0;
            while (skip < l.size() && (l[skip] == '-' || l[skip] == '+' || l[skip] == ' ')) ++skip;
            if (is_attribute_line(l.substr(skip))) {
                if (prose.end == span.end) prose.end = span.start + a;
                read_attribute(Span{line.start + skip, line.end}, attributed, attr_deadline);
            }
            a = e;
        }
        Roles r = roles_of(prose, requested_lead_in);
        bool own_addressee = r.opens_with_subject || std::any_of(attributed.begin(), attributed.end(), [](const AgencyMention& m) {
                                 return m.role == Role::lead;
                             });
        // "Sở Xây dựng: - Chủ trì ...; - Phối hợp Sở Khoa học và Công nghệ ...": under its heading, a body
        // is support in a task that opens with "Phối hợp" when it has tasks of its own besides; one whose
        // only verb is "phối hợp" is lead (ASSIGNMENTS.md).
        std::string head80 = fold(doc.slice(prose).substr(0, 80));
        std::string opening = normalized(std::string_view(head80).substr(first_text_offset(head80)));
        std::string_view op = opening;
        bool supports = opens_with_support(op) && block_mixed;
        for (auto m : inherited) {
            bool same = std::find(r.subject_ids.begin(), r.subject_ids.end(), m.id) != r.subject_ids.end();
            if (supports && m.role == Role::lead) m.role = Role::support;
            if (!own_addressee || same) add_unique(t.agencies, m);
        }
        for (auto& m : r.mentions) {
            // The subject under a heading naming the same body keeps the heading's role ("Đề nghị
            // Ủy ban MTTQ tỉnh" / "e) Chủ trì ...").
            auto it = std::find_if(inherited.begin(), inherited.end(), [&](const AgencyMention& x) { return x.id == m.id; });
            if (it != inherited.end() && m.role != Role::support) continue;
            add_unique(t.agencies, std::move(m));
        }
        for (auto& m : attributed) add_unique(t.agencies, std::move(m));
        // A task that names nobody and inherits nobody belongs to the document's addressees; a point that
        // only praises or takes note ("Đánh giá cao nỗ lực của Chủ đầu tư ...") belongs to no one.
        bool praise = false;
        for (std::string_view p : {"danh gia cao", "ghi nhan", "bieu duong", "hoan nghenh", "chia se", "dong y", "thong nhat"}) {
            praise = praise || op.starts_with(p);
        }
        if (praise) {
            std::erase_if(t.agencies, [&](const AgencyMention& m) {
                return std::any_of(inherited.begin(), inherited.end(), [&](const AgencyMention& x) { return x.id == m.id; });
            });
        }
        bool anyone = praise || own_addressee || !inherited.empty() ||
                      std::any_of(t.agencies.begin(), t.agencies.end(), [](const AgencyMention& m) { return m.role != Role::support; });
        if (!anyone) {
            for (const auto& m : addressees) add_unique(t.agencies, m);
        }
        if (attr_deadline) {
            t.deadline = attr_deadline;
        } else if (may_hold_period(doc.slice(span))) {
            auto found = find_periods(doc.slice(span), env.folded_in(span.start, span.end), span.start);
            // "giai đoạn 2026-2030" names a programme's span, not when a task is due.
            std::erase_if(found, [](const Period& p) { return fold_starts_with(p.text, "giai doan"); });
            t.deadline = pick_deadline(found);
        }
        tasks.push_back(std::move(t));
    }

    // An item whose sub-items are its attributes: one task, agencies and deadline from the attributes.
    void add_attributed_task(const Section& s, const std::string& path, const std::vector<AgencyMention>& inherited,
                             const std::vector<const Section*>& attrs) {
        Task t;
        t.path = unique_path(path);
        t.text = s.text.empty() ? s.heading : s.heading + "\n" + s.text;
        t.span = s.span;
        std::vector<AgencyMention> attributed;
        for (const Section* a : attrs) {
            Span line = a->span;
            std::string_view l = doc.slice(line);
            std::size_t skip = 0;
            while (skip < l.size() && (l[skip] == '-' || l[skip] == '+' || l[skip] == ' ')) ++skip;
            std::size_t nl = l.find('\n');
            if (nl != std::string_view::npos) line.end = line.start + nl;
            read_attribute(Span{line.start + skip, line.end}, attributed, t.deadline);
        }
        bool lead = std::any_of(attributed.begin(), attributed.end(), [](const AgencyMention& m) { return m.role == Role::lead; });
        if (!lead) t.agencies = inherited;
        for (auto& m : attributed) add_unique(t.agencies, std::move(m));
        tasks.push_back(std::move(t));
    }

    void walk(const Section& s, const std::string& path, bool in_task, const std::vector<AgencyMention>& inherited,
              bool requested_lead_in, bool excluded = false, bool in_article = false) {
        in_article = in_article || s.kind == SectionKind::article;
        // A part that reports or assesses ("ĐÁNH GIÁ CHUNG", "TÌNH HÌNH ...") assigns nothing, even in a
        // document whose whole body otherwise does.
        bool task_heading = !in_task && is_task_heading(s.heading);
        excluded = excluded || (!in_task && !task_heading && is_report_heading(s.heading));
        bool task_here = !excluded && (in_task || whole || task_heading);
        Span own = own_span(s);
        bool leaf = s.children.empty();
        // The heading (for an item with sub-items, its whole own part) may name the bodies below it.
        std::vector<AgencyMention> block;
        bool block_any = false;
        // A leaf is read whole, clause by clause ("1. Sở Y tế: chủ trì ..." has its subject before the colon).
        Span head = own;
        if (!leaf && !excluded && (task_here || s.kind == SectionKind::article)) block = block_of(head, block_any);
        // An item that opens with its subject gives it to the items below ("1. Các đồng chí Bộ trưởng, Thủ
        // trưởng cơ quan ngang Bộ ... trực tiếp chỉ đạo ...; trong đó lưu ý: - ...").
        Roles own_roles;
        if (!leaf && !excluded && !block_any && task_here) own_roles = roles_of(own);
        if (!block_any && !leaf && !own_roles.opens_with_subject && head.end > heading_span(s).end) {
            bool any = false;
            auto b = block_of(heading_span(s), any);
            if (any) block = std::move(b), block_any = true, head = heading_span(s);
        }
        const std::vector<AgencyMention>& give = block_any ? block : inherited;
        // An item headed by the bodies it is given to assigns work, whatever its part is called.
        if (block_any) task_here = true;
        if (leaf) {
            // "Điều 6. Nội dung Công an tỉnh có trách nhiệm chủ trì" / text: a heading that states whose the
            // item is, read apart from the text below it.
            Span hs = heading_span(s);
            if (!excluded && hs.end < s.span.end && role_heading(doc.slice(hs))) {
                bool any = false;
                auto b = block_of(hs, any);
                if (any) {
                    block = std::move(b);
                    block_any = true;
                    head = hs;
                    task_here = true;
                }
            }
            const std::vector<AgencyMention>& lgive = block_any ? block : inherited;
            // An article that gives a body work ("Điều 1. ... Bộ Tài chính chịu trách nhiệm về nội dung giải
            // trình ...") is a task wherever it stands; so is an execution clause or a "Giao ..." sentence.
            bool article_task = !task_here && !excluded && in_article && !roles_of(s.span).mentions.empty();
            bool by_words = false;
            if (!task_here && !article_task && !excluded) {
                std::string_view f = std::string_view(folded.text).substr(folded_at(folded, s.span.start),
                                                                          folded_at(folded, s.span.end) - folded_at(folded, s.span.start));
                by_words = is_execution_clause_folded(f) || assigns_by_word_folded(f.substr(0, std::min<std::size_t>(f.size(), 2000)));
            }
            if (task_here || article_task || by_words) {
                Span body = s.span;
                std::string text = s.text.empty() ? s.heading : s.heading + "\n" + s.text;
                if (block_any && head.end < s.span.end) {
                    body.start = head.end;
                    while (body.start < body.end && (doc.text[body.start] == '\n' || doc.text[body.start] == ' ')) ++body.start;
                    text = s.text;
                }
                add_task(body, std::move(text), path, lgive, requested_lead_in);
            }
            return;
        }
        // An introduction that names the assignees of the items below it: "Giao Ban Quản lý ... chỉ đạo:",
        // "thành phố Đà Nẵng cần tập trung thực hiện các nhiệm vụ sau:"; or a lead-in "... đề nghị:".
        std::vector<AgencyMention> intro;
        bool lead_in = requested_lead_in;
        std::string own_text(doc.slice(own));
        if (task_here && !block_any && (trim(own_text).ends_with(":") || own_roles.opens_with_subject)) {
            for (auto& m : own_roles.mentions) {
                bool subject = std::find(own_roles.subject_ids.begin(), own_roles.subject_ids.end(), m.id) != own_roles.subject_ids.end();
                if (m.role != Role::support && (subject || trim(own_text).ends_with(":"))) intro.push_back(m);
            }
            std::string n = normalized(fold(own_text));
            if (ends_with_words(n, "de nghi") || ends_with_words(n, "kinh de nghi")) lead_in = true;
        }
        const std::vector<AgencyMention>& pass = intro.empty() ? give : intro;
        // Own text of an item with sub-items, when it says more than a heading: "(1) Bộ Y tế chỉ đạo Ban
        // Quản lý dự án ... ; tập trung ...", or a long lead-in with its own work ("2. Để ..., yêu cầu Bộ Y
        // tế, Ban Quản lý dự án, các nhà thầu ... hoàn thành các công việc còn lại:").
        if (task_here && !block_any && own.end - own.start > 100) {
            add_task(own, s.text.empty() ? s.heading : s.heading + "\n" + s.text, path, give, requested_lead_in);
        }
        // "- Cơ quan chủ trì: Sở X", "- Cơ quan phối hợp: ...", "- Thời gian thực hiện: Quý IV/2025": the
        // attributes of this item, not tasks of their own.
        std::vector<const Section*> attrs;
        for (const auto& c : s.children) {
            if (c.children.empty() && is_attribute_line(c.heading)) attrs.push_back(&c);
        }
        if (task_here && !attrs.empty()) add_attributed_task(s, path, pass, attrs);
        bool mixed_before = block_mixed;
        if (block_any) block_mixed = any_own_task(s);
        int bullet = 0;
        for (const auto& c : s.children) {
            bool is_bullet = c.kind == SectionKind::dash || c.kind == SectionKind::plus;
            if (is_bullet) ++bullet;
            if (!attrs.empty() && std::find(attrs.begin(), attrs.end(), &c) != attrs.end()) continue;
            walk(c, join_path(path, path_component(c, bullet)), task_here, pass, lead_in, excluded, in_article);
        }
        block_mixed = mixed_before;
    }
};

// --- task tables ---

// Tables that assign work: a header row naming the lead column ("Cơ quan chủ trì", "Đơn vị chủ trì",
// "Đơn vị thực hiện") and usually the support column ("Cơ quan phối hợp") and a deadline column
// ("Thời gian hoàn thành", "Thời hạn", "Tiến độ"); each later row with the same number of cells is a task.
struct TableColumns {
    int task = -1, lead = -1, support = -1, deadline = -1, number = -1;
};

std::vector<std::string_view> cells_of(std::string_view line) {
    std::vector<std::string_view> out;
    std::size_t s = 0;
    while (true) {
        std::size_t t = line.find('\t', s);
        out.push_back(trim(line.substr(s, t == std::string_view::npos ? std::string_view::npos : t - s)));
        if (t == std::string_view::npos) break;
        s = t + 1;
    }
    return out;
}

std::optional<TableColumns> table_header(const std::vector<std::string_view>& cells) {
    TableColumns c;
    for (std::size_t k = 0; k < cells.size(); ++k) {
        std::string f = fold(cells[k]);
        int i = static_cast<int>(k);
        if (f.find("chu tri") != std::string::npos || f.find("thuc hien") != std::string::npos || f == "don vi" ||
            f == "co quan") {
            if (c.lead < 0) c.lead = i;
        } else if (f.find("phoi hop") != std::string::npos) {
            c.support = i;
        } else if (f.find("thoi gian") != std::string::npos || f.find("thoi han") != std::string::npos ||
                   f.find("tien do") != std::string::npos || f.find("hoan thanh") != std::string::npos) {
            c.deadline = i;
        } else if (f == "stt" || f == "tt" || f == "so tt") {
            c.number = i;
        } else if (c.task < 0 && (f.find("nhiem vu") != std::string::npos || f.find("noi dung") != std::string::npos ||
                                  f.find("cong viec") != std::string::npos || f.find("hoat dong") != std::string::npos ||
                                  f.find("giai phap") != std::string::npos || f.find("de an") != std::string::npos)) {
            c.task = i;
        }
    }
    if (c.lead < 0) return std::nullopt;
    if (c.task < 0) {
        // The first column that is neither a number nor a role: "Chỉ tiêu", "Tên nhiệm vụ", "Nội dung".
        for (std::size_t k = 0; k < cells.size(); ++k) {
            int i = static_cast<int>(k);
            if (i != c.lead && i != c.support && i != c.deadline && i != c.number) {
                c.task = i;
                break;
            }
        }
    }
    if (c.task < 0) return std::nullopt;
    return c;
}

void read_table_tasks(const Document& doc, const Folded& folded, const Env& env, std::vector<Task>& tasks,
                      const std::function<std::string(const std::string&)>& unique) {
    std::optional<TableColumns> cols;
    std::size_t width = 0;
    int ordinal = 0;
    std::string group;  // "II." of the group row above, if any
    for (std::size_t s = 0; s < doc.text.size();) {
        std::size_t e = doc.text.find('\n', s);
        if (e == std::string::npos) e = doc.text.size();
        std::string_view line = std::string_view(doc.text).substr(s, e - s);
        std::size_t start = s;
        s = e + 1;
        if (line.find('\t') == std::string_view::npos) {
            // Group rows ("I. NÂNG CAO NHẬN THỨC ...") stay inside the table and label its rows; long
            // prose ends it.
            if (cols && line.size() > 300) cols.reset();
            if (auto m = detect_marker(line); cols && m && m->kind == SectionKind::roman) group = m->label + ".";
            continue;
        }
        auto cells = cells_of(line);
        // A group row inside the table: "II<TAB>Xây dựng hạ tầng ...", fewer cells than a task row.
        if (cols && cells.size() + 2 < width + 1 && roman_value(cells[0]) > 0) {
            group = std::string(cells[0]) + ".";
            continue;
        }
        if (auto h = table_header(cells)) {
            cols = h;
            width = cells.size();
            ordinal = 0;
            group.clear();
            continue;
        }
        if (!cols) continue;
        // Rows with vertically merged cells have fewer cells, missing at the end ("Nguồn kinh phí").
        std::size_t needed = static_cast<std::size_t>(std::max({cols->task, cols->lead})) + 1;
        if (cells.size() > width || cells.size() + 2 < width || cells.size() < needed) continue;
        auto cell_span = [&](int k) {
            std::size_t off = 0;
            for (int c = 0; c < k; ++c) off = line.find('\t', off) + 1;
            std::size_t end = line.find('\t', off);
            if (end == std::string_view::npos) end = line.size();
            return Span{start + off, start + end};
        };
        Task t;
        ++ordinal;
        std::string_view num = cols->number >= 0 && static_cast<std::size_t>(cols->number) < cells.size()
                                   ? cells[static_cast<std::size_t>(cols->number)]
                                   : std::string_view{};
        t.path = unique("Bảng." + group + (num.empty() || num == "-" ? std::to_string(ordinal) : std::string(num)));
        t.text = std::string(cells[static_cast<std::size_t>(cols->task)]);
        // A task has words: a cell holding only a number is a misaligned row.
        bool words = false;
        for (char c : t.text) words |= static_cast<unsigned char>(c) >= 0x80 || std::isalpha(static_cast<unsigned char>(c));
        if (!words) continue;
        t.span = Span{start, start + line.size()};
        for (auto [col, role] : {std::pair{cols->lead, Role::lead}, std::pair{cols->support, Role::support}}) {
            if (col < 0 || static_cast<std::size_t>(col) >= cells.size()) continue;
            Span cs = cell_span(col);
            for (const auto& a : env.mentions_in(cs.start, cs.end)) {
                if (a.generic || a.related || env.speaks(a)) continue;
                add_unique(t.agencies, mention_of(a, role, cs.start));
            }
        }
        if (cols->deadline >= 0 && static_cast<std::size_t>(cols->deadline) < cells.size()) {
            Span ds = cell_span(cols->deadline);
            t.deadline = pick_deadline(find_periods(doc.slice(ds), fold_slice(folded, ds.start, ds.end), ds.start));
        }
        if (!t.text.empty()) tasks.push_back(std::move(t));
    }
}

// --- 3. the document ---

// The ids of a name (the issuer, the speaker of a conclusion) as the recognizer resolves them.
void add_ids(std::string_view name, const HomePlace& home, std::vector<std::string>& ids) {
    for (const auto& a : find_agencies(name, home)) ids.push_back(a.id);
}

// Who speaks in the document: the issuer; for the Government's documents (the Prime Minister, the
// Government, its Office) the Prime Minister and the Government; for a conclusion, whoever's
// conclusion it conveys ("Kết luận của Phó Thủ tướng Chính phủ ...", "... của Thường trực Thành ủy").
std::vector<std::string> speakers_of(const Document& doc, const HomePlace& home) {
    std::vector<std::string> ids;
    for (const auto& i : doc.issuers) add_ids(i, home, ids);
    if (doc.issuer) add_ids(*doc.issuer, home, ids);
    bool government = std::any_of(ids.begin(), ids.end(), [](const std::string& id) {
        return id == "thu-tuong-chinh-phu" || id == "chinh-phu" || id == "van-phong-chinh-phu";
    });
    if (government) {
        ids.emplace_back("thu-tuong-chinh-phu");
        ids.emplace_back("chinh-phu");
    }
    // The body a signer signs for ("TM. ỦY BAN NHÂN DÂN"): the issuer, also when the header was lost.
    for (const auto& signer : doc.signers) {
        for (const auto& c : signer.capacity) {
            std::string f = fold(c.substr(0, std::min<std::size_t>(c.size(), 8)));
            if (f.starts_with("tm.") || f.starts_with("t/m") || f.starts_with("tm ")) {
                std::size_t dot = c.find_first_of(". ");
                if (dot != std::string::npos) add_ids(normal_case_name(trim(std::string_view(c).substr(dot + 1))), home, ids);
            }
        }
    }
    if (doc.title) {
        Folded tf = fold_with_map(*doc.title);
        // Only the body the cue names, not the places of the meeting after it ("... tại Thành phố Hồ Chí Minh").
        for (std::string_view cue : {"ket luan cua ", "y kien chi dao cua "}) {
            std::size_t p = tf.text.find(cue);
            if (p == std::string::npos) continue;
            auto found = find_agencies(std::string_view(*doc.title).substr(tf.orig[p + cue.size()]), home);
            if (!found.empty() && found.front().head_start == 0) ids.push_back(found.front().id);
        }
    }
    return ids;
}

// The addressees of a Công điện: the block after "THỦ TƯỚNG CHÍNH PHỦ điện:" ("- Chủ tịch Ủy ban nhân dân
// các tỉnh ...;", "- Các Bộ: ..."), before the body. And of a Thông báo: "... thông báo để Ủy ban nhân dân
// tỉnh Phú Thọ và các Bộ, cơ quan liên quan biết, thực hiện".
// The address block of a telegram or a letter, before the body: the lines after "THỦ TƯỚNG CHÍNH PHỦ
// điện:" or "Kính gửi:" ("Kính gửi: Sở Y tế" on one line, or "- Bảo hiểm xã hội thành phố Hà Nội;" lines
// below it). Empty when there is none.
Span address_block(const Document& doc) {
    std::size_t body = doc.sections.empty() ? doc.text.size() : doc.sections.front().span.start;
    for (std::size_t a = 0; a < body && a < doc.text.size();) {
        std::size_t e = doc.text.find('\n', a);
        if (e == std::string::npos) e = doc.text.size();
        std::string_view line = std::string_view(doc.text).substr(a, e - a);
        std::string f = fold(line.substr(0, std::min<std::size_t>(line.size(), 200)));
        std::string_view t = trim(f);
        bool telegram = t.ends_with("dien:");
        bool letter = t.starts_with("kinh gui");
        if (telegram || letter) {
            std::size_t p = e + 1;
            if (letter) {
                // "Kính gửi: Sở Y tế;" on one line.
                std::size_t colon = line.find(':');
                if (colon != std::string_view::npos && !trim(line.substr(colon + 1)).empty()) p = a + colon + 1;
            }
            std::size_t q = std::max(p, e + 1);
            while (q < body && q < doc.text.size() && (doc.text[q] == '-' || doc.text[q] == '+')) {
                std::size_t n = doc.text.find('\n', q);
                q = n == std::string::npos ? doc.text.size() : n + 1;
            }
            std::size_t end = std::min(q, doc.text.size());
            while (end > p && (doc.text[end - 1] == '\n' || doc.text[end - 1] == ' ')) --end;
            return end > p ? Span{p, end} : Span{};
        }
        a = e + 1;
    }
    return {};
}

// The addressees of a Công điện or a letter: its address block. And of a Thông báo: "... thông báo để Ủy
// ban nhân dân tỉnh Phú Thọ và các Bộ, cơ quan liên quan biết, thực hiện".
std::vector<AgencyMention> addressees_of(const Document& doc, const Folded& folded, const Env& env, std::vector<Span>& blocks) {
    std::vector<AgencyMention> out;
    std::string t = doc.type ? fold(*doc.type) : "";
    if (Span s = address_block(doc); s.end > s.start) {
        blocks.push_back(s);
        for (const auto& a : env.mentions_in(s.start, s.end)) {
            if (a.generic || env.speaks(a)) continue;
            add_unique(out, mention_of(a, Role::lead, s.start));
        }
        return out;
    }
    if (t == "thong bao" || t == "ket luan") {
        std::size_t from = doc.closing ? doc.closing->start : (doc.sections.empty() ? 0 : doc.sections.back().span.start);
        std::size_t to = doc.closing ? doc.closing->end : (doc.sections.empty() ? 0 : doc.sections.back().span.end);
        Folded zf = fold_slice(folded, from, to);
        std::size_t p = zf.text.rfind("thong bao de ");
        if (p == std::string::npos) p = zf.text.rfind("thong bao den ");
        if (p == std::string::npos) return out;
        std::size_t b = zf.text.find("biet", p);
        if (b == std::string::npos) return out;
        std::size_t s = zf.orig[p], e = zf.orig[b];
        // The body a conclusion is sent to ("Ủy ban nhân dân tỉnh Phú Thọ"); groups ("các bộ, cơ quan và
        // địa phương") are informed, and own no point that names nobody.
        for (const auto& a : env.mentions_in(from + s, from + e)) {
            if (a.generic || a.collective || env.speaks(a)) continue;
            add_unique(out, mention_of(a, Role::lead, from + s));
        }
    }
    return out;
}

}  // namespace

std::vector<Task> find_tasks(const Document& doc, const Folded& folded) {
    Env env;
    env.home = home_place(doc.issuer.value_or(""), doc.issuer_parent.value_or(""), doc.place.value_or(""));
    // A document whose header was lost: the province it names first (its addressees', its own).
    if (!doc.issuer && !doc.place && !env.home.province) {
        env.home.province = AgencyCatalog::instance().find_province(std::string_view(doc.text).substr(0, 3000));
    }
    env.speakers = speakers_of(doc, env.home);
    env.doc = &doc;
    env.folded = &folded;
    // A letter without a type heading ("Kính gửi: ..." and paragraphs) assigns work in its whole body too.
    bool letter = address_block(doc).end > 0;
    Walker w{doc, folded, env, whole_body_assigns(doc) || letter, {}, {}, {}};
    std::vector<Span> address_blocks;
    w.addressees = addressees_of(doc, folded, env, address_blocks);
    int bullet = 0;
    for (const auto& s : doc.sections) {
        bool is_bullet = s.kind == SectionKind::dash || s.kind == SectionKind::plus;
        if (is_bullet) ++bullet;
        w.walk(s, path_component(s, bullet), false, {}, false);
    }
    // The lead-in of a directive, a telegram or a conclusion often assigns work itself: "Thủ tướng Chính
    // phủ yêu cầu Chủ tịch Ủy ban nhân dân các tỉnh ... tập trung chỉ đạo ...". A conclusion's opening
    // paragraphs report the meeting (who attended, who reported); they assign nothing.
    bool conclusion = doc.type && (fold(*doc.type) == "thong bao" || fold(*doc.type) == "ket luan");
    std::vector<Task> opening;
    auto paragraphs = [&](Span zone, std::string_view prefix, std::vector<Task>& to, bool need_cue) {
        std::string_view z = doc.slice(zone);
        int n = 0;
        for (std::size_t a = 0; a <= z.size();) {
            std::size_t e = z.find('\n', a);
            if (e == std::string_view::npos) e = z.size();
            Span para{zone.start + a, zone.start + e};
            a = e + 1;
            bool in_block = std::any_of(address_blocks.begin(), address_blocks.end(),
                                        [&](const Span& b) { return para.start >= b.start && para.end <= b.end; });
            std::string_view text = doc.slice(para);
            if (in_block || text.size() < 40 || fold_starts_with(text, "can cu")) continue;
            std::string f = fold(text.substr(0, std::min<std::size_t>(text.size(), 400)));
            if (need_cue && f.find("yeu cau") == std::string::npos && f.find("giao ") == std::string::npos &&
                f.find("de nghi") == std::string::npos) {
                continue;
            }
            Roles r = w.roles_of(para);
            if (!std::any_of(r.mentions.begin(), r.mentions.end(), [](const AgencyMention& m) { return m.role != Role::support; })) continue;
            Task t;
            t.path = w.unique_path(std::string(prefix) + std::to_string(++n));
            t.text = std::string(text);
            t.span = para;
            t.agencies = std::move(r.mentions);
            if (may_hold_period(text)) t.deadline = pick_deadline(find_periods(text, fold_slice(folded, para.start, para.end), para.start));
            to.push_back(std::move(t));
        }
    };
    // A letter's paragraphs are its body: each is read for work, not only those with "yêu cầu", "giao".
    if (w.whole && doc.preamble && !conclusion) paragraphs(*doc.preamble, "Mở đầu.", opening, !(letter && doc.sections.empty()));
    // The closing paragraphs after the last item: "Yêu cầu các sở, ban, ngành ... nghiêm túc triển khai",
    // "... phản ánh về Sở Y tế để tổng hợp, báo cáo".
    std::vector<Task> closing;
    if (doc.closing) paragraphs(*doc.closing, "Kết thúc.", closing, false);
    if (doc.text.find('\t') != std::string::npos) {
        read_table_tasks(doc, folded, env, w.tasks, [&](const std::string& p) { return w.unique_path(p); });
    }
    opening.insert(opening.end(), std::make_move_iterator(w.tasks.begin()), std::make_move_iterator(w.tasks.end()));
    opening.insert(opening.end(), std::make_move_iterator(closing.begin()), std::make_move_iterator(closing.end()));
    // One body, one name in a document: the fullest form it is written in ("UBND cấp xã" and "UBND các
    // xã, phường" -> "UBND các xã, phường").
    std::map<std::string, std::string> fullest;
    for (const auto& t : opening) {
        for (const auto& a : t.agencies) {
            auto& f = fullest[a.id];
            auto words = [](std::string_view x) { return std::count(x.begin(), x.end(), ' '); };
            if (words(a.canonical) > words(f)) f = a.canonical;
        }
    }
    for (auto& t : opening) {
        for (auto& a : t.agencies) a.canonical = fullest[a.id];
    }
    return opening;
}

}  // namespace vanban::detail
