// The CLI's shared parts (cli.h).
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli.h"
#include "vanban/parser.h"

namespace vanban::cli {

// `words` joined by ", " and wrapped to 100 columns, each line indented by `indent` spaces.
std::string wrapped(const std::vector<std::string>& words, std::size_t indent) {
    std::string out, line(indent, ' ');
    for (std::size_t i = 0; i < words.size(); ++i) {
        std::string word = words[i] + (i + 1 < words.size() ? "," : "");
        // Lengths in characters (UTF-8 continuation bytes are not counted).
        auto width = [](const std::string& t) {
            return static_cast<std::size_t>(std::count_if(t.begin(), t.end(), [](char c) { return (c & 0xC0) != 0x80; }));
        };
        if (line.size() > indent && width(line) + 1 + width(word) > 100) {
            out += line + "\n";
            line = std::string(indent, ' ');
        }
        line += (line.size() > indent ? " " : "") + word;
    }
    return out + line;
}

// A help text with {relations} and {types} replaced by the parser's lists (vanban::all_relations(),
// vanban::document_types()), so that the help names what the parser emits.
std::string help_text(std::string text) {
    std::vector<std::string> relations, types;
    for (vanban::Relation r : vanban::all_relations()) relations.emplace_back(vanban::to_string(r));
    for (const auto& t : vanban::document_types()) types.push_back(t.name);
    for (auto [mark, list] : {std::pair{std::string("{relations}"), wrapped(relations, 2)},
                              std::pair{std::string("{types}"), wrapped(types, 19)}}) {
        if (std::size_t at = text.find(mark); at != std::string::npos) text.replace(at, mark.size(), list);
    }
    return text;
}

// Parses options wherever they appear. Returns false (with a message) on a usage error.
bool parse_args(int argc, char** argv, int first, const Spec& spec, Args& args, std::string& error) {
    for (int i = first; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--") {
            for (++i; i < argc; ++i) args.positional.emplace_back(argv[i]);
            break;
        }
        if (a == "-h" || a == "--help") {
            args.help = true;
        } else if (a.starts_with("--")) {
            std::string name = a.substr(2), value;
            bool inline_value = false;
            if (auto eq = name.find('='); eq != std::string::npos) {
                value = name.substr(eq + 1);
                name = name.substr(0, eq);
                inline_value = true;
            }
            if (spec.values.count(name)) {
                if (!inline_value) {
                    if (i + 1 >= argc) {
                        error = "--" + name + " needs a value";
                        return false;
                    }
                    value = argv[++i];
                }
                args.values[name] = value;
            } else if (spec.flags.count(name) && !inline_value) {
                args.flags.insert(name);
            } else {
                error = "unknown option '" + a + "'";
                return false;
            }
        } else if (a.size() > 1 && a[0] == '-' && !std::isdigit(static_cast<unsigned char>(a[1]))) {
            error = "unknown option '" + a + "'";
            return false;
        } else {
            args.positional.push_back(a);
        }
    }
    if (args.values.count("format")) {
        const std::string& v = args.values["format"];
        if (v != "json" && v != "tree" && v != "agencies") {
            error = "unknown format '" + v + "' (expected json, tree or agencies)";
            return false;
        }
    }
    return true;
}

std::string db_path(const Args& args) {
    if (auto v = args.get("db"); !v.empty()) return v;
    if (const char* env = std::getenv("VANBAN_DB"); env && *env) return env;
    return "vanban.db";
}

std::string doc_line(const vanban::DocumentRef& d) {
    std::string line = d.number.empty() ? "(no number)" : d.number;
    for (const auto* f : {&d.type, &d.date, &d.issuer}) {
        if (!f->empty()) line += "  " + *f;
    }
    line += "  [id " + std::to_string(d.id) + "]";
    return line;
}

bool parse_int(const std::string& s, int& out) {
    if (s.empty() || s.size() > 9 || !std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
        return false;
    }
    out = std::stoi(s);
    return true;
}

// The document a user names: an id, or a number that one document has. Prints why not otherwise.
std::optional<std::int64_t> find_document(const vanban::Index& index, const std::string& what, const char* cmd) {
    int id = 0;
    if (parse_int(what, id)) {
        if (index.document(id)) return id;
        std::cerr << "vanban " << cmd << ": no document with id " << what << '\n';
        return std::nullopt;
    }
    auto found = index.lookup(what);
    if (found.size() == 1) return found[0].id;
    if (found.empty()) {
        std::cerr << "vanban " << cmd << ": no document numbered '" << what << "' in the index\n";
    } else {
        std::cerr << "vanban " << cmd << ": " << found.size() << " documents have the number '" << what
                  << "'; give one's id:\n";
        for (const auto& d : found) std::cerr << "  " << doc_line(d) << '\n';
    }
    return std::nullopt;
}

// At most `max` bytes of text, cut at a character boundary, with an ellipsis when cut.
std::string shorten(const std::string& text, std::size_t max) {
    if (text.size() <= max) return text;
    std::size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return text.substr(0, cut) + "…";
}

}  // namespace vanban::cli
