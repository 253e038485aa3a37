// Word (.docx) in: the text of word/document.xml, with automatic numbering turned back into labels.
#pragma once

#include <string>
#include <string_view>

namespace vanban::detail {

/// True when `bytes` are a ZIP archive (a .docx is one).
bool looks_like_zip(std::string_view bytes);

/// The text of a .docx file, one line per paragraph: runs' text, tabs and breaks; automatic numbering
/// from word/numbering.xml written as the reader sees it ("1.", "a)", "Điều 3.", "1.2."); a table row
/// with at most two non-empty cells gives each cell as its own lines, a wider row one line with its
/// cells separated by tabs (as HTML and Markdown tables). Headers, footers, comments, footnotes,
/// deleted text and field codes are left out. Read in memory, within limits: at most 10,000 entries,
/// 64 MiB uncompressed for an entry and 256 MiB in all (a ZIP bomb stops there); an entry name that
/// climbs out of the archive ("../") makes the file refused; XML through libxml2 without network access,
/// DTDs or entity substitution. Throws DecodeError (not a Word file, damaged, over a limit).
std::string docx_to_text(std::string_view bytes);

}  // namespace vanban::detail
