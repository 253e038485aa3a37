// HTML in: a saved portal page or a bare document, to the text of the document it holds.
#pragma once

#include <string>
#include <string_view>

namespace vanban::detail {

/// True when `bytes` (after a BOM and blank space) open like an HTML page: "<!DOCTYPE html", "<html",
/// or a tag such as <head>, <body>, <div>, <p>, <table>, <meta> in the first KiB. A text line that
/// starts with "<" and a word ("<Nội dung> = ...") is not one.
bool looks_like_html(std::string_view bytes);

/// The text of the document an HTML page holds, one line per paragraph. `utf8`: the page already in
/// UTF-8 (decode() finds the charset: declared in a <meta>, else from the content). Read with libxml2's
/// HTML parser without network access or entity loading; scripts, styles, navigation, forms' controls,
/// menus, share bars, comments and ads are left out; of the rest the element whose own paragraphs hold
/// the most text (links not counted) is the document. Paragraphs, headings and list items are lines
/// (items of an ordered list numbered as shown), a table row with at most two non-empty cells (the
/// header and signature tables) gives each cell as its own lines, a wider row is one line with its
/// cells separated by tabs (as the Markdown cleaner does). Nesting beyond a few hundred levels is read
/// as plain text, so no input makes the reading recurse without bound.
std::string html_to_text(std::string_view utf8);

/// The charset an HTML page declares in its first 4 KiB (<meta charset=...>, or http-equiv
/// Content-Type "...; charset=..."), lowercased, or "".
std::string declared_charset(std::string_view bytes);

}  // namespace vanban::detail
