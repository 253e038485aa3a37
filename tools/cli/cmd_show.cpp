// vanban show: a document with its outline, tasks and references.
#include "cli.h"
#include "vanban/render.h"

namespace vanban::cli {

const char* const kShowHelp = R"(Usage: vanban show DOC [--json] [--db FILE]

A document (an id, or a number such as 134/KH-UBND): its metadata, outline, tasks with their
agencies and deadlines, and its references both ways.

Exit codes: 0 success; 1 no database at the path, or it cannot be read; 2 usage error, DOC not found, or a number that
several documents share (they are listed: give an id).
)";

int cmd_show(const Args& args) {
    if (args.help) {
        std::cout << kShowHelp;
        return kOk;
    }
    if (args.positional.size() != 1) {
        std::cerr << "vanban show: give one document, by id or number (see 'vanban show --help')\n";
        return kUsage;
    }
    vanban::Index index = open_for_reading(args);
    auto id = find_document(index, args.positional[0], "show");
    if (!id) return kUsage;
    auto d = index.detail(*id);
    if (!d) return kUsage;
    if (args.has("json")) {
        std::cout << vanban::to_json(*d) << '\n';
        return kOk;
    }
    std::cout << doc_line(d->document) << '\n';
    if (!d->document.title.empty()) std::cout << d->document.title << '\n';
    std::cout << "source: " << d->source_path << "  (imported " << d->imported_at << ")\n\nOutline:\n";
    for (const auto& s : d->sections) {
        if (s.kind == "dash" || s.kind == "plus") continue;  // bullets are content, not outline
        std::cout << std::string(2 + 2 * static_cast<std::size_t>(s.depth), ' ') << s.path.substr(s.path.rfind('.') + 1)
                  << (s.heading.empty() ? "" : "  " + shorten(s.heading, 100)) << '\n';
    }
    std::cout << "\nTasks (" << d->tasks.size() << "):\n";
    for (const auto& t : d->tasks) {
        std::cout << "  " << t.path;
        for (const auto& a : t.agencies) std::cout << "  [" << a.role << "] " << a.name;
        if (t.deadline) std::cout << "  deadline: " << t.deadline->text;
        std::cout << '\n';
    }
    const auto& r = d->references;
    std::cout << "\nCites (" << r.cites.size() << "):\n";
    for (const auto& c : r.cites) {
        std::cout << "  " << c.relation << "  " << c.number
                  << (c.resolved ? "  -> " + doc_line(*c.resolved) : std::string("  (not in the index)")) << '\n';
    }
    std::cout << "Cited by (" << r.cited_by.size() << "):\n";
    for (const auto& c : r.cited_by) std::cout << "  " << c.relation << "  " << doc_line(c.document) << '\n';
    return kOk;
}

}  // namespace vanban::cli
