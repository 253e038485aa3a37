// The API and the page as a table of routes, each endpoint a plain function from a Request to a
// Response (http.h): testable without a socket. The server (server.cpp) only moves bytes.
// Where to add an endpoint: a function in api.cpp and a row of its route table; the OpenAPI
// description (server/openapi.json) and tests/server/server_test.cpp beside it.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "http.h"
#include "vanban/index.h"
#include "vanban/server.h"

namespace vanban::http {

/// Read connections (read-only: OpenMode::read_only): one per worker thread at most, reused from
/// request to request. A new file renamed into place at the path (a snapshot shipped to a replica,
/// docs/SCALING.md) is seen at the next request: connections to the file it replaced are closed as
/// they come back, and the epoch moves on.
class ReaderPool {
public:
    explicit ReaderPool(std::string path) : path_(std::move(path)) {}

    class Lease {
    public:
        Lease(ReaderPool& pool, std::unique_ptr<Index> index, std::uint64_t epoch)
            : pool_(pool), index_(std::move(index)), epoch_(epoch) {}
        ~Lease() { pool_.give_back(std::move(index_), epoch_); }
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        Index& operator*() const { return *index_; }
        Index* operator->() const { return index_.get(); }
        /// Which file the connection reads: raised each time another file is renamed into place.
        std::uint64_t epoch() const { return epoch_; }

    private:
        ReaderPool& pool_;
        std::unique_ptr<Index> index_;
        std::uint64_t epoch_;
    };

    Lease acquire();

private:
    void give_back(std::unique_ptr<Index> index, std::uint64_t epoch);

    std::string path_;
    std::mutex mutex_;
    std::vector<std::unique_ptr<Index>> free_;  // connections to the file of epoch_
    std::uint64_t epoch_ = 0;
    std::pair<std::uint64_t, std::uint64_t> file_{0, 0};  // (device, inode) of that file
};

/// Rendered document JSON by id, each valid for one index generation; bounded in bytes (full: emptied).
class DocumentCache {
public:
    explicit DocumentCache(std::size_t max_bytes) : max_bytes_(max_bytes) {}
    /// `generation`: the index's generation combined with the reader's epoch (kept_as).
    std::shared_ptr<const std::string> find(std::int64_t id, std::int64_t generation);
    std::shared_ptr<const std::string> put(std::int64_t id, std::int64_t generation, std::string body);
    /// What a body read at this generation through a connection of this epoch is kept under.
    static std::int64_t kept_as(std::int64_t generation, std::uint64_t epoch) {
        return static_cast<std::int64_t>((epoch << 40) ^ static_cast<std::uint64_t>(generation));
    }

private:
    struct Entry {
        std::int64_t generation;
        std::shared_ptr<const std::string> body;
    };
    std::mutex mutex_;
    std::unordered_map<std::int64_t, Entry> entries_;
    std::size_t bytes_ = 0, max_bytes_;
    std::int64_t generation_ = -1;
};

/// {"error": {"code", "message"}}: the code a stable word for programs ("not_found"), the message for people.
std::string error_json(int status, const std::string& message);

/// What the endpoints share: the options, the database connections, the caches. Thread-safe.
struct Api {
    /// Checks the options, reads the token file, opens the writer (unless read-only) and one reader
    /// (ServerError, IndexError).
    explicit Api(ServerOptions options);

    /// The answer to a request. An HttpError or a QueryError becomes its 4xx answer; anything else
    /// (a database error) is thrown on, for the caller to answer 500 and log.
    Response respond(const Request& request);

    ServerOptions options;
    std::string token;  ///< bearer token for imports; empty: import over HTTP is off
    ReaderPool readers;
    DocumentCache documents{64u << 20};
    std::mutex write_mutex;
    std::unique_ptr<Index> writer;  ///< null when read-only
    const std::string vocabulary, openapi;  ///< built once from the parser's lists
};

}  // namespace vanban::http
