// vanban search: full-text search, or a document opened by its number.
#include <unicode/utf16.h>
#include <unicode/utf8.h>
#include <unistd.h>

#include "cli.h"
#include "vanban/render.h"

namespace vanban::cli {

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

Exit codes: 0 success (also when nothing matches); 1 no database at the path, or it cannot be read; 2 a usage or
query error (an unbalanced quote, nothing to search for, an unknown type).
)";

int cmd_search(const Args& args) {
    if (args.help) {
        std::cout << help_text(kSearchHelp);
        return kOk;
    }
    if (args.positional.empty()) {
        std::cerr << "vanban search: no query given (see 'vanban search --help')\n";
        return kUsage;
    }
    const std::string query = args.joined();
    vanban::SearchOptions opt;
    opt.set_filters([&](const char* name) { return args.get(name); });
    if (args.values.count("limit") && !parse_int(args.get("limit"), opt.limit)) {
        std::cerr << "vanban search: --limit must be a number from 1 to 100\n";
        return kUsage;
    }
    if (args.values.count("offset") && !parse_int(args.get("offset"), opt.offset)) {
        std::cerr << "vanban search: --offset must be a number\n";
        return kUsage;
    }
    if (!valid_options(opt, "search")) return kUsage;  // before the database is opened (or created)
    vanban::Index index = open_for_reading(args);
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
    std::cout << r.total << (r.total == 1 ? " document" : " documents");
    if (!r.ranked_as.empty()) std::cout << " (ranked as \"" << r.ranked_as << "\")";
    std::cout << '\n';
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
            int32_t at = static_cast<int32_t>(i), size = static_cast<int32_t>(h.snippet.size());
            UChar32 c;
            U8_NEXT_OR_FFFD(reinterpret_cast<const uint8_t*>(h.snippet.data()), at, size, c);
            std::size_t len = static_cast<std::size_t>(at) - i;
            if (c == '\n') out += ' ';
            else out.append(h.snippet, i, len);
            unit += U16_LENGTH(c);
            i += len;
        }
        if (open && tty) out += "\x1b[0m";
        std::cout << "    " << (h.section_path.empty() ? "" : "[" + h.section_path + "] ") << out << '\n';
    }
    return kOk;
}

}  // namespace vanban::cli
