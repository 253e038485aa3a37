// vanban parser: the structure of a Vietnamese legal or administrative document.
//
// Glossary (Vietnamese term = identifier used here):
//   Phần = part, Chương = chapter, Mục = section, Tiểu mục = subsection, Điều = article,
//   Khoản = clause, Điểm = point, chủ trì = lead, phối hợp = support, căn cứ = basis,
//   nơi nhận = recipients, số/ký hiệu = number/symbol, trích yếu = title,
//   cơ quan ban hành = issuer, người ký = signer, thẩm quyền ký (TM./KT./Q./TL./TUQ.) = capacity,
//   văn bản hợp nhất = consolidated text, công báo = official gazette.
//
// Data flows one way: bytes -> normalize -> Document (a pure value). No I/O happens here.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vanban {

/// A byte range [start, end) into Document::text, always on UTF-8 boundaries.
struct Span {
    std::size_t start = 0;
    std::size_t end = 0;
};

/// A problem found in the content (never an exception): invalid bytes, a missing field, ...
struct Diagnostic {
    std::string message;
    Span span;
};

/// A document number (số/ký hiệu) as printed and parsed into its parts.
struct DocumentNumber {
    std::string text;         ///< as printed, e.g. "134/KH-UBND", "30/2021/QH15", "25-KL/TW"
    std::string key;          ///< normalized key, see number_key()
    std::string seq;          ///< "134", "66.17" (leading zeros kept as printed)
    std::optional<int> year;  ///< 2021 in "30/2021/QH15"
    std::string type_code;    ///< "KH", "NĐ", "KL"; empty when the number has none ("30/2021/QH15")
    std::string issuer_code;  ///< "UBND", "CP", "TW", "VPTW", "QH15"
};

/// One basis of the preamble: a "Căn cứ ..." line (also "- Căn cứ ..."), with the lines it goes on
/// onto (a wrapped line, the members of a list after ';'). `span` covers them all; `text` is that
/// span with its line breaks as spaces.
struct Basis {
    std::string text;
    Span span;
};

/// A signer: the authority lines above the name (TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH),
/// then, as the last entry of `capacity`, a rank printed before the name ("Thượng tướng"); `name` is
/// the person's name alone ("Vũ Hải Sản").
struct Signer {
    std::string name;
    std::vector<std::string> capacity;
};

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

/// A node of the body tree. `span` covers the heading line, the own text and all children.
struct Section {
    SectionKind kind = SectionKind::arabic;
    std::string label;    ///< "I", "2", "3.1", "a", "Điều 5" -> "5"; bullets have an empty label
    std::string heading;  ///< heading text after the label (first line of a bullet)
    std::string text;     ///< own text below the heading line, children excluded
    Span span;
    std::vector<Section> children;
};

/// A period or deadline as written ("trước ngày 15/12/2023", "trong quý II/2022", "2 năm 2022-2023")
/// and normalized: `from`/`to` are ISO dates (inclusive) or empty when open; `recurrence` is set
/// for recurring periods ("hằng năm" -> "yearly", "định kỳ 6 tháng" -> "6 months").
struct Period {
    std::string text;
    std::optional<std::string> from;
    std::optional<std::string> to;
    std::optional<std::string> recurrence;
    Span span;
};

/// How a task involves an agency.
enum class Role {
    lead,       ///< chủ trì, the agency a block is addressed to, "Giao ...", "... có trách nhiệm"
    support,    ///< phối hợp, "cùng", "và các cơ quan liên quan"
    requested,  ///< "Đề nghị ..." a body outside the issuer's authority
};

std::string_view to_string(Role role);

/// An agency named in a task, resolved against the agency data.
struct AgencyMention {
    std::string name;       ///< as written ("Công an Thành phố", "SYT")
    std::string canonical;  ///< canonical name with its place completed ("Công an thành phố Hà Nội")
    std::string id;         ///< stable id ("cong-an@ha-noi", "bo-y-te", "collective:so-ban-nganh@ha-noi")
    Role role = Role::lead;
    bool collective = false;  ///< a collective addressee ("các Sở, ban, ngành Thành phố")
    bool catalogued = false;  ///< resolved to a catalogue entry; false: a body recognised by the grammar
                              ///< of its name ("Kho bạc Nhà nước khu vực XI"), kept as printed
    Span span;                ///< where the name is written (the block heading for inherited agencies)
};

/// An actionable item of a document: a bullet or numbered item in a part that assigns work.
struct Task {
    std::string path;  ///< section path, e.g. "III.2" (bullets add their ordinal: "III.2.-3")
    std::string text;
    Span span;
    std::vector<AgencyMention> agencies;
    std::optional<Period> deadline;
};

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

