// The CLI's shared parts (cli.h).
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <CLI/CLI.hpp>
#include <unicode/utf8.h>

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
    // CLI11 reads the command line: "--name VALUE" and "--name=VALUE", flags, "--", options before
    // or after the positional arguments, a negative number as a positional one. The help is the
    // command's own text (its -h/--help is a flag here), with the parser's lists in it.
    CLI::App app;
    app.set_help_flag();
    app.allow_extras(false);
    app.add_flag("-h,--help", args.help);
    std::map<std::string, std::string> values;
    std::map<std::string, bool> flags;
    std::vector<std::pair<std::string, CLI::Option*>> given;
    for (const auto& name : spec.values) {
        given.emplace_back(name, app.add_option("--" + name, values[name])->multi_option_policy(CLI::MultiOptionPolicy::TakeLast));
    }
    for (const auto& name : spec.flags) app.add_flag("--" + name, flags[name])->disable_flag_override();
    app.add_option("arguments", args.positional);
    std::vector<std::string> rest;
    for (int i = argc - 1; i >= first; --i) rest.emplace_back(argv[i]);  // CLI11 reads them from the back
    try {
        app.parse(rest);
    } catch (const CLI::ParseError& e) {
        error = e.what();
        return false;
    }
    for (const auto& [name, option] : given) {
        if (option->count() > 0) args.values[name] = values[name];
    }
    for (const auto& [name, on] : flags) {
        if (on) args.flags.insert(name);
    }
    return true;
}

std::string db_path(const Args& args) {
    if (auto v = args.get("db"); !v.empty()) return v;
    if (const char* env = std::getenv("VANBAN_DB"); env && *env) return env;
    return "vanban.db";
}

bool decode_options(const Args& args, const char* cmd, vanban::DecodeOptions& out) {
    if (std::string as = args.get("as"); !as.empty()) {
        for (auto f : {vanban::Format::text, vanban::Format::html, vanban::Format::docx, vanban::Format::pdf, vanban::Format::doc,
                       vanban::Format::akn}) {
            if (as == vanban::to_string(f)) out.format = f;
        }
        if (!out.format) {
            std::cerr << "vanban " << cmd << ": unknown --as '" << as << "' (text, html, docx, pdf, doc, akn)\n";
            return false;
        }
    }
    std::string name = args.get("encoding");
    if (name.empty()) return true;
    out.encoding = vanban::encoding_from_name(name);
    if (!out.encoding) {
        std::cerr << "vanban " << cmd << ": unknown --encoding '" << name
                  << "' (utf-8, utf-16, utf-16le, utf-16be, windows-1258, tcvn3, vni, viscii)\n";
        return false;
    }
    return true;
}

vanban::Index open_for_reading(const Args& args) { return vanban::Index(db_path(args), vanban::OpenMode::read_only); }

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
    int32_t cut = static_cast<int32_t>(max);
    U8_SET_CP_START(reinterpret_cast<const uint8_t*>(text.data()), 0, cut);
    return text.substr(0, static_cast<std::size_t>(cut)) + "…";
}

}  // namespace vanban::cli
