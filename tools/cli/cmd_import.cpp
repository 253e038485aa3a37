// vanban import: files and folders imported through vanban::import_files (import.h), with a
// progress bar and a summary.
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <iomanip>
#include <sstream>

#include "cli.h"
#include "vanban/parser.h"

namespace vanban::cli {

namespace {

std::string format_seconds(double s) {
    std::ostringstream out;
    if (s < 60) out << static_cast<int>(s + 0.5) << "s";
    else out << static_cast<int>(s / 60) << "m" << static_cast<int>(s) % 60 << "s";
    return out.str();
}

}  // namespace

const char* const kImportHelp = R"(Usage: vanban import PATH... [--db FILE] [--quiet]

Parses and indexes documents: each PATH is a file or a folder, walked recursively. In a folder,
hidden files, README files, data files (.json, .jsonl, .csv, .tsv), databases and the tests' golden
files (.golden) are left out; a file named on the command line is always imported. An unchanged file
is skipped; a changed version of a document already in the index (same number, issuer and date; or
the same file when it has no number) replaces it. A file that cannot be imported is reported with
its reason and the others go on.

  --db FILE         the database (default: $VANBAN_DB, else ./vanban.db); created when missing
  --encoding NAME   read every file in this encoding: utf-8, utf-16 (-le, -be), windows-1258,
                    tcvn3 (ABC), vni, viscii (default: found from each file's content)
  --as FORMAT       read every file as text, html, docx, pdf, doc or akn (default: found from each
                    file's content: %PDF, a ZIP with word/document.xml, an OLE file, an HTML page, an Akoma Ntoso XML)
  --quiet           no progress bar and no summary line
  -h, --help        this help

Files are read as text in any of those encodings (a BOM, valid UTF-8, else the encoding whose reading
gives the most well-formed Vietnamese syllables); an empty or whitespace-only file, a PDF, a Word or
ZIP file, an image, binary data and text valid in no known encoding are refused with the reason. A
warning names a file read in an old encoding, lines converted from one, and a text with no header,
number or body structure.

Exit codes: 0 every file imported or unchanged; 1 at least one file failed; 2 usage error.
)";

int cmd_import(const Args& args) {
    if (args.help) {
        std::cout << kImportHelp;
        return kOk;
    }
    if (args.positional.empty()) {
        std::cerr << "vanban import: no file or folder given (see 'vanban import --help')\n";
        return kUsage;
    }
    vanban::DecodeOptions decode;
    if (!decode_options(args, "import", decode)) return kUsage;
    std::vector<std::string> missing;
    std::vector<std::string> files = collect_files(args.positional, missing);
    for (const auto& m : missing) std::cerr << "vanban import: " << m << ": no such file or folder\n";
    vanban::Index index(db_path(args));
    bool quiet = args.has("quiet");
    bool bar = !quiet && isatty(STDERR_FILENO);
    std::size_t done = 0;
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
    vanban::ImportSummary sum = vanban::import_files(index, files, [&](const vanban::ImportEvent& e) {
        ++done;
        bytes_total += static_cast<double>(e.bytes);
        if (!e.result || !e.warnings.empty()) {
            if (bar) std::cerr << '\r' << std::string(80, ' ') << '\r';
            if (!e.result) std::cerr << "vanban import: " << e.path << ": " << e.error << '\n';
            for (const auto& w : e.warnings) std::cerr << "vanban import: " << e.path << ": warning: " << w << '\n';
        }
        if (bar) progress();
    }, decode);
    std::size_t failed = missing.size() + sum.failed;
    if (bar) std::cerr << '\r' << std::string(80, ' ') << '\r';
    if (!quiet) {
        std::cout << "imported " << files.size() << (files.size() == 1 ? " file" : " files") << ": " << sum.added
                  << " added, " << sum.replaced << " replaced, " << sum.unchanged << " unchanged, " << failed << " failed ("
                  << std::fixed << std::setprecision(1) << bytes_total / 1e6 << " MB in " << std::setprecision(1)
                  << elapsed() << " s); " << index.count() << " documents in " << db_path(args) << '\n';
    }
    return failed ? kFailed : kOk;
}

}  // namespace vanban::cli
