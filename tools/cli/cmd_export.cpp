// vanban export: one document rendered for reading or for another program.
#include "cli.h"
#include "vanban/render.h"

namespace vanban::cli {

const char* const kExportHelp = R"(Usage: vanban export DOC [--format json|md] [--db FILE]

Prints a document (an id, or a number such as 134/KH-UBND) with its outline, tasks and references:
  --format json   the JSON object of 'vanban show --json' and GET /api/documents/{id} (default)
  --format md     Markdown: title, trích yếu, issuer and date, the outline as a nested list, the tasks
                  with their agencies and deadlines, the references both ways

Exit codes: 0 success; 1 no database at the path, or it cannot be read; 2 usage error, an unknown
format, DOC not found, or a number that several documents share (they are listed: give an id).
)";

int cmd_export(const Args& args) {
    if (args.help) {
        std::cout << kExportHelp;
        return kOk;
    }
    if (args.positional.size() != 1) {
        std::cerr << "vanban export: give one document, by id or number (see 'vanban export --help')\n";
        return kUsage;
    }
    const std::string format = args.get("format", "json");
    if (format != "json" && format != "md") {
        std::cerr << "vanban export: unknown --format '" << format << "' (json, md)\n";
        return kUsage;
    }
    vanban::Index index = open_for_reading(args);
    auto id = find_document(index, args.positional[0], "export");
    if (!id) return kUsage;
    auto d = index.detail(*id);
    if (!d) return kUsage;
    std::cout << (format == "md" ? vanban::to_markdown(*d) : vanban::to_json(*d) + "\n");
    return kOk;
}

}  // namespace vanban::cli
