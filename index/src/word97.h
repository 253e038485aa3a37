// Word 97-2003 (.doc) in, through Debian's antiword: the one importer that runs another program, so
// it lives here at the edge (import.cpp), not in the pure parser.
#pragma once

#include <string>
#include <string_view>

namespace vanban::detail {

/// True when `bytes` open like an OLE2 compound file (a .doc, .xls, .ppt).
bool looks_like_ole(std::string_view bytes);

/// The text of a .doc file: antiword -m UTF-8.txt -w 0 on a temporary copy, Unicode kept, paragraphs
/// one a line. Throws DecodeError when antiword is not installed (saying how to install it), when it
/// cannot read the file (not a Word document, encrypted, damaged: its message), or when its output
/// passes 64 MiB.
std::string doc_to_text(std::string_view bytes);

}  // namespace vanban::detail
