// The HTTP server: Poco Net's threads and sockets around the API (api.h). A request is turned into
// an http::Request, answered by Api::respond, and the http::Response written back; here are only
// what concerns connections: request ids, the access log, fairness between keep-alive clients,
// the request body's limits, and the 500 for an unexpected error.
#include "vanban/server.h"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/ThreadPool.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <functional>
#include <iostream>
#include <memory>
#include <mutex>
#include <thread>

#include "api.h"
#include "http.h"

namespace vanban {

namespace {

using Poco::Net::HTTPRequest;
using Poco::Net::HTTPResponse;
using Poco::Net::HTTPServerRequest;
using Poco::Net::HTTPServerResponse;

/// How long a keep-alive connection keeps its worker while other connections wait.
constexpr int kTimeSliceMs = 50;

// Searches are CPU-bound: more workers than cores only adds switching (measured in
// docs/PERFORMANCE.md); twice the cores leaves room for requests waiting on the network.
ServerOptions checked(ServerOptions o) {
    if (o.threads == 0) o.threads = static_cast<int>(std::max(4u, 2 * std::thread::hardware_concurrency()));
    if (o.threads < 1 || o.threads > 1024) throw ServerError("--threads must be from 1 to 1024");
    if (o.port < 0 || o.port > 65535) throw ServerError("--port must be from 0 to 65535");
    return o;
}

/// The body of a request, within `max` bytes. Over the limit, the body is read and dropped (up to 4x
/// the limit) before the 413, so that the client, still sending, gets the answer instead of a
/// connection reset; beyond that, it is cut off.
std::string read_body(HTTPServerRequest& request, std::size_t max) {
    const std::string limit = std::to_string(max);
    auto too_large = [&](std::uint64_t already) {
        if (already <= 4 * static_cast<std::uint64_t>(max)) {
            request.stream().ignore(static_cast<std::streamsize>(4 * max - already));
        }
        throw http::HttpError{413, "the body is larger than the limit of " + limit + " bytes"};
    };
    std::string body;
    if (request.hasContentLength()) {
        Poco::Int64 length = request.getContentLength64();
        if (length < 0 || static_cast<std::uint64_t>(length) > max) {
            too_large(static_cast<std::uint64_t>(length) > 4 * max ? ~0ull : 0);
        }
        body.resize(static_cast<std::size_t>(length));
        request.stream().read(body.data(), length);
        if (request.stream().gcount() != length) http::bad_request("the body is shorter than its Content-Length");
    } else if (request.getChunkedTransferEncoding()) {
        std::istream& in = request.stream();
        char buf[65536];
        while (in.read(buf, sizeof buf) || in.gcount() > 0) {
            body.append(buf, static_cast<std::size_t>(in.gcount()));
            if (body.size() > max) too_large(body.size());
        }
    } else {
        throw http::HttpError{411, "a POST needs a Content-Length (or chunked transfer encoding)"};
    }
    return body;
}

void send(HTTPServerResponse& response, const http::Response& r) {
    response.setStatus(static_cast<HTTPResponse::HTTPStatus>(r.status));
    for (const auto& [name, value] : r.headers) response.set(name, value);
    if (!r.content_type.empty()) {
        response.setContentType(r.content_type);
        response.set("X-Content-Type-Options", "nosniff");
    }
    if (r.close) response.setKeepAlive(false);
    const std::string_view body = r.payload();
    response.setContentLength64(static_cast<Poco::Int64>(body.size()));
    std::ostream& out = response.send();
    out.write(body.data(), static_cast<std::streamsize>(body.size()));
}

}  // namespace

struct Server::Impl {
    ServerOptions options;
    http::Api api;
    std::atomic<std::uint64_t> next_request{1};
    std::mutex log_mutex;
    Poco::ThreadPool pool;
    std::unique_ptr<Poco::Net::HTTPServer> http;
    std::uint16_t bound_port = 0;

    explicit Impl(ServerOptions o)
        : options(checked(std::move(o))), api(options), pool(2, std::max(options.threads, 2), 60) {}

    void log(const std::string& line) {
        std::lock_guard lock(log_mutex);
        std::ostream& out = options.log ? *options.log : std::cerr;
        out << line << '\n';
        out.flush();
    }

