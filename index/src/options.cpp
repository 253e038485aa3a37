// The checks of the options of search, list and assignments (search.h, documents.h,
// assignments.h): one place that the CLI, the server and the Index itself call, so a value is
// refused with the same words wherever it comes from.
#include <string>

#include "vanban/assignments.h"
#include "vanban/documents.h"
#include "vanban/index_errors.h"
#include "vanban/search.h"

namespace vanban {

namespace {

void check_date(const char* name, const std::string& value) {
    if (!value.empty() && !valid_date(value)) {
        throw QueryError(std::string("'") + name + "' must be a date: YYYY, YYYY-MM or YYYY-MM-DD (not '" + value + "')");
    }
}

void check_range(const char* name, int value, int min, int max) {
    if (value < min || value > max) {
        throw QueryError(std::string("'") + name + "' must be a whole number from " + std::to_string(min) + " to " +
                         std::to_string(max));
    }
}

}  // namespace

void SearchOptions::validate() const {
    if (!in.empty() && in != "title" && in != "text" && in != "tasks") {
        throw QueryError("'in' must be title, text or tasks (not '" + in + "')");
    }
    check_date("from", from);
    check_date("to", to);
    check_range("limit", limit, 1, 100);
    check_range("offset", offset, 0, 1000000);
}

void ListOptions::validate() const {
    check_date("from", from);
    check_date("to", to);
    check_range("limit", limit, 1, 100);
    check_range("offset", offset, 0, 100000000);
}

void AssignmentOptions::validate() const {
    if (!role.empty() && role != "lead" && role != "support" && role != "requested") {
        throw QueryError("unknown role '" + role + "' (expected lead, support or requested)");
    }
    check_date("from", from);
    check_date("to", to);
}

}  // namespace vanban
