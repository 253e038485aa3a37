// Character-level normalization: bytes in, valid NFC UTF-8 out.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace vanban::detail {

/// An invalid byte sequence found while decoding, at `offset` in the original input.
struct InvalidByte {
    std::size_t offset;
    unsigned char byte;
};

struct Normalized {
    std::string text;                   ///< valid UTF-8, NFC, LF line ends
    std::vector<InvalidByte> invalid;   ///< each became one U+FFFD in text, in order
};

/// Decodes and normalizes: invalid bytes -> U+FFFD; BOM, zero-width characters and soft hyphens
/// dropped; CRLF/CR -> LF; NBSP, tabs and other Unicode spaces -> ' '; other control characters
/// dropped; Cyrillic look-alike letters inside Latin words -> Latin ("BТС" -> "BTC"); NFC (ICU),
/// computed only when the quick check says it is needed.
Normalized normalize(std::string_view bytes);

/// NFC of valid UTF-8 (ICU). Returns the input unchanged when it is already NFC.
std::string to_nfc(std::string_view utf8);

/// NFD of valid UTF-8 (ICU); used by tests to check that parse(NFD(x)) == parse(x).
std::string to_nfd(std::string_view utf8);

}  // namespace vanban::detail
