// What the queries of the index share: the columns of a DocumentRef and a task's text.
#pragma once

#include "sqlite.h"
#include "vanban/index.h"

namespace vanban::detail {

/// The columns of a DocumentRef, for a query over `documents d`; read back with ref_from.
inline constexpr const char* kRefColumns = "d.id, d.number, d.type, d.issuer, d.date, d.title";

/// A task's text: its byte span of the document's text (stored once, in documents.text), for a
/// query over `tasks t JOIN documents d`.
inline constexpr const char* kTaskText = "CAST(substr(CAST(d.text AS BLOB), t.start + 1, t.end - t.start) AS TEXT)";

/// The DocumentRef whose kRefColumns start at column `first`.
inline DocumentRef ref_from(const Stmt& s, int first) {
    DocumentRef d;
    d.id = s.integer(first);
    d.number = s.text(first + 1);
    d.type = s.text(first + 2);
    d.issuer = s.text(first + 3);
    d.date = s.text(first + 4);
    d.title = s.text(first + 5);
    return d;
}

}  // namespace vanban::detail
