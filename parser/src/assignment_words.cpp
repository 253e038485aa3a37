// The words that tell what a heading or a clause does: report headings, task headings, attribute
// lines, effect and execution clauses; section paths; a mention added once (assignment_parts.h).
#include "assignment_parts.h"

#include <algorithm>

namespace vanban::detail::tasks {

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

}  // namespace

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

}  // namespace vanban::detail::tasks
