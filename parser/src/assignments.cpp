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

#include "assignment_parts.h"

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

using namespace tasks;

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

    // Walks the section tree: every item that assigns work becomes a task (add_task), with the bodies
    // it inherits from the items above it. `in_task`: an ancestor is a task part; `inherited`: the bodies
    // named above; `requested_lead_in`: an ancestor ends "đề nghị:"; `excluded`: under a report part.
    void walk(const Section& s, const std::string& path, bool in_task, const std::vector<AgencyMention>& inherited,
              bool requested_lead_in, bool excluded = false, bool in_article = false) {
        in_article = in_article || s.kind == SectionKind::article;
        // A part that reports or assesses ("ĐÁNH GIÁ CHUNG", "TÌNH HÌNH ...") assigns nothing, even in a
        // document whose whole body otherwise does.
        bool task_heading = !in_task && is_task_heading(s.heading);
        excluded = excluded || (!in_task && !task_heading && is_report_heading(s.heading));
        bool task_here = !excluded && (in_task || whole || task_heading);
        if (s.children.empty()) {
            walk_leaf(s, path, task_here, excluded, in_article, inherited, requested_lead_in);
        } else {
            walk_branch(s, path, task_here, excluded, in_article, inherited, requested_lead_in);
        }
    }

    // A leaf is read whole, clause by clause ("1. Sở Y tế: chủ trì ..." has its subject before the colon);
    // it is a task in a task part, or an article that gives a body work, or an execution clause or a
    // "Giao ..." sentence anywhere.
    void walk_leaf(const Section& s, const std::string& path, bool task_here, bool excluded, bool in_article,
                   const std::vector<AgencyMention>& inherited, bool requested_lead_in) {
        std::vector<AgencyMention> block;
        bool block_any = false;
        Span head = own_span(s);
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
        const std::vector<AgencyMention>& give = block_any ? block : inherited;
        // "Điều 1. ... Bộ Tài chính chịu trách nhiệm về nội dung giải trình ..." is a task wherever it stands.
        bool article_task = !task_here && !excluded && in_article && !roles_of(s.span).mentions.empty();
        bool by_words = false;
        if (!task_here && !article_task && !excluded) {
            std::string_view f = std::string_view(folded.text).substr(folded_at(folded, s.span.start),
                                                                      folded_at(folded, s.span.end) - folded_at(folded, s.span.start));
            by_words = is_execution_clause_folded(f) || assigns_by_word_folded(f.substr(0, std::min<std::size_t>(f.size(), 2000)));
        }
        if (!task_here && !article_task && !by_words) return;
        Span body = s.span;
        std::string text = s.text.empty() ? s.heading : s.heading + "\n" + s.text;
        if (block_any && head.end < s.span.end) {
            body.start = head.end;
            while (body.start < body.end && (doc.text[body.start] == '\n' || doc.text[body.start] == ' ')) ++body.start;
            text = s.text;
        }
        add_task(body, std::move(text), path, give, requested_lead_in);
    }

    // What an item with sub-items says about the items below it.
    struct ItemHead {
        std::vector<AgencyMention> bodies;  // the bodies its heading names, when `any`
        bool any = false;
        Roles own_roles;  // its own part read as a task, when it names no heading bodies
    };

    // The bodies an item with sub-items is headed by ("II. Sở Y tế", "3. Giao Sở Y tế chủ trì:"), read in
    // its whole own part, or in its heading line alone when the own part does not open with a subject.
    ItemHead item_head(const Section& s, Span own, bool task_here, bool excluded) const {
        ItemHead h;
        if (!excluded && (task_here || s.kind == SectionKind::article)) h.bodies = block_of(own, h.any);
        // An item that opens with its subject gives it to the items below ("1. Các đồng chí Bộ trưởng, Thủ
        // trưởng cơ quan ngang Bộ ... trực tiếp chỉ đạo ...; trong đó lưu ý: - ...").
        if (!excluded && !h.any && task_here) h.own_roles = roles_of(own);
        if (!h.any && !h.own_roles.opens_with_subject && own.end > heading_span(s).end) {
            bool any = false;
            auto b = block_of(heading_span(s), any);
            if (any) h.bodies = std::move(b), h.any = true;
        }
        return h;
    }

    // An introduction that names the assignees of the items below it: "Giao Ban Quản lý ... chỉ đạo:",
    // "thành phố Đà Nẵng cần tập trung thực hiện các nhiệm vụ sau:" (its subjects, or every lead it names
    // when it ends with a colon). Sets `lead_in` for a lead-in "... (kính) đề nghị:".
    std::vector<AgencyMention> intro_of(const std::string& own_text, const Roles& own_roles, bool& lead_in) const {
        std::vector<AgencyMention> intro;
        bool colon = trim(own_text).ends_with(":");
        for (const auto& m : own_roles.mentions) {
            bool subject = std::find(own_roles.subject_ids.begin(), own_roles.subject_ids.end(), m.id) != own_roles.subject_ids.end();
            if (m.role != Role::support && (subject || colon)) intro.push_back(m);
        }
        std::string n = normalized(fold(own_text));
        if (ends_with_words(n, "de nghi") || ends_with_words(n, "kinh de nghi")) lead_in = true;
        return intro;
    }

    // An item with sub-items: its own text may be a task, its attribute lines make one task, and its
    // children are walked with the bodies it gives them (its heading's, its introduction's, or those it
    // inherited).
    void walk_branch(const Section& s, const std::string& path, bool task_here, bool excluded, bool in_article,
                     const std::vector<AgencyMention>& inherited, bool requested_lead_in) {
        Span own = own_span(s);
        ItemHead h = item_head(s, own, task_here, excluded);
        const std::vector<AgencyMention>& give = h.any ? h.bodies : inherited;
        // An item headed by the bodies it is given to assigns work, whatever its part is called.
        if (h.any) task_here = true;
        std::vector<AgencyMention> intro;
        bool lead_in = requested_lead_in;
        std::string own_text(doc.slice(own));
        if (task_here && !h.any && (trim(own_text).ends_with(":") || h.own_roles.opens_with_subject)) {
            intro = intro_of(own_text, h.own_roles, lead_in);
        }
        const std::vector<AgencyMention>& pass = intro.empty() ? give : intro;
        // Own text of an item with sub-items, when it says more than a heading: "(1) Bộ Y tế chỉ đạo Ban
        // Quản lý dự án ... ; tập trung ...", or a long lead-in with its own work ("2. Để ..., yêu cầu Bộ Y
        // tế, Ban Quản lý dự án, các nhà thầu ... hoàn thành các công việc còn lại:").
        if (task_here && !h.any && own.end - own.start > 100) {
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
        if (h.any) block_mixed = any_own_task(s);
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

}  // namespace

std::vector<Task> find_tasks(const Document& doc, const Folded& folded, const AgencyCatalog& catalog) {
    using namespace tasks;
    Env env;
    env.home = home_place(doc.issuer.value_or(""), doc.issuer_parent.value_or(""), doc.place.value_or(""), catalog);
    // A document whose header was lost: the province it names first (its addressees', its own).
    if (!doc.issuer && !doc.place && !env.home.province) {
        env.home.province = catalog.find_province(std::string_view(doc.text).substr(0, 3000));
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
