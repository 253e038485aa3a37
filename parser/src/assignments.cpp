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

// Headings of the parts that assign work.
// Headings of parts that report or assess rather than assign: "TÌNH HÌNH THỰC HIỆN NHIỆM VỤ ...",
// "ĐÁNH GIÁ CHUNG", "KẾT QUẢ ĐẠT ĐƯỢC", "DỰ BÁO ...", "BỐI CẢNH".
bool is_report_heading_folded(std::string_view f) {
    return contains_any(f, {"tinh hinh", "ket qua", "danh gia", "du bao", "boi canh", "thuc trang", "can cu xay dung",
                            "su can thiet", "muc dich", "muc tieu", "quan diem", "yeu cau"});
}

bool is_report_heading(std::string_view heading) {
    if (heading.empty() || heading.size() > 200) return false;
    return is_report_heading_folded(fold(heading));
}

bool is_task_heading(std::string_view heading) {
    // Headings are short; a long "heading" is the first sentence of an item and names no part.
    if (heading.empty() || heading.size() > 200) return false;
    std::string f = fold(heading);
    if (is_report_heading_folded(f)) return false;
    return contains_any(f, {"nhiem vu", "giai phap", "to chuc thuc hien", "phan cong", "trach nhiem", "thi hanh",
                            "to chuc trien khai", "kien nghi", "de nghi"});
}

// Documents whose whole body assigns work: conclusions, directives, telegrams, letters.
bool whole_body_assigns(const Document& doc) {
    if (!doc.type) return false;
    std::string t = fold(*doc.type);
    return t == "thong bao" || t == "ket luan" || t == "chi thi" || t == "cong dien" || t == "cong van";
}

