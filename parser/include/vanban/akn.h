// Akoma Ntoso 3.0 (OASIS LegalDocML): a vanban::Document written as AKN XML, and AKN read back into a
// Document. The mapping and the FRBR identifiers are in docs/AKN.md; the schema the export is checked
// against, written here for the part of AKN 3.0 it uses, is parser/data/akn.rng (akn_schema()).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "vanban/document.h"
#include "vanban/parser.h"

namespace vanban {

/// What the export says beyond the document itself.
struct AknOptions {
    std::string generated;  ///< ISO date of this manifestation (the import); empty: 1970-01-01
    std::string source;     ///< the file the document was read from (kept in the proprietary block)
};

/// The FRBR work IRI of a document: /akn/vn/{act|doc}/{subtype}/{date}/{number}, e.g.
/// /akn/vn/act/nd/2020-03-05/30-2020-nd-cp or /akn/vn/doc/kh/2022-04-29/134-kh-ubnd (docs/AKN.md).
std::string akn_work_iri(const Document& doc);

/// The same for a cited document, from what the citation says of it.
std::string akn_work_iri(const Reference& ref);

/// The document as Akoma Ntoso 3.0 XML: `act` for a normative document (a number with its year,
/// 30/2020/NĐ-CP; a law; a consolidated text), `doc name="ke-hoach"` (the type) for plans,
/// conclusions and letters. meta (FRBR identification, TLCOrganization/TLCPerson/TLCRole/TLCLocation,
/// a proprietary block), preface (the header lines with docAuthority, docNumber, docDate, docType,
/// docTitle), preamble (the Căn cứ as citations), body (part/chapter/section/subsection/article,
/// paragraph, point, indent, hcontainer), conclusions (closing paragraphs, signatures, recipients),
/// attachments (appendices); a ref for every citation, an organization for every agency a task names.
/// Every line of Document::text is in it once, in order. Total: only std::bad_alloc.
std::string to_akn(const Document& doc, const AknOptions& options = {});

/// True when `bytes` is an XML document whose root is akomaNtoso in the AKN 3.0 namespace.
bool looks_like_akn(std::string_view bytes);

/// Reads an Akoma Ntoso 3.0 document into a Document: its lines in order (a p, or a hierarchy's
/// num and heading, is a line; eol breaks one), the preface's lines as the header, the FRBR
/// identification (and our proprietary block) for number, date, type, issuers, title and place, then
/// the same zones, sections, bases, signers, references and tasks as parse(). Reading our own export
/// gives back the document that was exported. No DTD, entity or network access. Throws DecodeError
/// (vanban/decode.h) for XML that is malformed or not Akoma Ntoso.
Document read_akn(std::string_view xml, const ParseOptions& options = {});

/// The RELAX NG schema of the Akoma Ntoso 3.0 subset to_akn() writes (parser/data/akn.rng).
std::string_view akn_schema();

/// Validates XML against akn_schema() with libxml2: empty when valid, else the validator's messages
/// (line: message).
std::vector<std::string> validate_akn(std::string_view xml);

}  // namespace vanban
