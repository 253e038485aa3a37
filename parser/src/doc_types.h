// Document types: the one table the header (type headings, a number's type code), the number parser
// (which codes open a number's symbol) and the citation scanner (types written before a cited number)
// all read. vanban::document_types() publishes it.
#pragma once

#include <span>
#include <string_view>

namespace vanban::detail {

/// One row of the table. `name` is the type as printed in normal case ("Kế hoạch"); it is empty for
/// the generic "văn bản", which only introduces a cited number ("văn bản số 3061-CV/VPTW").
/// `folded` is fold(name) (for the generic row, "van ban"). `codes` are the type codes of numbers of
/// this type, folded to ASCII capitals ("KH" in 134/KH-UBND); unused slots are empty.
struct DocTypeRow {
    std::string_view name;
    std::string_view folded;
    std::string_view codes[3];
    bool heading;  ///< may stand as the type heading of a document ("KẾ HOẠCH")
    bool cited;    ///< names the type of a cited number when written before it ("Kế hoạch số 134/KH-UBND")
};

/// Every row, longest folded names first, so that a prefix or suffix match takes "thông tư liên tịch"
/// before "thông tư" and "bộ luật" before "luật". Static storage; never fails.
std::span<const DocTypeRow> doc_type_rows();

/// The type a number's type code names ("KH" -> "Kế hoạch"; case, đ/d ignored); empty if the code
/// names none.
std::string_view type_for_code(std::string_view type_code);

/// True when `code` (already folded to ASCII capitals, "QD") is a type code that may open the symbol
/// part of a number ("QĐ" in 12/QĐ-UBND): every code of the table, and codes whose type the parser
/// does not name from the code alone (see doc_types.cpp).
bool is_type_code(std::string_view code);

}  // namespace vanban::detail
