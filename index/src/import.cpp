// Importing files (import.h): the folder walk, reading files as documents, the parallel pipeline.
#include "vanban/import.h"

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>
#include <unordered_map>

#include "index_impl.h"
#include "vanban/akn.h"
#include "vanban/index.h"
#include "vanban/parser.h"
#include "word97.h"

namespace vanban {

namespace {

// A file found in a folder walk that is not a document: hidden files, READMEs, data files, the
// tests' golden files (corpus/*.golden).
bool skipped_in_folder(const std::filesystem::path& p) {
    std::string name = p.filename().string();
    if (name.empty() || name[0] == '.') return true;
    std::string lower = name;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    if (lower.starts_with("readme")) return true;
    for (const char* ext : {".json", ".jsonl", ".csv", ".tsv", ".db", ".db-wal", ".db-shm", ".golden"}) {
        if (lower.ends_with(ext)) return true;
    }
    return false;
}

// One file parsed by a worker: the document, or why it could not be.
struct Parsed {
    std::string path, bytes, error;
    std::optional<ReadDocument> read;
};

// Parses files on all cores and hands them, in order, to one writer (`consume`). Workers stay
// at most a few files ahead of the writer, so memory stays bounded.
void parse_parallel(const std::vector<std::string>& files, const DecodeOptions& decode,
                    const std::function<void(Parsed&)>& consume) {
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
            } else {
                try {
                    p.read = read_document(p.bytes, decode);
                    p.read->input.deflated = detail::deflate(p.read->input.text);  // here, not in the one writer
                } catch (const DecodeError& e) {
                    p.error = std::string("not a text document: ") + e.what();
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

}  // namespace

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

ReadDocument read_document(std::string_view bytes, const DecodeOptions& options) {
    if (options.format ? *options.format == Format::akn : looks_like_akn(bytes)) {
        // Akoma Ntoso (our export, or another's): its structure is read, not its text parsed.
        ReadDocument r;
        r.doc = read_akn(bytes);
        r.input = ParserInput{std::string(bytes), true, {}};
        return r;
    }
    Decoded d;
    if (options.format ? *options.format == Format::doc : detail::looks_like_ole(bytes)) {
        // Word 97-2003: antiword gives UTF-8 text, read on as a text.
        DecodeOptions as_text;
        as_text.format = Format::text;
        as_text.encoding = Encoding::utf8;
        d = decode(detail::doc_to_text(bytes), as_text);
        d.format = Format::doc;
    } else {
        d = decode(bytes, options);
    }
    ReadDocument r;
    r.doc = parse(d.text);
    r.input = ParserInput{std::move(d.text), false, {}};
    r.encoding = d.encoding;
    r.warnings = std::move(d.warnings);
    // A legacy encoding found by its syllables is said, with how well the text read (UTF-16 shows by its
    // BOM or NUL bytes: no guess to report).
    const bool unicode = d.encoding == Encoding::utf8 || d.encoding == Encoding::utf16le || d.encoding == Encoding::utf16be;
    if (!unicode && !options.encoding) {
        char conf[16];
        std::snprintf(conf, sizeof conf, "%.0f", d.confidence * 100);
        r.warnings.push_back("read as " + std::string(to_string(d.encoding)) + " (" + conf + " % of its words are well-formed syllables)");
    }
    const Document& doc = r.doc;
    if (!doc.number && !doc.issuer && !doc.date && !doc.type && doc.sections.empty()) {
        r.warnings.push_back("no header, number or body structure found: imported as a plain text");
    }
    return r;
}

bool read_file(const std::string& path, std::string& out, std::string& error) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = std::strerror(errno);
        return false;
    }
    std::error_code ec;
    const std::uintmax_t size = std::filesystem::file_size(path, ec);
    if (!ec && size > kMaxFileBytes) {
        char mb[32];
        std::snprintf(mb, sizeof mb, "%.1f", static_cast<double>(size) / (1 << 20));
        error = "the file is " + std::string(mb) + " MB, over the 64 MB one document may be (is it several documents? split it)";
        return false;
    }
    // Read straight into the string (a stream copy would hold the file twice), reading on past the
    // size seen in case the file grew meanwhile, but never beyond the limit.
    out.clear();
    if (!ec) out.reserve(static_cast<std::size_t>(size));
    char buf[1 << 16];
    while (in.read(buf, sizeof buf) || in.gcount() > 0) {
        out.append(buf, static_cast<std::size_t>(in.gcount()));
        if (out.size() > kMaxFileBytes) {
            error = "the file grew over the 64 MB one document may be while it was read";
            out.clear();
            return false;
        }
    }
    if (in.bad()) {
        error = "read error";
        return false;
    }
    return true;
}

ImportSummary import_files(Index& index, const std::vector<std::string>& files,
                           const std::function<void(const ImportEvent&)>& on_file, const DecodeOptions& decode) {
    ImportSummary sum;
    std::optional<ImportBatch> batch;
    std::size_t batch_docs = 0, batch_bytes = 0;
    struct First {
        std::string path;
        std::int64_t id;
    };
    std::unordered_map<std::string, First> first_file;  // identity -> the file of this import that holds it
    parse_parallel(files, decode, [&](Parsed& p) {
        sum.bytes += static_cast<double>(p.bytes.size());
        ImportEvent event;
        event.path = p.path;
        event.bytes = p.bytes.size();
        // Two files of one import holding the same document (number, issuer and date: a .txt and its
        // .html, a copy in another folder): the first in the walk's order is kept, so that importing
        // the folder again gives the same document instead of each file replacing the other in turn.
        const vanban::Document* doc = p.read ? &p.read->doc : nullptr;
        std::string identity = doc && doc->number ? doc->number->key + '\x1f' + doc->issuer.value_or("") + '\x1f' + doc->date.value_or("") : "";
        auto first = identity.empty() ? first_file.end() : first_file.find(identity);
        if (!p.read) {
            event.error = p.error;
        } else if (first != first_file.end()) {
            event.warnings = {"the same document as " + first->second.path + " (" + doc->number->text +
                              ", same issuer and date), which is kept: this file is not imported"};
            event.result = ImportResult{first->second.id, ImportStatus::unchanged};
        } else {
            event.warnings = std::move(p.read->warnings);
            event.encoding = p.read->encoding;
            try {
                if (!batch) batch.emplace(index);
                event.result = index.import_document(p.read->doc, p.path, p.read->input);
                if (!identity.empty()) first_file.emplace(identity, First{p.path, event.result->id});
                batch_docs += 1;
                batch_bytes += p.bytes.size();
                if (batch_docs >= 500 || batch_bytes >= (16u << 20)) {
                    batch->commit();
                    batch.reset();
                    batch_docs = batch_bytes = 0;
                }
            } catch (const IndexError& e) {
                event.error = e.what();
            }
        }
        if (!event.result) ++sum.failed;
        else if (event.result->status == ImportStatus::added) ++sum.added;
        else if (event.result->status == ImportStatus::replaced) ++sum.replaced;
        else ++sum.unchanged;
        if (on_file) on_file(event);
    });
    if (batch) batch->commit();
    // After a bulk import, merge the full-text indexes (smaller, faster queries).
    if (sum.added + sum.replaced >= 1000) index.optimize();
    if (sum.added + sum.replaced > 0) index.refresh_word_model();
    return sum;
}

}  // namespace vanban
