// The clutter of the sites documents are copied from (menus, notices, attribute blocks, footers,
// signature stamps, section banners): the one table parser/data/portal_clutter.tsv, compiled in.
// What each role means, and how clean.cpp and header.cpp test a line against it, is written in the
// file's header.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>

namespace vanban::detail {

/// What a line holding a clutter phrase is (the `role` column of portal_clutter.tsv).
enum class ClutterRole {
    frame,
    footer,
    label,
    description,
    loading,
    block_end,
    no_value,
    summary_end,
    stamp,
    stamp_line,
    banner,
    banner_line,
};

/// One row of portal_clutter.tsv. The views point into the embedded file: valid for the program's life.
struct ClutterRow {
    std::string_view site;
    ClutterRole role;
    std::string_view phrase;  ///< folded, except for labels (as printed); surrounding quotes removed
    std::string_view seen;    ///< a page holding it, or "-"
    std::size_t line;         ///< 1-based line of the file
};

/// Every well-formed row, in file order. Parsed once (thread-safe static).
std::span<const ClutterRow> clutter_rows();

/// Line numbers of rows that could not be read (not four columns, an unknown role, an empty phrase).
/// The parser skips them; a test holds this empty.
std::span<const std::size_t> clutter_bad_lines();

/// The phrases of one role, each once, in file order.
std::span<const std::string_view> clutter_phrases(ClutterRole role);

/// The role's name as the file writes it ("summary_end"); "" for none.
std::string_view clutter_role_name(ClutterRole role);

}  // namespace vanban::detail
