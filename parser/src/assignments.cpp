#include "assignments.h"

#include <algorithm>

#include "agencies.h"
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
bool is_task_heading(std::string_view heading) {
    // Headings are short; a long "heading" is the first sentence of an item and names no part.
    if (heading.empty() || heading.size() > 200) return false;
    std::string f = fold(heading);
    return contains_any(f, {"nhiem vu", "giai phap", "to chuc thuc hien", "phan cong", "trach nhiem", "thi hanh",
                            "to chuc trien khai", "kien nghi", "de nghi"});
}

// Documents whose whole body assigns work: conclusions, directives, telegrams, letters.
bool whole_body_assigns(const Document& doc) {
    if (!doc.type) return false;
    std::string t = fold(*doc.type);
    return t == "thong bao" || t == "ket luan" || t == "chi thi" || t == "cong dien" || t == "cong van";
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
        "tong", "cuc", "nhan", "dan", "tinh", "thanh", "pho", "huyen", "xa", "phuong", "tap", "the", "ca", "nhan"};
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
std::vector<AgencyMention> roles_in(std::string_view text, const Folded& fm, std::size_t base, const HomePlace& home) {
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
        for (const auto& t : kTriggers) {
            // The trigger ends at the glue's start, or a glue word ("cùng", "với") is itself part of it.
            std::size_t limit = std::min(before.size(), g + 12);
            std::string_view head = before.substr(0, limit);
            std::size_t p = head.rfind(t.folded);
            if (p == std::string_view::npos) continue;
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
            } else if (g == 0 && !trim(after).empty()) {
                role = Role::lead;  // the subject of its clause
            }
        }
        if (!role) continue;
        AgencyMention m;
        m.name = found[k].name;
        m.canonical = found[k].canonical;
        m.id = found[k].id;
        m.collective = found[k].collective;
        m.role = *role;
        m.span = Span{base + found[k].start, base + found[k].end};
        out.push_back(std::move(m));
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
    if (name_letters * 10 < (letters > glue ? letters - glue / 2 : letters) * 7) return out;
    for (const auto& a : found) {
        AgencyMention m;
        m.name = a.name;
        m.canonical = a.canonical;
        m.id = a.id;
        m.collective = a.collective;
        m.role = requested ? Role::requested : Role::lead;
        m.span = Span{heading_base + a.start, heading_base + a.end};
        out.push_back(std::move(m));
    }
    return out;
}

// Every period phrase has a digit or one of a few words; most tasks have neither.
bool may_hold_period(std::string_view s) {
    if (s.find_first_of("0123456789") != std::string_view::npos) return true;
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

    // Where the heading's text starts inside the section's span: after the label.
    std::size_t heading_base(const Section& s) const {
        std::string_view span = doc.slice(s.span);
        std::size_t p = s.heading.empty() ? std::string_view::npos : span.find(s.heading);
        return s.span.start + (p == std::string_view::npos ? 0 : p);
    }

    void add_task(const Section& s, const std::string& path, const std::vector<AgencyMention>& inherited, bool heading_is_block) {
        std::string text = heading_is_block ? s.text : (s.text.empty() ? s.heading : s.heading + "\n" + s.text);
        if (trim(text).empty()) return;
        Task t;
        t.path = path;
        t.text = text;
        t.span = s.span;
        t.agencies = inherited;
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
            bool dup = std::any_of(t.agencies.begin(), t.agencies.end(), [&](const AgencyMention& x) { return x.id == m.id; });
            if (!dup) t.agencies.push_back(std::move(m));
        }
        if (may_hold_period(doc.slice(s.span))) {
            Folded span_fold = fold_slice(folded, s.span.start, s.span.end);
            t.deadline = pick_deadline(find_periods(doc.slice(s.span), span_fold, s.span.start));
        }
        tasks.push_back(std::move(t));
    }

    void walk(const Section& s, const std::string& path, bool in_task, const std::vector<AgencyMention>& inherited) {
        bool task_here = in_task || whole || is_task_heading(s.heading);
        std::vector<AgencyMention> block;
        if (task_here) block = block_agencies(s, heading_base(s), home);
        const std::vector<AgencyMention>& give = block.empty() ? inherited : block;
        bool heading_is_block = !block.empty();
        if (s.children.empty()) {
            if (task_here || is_execution_clause(s.heading + " " + s.text)) add_task(s, path, give, heading_is_block);
            return;
        }
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
        int bullet = 0;
        for (const auto& c : s.children) {
            bool is_bullet = c.kind == SectionKind::dash || c.kind == SectionKind::plus;
            if (is_bullet) ++bullet;
            walk(c, join_path(path, path_component(c, bullet)), task_here, give);
        }
    }
};

}  // namespace

std::vector<Task> find_tasks(const Document& doc, const Folded& folded) {
    Walker w{doc, folded, home_place(doc.issuer.value_or(""), doc.issuer_parent.value_or(""), doc.place.value_or("")),
             whole_body_assigns(doc), {}};
    int bullet = 0;
    for (const auto& s : doc.sections) {
        bool is_bullet = s.kind == SectionKind::dash || s.kind == SectionKind::plus;
        if (is_bullet) ++bullet;
        w.walk(s, path_component(s, bullet), false, {});
    }
    return std::move(w.tasks);
}

}  // namespace vanban::detail
