// The two baselines of tools/bench/http.sh (not part of ctest):
//
//   http_baseline cpu DB QUERIES OUT_PATHS IDS_OUT
//       The mean CPU time (this thread's) of one in-process Index::search over the queries, warm,
//       then writes the same queries as URL paths (/api/search?q=...) for wrk, and the document ids.
//   http_baseline fixed PORT THREADS BODY_FILE
//       A minimal Poco HTTP server, with the same server parameters as `vanban serve`, that answers
//       every request with the fixed JSON body of BODY_FILE: the floor of HTTP on this machine.
#include <time.h>

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/ThreadPool.h>
#include <signal.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "vanban/index.h"
#include "vanban/render.h"

namespace {

double thread_cpu_ms() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

std::string url_encode(const std::string& s) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

int cpu(const std::string& db, const std::string& queries_file, const std::string& paths_out, const std::string& ids_out) {
    std::vector<std::string> queries;
    std::ifstream in(queries_file);
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line[0] != '#') queries.push_back(line);
    }
    vanban::Index index(db);
    for (const auto& q : queries) (void)vanban::to_json(index.search(q));  // warm
    constexpr int kRounds = 3;
    double search_ms = 0, json_ms = 0;
    for (int r = 0; r < kRounds; ++r) {
        for (const auto& q : queries) {
            double t0 = thread_cpu_ms();
            auto result = index.search(q);
            double t1 = thread_cpu_ms();
            std::string json = vanban::to_json(result);
            double t2 = thread_cpu_ms();
            search_ms += t1 - t0;
            json_ms += t2 - t1;
        }
    }
    double n = static_cast<double>(queries.size() * kRounds);
    std::printf("%.4f %.4f\n", search_ms / n, json_ms / n);
    std::ofstream paths(paths_out);
    for (const auto& q : queries) paths << "/api/search?q=" << url_encode(q) << '\n';
    std::ofstream ids(ids_out);
    vanban::ListOptions all;
    all.limit = 100;
    for (all.offset = 0;; all.offset += 100) {
        auto page = index.list(all);
        for (const auto& d : page.documents) ids << d.id << '\n';
        if (page.documents.size() < 100) break;
    }
    return 0;
}

class Fixed : public Poco::Net::HTTPRequestHandler {
public:
    explicit Fixed(const std::string& body) : body_(body) {}
    void handleRequest(Poco::Net::HTTPServerRequest&, Poco::Net::HTTPServerResponse& response) override {
        response.setContentType("application/json; charset=utf-8");
        response.setContentLength64(static_cast<Poco::Int64>(body_.size()));
        response.send().write(body_.data(), static_cast<std::streamsize>(body_.size()));
    }

private:
    const std::string& body_;
};

class FixedFactory : public Poco::Net::HTTPRequestHandlerFactory {
public:
    explicit FixedFactory(std::string body) : body_(std::move(body)) {}
    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
        return new Fixed(body_);
    }

private:
    std::string body_;
};

int fixed(int port, int threads, const std::string& body_file) {
    std::ifstream in(body_file, std::ios::binary);
    std::stringstream body;
    body << in.rdbuf();
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    auto params = new Poco::Net::HTTPServerParams;  // as vanban::Server::start sets them
    params->setMaxThreads(threads);
    params->setMaxQueued(4096);
    params->setKeepAlive(true);
    params->setKeepAliveTimeout(Poco::Timespan(5, 0));
    params->setMaxKeepAliveRequests(100);
    Poco::ThreadPool pool(2, threads, 60);
    Poco::Net::ServerSocket socket;
    socket.bind(Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(port)), true, false);
    socket.listen(1024);
    Poco::Net::HTTPServer server(new FixedFactory(body.str()), pool, socket, params);
    server.start();
    std::cout << "listening on http://127.0.0.1:" << socket.address().port() << std::endl;
    int sig = 0;
    sigwait(&signals, &sig);
    server.stopAll(false);
    pool.joinAll();
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        std::string mode = argc > 1 ? argv[1] : "";
        if (mode == "cpu" && argc == 6) return cpu(argv[2], argv[3], argv[4], argv[5]);
        if (mode == "fixed" && argc == 5) return fixed(std::atoi(argv[2]), std::atoi(argv[3]), argv[4]);
        std::cerr << "usage: http_baseline cpu DB QUERIES OUT_PATHS IDS_OUT | fixed PORT THREADS BODY_FILE\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "http_baseline: " << e.what() << '\n';
        return 1;
    }
}
