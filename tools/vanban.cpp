// vanban: the command-line interface. Translates arguments into library calls; all I/O is here.
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <functional>
#include <iomanip>
#include <mutex>
#include <optional>
#include <thread>
#include <fstream>
#include <algorithm>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "vanban/index.h"
#include "vanban/render.h"
#include "vanban/parser.h"
#include "vanban/server.h"

namespace {

constexpr int kOk = 0;
constexpr int kFailed = 1;  // an operation failed (a file could not be read or parsed)
constexpr int kUsage = 2;   // a usage or query error

const char* const kMainHelp = R"(vanban - Vietnamese legal and administrative documents

Usage:
  vanban parse FILE... [--format json|tree|agencies]   parse documents, print their structure
  vanban import PATH... [--db FILE]           parse and index files and folders
  vanban search QUERY [options] [--json]      full-text search, or open a document by number
  vanban refs DOC [--json]                    what a document cites and what cites it
  vanban show DOC [--json]                    a document: metadata, outline, tasks, references
  vanban graph DOC [--depth N] [--json]       the citation graph around a document
  vanban assignments AGENCY [options]         the tasks assigned to an agency, with deadlines
  vanban agencies [QUERY] [--json]            agencies with their task counts by role
  vanban serve [options]                      the HTTP API and the web page (default http://127.0.0.1:8080)
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

const char* const kImportHelp = R"(Usage: vanban import PATH... [--db FILE] [--quiet]

Parses and indexes documents: each PATH is a file or a folder, walked recursively. In a folder,
hidden files, README files and data files (.json, .jsonl, .csv, .tsv) are left out; a file named
on the command line is always imported. An unchanged file is skipped; a changed version of a
document already in the index (same number, issuer and date; or the same file when it has no
number) replaces it. A file that cannot be imported is reported with its reason and the others go on.

  --db FILE   the database (default: $VANBAN_DB, else ./vanban.db); created when missing
  --quiet     no progress bar and no summary line
  -h, --help  this help

Exit codes: 0 every file imported or unchanged; 1 at least one file failed; 2 usage error.
)";

// {relations} and {types} in a help text stand for the parser's lists (help_text).
const char* const kSearchHelp = R"(Usage: vanban search QUERY [--type T] [--issuer I] [--from DATE] [--to DATE]
                     [--agency A] [--in title|text|tasks] [--limit N] [--offset K] [--json] [--db FILE]

Searches the index. Words are all required, with or without diacritics ("phong chong dich");
"a quoted phrase" must appear as is; prefix* matches words that start so; OR between two words
accepts either. Anything else (numbers, / - . and parentheses) is literal text. A query that is a
document number ("134/KH-UBND", "kh-ubnd 134", "nq 38 cp") opens that document, or lists the
documents sharing the number.

  --type T         documents of this type only: its name, with or without diacritics ("Kế hoạch",
                   "ke hoach"), or a type code of its numbers ("KH"). The types:
{types}
  --issuer I       documents whose issuer contains I, or is the body I names as people write it
                   ("ha noi", "UBND Hà Nội", "HĐND tỉnh Đồng Tháp", "Bộ TTTT"); diacritics optional
  --from, --to     documents dated on or after / on or before (YYYY-MM-DD, YYYY-MM or YYYY)
  --agency A       documents that assign tasks to an agency whose name contains A, or to the
                   body A names ("SYT Hà Nội")
  --in title|text|tasks  search the titles only, the texts only, or the tasks (one result
                   per document: its best task, whose path is the result's section)
  --limit N        results per page (1-100, default 20); --offset K skips the first K
  --json           the JSON the HTTP API serves
  --db FILE        the database (default: $VANBAN_DB, else ./vanban.db)

Exit codes: 0 success (also when nothing matches); 1 the database cannot be read; 2 a usage or
query error (an unbalanced quote, nothing to search for, an unknown type).
)";

const char* const kRefsHelp = R"(Usage: vanban refs DOC [--json] [--db FILE]

What document DOC (an id, or a number such as 134/KH-UBND) cites, with the relation and the cited
document when it is in the index, and which documents cite it. The relations:
{relations}

Exit codes: 0 success; 1 the database cannot be read; 2 usage error, DOC not found, or a number
that several documents share (they are listed: give an id).
)";

