// vanban parser: bytes -> vanban::Document (document.h), a pure value; no I/O happens here. The
// vocabularies are in kinds.h, numbers in number.h, the agency catalogue in catalog.h.
//
// Glossary (Vietnamese term = identifier used here):
//   Phần = part, Chương = chapter, Mục = section, Tiểu mục = subsection, Điều = article,
//   Khoản = clause, Điểm = point, chủ trì = lead, phối hợp = support, căn cứ = basis,
//   nơi nhận = recipients, số/ký hiệu = number/symbol, trích yếu = title,
//   cơ quan ban hành = issuer, người ký = signer, thẩm quyền ký (TM./KT./Q./TL./TUQ.) = capacity,
//   văn bản hợp nhất = consolidated text, công báo = official gazette.
#pragma once

#include <string>
#include <string_view>

#include "vanban/catalog.h"
#include "vanban/document.h"
#include "vanban/kinds.h"
#include "vanban/number.h"

namespace vanban {

/// How to parse. `catalog`: the agency catalogue mentions are read against (make_catalog(),
/// catalog.h); null: the built-in one (parser/data/agencies.tsv), built once on first use.
struct ParseOptions {
    const detail::AgencyCatalog* catalog = nullptr;
};

/// Parses a document. Total and pure: never throws on content (only std::bad_alloc), no I/O.
/// Invalid UTF-8 becomes U+FFFD plus a diagnostic; the result's spans point into Document::text.
Document parse(std::string_view utf8, const ParseOptions& options = {});

/// Folds text for comparison and search: lowercase, Vietnamese diacritics removed, đ -> d
/// ("Ủy ban" -> "uy ban"; "hoà" and "hòa" -> "hoa"). Other characters are kept.
std::string fold_text(std::string_view utf8);

/// Renders a document as canonical JSON (keys in a fixed order, 2-space indent, UTF-8 unescaped).
std::string to_json(const Document& doc, std::string_view source = {});

/// Renders a readable indented outline (header fields, then the section tree).
std::string to_tree(const Document& doc);

}  // namespace vanban
