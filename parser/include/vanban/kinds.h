// The parser's fixed vocabularies: kinds of sections, roles of agencies in tasks, relations between
// documents, document types. The index, the API and the page take their names from these lists.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace vanban {

/// Kinds of numbered body elements, outermost first.
enum class SectionKind {
    part,        ///< Phần
    chapter,     ///< Chương
    section,     ///< Mục
    subsection,  ///< Tiểu mục
    article,     ///< Điều
    roman,       ///< I., II.
    arabic,      ///< 1. (Khoản inside an Điều)
    decimal,     ///< 1.1., 3.2.1.
    letter,      ///< a), đ)
    dash,        ///< - bullet
    plus,        ///< + bullet
    appendix,    ///< PHỤ LỤC, attached QUY CHẾ / QUY ĐỊNH (ban hành kèm theo ...)
};

/// The name used in JSON for a section kind ("article", "roman", ...).
std::string_view to_string(SectionKind kind);

/// How a task involves an agency.
enum class Role {
    lead,       ///< chủ trì, the agency a block is addressed to, "Giao ...", "... có trách nhiệm"
    support,    ///< phối hợp, "cùng", "và các cơ quan liên quan"
    requested,  ///< "Đề nghị ..." a body outside the issuer's authority
};

std::string_view to_string(Role role);

/// Relation of a citing occurrence to the cited document.
enum class Relation { basis, implements, amends, replaces, repeals, guides, mentions };

std::string_view to_string(Relation relation);

/// Every relation, in declaration order: the one list the index, the API and the page take their names from.
const std::vector<Relation>& all_relations();

/// A document type the parser recognises: its name as printed ("Kế hoạch") and the type codes of its
/// numbers ("KH" in 134/KH-UBND), folded to ASCII capitals.
struct DocumentType {
    std::string name;
    std::vector<std::string> codes;
};

/// Every document type, in the parser's own table order (longest names first).
const std::vector<DocumentType>& document_types();

}  // namespace vanban
