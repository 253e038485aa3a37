// vanban parse: documents parsed and printed, nothing stored.
#include <algorithm>
#include <iostream>
#include <sstream>

#include "cli.h"
#include "vanban/parser.h"

namespace vanban::cli {

namespace {

// The agencies of one document with their task counts by role, most tasks first.
std::string agency_table(const vanban::Document& doc) {
    struct Row {
        std::string canonical;
        bool collective = false;
        int counts[3] = {0, 0, 0};
    };
    std::map<std::string, Row> rows;
    for (const auto& t : doc.tasks) {
        for (const auto& a : t.agencies) {
            Row& r = rows[a.id];
            r.canonical = a.canonical;
            r.collective = a.collective;
            ++r.counts[static_cast<int>(a.role)];
        }
    }
    std::vector<std::pair<std::string, Row>> sorted(rows.begin(), rows.end());
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto& x, const auto& y) {
        int tx = x.second.counts[0] + x.second.counts[1] + x.second.counts[2];
        int ty = y.second.counts[0] + y.second.counts[1] + y.second.counts[2];
        return tx > ty;
    });
    std::ostringstream out;
    out << "lead\tsupport\trequested\tagency\tid\n";
    for (const auto& [id, r] : sorted) {
        out << r.counts[0] << '\t' << r.counts[1] << '\t' << r.counts[2] << '\t' << r.canonical
            << (r.collective ? " (collective)" : "") << '\t' << id << '\n';
    }
    out << doc.tasks.size() << " tasks, " << rows.size() << " agencies\n";
    return out.str();
}

}  // namespace

const char* const kParseHelp = R"(Usage: vanban parse FILE... [--format json|tree|agencies] [--encoding NAME]

Parses each FILE (text in UTF-8, UTF-16 or an old Vietnamese encoding: a gazette text, a copied
portal page, Markdown) and prints
its structure. Options may come before or after the files.

  --format json   one JSON object per file; a JSON array when several files are given (default)
  --format tree   a readable outline: header fields, then the section tree
  --format agencies  the agencies a document assigns tasks to, with task counts by role
                  (lead, support, requested), one per line, tab-separated
  -h, --help      this help

  --as FORMAT       read the files as text, html, docx, pdf, doc or akn (Akoma Ntoso;
                    default: found from the content)
  --encoding NAME   the files' encoding (utf-8, utf-16, windows-1258, tcvn3, vni, viscii; default:
                    found from the content, as import does)

A file that is not text (empty, PDF, Word, an image, other binary data, text in no known encoding)
is refused with a message.
Exit codes: 0 all files parsed; 1 at least one file could not be read or is not text
(the others are still printed); 2 usage error.
)";

int cmd_parse(const Args& args) {
    if (args.help) {
        std::cout << kParseHelp;
        return kOk;
    }
    if (args.positional.empty()) {
        std::cerr << "vanban parse: no file given (see 'vanban parse --help')\n";
        return kUsage;
    }
    if (std::string f = args.get("format", "json"); f != "json" && f != "tree" && f != "agencies") {
        std::cerr << "vanban parse: unknown format '" << f << "' (expected json, tree or agencies)\n";
        return kUsage;
    }
    vanban::DecodeOptions decode;
    if (!decode_options(args, "parse", decode)) return kUsage;
    int status = kOk;
    bool array = args.get("format", "json") == "json" && args.positional.size() > 1;
    bool first = true;
    if (array) std::cout << "[\n";
    for (const auto& path : args.positional) {
        std::string bytes, error;
        if (!read_file(path, bytes, error)) {
            std::cerr << "vanban parse: cannot read " << path << ": " << error << '\n';
            status = kFailed;
            continue;
        }
        vanban::ReadDocument read;
        try {
            read = vanban::read_document(bytes, decode);
        } catch (const vanban::DecodeError& e) {
            std::cerr << "vanban parse: " << path << " is not a text document: " << e.what() << '\n';
            status = kFailed;
            continue;
        }
        for (const auto& w : read.warnings) std::cerr << "vanban parse: " << path << ": warning: " << w << '\n';
        const vanban::Document& doc = read.doc;
        if (args.get("format") == "agencies") {
            if (!first) std::cout << '\n';
            std::cout << "== " << path << '\n' << agency_table(doc);
        } else if (args.get("format") == "tree") {
            if (!first) std::cout << '\n';
            std::cout << "== " << path << '\n' << vanban::to_tree(doc);
        } else {
            if (!first) std::cout << ",\n";
            std::cout << vanban::to_json(doc, path);
        }
        first = false;
    }
    if (array) std::cout << "\n]";
    if (args.get("format", "json") == "json" && !first) std::cout << '\n';
    return status;
}

}  // namespace vanban::cli
