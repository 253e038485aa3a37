// HTTP as plain values: what an endpoint is given and what it answers, with no socket and no Poco
// in sight (the glue in server.cpp turns Poco's request into a Request and a Response back).
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "vanban/index_errors.h"

namespace vanban::http {

/// An answer other than 200 decided while handling a request: becomes {"error": {code, message}}
/// with `headers` set (Allow on a 405, WWW-Authenticate on a 401).
struct HttpError {
    int status;
    std::string message;
    std::vector<std::pair<std::string, std::string>> headers = {};
};

[[noreturn]] inline void bad_request(std::string message) { throw HttpError{400, std::move(message)}; }
/// Not found: vanban::NotFound, the index's own (Api::respond answers it 404).
[[noreturn]] inline void not_found(const std::string& message) { throw NotFound(message); }

struct Request {
    std::string method;  ///< "GET", "HEAD", "POST", ...
    std::string target;  ///< the request target as sent: "/api/search?q=y%20te"
    /// A request header by name (any case), "" when absent.
    std::function<std::string(std::string_view name)> header = [](std::string_view) { return std::string(); };
    /// Reads the body, within the server's limit (HttpError 411, 413 or 400 when it cannot). Called by
    /// the endpoints that take one, after their other checks, so that a refused request is not read.
    std::function<std::string()> read_body = [] { return std::string(); };
};

struct Response {
    int status = 200;
    std::string content_type;  ///< empty: none (a 304)
    std::string body;
    /// Instead of `body`, a body shared with a cache (a rendered document), sent without a copy.
    std::shared_ptr<const std::string> shared_body;
    std::vector<std::pair<std::string, std::string>> headers;
    bool close = false;  ///< close the connection after this answer (the body was not read)

    std::string_view payload() const { return shared_body ? std::string_view(*shared_body) : std::string_view(body); }

    Response& set(std::string name, std::string value) {
        headers.emplace_back(std::move(name), std::move(value));
        return *this;
    }
};

/// A JSON answer, not to be cached ("Cache-Control: no-store").
inline Response json(int status, std::string body) {
    Response r{status, "application/json; charset=utf-8", std::move(body), {}, {}};
    r.set("Cache-Control", "no-store");
    return r;
}

}  // namespace vanban::http
