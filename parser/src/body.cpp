#include "body.h"

#include <algorithm>

#include "numbering.h"
#include "signature.h"
#include "text.h"

namespace vanban::detail {

namespace {

// Splits the first line of a section into heading and text: "Thời gian thực hiện: Thực hiện trong ..."
// keeps both; a long first line without such a colon is all heading, and so is a short list after a
// colon ("các Báo: Hà Nội mới, Kinh tế và Đô thị"), which is still part of the heading.
void split_heading(std::string_view rest, Section& s) {
    std::size_t colon = rest.find(':');
    if (colon != std::string_view::npos && colon <= 120 && colon + 1 < rest.size()) {
        std::string_view after = trim(rest.substr(colon + 1));
        std::size_t cps = 0;
        for (char c : after) cps += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
        bool sentence = cps >= 50 || after.ends_with('.') || after.ends_with(';');
        if (!after.empty() && sentence) {
            s.heading = std::string(trim(rest.substr(0, colon)));
            s.text = std::string(after);
            return;
        }
    }
    s.heading = std::string(trim(rest));
}

bool ends_sentence_mark(std::string_view s) {
    s = trim(s);
    return !s.empty() && std::string_view(".;:!?").find(s.back()) != std::string_view::npos;
}

struct Open {
    Section section;
    int rank;
};

}  // namespace

bool is_appendix_heading(const std::vector<Line>& lines, std::size_t i) {
    std::string_view t = trim(lines[i].text);
    if (t.empty() || t.size() > 400) return false;
    if (fold_starts_with(t, "phu luc") && (is_all_caps(t.substr(0, std::min<std::size_t>(t.size(), 12))) || t.size() < 30)) {
        return true;
    }
    if (!is_all_caps(t) || is_position_line(t) || is_authority_line(t) || detect_marker(t)) return false;
    // The title line under "PHỤ LỤC I" belongs to that heading.
    if (i > 0 && fold_starts_with(lines[i - 1].text, "phu luc")) return false;
    // A title in capitals followed by its caption: "QUY CHẾ ..." / "(Ban hành kèm theo Quyết định số ...)".
    for (std::size_t j = i; j < lines.size() && j <= i + 3; ++j) {
        std::string g = fold(lines[j].text);
        if (j > i && !(g.starts_with("(") || g.starts_with("ban hanh") || is_all_caps(lines[j].text))) break;
        if (g.find("(ban hanh kem") != std::string::npos || g.find("(kem theo") != std::string::npos ||
            g.starts_with("ban hanh kem theo") || g.find("(ban hanh theo") != std::string::npos) {
            return true;
        }
    }
    return false;
}

std::vector<Section> build_sections(const std::vector<Line>& lines, const std::vector<std::size_t>& offsets,
                                    std::size_t begin, std::size_t end) {
    std::vector<Section> roots;
    std::vector<Open> stack;
    auto line_end = [&](std::size_t i) { return offsets[i] + lines[i].text.size(); };
    auto close_top = [&]() {
        Open top = std::move(stack.back());
        stack.pop_back();
        if (stack.empty()) {
            roots.push_back(std::move(top.section));
        } else {
            Section& parent = stack.back().section;
            parent.span.end = std::max(parent.span.end, top.section.span.end);
            parent.children.push_back(std::move(top.section));
        }
    };
    for (std::size_t i = begin; i < end; ++i) {
        std::string_view t = lines[i].text;
        std::optional<Marker> m;
        if (is_appendix_heading(lines, i)) {
            m = Marker{SectionKind::appendix, "", 0, 0};
        } else {
            m = detect_marker(t);
        }
        if (!m) {
            if (stack.empty()) continue;
            Section& cur = stack.back().section;
            // A heading wrapped over two lines: "2. Ban Quản lý Khu kinh tế" / "Đông Nam", "1. Sở" / "Tài
            // chính (cơ quan chủ trì)": a short capitalized line, no sentence, right after a heading that
            // has no text yet and no final punctuation.
            if (!cur.heading.empty() && cur.text.empty() && cur.children.empty() && cur.heading.size() < 80 &&
                !ends_sentence_mark(cur.heading) && t.size() < 60 && starts_upper(t) && !ends_sentence_mark(t) &&
                std::count(t.begin(), t.end(), ' ') < 6 && cur.kind != SectionKind::dash && cur.kind != SectionKind::plus) {
                cur.heading += ' ';
                cur.heading += t;
                cur.span.end = line_end(i);
                continue;
            }
            // The title of a chapter or part printed on the line after its label.
            if (cur.heading.empty() && cur.text.empty() && cur.children.empty() &&
                (cur.kind == SectionKind::chapter || cur.kind == SectionKind::part || cur.kind == SectionKind::section ||
                 cur.kind == SectionKind::subsection || cur.kind == SectionKind::appendix ||
                 cur.kind == SectionKind::article)) {
                cur.heading = std::string(t);
            } else {
                if (!cur.text.empty()) cur.text += '\n';
                cur.text += t;
            }
            cur.span.end = line_end(i);
            continue;
        }
        int r = rank(*m);
        while (!stack.empty() && stack.back().rank >= r) close_top();
        Section s;
        s.kind = m->kind;
        s.label = m->label;
        s.span = Span{offsets[i], line_end(i)};
        if (m->kind == SectionKind::appendix) {
            s.heading = std::string(t);
        } else {
            split_heading(t.substr(m->length), s);
        }
        stack.push_back(Open{std::move(s), r});
    }
    while (!stack.empty()) close_top();
    return roots;
}

}  // namespace vanban::detail
