// Importing files: which files a set of paths covers, reading them as documents, and the parallel
// pipeline (parse on every core, write in order through one Index) that `vanban import` runs.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <cstdint>
#include <string>
#include <vector>

#include "vanban/decode.h"
#include "vanban/documents.h"
#include "vanban/document.h"
#include "vanban/index.h"

namespace vanban {

/// The files an import of `paths` covers, in a stable order: a file as named; a folder walked
/// recursively without hidden files and folders, READMEs and data files (.json, .jsonl, .csv, .tsv,
/// databases, the tests' .golden files). Paths that do not exist go to `missing`.
std::vector<std::string> collect_files(const std::vector<std::string>& paths, std::vector<std::string>& missing);

/// A file's bytes read the way every import reads them: decoded (vanban/decode.h), then parsed; an
/// Akoma Ntoso file (found by its root element, or Format::akn) read by read_akn (vanban/akn.h).
struct ReadDocument {
    Document doc;
    ParserInput input;  ///< what the parser read (Index::import_document keeps it)
    Encoding encoding = Encoding::utf8;
    std::vector<std::string> warnings;  ///< the decoder's, and "no header, number or structure" for a text that has none
};

/// Throws DecodeError (an empty file, another kind of file, binary data, no known encoding).
ReadDocument read_document(std::string_view bytes, const DecodeOptions& options = {});

/// The largest file read as one document: 64 MiB. The longest real documents (a code with its
/// appendices, a scanned gazette as PDF) are a few MB of text; a bigger file is several documents or
/// not a document, and reading it whole would take memory without bound.
inline constexpr std::uintmax_t kMaxFileBytes = 64u << 20;

/// Reads a whole file; false with `error` (the system's reason, or that it is over kMaxFileBytes:
/// nothing is read then) when it cannot.
bool read_file(const std::string& path, std::string& out, std::string& error);

/// What the pipeline did with one file: its result, or why it was not imported.
struct ImportEvent {
    std::string path;
    std::size_t bytes = 0;
    std::optional<ImportResult> result;  ///< empty: failed, see `error`
    std::string error;                   ///< "cannot read: ...", "not a text document: ...", a database error
    std::vector<std::string> warnings;   ///< of read_document, for an imported file
    Encoding encoding = Encoding::utf8;  ///< what the file was read as
};

struct ImportSummary {
    std::size_t added = 0, replaced = 0, unchanged = 0, failed = 0;
    double bytes = 0;
};

/// Imports `files` into `index`: each file read and parsed on one of the cores (at most a few files
/// ahead of the writer, so memory stays bounded), then written in order, documents sharing a
/// transaction committed every 500 documents or 16 MB; the full-text index is merged after 1,000
/// changes or more. `on_file` is called once per file, in order, on the calling thread. A file that
/// fails is counted and reported; the others go on. Of several files holding the same document (same
/// number, issuer and date), the first in `files`' order is imported and the others are reported
/// `unchanged` with a warning naming it, so that importing the same folder again changes nothing.
ImportSummary import_files(Index& index, const std::vector<std::string>& files,
                           const std::function<void(const ImportEvent&)>& on_file = {}, const DecodeOptions& decode = {});

}  // namespace vanban
