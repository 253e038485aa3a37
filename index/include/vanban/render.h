// The index's results rendered for people and programs: JSON (the CLI's --json, the HTTP API), CSV and
// Markdown.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vanban/index.h"

namespace vanban {

/// JSON renderings, the objects the CLI's --json prints and the HTTP API serves. A document is always
/// {id, number, type, issuer, date, title}; an empty field is null. `indent` 0 is compact (HTTP).
std::string to_json(const DocumentRef& doc, int indent = 2);
std::string to_json(const SearchResult& result, int indent = 2);
std::string to_json(const References& refs, int indent = 2);
/// {number, number_key, type, date, issuer, in_index: false, cited_by: [{document, relation, provision}]}
std::string to_json(const CitedOnly& cited, int indent = 2);
std::string to_json(const AssignmentResult& result, int indent = 2);
std::string to_json(const DocumentDetail& detail, int indent = 2);
std::string to_json(const Graph& graph, int indent = 2);
std::string to_json(const std::vector<AgencyCount>& agencies, int indent = 2);
std::string to_json(const DocumentList& list, int indent = 2);
std::string to_json(const AgencyAssignments& assignments, int indent = 2);  ///< as an AssignmentResult with one agency

/// A document as Markdown (`vanban export --format md`, `GET /api/documents/{id}?format=md`): its type
/// and number as the title, trích yếu, issuer, date and source, the outline as a nested list (bullets
/// left out), the tasks with their agencies, roles and deadlines, and its references both ways; the
/// labels in Vietnamese. Markdown's marks in the text are escaped.
std::string to_markdown(const DocumentDetail& detail);

/// The language of a CSV's column headers and of its words (roles, yes/no): English names as the JSON's
/// keys, or Vietnamese for people ("Cơ quan", "Vai trò", "chủ trì").
enum class CsvLanguage { en, vi };

/// "en" or "vi"; nullopt for anything else.
std::optional<CsvLanguage> csv_language(std::string_view name);

/// CSV for Excel: UTF-8 with a BOM, RFC 4180 quoting, CRLF line ends, a header row. An agency's
/// assignments: one row per task of each agency the result holds, with the document's number, title,
/// issuer and date, the section path, the role, whether it came through a collective or a former
/// body, the deadline and the task's text.
std::string to_csv(const AssignmentResult& result, CsvLanguage lang = CsvLanguage::en);

/// A document's tasks: one row per task and agency (a task naming no agency: one row, agency empty),
/// with the document's number, title, issuer and date on every row.
std::string to_csv(const DocumentDetail& detail, CsvLanguage lang = CsvLanguage::en);

}  // namespace vanban
