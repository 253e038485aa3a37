// The words the API and the page share: relations, roles and document types, from the parser's
// lists (vanban::all_relations(), vanban::document_types()), with their Vietnamese labels kept in
// one table (vocabulary.cpp). The page reads them from GET /api/vocabulary instead of holding copies.
#pragma once

#include <string>
#include <string_view>

namespace vanban::detail {

/// The Vietnamese label of a relation ("basis" -> "căn cứ") and its short form for the diagram's
/// edges; both empty for a relation the table lacks (a test checks none is lacking).
struct RelationLabel {
    std::string_view relation, label, short_label;
};
RelationLabel relation_label(std::string_view relation);

/// The Vietnamese label of a role ("lead" -> "chủ trì"); empty for an unknown role.
std::string_view role_label(std::string_view role);

/// {"relations": [{id, label, short}], "roles": [{id, label}], "document_types": [{name, codes}]}:
/// relations in the parser's order, a label falling back to the id; document types in the parser's
/// order. Compact JSON.
std::string vocabulary_json();

/// The OpenAPI description `file` (server/openapi.json) with the enums of Relation and Role set from
/// the parser's lists, so that what the server describes is what it emits. Compact JSON. Throws
/// Poco::Exception when `file` is not JSON.
std::string openapi_json(std::string_view file);

}  // namespace vanban::detail
