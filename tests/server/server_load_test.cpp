// The HTTP API under load and faults (server_fixture.h): imports while clients search, no document
// served stale, no client starved by 64 keep-alive clients on 4 threads, a slow client dropped, an
// internal error answered 500 with its request id, one access-log line per request.
#include "server_fixture.h"

namespace {

TEST_F(Api, ImportWhileEightClientsSearch) {
    std::atomic<bool> done{false};
    std::atomic<int> searches{0}, failures{0};
    std::vector<std::thread> clients;
    for (int c = 0; c < 8; ++c) {
        clients.emplace_back([&, c] {
            Poco::Net::HTTPClientSession session("127.0.0.1", server_->port());
            session.setTimeout(Poco::Timespan(30, 0));
            const char* queries[] = {"phong+chong+dich", "so+y+te", "nghi+dinh", "ke+hoach+trien+khai"};
            while (!done) {
                try {
                    Reply r = request(session, "GET", std::string("/api/search?q=") + queries[c % 4] + "&limit=5");
                    if (r.status != 200 || r.json()->getValue<int>("total") < 1) ++failures;
                } catch (const std::exception&) {
                    ++failures;
                }
                ++searches;
            }
        });
    }
    std::map<std::string, std::string> good = {{"Content-Type", "text/plain"}, {"Authorization", "Bearer s3cret-token"}};
    int imported = 0;
    for (int i = 0; i < 20; ++i) {
        std::string doc = "ỦY BAN NHÂN DÂN\nTỈNH HÀ NAM\n-------\nSố: " + std::to_string(500 + i) +
                          "/KH-UBND\nHà Nam, ngày 3 tháng 7 năm 2024\n\nKẾ HOẠCH\nPhòng, chống dịch bệnh zebrafest số " +
                          std::to_string(i) + "\n\nI. NHIỆM VỤ\n1. Sở Y tế chủ trì phòng, chống dịch.\n";
        Reply r = post("/api/documents", doc, good);
        if (r.status == 201) ++imported;
        else ADD_FAILURE() << r.status << " " << r.body << "\nlog: " << log_.str().substr(log_.str().size() > 2000 ? log_.str().size() - 2000 : 0);
    }
    done = true;
    for (auto& t : clients) t.join();
    EXPECT_EQ(imported, 20);
    EXPECT_EQ(failures, 0);
    EXPECT_GE(searches, 8);
    Reply r = get("/api/search?q=zebrafest&type=ke+hoach");
    EXPECT_EQ(r.json()->getValue<int>("total"), 20);
}

TEST_F(Api, ADocumentIsNeverServedStale) {
    Reply found = get("/api/lookup?number=134/KH-UBND");
    std::string id = std::to_string(found.json()->getArray("candidates")->getObject(0)->getValue<int>("id"));
    Reply before = get("/api/documents/" + id);
    ASSERT_EQ(before.status, 200);
    std::string etag = before.headers["ETag"];
    ASSERT_FALSE(etag.empty());
    // Unchanged: 304 for the same ETag, the same body again without it.
    EXPECT_EQ(get("/api/documents/" + id, {{"If-None-Match", etag}}).status, 304);
    EXPECT_EQ(get("/api/documents/" + id).body, before.body);
    std::size_t cited_before = before.json()->getArray("cited_by")->size();
    // A new document citing it: the next fetch shows it in cited_by, under a new ETag.
    std::string district =
        "ỦY BAN NHÂN DÂN\nQUẬN HOÀN KIẾM\n-------\nSố: 301/KH-UBND\nHoàn Kiếm, ngày 12 tháng 5 năm 2022\n\n"
        "KẾ HOẠCH\nThực hiện Kế hoạch số 134/KH-UBND ngày 29/4/2022 của UBND Thành phố\n\n"
        "Thực hiện Kế hoạch số 134/KH-UBND ngày 29/4/2022 của UBND Thành phố Hà Nội, UBND quận ban hành"
        " Kế hoạch như sau:\n\nI. NHIỆM VỤ\n1. Phòng Y tế quận chủ trì.\n";
    Reply added = post("/api/documents", district, {{"Content-Type", "text/plain"}, {"Authorization", "Bearer s3cret-token"}});
    ASSERT_EQ(added.status, 201) << added.body;
    Reply after = get("/api/documents/" + id);
    EXPECT_NE(after.headers["ETag"], etag);
    EXPECT_EQ(get("/api/documents/" + id, {{"If-None-Match", etag}}).status, 200);
    EXPECT_EQ(after.json()->getArray("cited_by")->size(), cited_before + 1);
}

TEST_F(Api, NoClientStarvesWith64KeepAliveClientsOn4Threads) {
    auto small = start([](vanban::ServerOptions& o) { o.threads = 4; });
    std::atomic<int> ok{0}, failed{0};
    std::vector<std::thread> clients;
    constexpr int kClients = 64, kRequests = 10;
    for (int c = 0; c < kClients; ++c) {
        clients.emplace_back([&] {
            Poco::Net::HTTPClientSession session("127.0.0.1", small->port());
            session.setKeepAlive(true);
            session.setTimeout(Poco::Timespan(30, 0));
            for (int i = 0; i < kRequests; ++i) {
                try {
                    Reply r = request(session, "GET", "/api/search?q=so+y+te&limit=3");
                    r.status == 200 ? ++ok : ++failed;
                } catch (const std::exception&) {
                    ++failed;
                }
            }
        });
    }
    for (auto& t : clients) t.join();
    EXPECT_EQ(failed, 0);
    EXPECT_EQ(ok, kClients * kRequests);
}

TEST_F(Api, ASlowClientIsDroppedAndOthersAreServed) {
    auto server = start([](vanban::ServerOptions& o) {
        o.threads = 2;
        o.io_timeout_seconds = 1;
    });
    // Half a request, then silence: the worker gives up after the I/O timeout and closes.
    Poco::Net::StreamSocket slow(Poco::Net::SocketAddress("127.0.0.1", server->port()));
    std::string half = "GET /healthz HTTP/1.1\r\nHost: x\r\n";
    slow.sendBytes(half.data(), static_cast<int>(half.size()));
    EXPECT_EQ(get("/healthz", {}, server.get()).status, 200);  // the other worker answers meanwhile
    slow.setReceiveTimeout(Poco::Timespan(10, 0));
    char buf[256];
    int n = -1;
    auto t0 = std::chrono::steady_clock::now();
    try {
        n = slow.receiveBytes(buf, sizeof buf);
    } catch (const Poco::Exception&) {
        n = 0;  // reset: closed as well
    }
    double waited = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    // Closed (maybe with a 400 first), well before our own 10 s receive timeout.
    EXPECT_LT(waited, 5.0);
    if (n > 0) {
        EXPECT_EQ(raw_status(std::string(buf, static_cast<std::size_t>(n))), 400);
    }
}

TEST_F(Api, AnInternalErrorIs500WithItsRequestIdAndNoSql) {
    // A damaged database (a table gone under the server): the error reaches the log with the request
    // id; the client gets the id, not the SQL.
    fs::copy_file(dir_ / "api.db", dir_ / "damaged.db", fs::copy_options::overwrite_existing);
    std::ostringstream log;
    auto server = start([&](vanban::ServerOptions& o) {
        o.db = (dir_ / "damaged.db").string();
        o.log = &log;
    });
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open((dir_ / "damaged.db").c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, "DROP TABLE sections", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
    Reply r = get("/api/documents/1", {}, server.get());
    ASSERT_EQ(r.status, 500) << r.body;
    conforms(r, "/api/documents/{id}");
    std::string id = r.headers["X-Request-Id"];
    ASSERT_FALSE(id.empty());
    std::string message = r.json()->getObject("error")->getValue<std::string>("message");
    EXPECT_NE(message.find(id), std::string::npos) << message;
    EXPECT_EQ(message.find("sections"), std::string::npos) << message;
    EXPECT_EQ(message.find("SELECT"), std::string::npos) << message;
    EXPECT_NE(log.str().find("request " + id + ": internal error"), std::string::npos) << log.str();
    EXPECT_NE(log.str().find("sections"), std::string::npos) << log.str();
    EXPECT_EQ(get("/healthz", {}, server.get()).status, 200);  // and it goes on serving
}

TEST_F(Api, AccessLogHasOneLinePerRequest) {
    get("/healthz?");
    std::string log = log_.str();
    // "GET /healthz? 200 0.4ms 0000002a"
    EXPECT_NE(log.find("GET /healthz? 200 "), std::string::npos) << log.substr(0, 500);
}

}  // namespace
