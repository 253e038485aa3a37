// PDF in: the text layer, in reading order, through poppler.
#pragma once

#include <string>
#include <string_view>

namespace vanban::detail {

/// The text of a PDF's text layer, page after page in poppler's reading order (as pdftotext without
/// -layout gives it); the gazette's page headers and numbers stay for the parser's cleaning to remove.
/// Throws DecodeError for a damaged or encrypted file, and for one without a text layer (a scan: it
/// needs OCR first). Pages beyond 20,000 are not read.
std::string pdf_to_text(std::string_view bytes);

}  // namespace vanban::detail
