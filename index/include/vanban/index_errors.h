// The errors of the index: a database error, something not found, a query that cannot be understood.
#pragma once

#include <stdexcept>
#include <string>

namespace vanban {

/// The database could not be opened, read or written; `code` is the SQLite result code.
class IndexError : public std::runtime_error {
public:
    IndexError(const std::string& what, int code) : std::runtime_error(what), code_(code) {}
    int code() const { return code_; }

private:
    int code_;
};

/// What a request names is not in the index (a document id, an agency id): a 404 over HTTP, exit
/// code 2 in the CLI. The one way every layer says "not found".
class NotFound : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// A search query that cannot be understood (an unbalanced quote, nothing to search for).
class QueryError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace vanban
