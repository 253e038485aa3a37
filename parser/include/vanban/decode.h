// Decoding: a file's bytes to the UTF-8 text vanban::parse reads. Pure, no I/O: the encoding is found
// from the content (a BOM, valid UTF-8, else the legacy Vietnamese encoding whose reading gives the most
// well-formed syllables), or given.
#pragma once

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace vanban {

/// The encodings a text file may be in: Unicode, and those Vietnamese files were written in before
/// Unicode (TCVN3/ABC as glibc's TCVN5712-1, VNI-Windows, VISCII, Windows-1258).
enum class Encoding { utf8, utf16le, utf16be, windows1258, tcvn3, vni, viscii };

/// What a file holds: text, an HTML page, a Word (.docx) file, a PDF (the document's text is taken out),
/// or a Word 97-2003 (.doc) file, which decode() refuses: it needs a program (antiword) that
/// vanban::read_document (vanban/import.h) runs; or an Akoma Ntoso XML file, which decode() refuses
/// too: its structure is read by vanban::read_akn (vanban/akn.h), as read_document does.
enum class Format { text, html, docx, pdf, doc, akn };

/// "text", "html", "docx", "pdf", "doc", "akn".
std::string_view to_string(Format f);

/// "utf-8", "utf-16le", "utf-16be", "windows-1258", "tcvn3", "vni", "viscii".
std::string_view to_string(Encoding e);

/// An encoding by a name users type ("utf8", "UTF-16", "cp1258", "tcvn", "abc", "vni-windows", ...),
/// or nullopt. "utf-16" is little-endian unless a BOM says otherwise.
std::optional<Encoding> encoding_from_name(std::string_view name);

/// Why bytes cannot be read as a document, and where (a byte offset, when there is one).
class DecodeError : public std::runtime_error {
public:
    explicit DecodeError(const std::string& message, std::optional<std::size_t> offset = std::nullopt)
        : std::runtime_error(message), offset_(offset) {}
    std::optional<std::size_t> offset() const { return offset_; }

private:
    std::optional<std::size_t> offset_;
};

struct DecodeOptions {
    std::optional<Encoding> encoding;  ///< found from the content when empty (for HTML: its <meta> charset, else the content)
    std::optional<Format> format;      ///< found from the content when empty
};

struct Decoded {
    std::string text;           ///< UTF-8 (parse normalizes it to NFC)
    Format format = Format::text;
    Encoding encoding = Encoding::utf8;
    double confidence = 1;      ///< of the encoding found: the share of well-formed syllables, 0-1 (1 when given)
    std::vector<std::string> warnings;  ///< e.g. a line in another encoding left as it was
};

/// Decodes a text file or an HTML page (the page's document, as html.h in parser/src/decode/ says).
/// A Unicode file with lines pasted from a TCVN3 or VNI document has those lines
/// converted where the conversion reads as Vietnamese, and a warning for each line that looks converted
/// but reads no better. Throws DecodeError for an empty or whitespace-only file, a file of another
/// kind (PDF, Word, ZIP, image: named), binary data, and text valid in no known encoding (with the
/// offset of the first byte that is not UTF-8).
Decoded decode(std::string_view bytes, const DecodeOptions& options = {});

}  // namespace vanban
