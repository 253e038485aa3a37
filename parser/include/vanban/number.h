// Document numbers (số/ký hiệu): as printed, parsed into parts, and their normalized key.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace vanban {

/// A document number (số/ký hiệu) as printed and parsed into its parts.
struct DocumentNumber {
    std::string text;         ///< as printed, e.g. "134/KH-UBND", "30/2021/QH15", "25-KL/TW"
    std::string key;          ///< normalized key, see number_key()
    std::string seq;          ///< "134", "66.17" (leading zeros kept as printed)
    std::optional<int> year;  ///< 2021 in "30/2021/QH15"
    std::string type_code;    ///< "KH", "NĐ", "KL"; empty when the number has none ("30/2021/QH15")
    std::string issuer_code;  ///< "UBND", "CP", "TW", "VPTW", "QH15"
};

/// Parses a document number as printed ("Số: 134/KH-UBND" -> "134/KH-UBND"). nullopt if it is not one.
std::optional<DocumentNumber> parse_number(std::string_view printed);

/// The normalized key of a document number: case, spaces, dash variants, leading zeros of the
/// sequence and đ/d ignored. "0134/KH-UBND" and "134/kh - ubnd" both give "134/KH-UBND".
std::string number_key(std::string_view printed);

}  // namespace vanban
