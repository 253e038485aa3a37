// The zones of a cleaned document and the passes that read them, shared by parse() (parse.cpp) and
// the Akoma Ntoso reader (akn_read.cpp), which gives the same lines and header end and so gets the
// same document.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "clean.h"
#include "vanban/parser.h"

namespace vanban::detail {

/// Line indexes where each zone begins, in order: header [0, title_end) | preamble [title_end,
/// body_start) | body [body_start, closing_start) | closing [closing_start, body_end) | signature and
/// recipients [body_end, attach) | attached documents [attach, end). Any zone may be empty.
struct Zones {
    std::size_t title_end = 0, body_start = 0, closing_start = 0, body_end = 0, attach = 0;
};

/// The zones of `lines` after a header that ends at `title_end`; they depend on the lines' text only.
Zones find_zones(const std::vector<Line>& lines, std::size_t title_end);

/// Fills doc's header span, preamble and bases, closing, sections (attached documents as top-level
/// sections after the body's), signers and recipients, and what a consolidated text's stamp says.
/// `offsets[i]` is where line i starts in doc.text.
void read_zones(Document& doc, const std::vector<Line>& lines, const std::vector<std::size_t>& offsets, const Zones& zones);

/// What is read from the whole text once the structure is known: references, tasks, the period.
void read_content(Document& doc, const ParseOptions& options);

/// The diagnostics for a missing number or date.
void add_missing_fields(Document& doc);

/// Joins lines into `text` with '\n'; returns where each line starts.
std::vector<std::size_t> join_lines(const std::vector<Line>& lines, std::string& text);

}  // namespace vanban::detail
