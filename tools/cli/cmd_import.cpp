// vanban import: files and folders parsed in parallel and written to the index by one writer.
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <iomanip>
#include <mutex>
#include <thread>
#include <unistd.h>

#include "cli.h"
#include "vanban/parser.h"

namespace vanban::cli {

namespace {

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

}  // namespace

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

}  // namespace vanban::cli
