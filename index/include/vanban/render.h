// The index's results rendered for people and programs: JSON (the CLI's --json, the HTTP API) and CSV.
#pragma once

#include <string>
#include <vector>

#include "vanban/index.h"

namespace vanban {

/// JSON renderings, the objects the CLI's --json prints and the HTTP API serves. A document is always
/// {id, number, type, issuer, date, title}; an empty field is null. `indent` 0 is compact (HTTP).
std::string to_json(const DocumentRef& doc, int indent = 2);
std::string to_json(const SearchResult& result, int indent = 2);
std::string to_json(const References& refs, int indent = 2);
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

/// Assignments as CSV (RFC 4180, CRLF line ends, a header row, no BOM): one row per task.
std::string to_csv(const AssignmentResult& result);

}  // namespace vanban
