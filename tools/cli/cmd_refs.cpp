// vanban refs: what a document cites and what cites it.
#include "cli.h"
#include "vanban/render.h"

namespace vanban::cli {

const char* const kRefsHelp = R"(Usage: vanban refs DOC [--json] [--db FILE]

What document DOC (an id, or a number such as 134/KH-UBND) cites, with the relation and the cited
document when it is in the index, and which documents cite it. The relations:
{relations}

A number that documents in the index cite but that is not in it itself ("refs 38/NQ-CP" before
Nghị quyết 38/NQ-CP is imported) lists what cites it, with the relation and the provision cited, and
says it is not in the database (--json: {number, number_key, type, date, issuer, in_index: false,
cited_by: [{document, relation, provision}]}).

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
    const std::string& what = args.positional[0];
    int as_id = 0;
    if (!parse_int(what, as_id)) {
        if (auto found = index.cited_only(what)) {
            const vanban::CitedOnly& cited = *found;
            if (args.has("json")) {
                std::cout << vanban::to_json(cited) << '\n';
                return kOk;
            }
            std::cout << (cited.type.empty() ? "" : cited.type + " ") << cited.number
                      << (cited.date.empty() ? "" : "  " + cited.date) << (cited.issuer.empty() ? "" : "  " + cited.issuer)
                      << "\n  not in the database: known from the documents that cite it\n";
            std::cout << "cited by (" << cited.cited_by.size() << "):\n";
            for (const auto& c : cited.cited_by) {
                std::cout << "  " << c.relation << "  " << doc_line(c.document) << (c.provision.empty() ? "" : "  (" + c.provision + ")")
                          << '\n';
            }
            return kOk;
        }
    }
    auto id = find_document(index, what, "refs");
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
