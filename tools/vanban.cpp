// vanban: the command-line interface. Translates arguments into library calls; all I/O is here.
#include <cstring>
#include <fstream>
#include <algorithm>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "vanban/parser.h"

namespace {

constexpr int kOk = 0;
constexpr int kFailed = 1;  // an operation failed (a file could not be read or parsed)
constexpr int kUsage = 2;   // a usage or query error

const char* const kMainHelp = R"(vanban - Vietnamese legal and administrative documents

Usage:
  vanban parse FILE... [--format json|tree|agencies]   parse documents, print their structure
  vanban --help | help [COMMAND]              this help, or a command's help
  vanban --version

Exit codes: 0 success; 1 an operation failed (a file could not be read or parsed);
2 a usage error. Messages go to stderr.
)";

const char* const kParseHelp = R"(Usage: vanban parse FILE... [--format json|tree|agencies]

Parses each FILE (UTF-8 text: a gazette text, a copied portal page, Markdown) and prints
its structure. Options may come before or after the files.

  --format json   one JSON object per file; a JSON array when several files are given (default)
  --format tree   a readable outline: header fields, then the section tree
  --format agencies  the agencies a document assigns tasks to, with task counts by role
                  (lead, support, requested), one per line, tab-separated
  -h, --help      this help

A file that is not text (PDF, Word, an image, other binary data) is refused with a message.
Exit codes: 0 all files parsed; 1 at least one file could not be read or is not text
(the others are still printed); 2 usage error.
)";

struct Args {
    std::vector<std::string> positional;
    std::string format = "json";
    bool help = false;
};

// Parses options wherever they appear. Returns false (with a message) on a usage error.
bool parse_args(int argc, char** argv, int first, Args& args, std::string& error) {
    for (int i = first; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--") {
            for (++i; i < argc; ++i) args.positional.emplace_back(argv[i]);
            break;
        }
        if (a == "-h" || a == "--help") {
            args.help = true;
        } else if (a == "--format" || a.starts_with("--format=")) {
            std::string v;
            if (a == "--format") {
                if (i + 1 >= argc) {
                    error = "--format needs a value (json, tree or agencies)";
                    return false;
                }
                v = argv[++i];
            } else {
                v = a.substr(9);
            }
            if (v != "json" && v != "tree" && v != "agencies") {
                error = "unknown format '" + v + "' (expected json, tree or agencies)";
                return false;
            }
            args.format = v;
        } else if (a.size() > 1 && a[0] == '-') {
            error = "unknown option '" + a + "'";
            return false;
        } else {
            args.positional.push_back(a);
        }
    }
    return true;
}

// Why a file's bytes are not a text document, or "" when they are.
std::string not_text_reason(const std::string& bytes) {
    if (bytes.starts_with("%PDF")) return "it is a PDF file; extract its text first (e.g. pdftotext)";
    if (bytes.starts_with("PK\x03\x04")) return "it is a ZIP archive (a Word .docx?); save it as text first";
    if (bytes.starts_with("\xD0\xCF\x11\xE0")) return "it is an old Office document (.doc); save it as text first";
    if (bytes.starts_with("\x89PNG") || bytes.starts_with("\xFF\xD8\xFF") || bytes.starts_with("GIF8")) {
        return "it is an image";
    }
    // Binary data: many NUL or control bytes in the first 64 KiB (a stray NUL in a text is tolerated).
    std::size_t n = std::min<std::size_t>(bytes.size(), 65536), control = 0;
    for (std::size_t i = 0; i < n; ++i) {
        unsigned char c = static_cast<unsigned char>(bytes[i]);
        if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') || c == 0x7F) ++control;
    }
    if (n > 0 && control * 100 > n) return "it looks like binary data, not text";
    return "";
}

bool read_file(const std::string& path, std::string& out, std::string& error) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = std::strerror(errno);
        return false;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) {
        error = "read error";
        return false;
    }
    out = ss.str();
    return true;
}

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

int cmd_parse(const Args& args) {
    if (args.help) {
        std::cout << kParseHelp;
        return kOk;
    }
    if (args.positional.empty()) {
        std::cerr << "vanban parse: no file given (see 'vanban parse --help')\n";
        return kUsage;
    }
    int status = kOk;
    bool array = args.format == "json" && args.positional.size() > 1;
    bool first = true;
    if (array) std::cout << "[\n";
    for (const auto& path : args.positional) {
        std::string bytes, error;
        if (!read_file(path, bytes, error)) {
            std::cerr << "vanban parse: cannot read " << path << ": " << error << '\n';
            status = kFailed;
            continue;
        }
        if (std::string why = not_text_reason(bytes); !why.empty()) {
            std::cerr << "vanban parse: " << path << " is not a text document: " << why << '\n';
            status = kFailed;
            continue;
        }
        vanban::Document doc = vanban::parse(bytes);
        if (args.format == "agencies") {
            if (!first) std::cout << '\n';
            std::cout << "== " << path << '\n' << agency_table(doc);
        } else if (args.format == "tree") {
            if (!first) std::cout << '\n';
            std::cout << "== " << path << '\n' << vanban::to_tree(doc);
        } else {
            if (!first) std::cout << ",\n";
            std::cout << vanban::to_json(doc, path);
        }
        first = false;
    }
    if (array) std::cout << "\n]";
    if (args.format == "json" && !first) std::cout << '\n';
    return status;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        if (argc < 2) {
            std::cerr << kMainHelp;
            return kUsage;
        }
        std::string cmd = argv[1];
        if (cmd == "--help" || cmd == "-h" || cmd == "help") {
            if (argc > 2 && std::string(argv[2]) == "parse") std::cout << kParseHelp;
            else std::cout << kMainHelp;
            return kOk;
        }
        if (cmd == "--version") {
            std::cout << "vanban 0.1.0\n";
            return kOk;
        }
        Args args;
        std::string error;
        if (!parse_args(argc, argv, 2, args, error)) {
            std::cerr << "vanban " << cmd << ": " << error << '\n';
            return kUsage;
        }
        if (cmd == "parse") return cmd_parse(args);
        std::cerr << "vanban: unknown command '" << cmd << "' (see 'vanban --help')\n";
        return kUsage;
    } catch (const std::bad_alloc&) {
        std::cerr << "vanban: out of memory\n";
        return kFailed;
    } catch (const std::exception& e) {
        std::cerr << "vanban: " << e.what() << '\n';
        return kFailed;
    }
}