// "Giao Sở Văn hóa ... chủ trì ...": an assignment wherever it stands, even in an article that
// also states when the decision takes effect.
bool assigns_by_word(std::string_view text) {
    std::string f = fold(text.substr(0, std::min<std::size_t>(text.size(), 2000)));
    for (std::size_t p = f.find("giao "); p != std::string::npos; p = f.find("giao ", p + 1)) {
        if (p == 0 || f[p - 1] == ' ' || f[p - 1] == '\n') {
            // "Giao" as a verb at a clause start, not "bàn giao", "giao thông", "giao dịch".
            std::size_t q = p;
            while (q > 0 && f[q - 1] == ' ') --q;
            if (q == 0 || f[q - 1] == '\n' || f[q - 1] == '.' || f[q - 1] == ';' || f[q - 1] == ':') return true;
        }
    }
    return false;
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
bool is_execution_clause(std::string_view text) {
    std::string f = fold(text);
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

// Words that may stand between an assignee and the trigger or clause start that makes it one:
// list glue and the titles of heads ("Giám đốc Sở ...", "Chủ tịch UBND ...").
bool only_glue(std::string_view f) {
    static constexpr std::string_view glue[] = {
        "va", "cac", "voi", "cung", "co", "quan", "don", "vi", "lien", "nganh", "so", "ban", "giam", "doc", "chu",
        "tich", "thu", "truong", "chanh", "van", "phong", "dong", "chi", "lanh", "dao", "pho", "cap", "uy", "vien",
        "tong", "cuc", "nhan", "dan", "tinh", "thanh", "pho", "huyen", "xa", "phuong", "tap", "the", "ca", "nhan",
        "chat", "che", "xuyen", "thuong", "dia", "bo", "bao"};
    std::size_t i = 0;
    while (i < f.size()) {
        while (i < f.size() && (f[i] == ' ' || f[i] == ',' || f[i] == ':' || f[i] == '-' || f[i] == '(' || f[i] == ')')) ++i;
        std::size_t e = i;
        while (e < f.size() && f[e] != ' ' && f[e] != ',' && f[e] != ':') ++e;
        if (e > i) {
            std::string_view w = f.substr(i, e - i);
            if (std::find(std::begin(glue), std::end(glue), w) == std::end(glue)) return false;
        }
        i = e;
    }
    return true;
}

// An agency found in text at `base`, as a task's agency with a role.
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

// Adds the agencies found in a piece of text at `base` with one role, each agency once.
void add_found(std::vector<AgencyMention>& to, const std::vector<FoundAgency>& found, Role role, std::size_t base) {
    for (const auto& a : found) {
        if (std::any_of(to.begin(), to.end(), [&](const AgencyMention& x) { return x.id == a.id; })) continue;
        to.push_back(mention_of(a, role, base));
    }
}

struct Trigger {
    std::string_view folded;
    Role role;
};

constexpr Trigger kTriggers[] = {
    {"de nghi", Role::requested},   {"kien nghi", Role::requested}, {"phoi hop voi", Role::support},
    {"phoi hop", Role::support},    {"cung voi", Role::support},    {"cung", Role::support},
    {"voi su phoi hop cua", Role::support}, {"giao", Role::lead},   {"chu tri", Role::lead},
    {"yeu cau", Role::lead},
};

// Assigns roles to the agencies found in `text`; mentions that are not assignees are dropped.
// `opening_phrase`: a subject may follow an opening phrase and a comma ("Trong thời gian tới, tỉnh Đắk
// Lắk cần ..."), as in the introduction of a list of tasks.
std::vector<AgencyMention> roles_in(std::string_view text, const Folded& fm, std::size_t base, const HomePlace& home,
                                    bool opening_phrase = false) {
    std::vector<AgencyMention> out;
    std::vector<FoundAgency> found = find_agencies(text, fm, home);
    if (found.empty()) return out;
    const std::string& f = fm.text;
    auto folded_at = [&](std::size_t orig) {
        return static_cast<std::size_t>(std::lower_bound(fm.orig.begin(), fm.orig.end(), orig) - fm.orig.begin());
    };
    std::vector<std::pair<std::size_t, std::size_t>> fspans;
    for (const auto& a : found) fspans.emplace_back(folded_at(a.start), folded_at(a.end));
    // The folded text with every mention blanked out, so glue checks see only the words between.
    std::string blanked = f;
    for (auto [s, e] : fspans) std::fill(blanked.begin() + static_cast<std::ptrdiff_t>(s), blanked.begin() + static_cast<std::ptrdiff_t>(e), ' ');
    for (std::size_t k = 0; k < found.size(); ++k) {
        auto [fs, fe] = fspans[k];
        std::size_t cs = fs;
        while (cs > 0 && f[cs - 1] != ';' && f[cs - 1] != '\n' && !(f[cs - 1] == '.' && cs < f.size() && f[cs] == ' ')) --cs;
        std::string_view before = std::string_view(blanked).substr(cs, fs - cs);
        // Walk back over the glue (other names, commas, "và", titles) that may separate this name from
        // its trigger; the trigger must end right there.
        std::size_t g = before.size();
        while (g > 0) {
            std::size_t e = g;
            while (e > 0 && (before[e - 1] == ' ' || before[e - 1] == ',' || before[e - 1] == ':' || before[e - 1] == '-')) --e;
            std::size_t w = e;
            while (w > 0 && before[w - 1] != ' ' && before[w - 1] != ',' && before[w - 1] != ':') --w;
            if (w == e || !only_glue(before.substr(w, e - w))) {
                g = e;
                break;
            }
            g = w;
        }
        std::optional<Role> role;
        std::size_t best = 0;
        // The trigger ends at the glue's start, or a glue word ("cùng", "với") is itself part of it: look
        // only around there.
        std::size_t limit = std::min(before.size(), g + 12);
        std::size_t from = g > 32 ? g - 32 : 0;
        std::string_view window = before.substr(from, limit - from);
        for (const auto& t : kTriggers) {
            std::size_t wp = window.rfind(t.folded);
            if (wp == std::string_view::npos) continue;
            std::size_t p = from + wp;
            if (p > 0 && before[p - 1] != ' ' && before[p - 1] != ',') continue;
            std::size_t e = p + t.folded.size();
            if (e < before.size() && before[e] != ' ' && before[e] != ',' && before[e] != ':') continue;
            if (!only_glue(before.substr(e))) continue;
            if (!role || e > best) {
                best = e;
                role = t.role;
            }
        }
        std::size_t ae = fe;
        while (ae < f.size() && f[ae] == ' ') ++ae;
        std::string_view after = std::string_view(blanked).substr(ae, std::min<std::size_t>(f.size() - ae, 40));
        if (!role) {
            if (after.starts_with("chu tri") || after.starts_with("co trach nhiem") || after.starts_with("chiu trach nhiem")) {
                role = Role::lead;
            } else if (!trim(after).empty() &&
                       (g == 0 || (opening_phrase && trim(before.substr(g)).starts_with(",")))) {
                // The subject of its clause, also after an opening phrase: "Trong thời gian tới, tỉnh Đắk
                // Lắk cần tiếp tục ...".
                role = Role::lead;
            }
        }
        // Not an assignee: "chịu trách nhiệm trước X", "(thông qua X)", "báo cáo X", "trình X".
        std::string_view tail = std::string_view(f).substr(cs, fs - cs);
        while (!tail.empty() && (tail.back() == ' ' || tail.back() == '(')) tail.remove_suffix(1);
        if (tail.ends_with("truoc") || tail.ends_with("thong qua") || tail.ends_with("bao cao") || tail.ends_with("trinh") ||
            tail.ends_with("gui") || tail.ends_with("gui ve") || tail.ends_with("ve")) {
            continue;
        }
        if (!role) continue;
        out.push_back(mention_of(found[k], *role, base));
    }
    return out;
}

// The agencies a heading names when it is a list of agencies (most of its letters are names).
std::vector<AgencyMention> block_agencies(const Section& s, std::size_t heading_base, const HomePlace& home) {
    std::vector<AgencyMention> out;
    if (s.heading.empty() || s.heading.size() > 300) return out;
    std::vector<FoundAgency> found = find_agencies(s.heading, home);
    if (found.empty()) return out;
    std::size_t covered = 0, letters = 0;
    for (const auto& a : found) covered += a.end - a.start;
    std::string f = fold(s.heading);
    bool requested = f.starts_with("de nghi");
    std::string rest = f;
    for (char c : rest) letters += (c >= 'a' && c <= 'z');
    // Bytes of names against letters of the heading: names in UTF-8 are longer than their folded
    // letters, so compare the folded heading with the folded names.
    std::size_t name_letters = 0;
    for (const auto& a : found) {
        for (char c : fold(a.name)) name_letters += (c >= 'a' && c <= 'z');
    }
    (void)covered;
    std::size_t glue = 0;
    for (std::string_view w : {"de nghi", "cac bao", "va", "cac"}) {
        for (std::size_t p = f.find(w); p != std::string::npos; p = f.find(w, p + 1)) glue += 2 * (w.size() - std::count(w.begin(), w.end(), ' '));
    }
    // Words in parentheses ("Sở Tài chính (cơ quan chủ trì)") do not count.
    std::size_t paren_letters = 0;
    for (std::size_t p = f.find('('); p != std::string::npos; p = f.find('(', p + 1)) {
        std::size_t q = f.find(')', p);
        for (std::size_t k = p; k < (q == std::string::npos ? f.size() : q); ++k) paren_letters += (f[k] >= 'a' && f[k] <= 'z');
    }
    if (letters > paren_letters) letters -= paren_letters;
    bool covered_enough = name_letters * 10 >= (letters > glue ? letters - glue / 2 : letters) * 7;
    // "Giám đốc Sở, Thủ trưởng cơ quan, ban, ngành": what is not a name is titles and list glue.
    if (!covered_enough) {
        std::string rest_words = fold(s.heading);
        Folded hf = fold_with_map(s.heading);
        std::string blanked = hf.text;
        for (const auto& a : found) {
            auto lo = static_cast<std::size_t>(std::lower_bound(hf.orig.begin(), hf.orig.end(), a.start) - hf.orig.begin());
            auto hi = static_cast<std::size_t>(std::lower_bound(hf.orig.begin(), hf.orig.end(), a.end) - hf.orig.begin());
            std::fill(blanked.begin() + static_cast<std::ptrdiff_t>(lo), blanked.begin() + static_cast<std::ptrdiff_t>(hi), ' ');
        }
        std::string_view rest = trim(blanked);
        if (rest.starts_with("de nghi")) rest = rest.substr(7);
        for (char& c : blanked) {
            if (c == ';' || c == '.') c = ' ';
        }
        covered_enough = only_glue(trim(std::string_view(blanked).substr(rest.data() - blanked.data())));
        (void)rest_words;
    }
    // "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố từ Hà Tĩnh đến Khánh Hòa:": a heading that opens with
    // its addressees (after titles) and ends with a colon.
    std::string_view fh = trim(f);
    bool addressed = fh.ends_with(":") && only_glue(std::string_view(fold(s.heading.substr(0, found.front().start))));
    if (!covered_enough && !addressed) return out;
    for (const auto& a : found) out.push_back(mention_of(a, requested ? Role::requested : Role::lead, heading_base));
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

struct Walker {
    const Document& doc;
    const Folded& folded;  // fold_with_map(doc.text), sliced for each task
    HomePlace home;
    bool whole;
    std::vector<Task> tasks;
    std::map<std::string, int> used_paths;

    // A path already given (a source that repeats "b)") gets "#2", "#3".
    std::string unique_path(const std::string& path) {
        int n = ++used_paths[path];
        return n == 1 ? path : path + "#" + std::to_string(n);
    }

    // Where the heading's text starts inside the section's span: after the label.
    std::size_t heading_base(const Section& s) const {
        std::string_view span = doc.slice(s.span);
        std::size_t p = s.heading.empty() ? std::string_view::npos : span.find(s.heading);
        return s.span.start + (p == std::string_view::npos ? 0 : p);
    }

    void add_task(const Section& s, const std::string& path, const std::vector<AgencyMention>& inherited, bool heading_is_block) {
        std::string text = heading_is_block ? s.text : (s.text.empty() ? s.heading : s.heading + "\n" + s.text);
        if (trim(text).empty()) return;
        // "Quyết định này có hiệu lực thi hành kể từ ngày ký." says when, not who does what.
        if (text.size() < 200 && is_effect_clause(text) && !assigns_by_word(text)) return;
        // Rows of a task table are read by read_table_tasks, column by column.
        if (text.find('\t') != std::string::npos) return;
        Task t;
        t.path = unique_path(path);
        t.text = text;
        t.span = s.span;
        t.agencies = inherited;
        std::size_t inherited_count = inherited.size();
        // Agencies named in the task's own text (not in a block heading).
        std::string_view own = doc.slice(s.span);
        std::size_t own_base = s.span.start;
        if (heading_is_block) {
            std::size_t nl = own.find('\n');
            if (nl == std::string_view::npos) {
                std::size_t hb = heading_base(s) - s.span.start + s.heading.size();
                own_base += std::min(hb, own.size());
                own = own.substr(std::min(hb, own.size()));
            } else {
                own_base += nl + 1;
                own = own.substr(nl + 1);
            }
        }
        Folded own_fold = fold_slice(folded, own_base, own_base + own.size());
        for (auto& m : roles_in(own, own_fold, own_base, home)) {
            auto it = std::find_if(t.agencies.begin(), t.agencies.end(), [&](const AgencyMention& x) { return x.id == m.id; });
            if (it == t.agencies.end()) {
                t.agencies.push_back(std::move(m));
                continue;
            }
            bool inherited = std::distance(t.agencies.begin(), it) < static_cast<std::ptrdiff_t>(inherited_count);
            // "Sở A chủ trì, phối hợp với Sở B" under a heading naming both: the text decides B's role.
            if (inherited && m.role == Role::support) it->role = Role::support;
            // Named twice in the text: the stronger role wins (lead, then requested, then support).
            if (!inherited && m.role == Role::lead) it->role = Role::lead;
        }
        if (may_hold_period(doc.slice(s.span))) {
            Folded span_fold = fold_slice(folded, s.span.start, s.span.end);
            auto found = find_periods(doc.slice(s.span), span_fold, s.span.start);
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
        t.agencies = inherited;
        for (const Section* a : attrs) {
            std::string f = fold(a->heading);
            std::string_view line = doc.slice(a->span);
            Folded lf = fold_slice(folded, a->span.start, a->span.end);
            if (f.starts_with("thoi") || f.starts_with("tien do")) {
                auto found = find_periods(line, lf, a->span.start);
                if (auto d = pick_deadline(found)) t.deadline = d;
                continue;
            }
            Role role = f.find("phoi hop") != std::string::npos ? Role::support : Role::lead;
            if (f.find("chu tri") == std::string::npos && f.find("thuc hien") == std::string::npos &&
                f.find("phoi hop") == std::string::npos) {
                continue;  // "Sản phẩm:", "Kinh phí:"
            }
            add_found(t.agencies, find_agencies(line, lf, home), role, a->span.start);
        }
        tasks.push_back(std::move(t));
    }

    void walk(const Section& s, const std::string& path, bool in_task, const std::vector<AgencyMention>& inherited,
              bool excluded = false) {
        // A part that reports or assesses ("ĐÁNH GIÁ CHUNG", "TÌNH HÌNH ...") assigns nothing, even in a
        // document whose whole body otherwise does.
        bool task_heading = !in_task && is_task_heading(s.heading);
        excluded = excluded || (!in_task && !task_heading && is_report_heading(s.heading));
        bool task_here = !excluded && (in_task || whole || task_heading);
        std::vector<AgencyMention> block;
        if (task_here) block = block_agencies(s, heading_base(s), home);
        // "6. Đề nghị: Hiệp hội Doanh nghiệp tỉnh, Hội Nông dân tỉnh, ..." with the list after the colon.
        if (task_here && block.empty() && !s.children.empty() && !s.text.empty() && s.text.size() < 300 &&
            s.text.find('\n') == std::string::npos) {
            Section joined;
            joined.heading = s.heading + ": " + s.text;
            joined.span = s.span;
            block = block_agencies(joined, heading_base(s), home);
        }
        const std::vector<AgencyMention>& give = block.empty() ? inherited : block;
        bool heading_is_block = !block.empty();
        if (s.children.empty()) {
            std::string all = s.heading + " " + s.text;
            if (task_here || (!excluded && (is_execution_clause(all) || assigns_by_word(all)))) {
                add_task(s, path, give, heading_is_block);
            }
            return;
        }
        // An introduction that names the assignees for the items below it: "Giao Ban Quản lý ... chỉ đạo:",
        // "các Sở, ngành, UBND cấp xã ... triển khai thực hiện những nội dung sau:".
        std::vector<AgencyMention> intro;
        if (task_here && block.empty()) {
            std::string own = s.text.empty() ? s.heading : s.heading + "\n" + s.text;
            if (trim(own).ends_with(":")) {
                for (auto& m : roles_in(own, fold_with_map(own), 0, home, true)) {
                    if (m.role != Role::support) intro.push_back(std::move(m));
                }
                // The spans point into the heading copy; make them point at the section.
                for (auto& m : intro) m.span = Span{s.span.start, s.span.start};
            }
        }
        const std::vector<AgencyMention>& pass = intro.empty() ? give : intro;
        if (task_here && s.text.size() > 100 && !trim(s.text).ends_with(":")) {
            // Own text of an item with sub-items, when it is more than an introduction.
            Section own;
            own.kind = s.kind;
            own.label = s.label;
            own.heading = s.heading;
            own.text = s.text;
            own.span = s.span;
            own.span.end = std::min(own.span.end, s.children.front().span.start);
            while (own.span.end > own.span.start && doc.text[own.span.end - 1] == '\n') --own.span.end;
            add_task(own, path, give, heading_is_block);
        }
        // "- Cơ quan chủ trì: Sở X", "- Cơ quan phối hợp: ...", "- Thời gian thực hiện: Quý IV/2025": the
        // attributes of this item, not tasks of their own.
        std::vector<const Section*> attrs;
        for (const auto& c : s.children) {
            if (c.children.empty() && is_attribute_line(c.heading)) attrs.push_back(&c);
        }
        if (task_here && !attrs.empty()) add_attributed_task(s, path, pass, attrs);
        int bullet = 0;
        for (const auto& c : s.children) {
            bool is_bullet = c.kind == SectionKind::dash || c.kind == SectionKind::plus;
            if (is_bullet) ++bullet;
            if (!attrs.empty() && std::find(attrs.begin(), attrs.end(), &c) != attrs.end()) continue;
            walk(c, join_path(path, path_component(c, bullet)), task_here, pass, excluded);
        }
    }
};

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

void read_table_tasks(const Document& doc, const Folded& folded, const HomePlace& home, std::vector<Task>& tasks,
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
        // Rows with vertically merged cells have fewer cells, missing at the end ("Nguồn kinh phí").
        std::size_t needed = static_cast<std::size_t>(std::max({cols->task, cols->lead})) + 1;
        if (!cols || cells.size() > width || cells.size() + 2 < width || cells.size() < needed) continue;
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
            std::string_view cell = doc.slice(cs);
            Folded cf = fold_slice(folded, cs.start, cs.end);
            add_found(t.agencies, find_agencies(cell, cf, home), role, cs.start);
        }
        if (cols->deadline >= 0 && static_cast<std::size_t>(cols->deadline) < cells.size()) {
            Span ds = cell_span(cols->deadline);
            t.deadline = pick_deadline(find_periods(doc.slice(ds), fold_slice(folded, ds.start, ds.end), ds.start));
        }
        if (!t.text.empty()) tasks.push_back(std::move(t));
    }
}

}  // namespace

std::vector<Task> find_tasks(const Document& doc, const Folded& folded) {
    Walker w{doc, folded, home_place(doc.issuer.value_or(""), doc.issuer_parent.value_or(""), doc.place.value_or("")),
             whole_body_assigns(doc), {}, {}};
    int bullet = 0;
    for (const auto& s : doc.sections) {
        bool is_bullet = s.kind == SectionKind::dash || s.kind == SectionKind::plus;
        if (is_bullet) ++bullet;
        w.walk(s, path_component(s, bullet), false, {});
    }
    // The lead-in of a directive, a telegram or a conclusion often assigns work itself: "Thủ tướng Chính
    // phủ yêu cầu Chủ tịch Ủy ban nhân dân các tỉnh ... tập trung chỉ đạo ...".
    bool conclusion = doc.type && (fold(*doc.type) == "thong bao" || fold(*doc.type) == "ket luan");
    // A conclusion's opening paragraphs report the meeting (who attended, who reported); they assign nothing.
    if (w.whole && doc.preamble && !conclusion) {
        std::string_view pre = doc.slice(*doc.preamble);
        std::size_t base = doc.preamble->start;
        int n = 0;
        for (std::size_t a = 0; a <= pre.size();) {
            std::size_t e = pre.find('\n', a);
            if (e == std::string_view::npos) e = pre.size();
            std::string_view para = pre.substr(a, e - a);
            std::string f = fold(para.substr(0, std::min<std::size_t>(para.size(), 400)));
            bool assigning = f.find("yeu cau") != std::string::npos || f.find("giao ") != std::string::npos ||
                             f.find("de nghi") != std::string::npos;
            if (assigning && !fold_starts_with(para, "can cu") && para.size() > 40) {
                Folded pf = fold_slice(folded, base + a, base + e);
                auto mentions = roles_in(para, pf, base + a, w.home);
                bool assigns = std::any_of(mentions.begin(), mentions.end(), [](const AgencyMention& m) { return m.role != Role::support; });
                if (assigns) {
                    Task t;
                    t.path = w.unique_path("Mở đầu." + std::to_string(++n));
                    t.text = std::string(para);
                    t.span = Span{base + a, base + e};
                    t.agencies = std::move(mentions);
                    w.tasks.insert(w.tasks.begin() + (n - 1), std::move(t));
                }
            }
            a = e + 1;
        }
    }
    if (doc.text.find('\t') != std::string::npos) {
        read_table_tasks(doc, folded, w.home, w.tasks, [&](const std::string& p) { return w.unique_path(p); });
    }
    return std::move(w.tasks);
}

}  // namespace vanban::detail
