// The signature block (thẩm quyền, chức vụ, họ tên người ký) and the recipients list (nơi nhận).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "clean.h"
#include "vanban/parser.h"

namespace vanban::detail {

/// "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "T/L BAN THƯỜNG VỤ", "Q. BỘ TRƯỞNG", "TUQ. ..."
bool is_authority_line(std::string_view line);

/// A position printed in capitals that heads a signature: "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "BỘ TRƯỞNG",
/// "THỦ TƯỚNG", "CHÁNH VĂN PHÒNG", "GIÁM ĐỐC", ...
bool is_position_line(std::string_view line);

/// A person's name as printed under a signature: 2 to 6 capitalized words, no digits
/// ("Chử Xuân Dũng"); also a name in capitals when `allow_caps` ("NGUYỄN VĂN A").
bool is_name_line(std::string_view line, bool allow_caps = false);

/// "Nơi nhận:" (possibly followed by the first recipient on the same line).
bool is_recipients_line(std::string_view line);

/// Reads the signature and recipients zone: lines [begin, end) of the cleaned document.
/// Appends to signers and recipients.
void read_signature_zone(const std::vector<Line>& lines, std::size_t begin, std::size_t end,
                         std::vector<Signer>& signers, std::vector<std::string>& recipients);

}  // namespace vanban::detail
