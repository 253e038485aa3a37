// The endpoints without a socket: http::Api::respond on Request values, over a temporary database
// holding the seed plan. What the route table decides (404, 405 with Allow, HEAD as GET), what an
// endpoint answers (JSON, ETag and 304, CSV), and that an import checks its token before it reads
// the body. The same behaviour over a real socket is server_test's.
#include <gtest/gtest.h>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "api.h"
#include "vanban/index.h"
#include "vanban/parser.h"

namespace {

namespace fs = std::filesystem;
using vanban::http::Api;
using vanban::http::Request;
using vanban::http::Response;

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string header(const Response& r, const std::string& name) {
    for (const auto& [k, v] : r.headers) {
        if (k == name) return v;
    }
    return "";
}

Request get(std::string target, std::map<std::string, std::string> headers = {}) {
    Request rq;
    rq.method = "GET";
    rq.target = std::move(target);
    rq.header = [headers](std::string_view name) {
        auto it = headers.find(std::string(name));
        return it == headers.end() ? std::string() : it->second;
    };
    return rq;
}

class ApiTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = fs::temp_directory_path() / ("vanban-api-test-" + std::to_string(::getpid()));
        fs::create_directories(dir_);
        const fs::path seed = fs::path(VANBAN_SOURCE_DIR) / "corpus" / "ke-hoach-134-KH-UBND-ha-noi-2022-04-29.txt";
        std::string bytes = slurp(seed);
        vanban::Index index((dir_ / "db").string());
        id_ = index.import_document(vanban::parse(bytes), seed.string()).id;
        std::ofstream(dir_ / "token") << "s3cret\n";
    }
    static void TearDownTestSuite() { fs::remove_all(dir_); }

    static Api make(bool with_token = false) {
        vanban::ServerOptions o;
        o.db = (dir_ / "db").string();
        if (with_token) o.token_file = (dir_ / "token").string();
        return Api(o);
    }

    static inline fs::path dir_;
    static inline std::int64_t id_ = 0;
};

TEST_F(ApiTest, RoutesAnswerWithoutASocket) {
    Api api = make();
    Response health = api.respond(get("/healthz"));
    EXPECT_EQ(health.status, 200);
    EXPECT_NE(health.body.find("\"documents\":1"), std::string::npos) << health.body;

    Response found = api.respond(get("/api/search?q=phong%20chong%20dich"));
    EXPECT_EQ(found.status, 200);
    EXPECT_EQ(found.content_type, "application/json; charset=utf-8");
    EXPECT_EQ(header(found, "Cache-Control"), "no-store");
    EXPECT_NE(found.body.find("134/KH-UBND"), std::string::npos);

    Response page = api.respond(get("/documents/1"));  // a view of the page, routed on the client
    EXPECT_EQ(page.status, 200);
    EXPECT_EQ(page.content_type, "text/html; charset=utf-8");
    EXPECT_FALSE(header(page, "Content-Security-Policy").empty());

    Request head = get("/api/documents");
    head.method = "HEAD";  // answered as GET (Poco leaves the body out)
    EXPECT_EQ(api.respond(head).status, 200);
}

TEST_F(ApiTest, UnknownPathsAndMethodsAreTheTablesAnswer) {
    Api api = make();
    Response page = api.respond(get("/nothing"));
    EXPECT_EQ(page.status, 404);
    EXPECT_NE(page.body.find("no such page: /nothing"), std::string::npos) << page.body;
    Response path = api.respond(get("/api/nothing"));
    EXPECT_EQ(path.status, 404);
    EXPECT_NE(path.body.find("\"code\":\"not_found\""), std::string::npos) << path.body;
    EXPECT_NE(api.respond(get("/api/documents/abc/graph")).body.find("no document with id 'abc'"), std::string::npos);
    // The index's own NotFound, for an id it does not hold; a depth out of range is said first.
    for (const char* missing : {"/api/documents/999999/references", "/api/documents/999999/graph", "/api/documents/999999"}) {
        Response r = api.respond(get(missing));
        EXPECT_EQ(r.status, 404) << missing;
        EXPECT_NE(r.body.find("no document with id 999999"), std::string::npos) << r.body;
    }
    EXPECT_EQ(api.respond(get("/api/documents/999999/graph?depth=9")).status, 400);

    Request put = get("/api/documents");
    put.method = "PUT";
    Response r = api.respond(put);
    EXPECT_EQ(r.status, 405);
    EXPECT_EQ(header(r, "Allow"), "GET, POST, HEAD");
    Request post = get("/api/search?q=x");
    post.method = "POST";
    EXPECT_EQ(header(api.respond(post), "Allow"), "GET, HEAD");

    EXPECT_EQ(api.respond(get("/api/search?q=x&bogus=1")).status, 400);
    EXPECT_EQ(api.respond(get("/api/search?q=%zz")).status, 400);
    EXPECT_EQ(api.respond(get("/api/search?q=\"unbalanced")).status, 400);  // a QueryError
}

