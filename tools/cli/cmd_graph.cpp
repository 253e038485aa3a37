// vanban graph: the citation graph around a document.
#include "cli.h"
#include "vanban/render.h"

namespace vanban::cli {

const char* const kGraphHelp = R"(Usage: vanban graph DOC [--depth N] [--json] [--db FILE]

The citation graph around a document: the documents within N citation steps (1-5, default 1), in
either direction, as nodes, and the citations between them as edges (from cites to, with the
relation). Only documents in the index are nodes; 'vanban refs' lists the missing ones.
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
    auto id = find_document(index, args.positional[0], "graph");
    if (!id) return kUsage;
    vanban::Graph g = index.graph(*id, depth);
    if (args.has("json")) {
        std::cout << vanban::to_json(g) << '\n';
        return kOk;
    }
    std::cout << g.nodes.size() << " documents, " << g.edges.size() << " citations\n";
    for (const auto& n : g.nodes) std::cout << "  " << doc_line(n) << '\n';
    for (const auto& e : g.edges) std::cout << "  " << e.from << " -" << e.relation << "-> " << e.to << '\n';
    return kOk;
}

}  // namespace vanban::cli
