// The header of a document (thể thức, Nghị định 30/2020/NĐ-CP): issuer, number, place and date,
// type and title.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "clean.h"
#include "vanban/parser.h"

namespace vanban::detail {

/// The document type a heading line names ("NGHỊ ĐỊNH" -> "Nghị định"), with the byte length of the
/// type words in the line (a title may follow on the same line: "LUẬT ĐẤT ĐAI").
struct TypeHeading {
    std::string type;
    std::size_t length;
};

/// Reads a type heading at the start of a line in capitals; nullopt if the line is not one.
std::optional<TypeHeading> read_type_heading(std::string_view line);

/// The type a number's type code stands for ("KH" -> "Kế hoạch"); empty if unknown.
std::string type_from_code(std::string_view type_code);

/// Where the header ends and what it holds.
struct Header {
    std::size_t title_end = 0;  ///< first line after the title (start of the preamble)
    std::size_t number_line = static_cast<std::size_t>(-1);
};

/// Reads the header from the first lines; fills doc's number, type, issuer(s), place, date and
/// title. Falls back on the portal attribute block for fields the document itself lacks.
Header read_header(const std::vector<Line>& lines, const PortalMeta& portal, Document& doc);

/// Builds an issuer name from the capitals lines above the number ("ỦY BAN NHÂN DÂN" + "THÀNH PHỐ HÀ
/// NỘI" -> "Ủy ban nhân dân Thành phố Hà Nội"); sets issuer_parent when the first line is a superior
/// body ("BỘ TÀI CHÍNH" above "TỔNG CỤC THUẾ"), issuers for joint documents.
void read_issuer(const std::vector<std::string>& caps_lines, Document& doc);

}  // namespace vanban::detail
