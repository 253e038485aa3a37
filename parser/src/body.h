// The body tree: numbered headings and bullets nested by rank.
#pragma once

#include <cstddef>
#include <vector>

#include "clean.h"
#include "vanban/parser.h"

namespace vanban::detail {

/// Builds the section tree of lines [begin, end). `offsets[i]` is the byte offset of line i in
/// Document::text (lines are joined by '\n'). Lines before the first marker are ignored (the
/// caller has put them in the preamble).
std::vector<Section> build_sections(const std::vector<Line>& lines, const std::vector<std::size_t>& offsets,
                                    std::size_t begin, std::size_t end);

/// True when the line heads an attached document: "PHỤ LỤC ...", or a title in capitals such as
/// "QUY CHẾ ..." followed within a few lines by "(Ban hành kèm theo ...)" / "(Kèm theo ...)".
bool is_appendix_heading(const std::vector<Line>& lines, std::size_t i);

}  // namespace vanban::detail