/// A mention of another document ("Nghị quyết số 38/NQ-CP ngày 17/3/2022 của Chính phủ").
struct Reference {
    std::string number;       ///< as printed; empty for a reference by name ("Hiến pháp")
    std::string number_key;   ///< number_key(number)
    std::optional<std::string> type;    ///< "Nghị quyết", or from the number's type code
    std::optional<std::string> name;    ///< "Luật Phòng, chống bệnh truyền nhiễm", "Hiến pháp"
    std::optional<std::string> date;    ///< ISO
    std::optional<std::string> issuer;  ///< as written after "của"
    Relation relation = Relation::mentions;
    std::string provision;              ///< "khoản 2 Điều 92"
    Span span;
    std::vector<std::string> flags;     ///< e.g. "suspect_symbol" for "18/2008/NQ-QHH12"
};

/// A parsed document. Every Span points into `text`, the normalized (NFC, clutter-free) copy.
struct Document {
    std::string text;
    std::optional<DocumentNumber> number;
    std::optional<std::string> type;           ///< "Kế hoạch", "Nghị định", ...
    std::optional<std::string> issuer;         ///< "Ủy ban nhân dân Thành phố Hà Nội"
    std::optional<std::string> issuer_parent;  ///< body printed above the issuer, if any
    std::vector<std::string> issuers;          ///< all issuers (joint documents), issuer first
    std::optional<std::string> place;
    std::optional<std::string> date;           ///< ISO yyyy-mm-dd
    std::optional<std::string> title;          ///< trích yếu, one line
    std::optional<std::string> consolidates;   ///< for a consolidated text: what it consolidates
    std::optional<Span> preamble;
    std::optional<Span> closing;
    std::vector<Basis> bases;
    std::vector<Signer> signers;
    std::vector<std::string> recipients;
    std::vector<Section> sections;
    std::vector<Task> tasks;
    std::vector<Reference> references;
    std::optional<Period> period;  ///< the document's period of implementation, when it states one
    std::vector<Diagnostic> diagnostics;

    /// The text a span points at.
    std::string_view slice(Span s) const { return std::string_view(text).substr(s.start, s.end - s.start); }
};

/// Parses a document. Total and pure: never throws on content (only std::bad_alloc), no I/O.
/// Invalid UTF-8 becomes U+FFFD plus a diagnostic; the result's spans point into Document::text.
Document parse(std::string_view utf8);

/// Parses a document number as printed ("Số: 134/KH-UBND" -> "134/KH-UBND"). nullopt if it is not one.
std::optional<DocumentNumber> parse_number(std::string_view printed);

/// The normalized key of a document number: case, spaces, dash variants, leading zeros of the
/// sequence and đ/d ignored. "0134/KH-UBND" and "134/kh - ubnd" both give "134/KH-UBND".
std::string number_key(std::string_view printed);

/// The bodies a collective includes, by kind (parser/data/collective_members.tsv): every catalogue
/// entry of `kind` and, unless it is empty, of `scope`. A member of a placed kind ("local") is in the
/// collective of its own province only.
struct CollectiveMember {
    std::string kind;
    std::string scope;
};

/// One agency of the built-in catalogue (parser/data/agencies.tsv). Local entries ("Sở Y tế") are
/// templates that mentions complete with a province: the mention's id is "<id>@<province id>".
struct CatalogAgency {
    std::string id;
    std::string kind;  ///< national, ministry, party, agency, province, local, collective
    std::string name;
    std::vector<std::string> aliases;
    std::string scope;      ///< a province's "tỉnh"/"thành phố"; a local entry's level ("province")
    std::string successor;  ///< the id of the body that took over after the 2025 reorganization, or ""
    std::vector<CollectiveMember> members;  ///< a collective's members; empty for every other kind
};

/// The whole catalogue, in file order.
const std::vector<CatalogAgency>& agency_catalog();

/// Folds text for comparison and search: lowercase, Vietnamese diacritics removed, đ -> d
/// ("Ủy ban" -> "uy ban"; "hoà" and "hòa" -> "hoa"). Other characters are kept.
std::string fold_text(std::string_view utf8);

/// Renders a document as canonical JSON (keys in a fixed order, 2-space indent, UTF-8 unescaped).
std::string to_json(const Document& doc, std::string_view source = {});

/// Renders a readable indented outline (header fields, then the section tree).
std::string to_tree(const Document& doc);

}  // namespace vanban