    void handle(HTTPServerRequest& request, HTTPServerResponse& response);
};

void Server::Impl::handle(HTTPServerRequest& request, HTTPServerResponse& response) {
    auto started = std::chrono::steady_clock::now();
    char id_buf[24];
    std::snprintf(id_buf, sizeof id_buf, "%08llx", static_cast<unsigned long long>(next_request++));
    const std::string request_id = id_buf;
    response.set("X-Request-Id", request_id);
    // Fairness: a worker serves one connection at a time; while other connections wait for a
    // worker, a connection that has held this one for a time slice is closed after this answer, so
    // a keep-alive client cannot keep a worker while others queue (and fast requests do not pay a
    // reconnection each).
    thread_local std::string held_peer;
    thread_local std::chrono::steady_clock::time_point held_since;
    const std::string peer = request.clientAddress().toString();
    if (peer != held_peer) {
        held_peer = peer;
        held_since = started;
    }
    if (http && http->queuedConnections() > 0 && started - held_since > std::chrono::milliseconds(kTimeSliceMs)) {
        response.setKeepAlive(false);
        held_peer.clear();
    }
    http::Request rq;
    rq.method = request.getMethod();
    rq.target = request.getURI();
    rq.header = [&request](std::string_view name) { return request.get(std::string(name), ""); };
    rq.read_body = [&request, max = options.max_body] { return read_body(request, max); };
    int status = 500;
    try {
        http::Response r = api.respond(rq);
        status = r.status;
        send(response, r);
    } catch (const std::exception& e) {
        status = 500;
        log("request " + request_id + ": internal error: " + e.what());
        if (!response.sent()) {
            send(response, http::json(status, http::error_json(status, "internal error (request id " + request_id + ")")));
        }
    }
    auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    char ms_buf[32];
    std::snprintf(ms_buf, sizeof ms_buf, "%.1f", ms);
    std::string target = request.getURI();
    if (target.size() > 200) target = target.substr(0, 200) + "...";
    log(request.getMethod() + " " + target + " " + std::to_string(status) + " " + ms_buf + "ms " + request_id);
}

namespace {

using HandleFn = std::function<void(HTTPServerRequest&, HTTPServerResponse&)>;

class Handler : public Poco::Net::HTTPRequestHandler {
public:
    explicit Handler(const HandleFn& fn) : fn_(fn) {}
    void handleRequest(HTTPServerRequest& request, HTTPServerResponse& response) override { fn_(request, response); }

private:
    const HandleFn& fn_;
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory {
public:
    explicit Factory(HandleFn fn) : fn_(std::move(fn)) {}
    Poco::Net::HTTPRequestHandler* createRequestHandler(const HTTPServerRequest&) override { return new Handler(fn_); }

private:
    HandleFn fn_;
};

}  // namespace

Server::Server(ServerOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}

Server::~Server() { stop(); }

void Server::start() {
    const ServerOptions& o = impl_->options;
    auto params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(o.threads);
    params->setMaxQueued(4096);
    params->setKeepAlive(true);
    params->setKeepAliveTimeout(Poco::Timespan(o.keep_alive_seconds, 0));
    params->setMaxKeepAliveRequests(o.max_keep_alive_requests);
    params->setTimeout(Poco::Timespan(o.io_timeout_seconds, 0));
    params->setServerName("vanban");
    params->setSoftwareVersion(std::string("vanban/") + VANBAN_VERSION);
    try {
        Poco::Net::ServerSocket socket;
        // SO_REUSEADDR (restart at once after a stop) but not SO_REUSEPORT: a second server on the
        // same port is an error, not a silent share.
        socket.bind(Poco::Net::SocketAddress(o.host, static_cast<Poco::UInt16>(o.port)), true, false);
        socket.listen(1024);
        impl_->bound_port = socket.address().port();
        auto* factory = new Factory([impl = impl_.get()](HTTPServerRequest& rq, HTTPServerResponse& rs) { impl->handle(rq, rs); });
        impl_->http = std::make_unique<Poco::Net::HTTPServer>(factory, impl_->pool, socket, params);
    } catch (const Poco::Exception& e) {
        throw ServerError("cannot listen on " + o.host + ":" + std::to_string(o.port) + ": " + e.displayText());
    }
    impl_->http->start();
}

void Server::stop() {
    if (!impl_ || !impl_->http) return;
    impl_->http->stopAll(false);  // in-flight requests finish; idle keep-alive connections close
    impl_->pool.joinAll();
    impl_->http.reset();
}

std::uint16_t Server::port() const { return impl_->bound_port; }

}  // namespace vanban
