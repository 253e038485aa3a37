// vanban graph: the citation graph around a document.
#include <optional>
#include <set>

#include "cli.h"
#include "vanban/render.h"

namespace vanban::cli {

const char* const kGraphHelp = R"(Usage: vanban graph DOC [--depth N] [--json] [--db FILE]

The citation graph around a document: the documents within N citation steps (1-5, default 1), in
either direction, as nodes, and the citations between them as edges (from cites to, with the
relation). A number the nodes cite that is not in the index is listed after them, with who cites it
(--json: "cited": [{number, number_key, from, relation}]); DOC may be such a number (25-KL/TW): its
graph is the documents citing it.
)";

int cmd_graph(const Args& args) {
    if (args.help) {
        std::cout << kGraphHelp;
        return kOk;
    }
    if (args.positional.size() != 1) {
        std::cerr << "vanban graph: give one document, by id or number (see 'vanban graph --help')\n";
        return kUsage;
    }
    int depth = 1;
    if (args.values.count("depth") && (!parse_int(args.get("depth"), depth) || depth < 1 || depth > 5)) {
        std::cerr << "vanban graph: --depth must be a number from 1 to 5\n";
        return kUsage;
    }
    vanban::Index index = open_for_reading(args);
    const std::string& what = args.positional[0];
    vanban::Graph g;
    int as_id = 0;
    std::optional<vanban::CitedOnly> only = parse_int(what, as_id) ? std::nullopt : index.cited_only(what);
    if (only) {
        // A number only cited: the documents citing it, each with its citation of it.
        std::set<std::int64_t> seen;
        for (const auto& c : only->cited_by) {
            if (seen.insert(c.document.id).second) g.nodes.push_back(c.document);
            g.cited.push_back({only->number, only->number_key, c.document.id, c.relation});
        }
    } else {
        auto id = find_document(index, what, "graph");
        if (!id) return kUsage;
        g = index.graph(*id, depth);
    }
    if (args.has("json")) {
        std::cout << vanban::to_json(g) << '\n';
        return kOk;
    }
    std::cout << g.nodes.size() << " documents, " << g.edges.size() << " citations\n";
    for (const auto& n : g.nodes) std::cout << "  " << doc_line(n) << '\n';
    for (const auto& e : g.edges) std::cout << "  " << e.from << " -" << e.relation << "-> " << e.to << '\n';
    if (!g.cited.empty()) std::cout << "cited, not in the index:\n";
    for (const auto& c : g.cited) std::cout << "  " << c.from << " -" << c.relation << "-> " << c.number << '\n';
    return kOk;
}

}  // namespace vanban::cli