TEST_F(ApiTest, ADocumentHasAnETagAndAnswers304) {
    Api api = make();
    const std::string target = "/api/documents/" + std::to_string(id_);
    Response first = api.respond(get(target));
    ASSERT_EQ(first.status, 200);
    EXPECT_NE(first.payload().find("\"number\":\"134/KH-UBND\""), std::string::npos);  // the cached rendering
    const std::string etag = header(first, "ETag");
    ASSERT_FALSE(etag.empty());
    Response again = api.respond(get(target, {{"If-None-Match", etag}}));
    EXPECT_EQ(again.status, 304);
    EXPECT_TRUE(again.body.empty());
    EXPECT_TRUE(again.content_type.empty());
    EXPECT_EQ(header(again, "ETag"), etag);
}

TEST_F(ApiTest, AssignmentsAsCsvOnAskingForIt) {
    Api api = make();
    Response agencies = api.respond(get("/api/agencies?q=so%20y%20te"));
    ASSERT_EQ(agencies.status, 200);
    auto list = Poco::JSON::Parser().parse(agencies.body).extract<Poco::JSON::Object::Ptr>()->getArray("agencies");
    ASSERT_GT(list->size(), 0u);
    std::string id = list->getObject(0)->getObject("agency")->getValue<std::string>("id");
    std::string at = id;
    for (std::size_t p = at.find('@'); p != std::string::npos; p = at.find('@')) at.replace(p, 1, "%40");
    Response csv = api.respond(get("/api/agencies/" + at + "/assignments", {{"Accept", "text/csv"}}));
    EXPECT_EQ(csv.status, 200);
    EXPECT_EQ(csv.content_type, "text/csv; charset=utf-8");
    EXPECT_EQ(csv.body.rfind("\xEF\xBB\xBF", 0), 0u);  // the BOM Excel needs
    EXPECT_NE(header(csv, "Content-Disposition").find("attachment"), std::string::npos);
}

TEST_F(ApiTest, AnImportChecksItsTokenBeforeReadingTheBody) {
    bool read = false;
    Request post;
    post.method = "POST";
    post.target = "/api/documents";
    post.read_body = [&read] {
        read = true;
        return std::string("x");
    };
    Api off = make();
    EXPECT_EQ(off.respond(post).status, 403);  // started without a token file
    Api api = make(true);
    Response r = api.respond(post);
    EXPECT_EQ(r.status, 401);
    EXPECT_EQ(header(r, "WWW-Authenticate"), "Bearer");
    EXPECT_FALSE(read);

    post.header = [](std::string_view name) {
        if (name == "Authorization") return std::string("Bearer s3cret");
        if (name == "Content-Type") return std::string("text/plain; charset=utf-8");
        return std::string();
    };
    post.read_body = [] { return std::string("   \n"); };
    Response empty = api.respond(post);
    EXPECT_EQ(empty.status, 400);
    EXPECT_NE(empty.body.find("the body is empty"), std::string::npos);
    post.read_body = []() -> std::string { throw vanban::http::HttpError{413, "too large"}; };
    Response big = api.respond(post);
    EXPECT_EQ(big.status, 413);
    EXPECT_TRUE(big.close);  // the body was not read: the connection cannot go on
}

}  // namespace