const char* const kAssignmentsHelp = R"(Usage: vanban assignments AGENCY [--place P] [--role lead|support|requested]
                          [--from DATE] [--to DATE] [--include-collective] [--no-former]
                          [--json|--csv] [--db FILE]

Every task assigned to AGENCY across the indexed documents, with the document, the section path, the
role and the deadline. AGENCY is a canonical name, an alias or an abbreviation, with or without
diacritics, alone or followed by its province ("so y te", "SYT", "Sở Y tế Hà Nội", "SYT Hà Nội",
"cong an ha noi", "UBND tinh Dong Thap"); failing those, any agency whose name contains the words.
Where it fits several agencies (every province has a Sở Y tế) each is listed with its own tasks.

The 2025 reorganisation: a body that took over others (Bộ Khoa học và Công nghệ took over Bộ Thông
tin và Truyền thông; Sở Y tế tỉnh Đắk Lắk, Sở Y tế tỉnh Phú Yên) also lists their tasks, each marked
"[as <former name>]"; a former body asked for by name says what it became.

  --place P              only the agencies of this province ("Hà Nội", "ha noi", "HN", "TP.HCM")
  --role R               lead (chủ trì), support (phối hợp) or requested (đề nghị)
  --from, --to           only tasks whose deadline overlaps the range (YYYY-MM-DD, YYYY-MM or YYYY)
  --include-collective   also tasks addressed to a collective that includes the agency
                         ("các Sở, ban, ngành Thành phố" for a Sở of that city), marked as such
  --no-former            leave out the tasks of the former bodies it took over
  --json | --csv         the JSON the HTTP API serves, or one CSV row per task

Exit codes: 0 success (also when nothing matches); 1 the database cannot be read; 2 usage error.
)";

const char* const kAgenciesHelp = R"(Usage: vanban agencies [QUERY] [--json] [--db FILE]

Agencies that have tasks in the index, with their task counts by role (lead, support, requested),
most tasks first; a body counts the tasks of the former bodies it took over in the 2025
reorganisation (the last column says how many). QUERY narrows by name, alias or part of the name,
alone or with a province ("SYT Hà Nội"), with or without diacritics.
)";

const char* const kShowHelp = R"(Usage: vanban show DOC [--json] [--db FILE]

A document (an id, or a number such as 134/KH-UBND): its metadata, outline, tasks with their
agencies and deadlines, and its references both ways.

Exit codes: 0 success; 1 the database cannot be read; 2 usage error, DOC not found, or a number that
several documents share (they are listed: give an id).
)";

const char* const kGraphHelp = R"(Usage: vanban graph DOC [--depth N] [--json] [--db FILE]

The citation graph around a document: the documents within N citation steps (1-5, default 1), in
either direction, as nodes, and the citations between them as edges (from cites to, with the
relation). Only documents in the index are nodes; 'vanban refs' lists the missing ones.
)";

const char* const kServeHelp = R"(Usage: vanban serve [--db FILE] [--host ADDR] [--port N] [--threads N]
                    [--token-file FILE] [--read-only] [--max-body BYTES]

Serves the JSON API (described at /api/openapi.json) and the web page (/) over HTTP until SIGINT
or SIGTERM, then finishes the requests in progress and exits 0.

  --db FILE          the database (default $VANBAN_DB, else ./vanban.db); created if missing
  --host ADDR        the address to listen on (default 127.0.0.1: this machine only)
  --port N           the port (default 8080; 0 picks a free one)
  --threads N        requests served at once, one database connection each (default twice the
                     cores, at least 4)
  --token-file FILE  a file holding the bearer token that POST /api/documents must present;
                     without it, import over HTTP is off (403)
  --read-only        refuse every write (403)
  --max-body BYTES   the largest request body accepted (default 20971520 = 20 MB; 413 above)

