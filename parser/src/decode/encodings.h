// The converters of decode.cpp: bytes in one encoding to NFC UTF-8, and how Vietnamese a text reads.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "vanban/decode.h"

namespace vanban::detail {

/// `bytes` read as `e`, in NFC UTF-8. UTF-16 and Windows-1258 through ICU's converters, TCVN3 and
/// VISCII through glibc's iconv (TCVN5712-1, VISCII), VNI through Windows-1252 and VNI's sequences
/// (a letter then its marks: "Vieät" -> "Việt"). A byte that does not convert becomes U+FFFD.
std::string convert(std::string_view bytes, Encoding e);

/// How a text reads as Vietnamese: of its words that hold a letter outside ASCII (or a symbol glued to
/// letters, as a misread legacy file has: "nh©n"), the share that are well-formed syllables; `counted`
/// gets how many such words there were (the score means little under a dozen).
double vietnamese_score(std::string_view utf8, std::size_t* counted = nullptr);

/// The offset of the first byte of `bytes` that is not part of valid UTF-8, or npos.
std::size_t first_invalid_utf8(std::string_view bytes);

}  // namespace vanban::detail
