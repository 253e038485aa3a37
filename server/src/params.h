// Reading a request target: its path segments and query parameters, decoded and checked (every
// malformed escape, invalid UTF-8 or unknown parameter is an HttpError 400).
#pragma once

#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vanban::http {

bool valid_utf8(std::string_view s);

/// Strict percent-decoding ('+' is a space in a query string); nullopt on a malformed escape.
std::optional<std::string> percent_decode(std::string_view in, bool plus_is_space);

/// The path split into decoded segments ("/api/agencies/so-y-te%40x/assignments" -> api, agencies,
/// so-y-te@x, assignments); a trailing slash is dropped.
std::vector<std::string> path_segments(std::string_view path);

/// Spaces, tabs and line ends off both ends.
std::string trim(std::string s);

/// Compares without an early exit, so the time taken does not tell how much of a secret was right.
bool same_secret(std::string_view a, std::string_view b);

/// "1" to "999999999999999999" without a leading zero: a document id as a path segment.
bool is_positive_integer(std::string_view s);

/// The query parameters of a request, decoded and checked (valid escapes, UTF-8, known names, once each).
class Params {
public:
    Params(std::string_view query, std::initializer_list<std::string_view> known);

    std::string get(const std::string& name) const;
    bool has(const std::string& name) const { return values_.count(name) > 0; }
    /// A whole number (at most nine digits), `fallback` when absent; its range is the options'
    /// validate() to check.
    int integer(const std::string& name, int fallback) const;
    /// 1/true/empty or 0/false; false when absent.
    bool flag(const std::string& name) const;

private:
    std::map<std::string, std::string> values_;
};

}  // namespace vanban::http
