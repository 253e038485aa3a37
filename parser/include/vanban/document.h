// vanban::Document: the structure of a Vietnamese legal or administrative document, as parse() gives it.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vanban/kinds.h"
#include "vanban/number.h"
#include "vanban/span.h"
#include "vanban/task.h"

namespace vanban {


/// A problem found in the content (never an exception): invalid bytes, a missing field, ...
struct Diagnostic {
    std::string message;
    Span span;
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

/// A node of the body tree. `span` covers the heading line, the own text and all children.
struct Section {
    SectionKind kind = SectionKind::arabic;
    std::string label;    ///< "I", "2", "3.1", "a", "Điều 5" -> "5"; bullets have an empty label
    std::string heading;  ///< heading text after the label (first line of a bullet)
    std::string text;     ///< own text below the heading line, children excluded
    Span span;
    std::vector<Section> children;
};

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
    Span header;                    ///< the header's lines, up to the title (not in the JSON: the AKN export's preface)
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

}  // namespace vanban