Prints "listening on http://HOST:PORT" on stdout when ready; one access-log line per request
(method, target, status, milliseconds, request id) goes to stderr.
)";

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

struct Args {
    std::vector<std::string> positional;
    std::map<std::string, std::string> values;  // --name VALUE or --name=VALUE
    std::set<std::string> flags;                // --name
    bool help = false;

    std::string get(const std::string& name, const std::string& fallback = "") const {
        auto it = values.find(name);
        return it == values.end() ? fallback : it->second;
    }
    bool has(const std::string& name) const { return flags.count(name) > 0; }
};

// The options one command accepts: those that take a value and plain flags.
struct Spec {
    std::set<std::string> values;
    std::set<std::string> flags;
};

Spec spec_for(const std::string& cmd) {
    if (cmd == "parse") return {{"format"}, {}};
    if (cmd == "import") return {{"db"}, {"quiet"}};
    if (cmd == "search") return {{"db", "type", "issuer", "agency", "from", "to", "in", "limit", "offset"}, {"json"}};
    if (cmd == "refs" || cmd == "show") return {{"db"}, {"json"}};
    if (cmd == "graph") return {{"db", "depth"}, {"json"}};
    if (cmd == "assignments") return {{"db", "place", "role", "from", "to"}, {"json", "csv", "include-collective", "no-former"}};
    if (cmd == "agencies") return {{"db"}, {"json"}};
    if (cmd == "serve") return {{"db", "host", "port", "threads", "token-file", "max-body"}, {"read-only"}};
    return {};
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
        if (std::string why = not_text_reason(bytes); !why.empty()) {
            std::cerr << "vanban parse: " << path << " is not a text document: " << why << '\n';
            status = kFailed;
            continue;
        }
        vanban::Document doc = vanban::parse(bytes);
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

std::string db_path(const Args& args) {
    if (auto v = args.get("db"); !v.empty()) return v;
    if (const char* env = std::getenv("VANBAN_DB"); env && *env) return env;
    return "vanban.db";
}

// A file found in a folder walk that is not a document: hidden files, READMEs, data files.
bool skipped_in_folder(const std::filesystem::path& p) {
    std::string name = p.filename().string();
    if (name.empty() || name[0] == '.') return true;
    std::string lower = name;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    if (lower.starts_with("readme")) return true;
    for (const char* ext : {".json", ".jsonl", ".csv", ".tsv", ".db", ".db-wal", ".db-shm"}) {
        if (lower.ends_with(ext)) return true;
    }
    return false;
}

// The files an import covers, in a stable order; paths that do not exist are reported.
std::vector<std::string> collect_files(const std::vector<std::string>& paths, std::vector<std::string>& missing) {
    namespace fs = std::filesystem;
    std::vector<std::string> out;
    for (const auto& p : paths) {
        std::error_code ec;
        fs::file_status st = fs::status(p, ec);
        if (ec || !fs::exists(st)) {
            missing.push_back(p);
        } else if (fs::is_directory(st)) {
            std::vector<std::string> found;
            for (auto it = fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
                 !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
                const fs::path& f = it->path();
                if (it->is_directory() && f.filename().string().starts_with(".")) {
                    it.disable_recursion_pending();
                    continue;
                }
                if (it->is_regular_file() && !skipped_in_folder(f)) found.push_back(f.string());
            }
            std::sort(found.begin(), found.end());
            out.insert(out.end(), found.begin(), found.end());
        } else {
            out.push_back(p);
        }
    }
    return out;
}

// One file parsed by a worker: the document, or why it could not be.
struct Parsed {
    std::string path, bytes, error;
    std::optional<vanban::Document> doc;
};

// Parses files on all cores and hands them, in order, to one writer (`consume`). Workers stay
// at most a few files ahead of the writer, so memory stays bounded.
void parse_parallel(const std::vector<std::string>& files, const std::function<void(Parsed&)>& consume) {
    std::size_t n = files.size();
    unsigned workers = std::max(1u, std::min<unsigned>(std::thread::hardware_concurrency(), 16));
    std::vector<std::optional<Parsed>> slots(n);
    std::mutex mu;
    std::condition_variable ready, room;
    std::size_t next_job = 0, next_write = 0;
    const std::size_t window = workers * 4;
    auto work = [&] {
        for (;;) {
            std::size_t i;
            {
                std::unique_lock lock(mu);
                room.wait(lock, [&] { return next_job >= n || next_job < next_write + window; });
                if (next_job >= n) return;
                i = next_job++;
            }
            Parsed p;
            p.path = files[i];
            std::string error;
            if (!read_file(p.path, p.bytes, error)) {
                p.error = "cannot read: " + error;
            } else if (std::string why = not_text_reason(p.bytes); !why.empty()) {
                p.error = "not a text document: " + why;
            } else {
                try {
                    p.doc = vanban::parse(p.bytes);
                } catch (const std::exception& e) {
                    p.error = std::string("cannot parse: ") + e.what();
                }
            }
            {
                std::lock_guard lock(mu);
                slots[i] = std::move(p);
            }
            ready.notify_all();
        }
    };
    std::vector<std::thread> threads;
    for (unsigned t = 0; t < workers; ++t) threads.emplace_back(work);
    for (std::size_t i = 0; i < n; ++i) {
        Parsed p;
        {
            std::unique_lock lock(mu);
            ready.wait(lock, [&] { return slots[i].has_value(); });
            p = std::move(*slots[i]);
            slots[i].reset();
            next_write = i + 1;
        }
        room.notify_all();
        consume(p);
    }
    for (auto& t : threads) t.join();
}

std::string format_seconds(double s) {
    std::ostringstream out;
    if (s < 60) out << static_cast<int>(s + 0.5) << "s";
    else out << static_cast<int>(s / 60) << "m" << static_cast<int>(s) % 60 << "s";
    return out.str();
}

int cmd_import(const Args& args) {
    if (args.help) {
        std::cout << kImportHelp;
        return kOk;
    }
    if (args.positional.empty()) {
        std::cerr << "vanban import: no file or folder given (see 'vanban import --help')\n";
        return kUsage;
    }
    std::vector<std::string> missing;
    std::vector<std::string> files = collect_files(args.positional, missing);
    for (const auto& m : missing) std::cerr << "vanban import: " << m << ": no such file or folder\n";
    vanban::Index index(db_path(args));
    bool quiet = args.has("quiet");
    bool bar = !quiet && isatty(STDERR_FILENO);
    std::size_t added = 0, replaced = 0, unchanged = 0, failed = missing.size(), done = 0;
    double bytes_total = 0;
    auto start = std::chrono::steady_clock::now();
    auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
    double total_size = 0;
    for (const auto& f : files) {
        std::error_code ec;
        auto sz = std::filesystem::file_size(f, ec);
        if (!ec) total_size += static_cast<double>(sz);
    }
    auto progress = [&] {
        double t = elapsed(), mbs = t > 0 ? bytes_total / 1e6 / t : 0;
        double eta = bytes_total > 0 ? t * (total_size - bytes_total) / bytes_total : 0;
        int width = 30, filled = files.empty() ? width : static_cast<int>(width * done / files.size());
        std::cerr << "\r[" << std::string(filled, '#') << std::string(width - filled, ' ') << "] " << done << "/"
                  << files.size() << " documents  " << std::fixed << std::setprecision(1) << mbs << " MB/s  ETA "
                  << format_seconds(eta) << "   " << std::flush;
    };
    std::optional<vanban::ImportBatch> batch;
    std::size_t batch_docs = 0, batch_bytes = 0;
    parse_parallel(files, [&](Parsed& p) {
        ++done;
        bytes_total += static_cast<double>(p.bytes.size());
        if (!p.doc) {
            if (bar) std::cerr << '\r' << std::string(80, ' ') << '\r';
            std::cerr << "vanban import: " << p.path << ": " << p.error << '\n';
            ++failed;
        } else {
            try {
                // Documents share a transaction, committed every 500 documents or 16 MB.
                if (!batch) batch.emplace(index);
                vanban::ImportResult r = index.import_document(*p.doc, p.path, p.bytes);
                batch_docs += 1;
                batch_bytes += p.bytes.size();
                if (batch_docs >= 500 || batch_bytes >= (16u << 20)) {
                    batch->commit();
                    batch.reset();
                    batch_docs = batch_bytes = 0;
                }
                if (r.status == vanban::ImportStatus::added) ++added;
                else if (r.status == vanban::ImportStatus::replaced) ++replaced;
                else ++unchanged;
            } catch (const vanban::IndexError& e) {
                if (bar) std::cerr << '\r' << std::string(80, ' ') << '\r';
                std::cerr << "vanban import: " << p.path << ": " << e.what() << '\n';
                ++failed;
            }
        }
        if (bar) progress();
    });
    if (batch) batch->commit();
    // After a bulk import, merge the full-text indexes (smaller, faster queries).
    if (added + replaced >= 1000) index.optimize();
    if (bar) std::cerr << '\r' << std::string(80, ' ') << '\r';
    if (!quiet) {
        std::cout << "imported " << files.size() << (files.size() == 1 ? " file" : " files") << ": " << added
                  << " added, " << replaced << " replaced, " << unchanged << " unchanged, " << failed << " failed ("
                  << std::fixed << std::setprecision(1) << bytes_total / 1e6 << " MB in " << std::setprecision(1)
                  << elapsed() << " s); " << index.count() << " documents in " << db_path(args) << '\n';
    }
    return failed ? kFailed : kOk;
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

// YYYY, YYYY-MM or YYYY-MM-DD.
// Options checked by their own validate() (the same check the server and the index make); a
// refusal is printed with the command's name.
template <class Options>
bool valid_options(const Options& options, const char* cmd) {
    try {
        options.validate();
        return true;
    } catch (const vanban::QueryError& e) {
        std::cerr << "vanban " << cmd << ": " << e.what() << '\n';
        return false;
    }
}

int cmd_search(const Args& args) {
    if (args.help) {
        std::cout << help_text(kSearchHelp);
        return kOk;
    }
    if (args.positional.empty()) {
        std::cerr << "vanban search: no query given (see 'vanban search --help')\n";
        return kUsage;
    }
    std::string query;
    for (const auto& p : args.positional) query += (query.empty() ? "" : " ") + p;
    vanban::SearchOptions opt;
    opt.type = args.get("type");
    opt.issuer = args.get("issuer");
    opt.agency = args.get("agency");
    opt.from = args.get("from");
    opt.to = args.get("to");
    opt.in = args.get("in");
    if (args.values.count("limit") && !parse_int(args.get("limit"), opt.limit)) {
        std::cerr << "vanban search: --limit must be a number from 1 to 100\n";
        return kUsage;
    }
    if (args.values.count("offset") && !parse_int(args.get("offset"), opt.offset)) {
        std::cerr << "vanban search: --offset must be a number\n";
        return kUsage;
    }
    if (!valid_options(opt, "search")) return kUsage;  // before the database is opened (or created)
    vanban::Index index(db_path(args));
    vanban::SearchResult r = index.search(query, opt);
    if (args.has("json")) {
        std::cout << vanban::to_json(r) << '\n';
        return kOk;
    }
    if (!r.candidates.empty()) {
        if (r.candidates.size() == 1) {
            std::cout << doc_line(r.candidates[0]) << '\n' << "    " << r.candidates[0].title << '\n';
        } else {
            std::cout << r.candidates.size() << " documents have this number:\n";
            for (const auto& d : r.candidates) std::cout << "  " << doc_line(d) << '\n' << "      " << d.title << '\n';
        }
        return kOk;
    }
    bool tty = isatty(STDOUT_FILENO);
    std::cout << r.total << (r.total == 1 ? " document" : " documents") << '\n';
    int rank = opt.offset;
    for (const auto& h : r.results) {
        std::cout << ++rank << ". " << doc_line(h.document) << '\n';
        if (!h.document.title.empty()) std::cout << "    " << h.document.title << '\n';
        // The snippet with its highlights in bold on a terminal; offsets are UTF-16 units.
        std::string out;
        std::size_t hi = 0;
        int unit = 0;
        bool open = false;
        for (std::size_t i = 0; i <= h.snippet.size();) {
            if (hi < h.highlights.size()) {
                if (!open && unit == h.highlights[hi].first) {
                    if (tty) out += "\x1b[1m";
                    open = true;
                }
                if (open && unit == h.highlights[hi].second) {
                    if (tty) out += "\x1b[0m";
                    open = false;
                    ++hi;
                    continue;
                }
            }
            if (i == h.snippet.size()) break;
            auto c = static_cast<unsigned char>(h.snippet[i]);
            std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
            if (c == '\n') out += ' ';
            else out.append(h.snippet, i, len);
            unit += len == 4 ? 2 : 1;
            i += len;
        }
        if (open && tty) out += "\x1b[0m";
        std::cout << "    " << (h.section_path.empty() ? "" : "[" + h.section_path + "] ") << out << '\n';
    }
    return kOk;
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

int cmd_refs(const Args& args) {
    if (args.help) {
        std::cout << help_text(kRefsHelp);
        return kOk;
    }
    if (args.positional.size() != 1) {
        std::cerr << "vanban refs: give one document, by id or number (see 'vanban refs --help')\n";
        return kUsage;
    }
    vanban::Index index(db_path(args));
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

// At most `max` bytes of text, cut at a character boundary, with an ellipsis when cut.
std::string shorten(const std::string& text, std::size_t max) {
    if (text.size() <= max) return text;
    std::size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return text.substr(0, cut) + "…";
}

int cmd_assignments(const Args& args) {
    if (args.help) {
        std::cout << kAssignmentsHelp;
        return kOk;
    }
    if (args.positional.empty()) {
        std::cerr << "vanban assignments: no agency given (see 'vanban assignments --help')\n";
        return kUsage;
    }
    if (args.has("json") && args.has("csv")) {
        std::cerr << "vanban assignments: --json and --csv exclude each other\n";
        return kUsage;
    }
    std::string agency;
    for (const auto& p : args.positional) agency += (agency.empty() ? "" : " ") + p;
    vanban::AssignmentOptions opt;
    opt.place = args.get("place");
    opt.role = args.get("role");
    opt.from = args.get("from");
    opt.to = args.get("to");
    opt.include_collective = args.has("include-collective");
    opt.include_former = !args.has("no-former");
    if (!valid_options(opt, "assignments")) return kUsage;
    vanban::Index index(db_path(args));
    vanban::AssignmentResult r = index.assignments(agency, opt);
    if (args.has("json")) {
        std::cout << vanban::to_json(r) << '\n';
        return kOk;
    }
    if (args.has("csv")) {
        std::cout << vanban::to_csv(r);
        return kOk;
    }
    if (r.agencies.empty()) {
        std::cout << "no agency in the index matches '" << agency << "'\n";
        return kOk;
    }
    for (const auto& g : r.agencies) {
        std::size_t former = 0;
        for (const auto& a : g.assignments) former += a.former ? 1 : 0;
        std::cout << g.agency.name << "  (" << g.assignments.size() << (g.assignments.size() == 1 ? " task" : " tasks");
        if (former) std::cout << ", " << former << " of them given to former bodies";
        std::cout << ")\n";
        if (g.agency.successor) {
            std::cout << "  a former body: its work passed to " << g.agency.successor->name << " [" << g.agency.successor->id
                      << "] in the 2025 reorganisation\n";
        }
        if (!g.agency.predecessors.empty()) {
            std::cout << "  took over the work of:";
            for (std::size_t i = 0; i < g.agency.predecessors.size(); ++i) {
                std::cout << (i ? "; " : " ") << g.agency.predecessors[i].name;
            }
            std::cout << '\n';
        }
        for (const auto& a : g.assignments) {
            std::cout << "  " << (a.document.number.empty() ? "(no number)" : a.document.number) << "  " << a.path
                      << "  " << a.role << (a.via_collective ? " via " + a.collective : "");
            if (a.former) std::cout << "  [as " << a.former->name << "]";
            if (a.deadline) std::cout << "  deadline: " << a.deadline->text;
            std::cout << "\n      " << shorten(a.text, 160) << '\n';
        }
    }
    return kOk;
}

int cmd_agencies(const Args& args) {
    if (args.help) {
        std::cout << kAgenciesHelp;
        return kOk;
    }
    std::string query;
    for (const auto& p : args.positional) query += (query.empty() ? "" : " ") + p;
    vanban::Index index(db_path(args));
    auto list = index.agencies(query);
    if (args.has("json")) {
        std::cout << vanban::to_json(list) << '\n';
        return kOk;
    }
    std::cout << "lead\tsupport\trequested\tagency\tof former bodies\n";
    for (const auto& c : list) {
        std::cout << c.lead << '\t' << c.support << '\t' << c.requested << '\t' << c.agency.name
                  << (c.agency.successor ? " (now " + c.agency.successor->name + ")" : "") << '\t' << c.inherited << '\n';
    }
    return kOk;
}

int cmd_show(const Args& args) {
    if (args.help) {
        std::cout << kShowHelp;
        return kOk;
    }
    if (args.positional.size() != 1) {
        std::cerr << "vanban show: give one document, by id or number (see 'vanban show --help')\n";
        return kUsage;
    }
    vanban::Index index(db_path(args));
    auto id = find_document(index, args.positional[0], "show");
    if (!id) return kUsage;
    auto d = index.detail(*id);
    if (!d) return kUsage;
    if (args.has("json")) {
        std::cout << vanban::to_json(*d) << '\n';
        return kOk;
    }
    std::cout << doc_line(d->document) << '\n';
    if (!d->document.title.empty()) std::cout << d->document.title << '\n';
    std::cout << "source: " << d->source_path << "  (imported " << d->imported_at << ")\n\nOutline:\n";
    for (const auto& s : d->sections) {
        if (s.kind == "dash" || s.kind == "plus") continue;  // bullets are content, not outline
        std::cout << std::string(2 + 2 * static_cast<std::size_t>(s.depth), ' ') << s.path.substr(s.path.rfind('.') + 1)
                  << (s.heading.empty() ? "" : "  " + shorten(s.heading, 100)) << '\n';
    }
    std::cout << "\nTasks (" << d->tasks.size() << "):\n";
    for (const auto& t : d->tasks) {
        std::cout << "  " << t.path;
        for (const auto& a : t.agencies) std::cout << "  [" << a.role << "] " << a.name;
        if (t.deadline) std::cout << "  deadline: " << t.deadline->text;
        std::cout << '\n';
    }
    const auto& r = d->references;
    std::cout << "\nCites (" << r.cites.size() << "):\n";
    for (const auto& c : r.cites) {
        std::cout << "  " << c.relation << "  " << c.number
                  << (c.resolved ? "  -> " + doc_line(*c.resolved) : std::string("  (not in the index)")) << '\n';
    }
    std::cout << "Cited by (" << r.cited_by.size() << "):\n";
    for (const auto& c : r.cited_by) std::cout << "  " << c.relation << "  " << doc_line(c.document) << '\n';
    return kOk;
}

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
    vanban::Index index(db_path(args));
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

int cmd_serve(const Args& args) {
    if (args.help) {
        std::cout << kServeHelp;
        return kOk;
    }
    if (!args.positional.empty()) {
        std::cerr << "vanban serve: unexpected argument '" << args.positional[0] << "'\n";
        return kUsage;
    }
    vanban::ServerOptions opt;
    opt.db = db_path(args);
    opt.host = args.get("host", opt.host);
    opt.token_file = args.get("token-file");
    opt.read_only = args.has("read-only");
    auto number = [&](const char* name, int& out, int min, int max) {
        if (!args.values.count(name)) return true;
        if (parse_int(args.get(name), out) && out >= min && out <= max) return true;
        std::cerr << "vanban serve: --" << name << " must be a number from " << min << " to " << max << '\n';
        return false;
    };
    int max_body = static_cast<int>(opt.max_body);
    if (!number("port", opt.port, 0, 65535) || !number("threads", opt.threads, 1, 1024) ||
        !number("max-body", max_body, 1, 1 << 30)) {
        return kUsage;
    }
    opt.max_body = static_cast<std::size_t>(max_body);
    // SIGINT and SIGTERM are taken by sigwait below: blocked here, before the server's threads
    // start, so that every thread inherits the mask.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    vanban::Server server(opt);
    try {
        server.start();
    } catch (const vanban::ServerError& e) {
        std::cerr << "vanban serve: " << e.what() << '\n';
        return kFailed;
    }
    std::cout << "listening on http://" << (opt.host.find(':') != std::string::npos ? "[" + opt.host + "]" : opt.host)
              << ':' << server.port() << std::endl;
    int sig = 0;
    sigwait(&signals, &sig);
    std::cerr << "vanban serve: " << (sig == SIGINT ? "SIGINT" : "SIGTERM") << ", stopping\n";
    server.stop();
    return kOk;
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
            std::string topic = argc > 2 ? argv[2] : "";
            if (topic == "parse") std::cout << kParseHelp;
            else if (topic == "import") std::cout << kImportHelp;
            else if (topic == "search") std::cout << help_text(kSearchHelp);
            else if (topic == "refs") std::cout << help_text(kRefsHelp);
            else if (topic == "assignments") std::cout << kAssignmentsHelp;
            else if (topic == "show") std::cout << kShowHelp;
            else if (topic == "graph") std::cout << kGraphHelp;
            else if (topic == "agencies") std::cout << kAgenciesHelp;
            else if (topic == "serve") std::cout << kServeHelp;
            else std::cout << kMainHelp;
            return kOk;
        }
        if (cmd == "--version") {
            std::cout << "vanban 0.1.0\n";
            return kOk;
        }
        Args args;
        std::string error;
        if (!parse_args(argc, argv, 2, spec_for(cmd), args, error)) {
            std::cerr << "vanban " << cmd << ": " << error << '\n';
            return kUsage;
        }
        if (cmd == "parse") return cmd_parse(args);
        if (cmd == "import") return cmd_import(args);
        if (cmd == "search") return cmd_search(args);
        if (cmd == "refs") return cmd_refs(args);
        if (cmd == "assignments") return cmd_assignments(args);
        if (cmd == "show") return cmd_show(args);
        if (cmd == "graph") return cmd_graph(args);
        if (cmd == "agencies") return cmd_agencies(args);
        if (cmd == "serve") return cmd_serve(args);
        std::cerr << "vanban: unknown command '" << cmd << "' (see 'vanban --help')\n";
        return kUsage;
    } catch (const vanban::QueryError& e) {
        std::cerr << "vanban: " << e.what() << '\n';
        return kUsage;
    } catch (const vanban::NotFound& e) {
        std::cerr << "vanban: " << e.what() << '\n';
        return kUsage;
    } catch (const vanban::ServerError& e) {
        std::cerr << "vanban: " << e.what() << '\n';
        return kFailed;
    } catch (const vanban::IndexError& e) {
        std::cerr << "vanban: " << e.what() << '\n';
        return kFailed;
    } catch (const std::bad_alloc&) {
        std::cerr << "vanban: out of memory\n";
        return kFailed;
    } catch (const std::exception& e) {
        std::cerr << "vanban: " << e.what() << '\n';
        return kFailed;
    }
}
