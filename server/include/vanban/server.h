// vanban server: the JSON API and the web page over HTTP (Poco Net), on top of the index.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <ostream>
#include <stdexcept>
#include <string>

namespace vanban {

/// The server could not start (bad option, unreadable token file, address in use).
class ServerError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct ServerOptions {
    std::string db = "vanban.db";
    std::string host = "127.0.0.1";       ///< loopback unless told otherwise
    int port = 8080;                      ///< 0 = any free port (see Server::port)
    int threads = 0;                      ///< worker threads = connections served at once = read
                                          ///< connections; 0 = twice the cores, at least 4
    std::string token_file;               ///< bearer token for POST /api/documents; empty = import over HTTP off
    bool read_only = false;               ///< refuse every write (403)
    std::size_t max_body = 20u << 20;     ///< request body limit in bytes (413 above it)
    std::size_t max_uri = 8192;           ///< request target limit in bytes (414 above it)
    int keep_alive_seconds = 5;           ///< an idle keep-alive connection is closed after this
    int max_keep_alive_requests = 100;    ///< requests on one connection before it is closed
    int io_timeout_seconds = 20;          ///< a client that sends or reads nothing for this long is dropped
    std::ostream* log = nullptr;          ///< access log (one line per request); nullptr = std::cerr
};

/// The HTTP server. Reads go through one SQLite connection per worker thread; writes are serialized
/// through one writer connection (WAL: readers are never blocked by an import).
class Server {
public:
    /// Opens the database and reads the token file; throws ServerError or IndexError.
    explicit Server(ServerOptions options);
    ~Server();  ///< stops the server if it runs
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    /// Binds and starts serving in background threads; throws ServerError when it cannot bind.
    void start();
    /// Stops accepting, lets the requests in progress finish, closes idle connections.
    void stop();
    /// The port it listens on (the real one when options.port was 0); valid after start().
    std::uint16_t port() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace vanban
