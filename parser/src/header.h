// The header of a document (thể thức, Nghị định 30/2020/NĐ-CP): issuer, number, place and date,
// type and title.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
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
/// title. Text before the header (a portal's title line "Nghị định số 63/2010/NĐ-CP của Chính phủ: ...",
/// a dated sentence) is passed over. The document's own header always wins: the portal attribute block
/// (`portal`) only fills fields the document lacks (a page whose header was lost). Never throws on
/// content; fields it cannot find stay empty.
Header read_header(const std::vector<Line>& lines, const PortalMeta& portal, Document& doc);

/// Builds the issuer from the capitals lines above the number, wrapped anywhere ("ỦY BAN NHÂN" / "DÂN
/// TỈNH PHÚ THỌ" -> "Ủy ban nhân dân tỉnh Phú Thọ"; "CHỦ TỊCH ỦY" / "BAN NHÂN DÂN" / "TỈNH ĐỒNG THÁP" ->
/// "Chủ tịch Ủy ban nhân dân tỉnh Đồng Tháp"): the words are cut into bodies where a head noun begins a
/// new name after a complete one. The last body is the issuer, the one before it issuer_parent ("BỘ
/// TÀI CHÍNH" over "TỔNG CỤC THUẾ", "CỤC THUẾ" over "THUẾ TỈNH VĨNH LONG"); bodies joined by dashes, or
/// two ministries, are joint issuers (all in `issuers`, the first as issuer). Rules ("-----", "——-",
/// "\_\_\_") and bold marks around the lines are ignored, list items ("- C29, C51;") skipped. Leaves
/// doc untouched when the lines name nothing.
void read_issuer(const std::vector<std::string>& caps_lines, Document& doc);

/// The entries that say how read_issuer() cuts at a head (for the rule tables' test), written lowercase with
/// diacritics: `head_noun` ones name head nouns of head_nouns() (body_grammar.h), the others are the issuer
/// words that no head noun covers ("sở", "chính phủ", "ubnd"). Every head noun of head_nouns() cuts; these
/// entries only say how.
struct IssuerCut {
    std::string_view written;
    bool head_noun = false;
    bool block_start_only = false;  ///< begins a body only at the start of the block ("tỉnh ủy", "hội")
};
std::vector<IssuerCut> issuer_cuts();

}  // namespace vanban::detail
