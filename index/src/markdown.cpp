// A document as Markdown (render.h): its header fields, outline, tasks and references, for reading
// and pasting into a report.
#include <string>
#include <vector>

#include "vanban/render.h"

namespace vanban {

namespace {

// Markdown's marks in running text, escaped so that a heading's "*" or "[" stays a character.
std::string md(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == '\n') {
            out += ' ';
            continue;
        }
        if (std::string_view("\\`*_[]<>#|").find(c) != std::string_view::npos) out += '\\';
        out += c;
    }
    return out;
}

}  // namespace

std::string to_markdown(const DocumentDetail& d) {
    const DocumentRef& doc = d.document;
    std::string out = "# " + md(doc.type.empty() ? "Văn bản" : doc.type) + (doc.number.empty() ? "" : " " + md(doc.number)) + "\n\n";
    if (!doc.title.empty()) out += "**" + md(doc.title) + "**\n\n";
    if (!doc.issuer.empty()) out += "- Cơ quan ban hành: " + md(doc.issuer) + "\n";
    if (!doc.date.empty()) out += "- Ngày ban hành: " + doc.date + "\n";
    out += "- Nguồn: " + md(d.source_path) + "\n";
    bool outline = false;
    std::vector<int> shown;  // depths of the entries above this one: a list nests one level per entry shown
    for (const auto& s : d.sections) {
        if (s.kind == "dash" || s.kind == "plus") continue;  // bullets are content, not outline
        if (!outline) out += "\n## Bố cục\n\n", outline = true;
        while (!shown.empty() && shown.back() >= s.depth) shown.pop_back();
        std::string label = s.path.substr(s.path.rfind('.') + 1);
        out += std::string(2 * shown.size(), ' ') + "- " + md(label) + (s.heading.empty() ? "" : " " + md(s.heading)) + "\n";
        shown.push_back(s.depth);
    }
    if (!d.tasks.empty()) {
        out += "\n## Nhiệm vụ\n\n";
        for (const auto& t : d.tasks) {
            out += "- **" + md(t.path) + "**";
            for (std::size_t i = 0; i < t.agencies.size(); ++i) {
                out += (i ? "; " : " — ") + md(t.agencies[i].name) + " (" + t.agencies[i].role + ")";
            }
            if (t.deadline) out += " — thời hạn: " + md(t.deadline->text);
            out += "\n";
        }
    }
    if (!d.references.cites.empty()) {
        out += "\n## Văn bản được dẫn chiếu\n\n";
        for (const auto& c : d.references.cites) {
            out += "- " + md(c.number.empty() ? c.number_key : c.number) + " (" + c.relation + ")" +
                   (c.resolved ? "" : ", chưa có trong cơ sở dữ liệu") + "\n";
        }
    }
    if (!d.references.cited_by.empty()) {
        out += "\n## Văn bản dẫn chiếu đến\n\n";
        for (const auto& c : d.references.cited_by) {
            out += "- " + md(c.document.number.empty() ? "(không số)" : c.document.number) + " (" + c.relation + ")" +
                   (c.document.title.empty() ? "" : ": " + md(c.document.title)) + "\n";
        }
    }
    return out;
}

}  // namespace vanban
