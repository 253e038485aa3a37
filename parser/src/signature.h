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

/// The leading words of a line that are in capitals ("CHỦ TỊCH" of "CHỦ TỊCH Đặng Văn Minh").
std::string_view leading_caps(std::string_view line);

/// A person's name as printed under a signature: 2 to 6 capitalized words, no digits
/// ("Chử Xuân Dũng"); also a name in capitals when `allow_caps` ("NGUYỄN VĂN A").
bool is_name_line(std::string_view line, bool allow_caps = false);

/// "Nơi nhận:" (possibly followed by the first recipient on the same line).
bool is_recipients_line(std::string_view line);

/// Splits a table cell that glues authority lines and the signer's name:
/// "KT. BỘ TRƯỞNG THỨ TRƯỞNG Bùi Hồng Lĩnh" -> {"KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Bùi Hồng Lĩnh"}.
std::vector<std::string> split_signature_cell(std::string_view cell);

/// Splits an inline recipients list "- Như trên; - Bộ Y tế; - Lưu: VT." at the dashes that start an
/// entry (after ';', ':' or ')'), not at hyphens inside names ("Cục Kiểm soát TTHC - VPCP").
std::vector<std::string> split_recipients(std::string_view rest);

/// Reads the signature and recipients zone: lines [begin, end) of the cleaned document.
/// Appends to signers and recipients.
void read_signature_zone(const std::vector<Line>& lines, std::size_t begin, std::size_t end,
                         std::vector<Signer>& signers, std::vector<std::string>& recipients);

}  // namespace vanban::detail
