// The passes of clean() (clean.h), one file per kind of source, and what they share. Each pass takes
// and returns a list of raw lines ("" marks a blank line), so the passes stay independent and each
// can be tested alone:
//   markdown.cpp  a portal's Markdown: emphasis, pipe tables and one-cell-per-line tables
//   portal.cpp    a portal page around the document: menus, the attribute block, footers
//   gazette.cpp   the official gazette's page furniture and signature stamps
//   plain.cpp     plain text (PDF, gazette, typed): lines wrapped mid-sentence, split syllables, a
//                 national motto wrapped over lines
//   lines.cpp     the tests the passes share (rules, the motto, number lines)
// Where to add a site's clutter: portal_clutter.tsv (data), not code.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "clean.h"

namespace vanban::detail::cleaning {

using Lines = std::vector<std::string>;

// --- shared tests (lines.cpp) ---

bool is_blank(std::string_view s);
/// Whether `s`, folded, starts with one of `phrases` (folded: a role of portal_clutter.tsv).
bool fold_starts_with_any(std::string_view s, std::span<const std::string_view> phrases);
/// A line made only of rule characters ("-------", "_____", "***", "——-"), at least three.
bool is_rule(std::string_view s);
/// A cell cut at a run of rule characters inside it, the pieces around the run.
std::vector<std::string> split_on_rules(std::string_view s);
/// The anchor of an official header: the national motto or the Party's name.
bool is_motto(std::string_view s);
/// A header's number line: "Số: 134/KH-UBND", "Nghị quyết số: 89/2025/UBTVQH15".
bool is_number_line(std::string_view s);

// --- the passes, in the order clean() runs them ---

/// Markdown marks and tables undone (markdown.cpp).
Lines undo_markdown(Lines&& in);
/// Gazette page headers, page numbers and signature stamps dropped (gazette.cpp).
Lines drop_gazette_furniture(Lines in);
/// Syllables split by stray spaces joined, where a document shows the habit (plain.cpp).
void join_split_syllables(Lines& lines);
/// The national motto or the Party's name wrapped over lines put back on one (plain.cpp).
void join_wrapped_motto(Lines& lines);
/// A portal page's menus, attribute block and footer cut away; the block's fields kept (portal.cpp).
Lines cut_portal_clutter(Lines in, PortalMeta& meta);
/// Lines broken inside a sentence joined (plain.cpp).
std::vector<Line> unwrap(const Lines& in);

}  // namespace vanban::detail::cleaning
