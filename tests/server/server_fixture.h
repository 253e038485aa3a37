// The HTTP API's test fixture: a real vanban::Server on a loopback port chosen by the system, over a
// temporary database holding corpus/ and a stand-in for 38/NQ-CP, and the helpers that talk to it
// (a request, raw bytes, the OpenAPI description to check answers against). Each test program that
// includes it (server_test, server_load_test) has its own server and database.
#pragma once

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/StreamCopier.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <thread>

#include "corpus_files.h"
#include "json_schema.h"
#include "reorganisation.h"
#include "vanban/index.h"
#include "vanban/parser.h"
#include "vanban/server.h"

namespace {

namespace fs = std::filesystem;
using Poco::JSON::Array;
using Poco::JSON::Object;

using vanban::test::kResolution38;

struct Reply {
    int status = 0;
    std::string body, content_type;
    std::map<std::string, std::string> headers;
    Object::Ptr json() const { return Poco::JSON::Parser().parse(body).extract<Object::Ptr>(); }
};

// One request on a fresh connection (or on `session` to keep it alive).
Reply request(Poco::Net::HTTPClientSession& session, const std::string& method, const std::string& target,
              const std::map<std::string, std::string>& headers = {}, const std::string* body = nullptr) {
    Poco::Net::HTTPRequest req(method, target, Poco::Net::HTTPMessage::HTTP_1_1);
    for (const auto& [k, v] : headers) req.set(k, v);
    if (body) req.setContentLength64(static_cast<Poco::Int64>(body->size()));
    std::ostream& out = session.sendRequest(req);
    if (body) out << *body;
    Poco::Net::HTTPResponse resp;
    std::istream& in = session.receiveResponse(resp);
    Reply r;
    r.status = resp.getStatus();
    r.content_type = resp.getContentType();
    for (const auto& [k, v] : resp) r.headers[k] = v;
    Poco::StreamCopier::copyToString(in, r.body);
    return r;
}

// Bytes sent as they are, for requests a client library would refuse to make.
[[maybe_unused]] std::string raw(std::uint16_t port, const std::string& bytes) {
    Poco::Net::StreamSocket s(Poco::Net::SocketAddress("127.0.0.1", port));
    s.setReceiveTimeout(Poco::Timespan(10, 0));
    s.sendBytes(bytes.data(), static_cast<int>(bytes.size()));
    std::string out;
    char buf[4096];
    int n;
    try {
        while ((n = s.receiveBytes(buf, sizeof buf)) > 0) {
            out.append(buf, static_cast<std::size_t>(n));
            if (out.find("\r\n\r\n") != std::string::npos) break;
        }
    } catch (const Poco::Exception&) {
        // a reset after the answer is fine
    }
    return out;
}

[[maybe_unused]] int raw_status(const std::string& response) {
    return response.size() > 12 && response.starts_with("HTTP/1.") ? std::stoi(response.substr(9, 3)) : -1;
}

class Api : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = fs::temp_directory_path() / ("vanban-api-" + std::to_string(::getpid()));
        fs::remove_all(dir_);
        fs::create_directories(dir_);
        {
            vanban::Index index((dir_ / "api.db").string());
            vanban::ImportBatch batch(index);
            for (const auto& e : fs::directory_iterator(vanban::test::corpus_dir())) {
                if (e.path().extension() != ".txt" && e.path().extension() != ".md") continue;
                std::string bytes = vanban::test::slurp(e.path());
                index.import_document(vanban::parse(bytes), e.path().string());
            }
            index.import_document(vanban::parse(kResolution38), "nq38.txt");
            for (const char* doc : {vanban::test::kPhuYen2024, vanban::test::kDakLak2025, vanban::test::kDongThap2025}) {
                index.import_document(vanban::parse(doc), "");
            }
            batch.commit();
        }
        std::ofstream(dir_ / "token") << "  s3cret-token\n";
        const char* source = std::getenv("VANBAN_SOURCE_DIR");
        ASSERT_NE(source, nullptr) << "VANBAN_SOURCE_DIR is not set (ctest sets it)";
        spec_ = Poco::JSON::Parser().parse(vanban::test::slurp(fs::path(source) /
                                                               "server" / "openapi.json"))
                    .extract<Object::Ptr>();
        server_ = start({});
    }
    static void TearDownTestSuite() {
        server_.reset();
        fs::remove_all(dir_);
    }

    static std::unique_ptr<vanban::Server> start(std::function<void(vanban::ServerOptions&)> adjust) {
        vanban::ServerOptions o;
        o.db = (dir_ / "api.db").string();
        o.port = 0;
        o.threads = 8;
        o.token_file = (dir_ / "token").string();
        o.log = &log_;
        if (adjust) adjust(o);
        auto s = std::make_unique<vanban::Server>(o);
        s->start();
        return s;
    }

    static Reply get(const std::string& target, const std::map<std::string, std::string>& headers = {},
                     vanban::Server* server = nullptr) {
        Poco::Net::HTTPClientSession session("127.0.0.1", (server ? server : server_.get())->port());
        session.setTimeout(Poco::Timespan(30, 0));
        return request(session, "GET", target, headers);
    }

    // The page's ES modules by name, followed from /static/app.js through their imports ("from
    // './x.js'", "import './x.js'"); each must be served 200 as JavaScript.
    static std::map<std::string, std::string> page_modules() {
        std::map<std::string, std::string> seen;
        std::vector<std::string> todo = {"app.js"};
        while (!todo.empty()) {
            std::string name = todo.back();
            todo.pop_back();
            if (seen.count(name)) continue;
            Reply r = get("/static/" + name);
            EXPECT_EQ(r.status, 200) << name;
            EXPECT_EQ(r.content_type, "text/javascript; charset=utf-8") << name;
            seen[name] = r.body;
            for (std::size_t p = r.body.find("'./"); p != std::string::npos; p = r.body.find("'./", p + 3)) {
                std::size_t e = r.body.find('\'', p + 3);
                if (e != std::string::npos && r.body.compare(e - 3, 3, ".js") == 0) todo.push_back(r.body.substr(p + 3, e - p - 3));
            }
        }
        return seen;
    }
    static Reply post(const std::string& target, const std::string& body, std::map<std::string, std::string> headers,
                      vanban::Server* server = nullptr) {
        Poco::Net::HTTPClientSession session("127.0.0.1", (server ? server : server_.get())->port());
        session.setTimeout(Poco::Timespan(30, 0));
        return request(session, "POST", target, headers, &body);
    }

    static Reply del(const std::string& target, const std::map<std::string, std::string>& headers = {},
                     vanban::Server* server = nullptr) {
        Poco::Net::HTTPClientSession session("127.0.0.1", (server ? server : server_.get())->port());
        session.setTimeout(Poco::Timespan(30, 0));
        return request(session, "DELETE", target, headers);
    }

    // The response validates against the OpenAPI schema of that path, method and status.
    static void conforms(const Reply& r, const std::string& path, const std::string& method = "get") {
        ASSERT_NE(spec_->getObject("paths")->getObject(path), nullptr) << path << " is not in openapi.json";
        auto op = spec_->getObject("paths")->getObject(path)->getObject(method);
        ASSERT_NE(op, nullptr) << method << " " << path << " is not in openapi.json";
        auto resp = op->getObject("responses")->getObject(std::to_string(r.status));
        ASSERT_NE(resp, nullptr) << "status " << r.status << " of " << method << " " << path << " is not documented";
        auto schema = resp->getObject("content")->getObject("application/json")->getObject("schema");
        std::string error = vanban::test::validate(Poco::JSON::Parser().parse(r.body), schema, spec_);
        EXPECT_EQ(error, "") << method << " " << path << " " << r.status << ": " << r.body.substr(0, 300);
    }

    static void expect_error(const Reply& r, int status, const std::string& path, const std::string& method = "get") {
        EXPECT_EQ(r.status, status) << r.body;
        EXPECT_EQ(r.content_type, "application/json; charset=utf-8");
        conforms(r, path, method);
    }

    static inline fs::path dir_;
    static inline std::ostringstream log_;
    static inline Object::Ptr spec_;
    static inline std::unique_ptr<vanban::Server> server_;
};

}  // namespace
