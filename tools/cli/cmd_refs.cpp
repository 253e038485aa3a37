// vanban refs: what a document cites and what cites it.
#include "cli.h"
#include "vanban/render.h"

namespace vanban::cli {

const char* const kRefsHelp = R"(Usage: vanban refs DOC [--json] [--db FILE]

What document DOC (an id, or a number such as 134/KH-UBND) cites, with the relation and the cited
document when it is in the index, and which documents cite it. The relations:
{relations}

Exit codes: 0 success; 1 no database at the path, or it cannot be read; 2 usage error, DOC not found, or a number
that several documents share (they are listed: give an id).
)";

int cmd_refs(const Args& args) {
    if (args.help) {
        std::cout << help_text(kRefsHelp);
        return kOk;
    }
    if (args.positional.size() != 1) {
        std::cerr << "vanban refs: give one document, by id or number (see 'vanban refs --help')\n";
        return kUsage;
    }
    vanban::Index index = open_for_reading(args);
    auto id = find_document(index, args.positional[0], "refs");
    if (!id) return kUsage;
    vanban::References r = index.references(*id);
    if (args.has("json")) {
        std::cout << vanban::to_json(r) << '\n';
        return kOk;
    }
    std::cout << doc_line(r.document) << '\n';
    std::cout << "cites (" << r.cites.size() << "):\n";
    for (const auto& c : r.cites) {
        std::cout << "  " << c.relation << "  " << c.number;
        if (c.resolved) std::cout << "  -> " << doc_line(*c.resolved);
        else std::cout << "  (not in the index)";
        std::cout << '\n';
    }
    std::cout << "cited by (" << r.cited_by.size() << "):\n";
    for (const auto& c : r.cited_by) std::cout << "  " << c.relation << "  " << doc_line(c.document) << '\n';
    return kOk;
}

}  // namespace vanban::cli
