// vanban export: one document rendered for reading or for another program.
#include "cli.h"
#include "vanban/akn.h"
#include "vanban/render.h"

namespace vanban::cli {

const char* const kExportHelp = R"(Usage: vanban export DOC [--format json|md|csv|akn] [--lang en|vi] [--db FILE]

Prints a document (an id, or a number such as 134/KH-UBND) with its outline, tasks and references:
  --format json   the JSON object of 'vanban show --json' and GET /api/documents/{id} (default)
  --format md     Markdown: title, trích yếu, issuer and date, the outline as a nested list, the tasks
                  with their agencies and deadlines, the references both ways
  --format csv    its tasks for a spreadsheet (UTF-8 with a BOM): one row per task and agency, with the
                  document's number, title, issuer and date, the role and the deadline; --lang vi
                  for Vietnamese column headers and words
  --format akn    Akoma Ntoso 3.0 XML (docs/AKN.md): 'act' for a normative document, 'doc' for a
                  plan, conclusion or letter; FRBR identifiers, the Căn cứ as citations, the body's
                  hierarchy, a ref for every citation, its signers and the agencies it names.
                  'vanban import' reads it back.

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
    if (format != "json" && format != "md" && format != "csv" && format != "akn") {
        std::cerr << "vanban export: unknown --format '" << format << "' (json, md, csv, akn)\n";
        return kUsage;
    }
    const auto lang = vanban::csv_language(args.get("lang", "en"));
    if (!lang) {
        std::cerr << "vanban export: unknown --lang '" << args.get("lang") << "' (en, vi)\n";
        return kUsage;
    }
    if (args.values.count("lang") && format != "csv") {
        std::cerr << "vanban export: --lang goes with --format csv\n";
        return kUsage;
    }
    vanban::Index index = open_for_reading(args);
    auto id = find_document(index, args.positional[0], "export");
    if (!id) return kUsage;
    auto d = index.detail(*id);
    if (!d) return kUsage;
    if (format == "md") std::cout << vanban::to_markdown(*d);
    else if (format == "csv") std::cout << vanban::to_csv(*d, *lang);
    else if (format == "akn") {
        auto doc = index.parsed(*id);
        if (!doc) return kUsage;
        std::cout << vanban::to_akn(*doc, {d->imported_at.substr(0, 10), d->source_path});
    }
    else std::cout << vanban::to_json(*d) << '\n';
    return kOk;
}

}  // namespace vanban::cli
