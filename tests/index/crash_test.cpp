// Crash safety: `vanban import` killed with SIGKILL at random moments, and `vanban serve` killed during
// POST and DELETE. After each kill the database passes SQLite's and FTS5's integrity checks, every
// document in it is whole (its row, sections, tasks, assignments and citations are those of an
// uninterrupted import) or absent, and running the same work again reaches the same logical content
// (a checksum of every table but the generation counter and the word model, documents keyed by their
// source rather than their id).
//
// ctest runs a short version (VANBAN_CRASH_DOCS documents, VANBAN_CRASH_RUNS kills each, from the
// environment); tools/bench/crash.sh runs the 2,000 documents and 20 kills.
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <Poco/DigestEngine.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/SHA1Engine.h>
#include <Poco/StreamCopier.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "corpus_files.h"
#include "vanban/index.h"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

int env_int(const char* name, int fallback) {
    const char* v = std::getenv(name);
    return v && *v ? std::atoi(v) : fallback;
}

std::string sha1(const std::string& bytes) {
    Poco::SHA1Engine engine;
    engine.update(bytes);
    return Poco::DigestEngine::digestToHex(engine.digest());
}

// What one database holds, as checksums: per document (by source path) of everything that is its
// own, and of the whole (those plus where each citation resolves).
struct Content {
    std::map<std::string, std::string> documents;  // source path -> checksum of the document and its rows
    std::string whole;
};

Content content_of(const std::string& path) {
    vanban::Index index(path);  // writable: FTS5's integrity-check is an INSERT
    auto* db = static_cast<sqlite3*>(index.handle());
    auto rows = [&](const std::string& sql, const std::function<void(sqlite3_stmt*)>& each) {
        sqlite3_stmt* s = nullptr;
        if (sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr) != SQLITE_OK) throw std::runtime_error(sqlite3_errmsg(db));
        int rc;
        while ((rc = sqlite3_step(s)) == SQLITE_ROW) each(s);
        sqlite3_finalize(s);
        if (rc != SQLITE_DONE) throw std::runtime_error(sqlite3_errmsg(db));
    };
    auto text = [](sqlite3_stmt* s, int col) {
        const unsigned char* t = sqlite3_column_text(s, col);
        return t ? std::string(reinterpret_cast<const char*>(t)) : std::string("\x01");  // NULL apart from ''
    };
    std::string integrity;
    rows("PRAGMA integrity_check", [&](sqlite3_stmt* s) { integrity += text(s, 0); });
    if (integrity != "ok") throw std::runtime_error("integrity_check: " + integrity);
    char* err = nullptr;
    if (sqlite3_exec(db, "INSERT INTO documents_fts(documents_fts, rank) VALUES('integrity-check', 1);"
                         "INSERT INTO tasks_fts(tasks_fts, rank) VALUES('integrity-check', 1);",
                     nullptr, nullptr, &err) != SQLITE_OK) {
        std::string message = err ? err : "?";
        sqlite3_free(err);
        throw std::runtime_error("FTS5 integrity-check: " + message);
    }
    std::map<std::int64_t, std::string> source_of, own, targets;
    rows("SELECT id, source_path, number, number_key, type, issuer, date, title, content_hash, text FROM documents",
         [&](sqlite3_stmt* s) {
             const std::int64_t id = sqlite3_column_int64(s, 0);
             source_of[id] = text(s, 1);
             for (int c = 2; c < 10; ++c) own[id] += text(s, c) + '\x1f';
         });
    auto add = [&](const std::string& sql, std::map<std::int64_t, std::string>& to, int columns) {
        rows(sql, [&](sqlite3_stmt* s) {
            std::string& out = to[sqlite3_column_int64(s, 0)];
            for (int c = 1; c < columns; ++c) out += text(s, c) + '\x1f';
            out += '\n';
        });
    };
    add("SELECT document_id, 's', path, kind, heading, start, end FROM sections ORDER BY document_id, id", own, 7);
    add("SELECT document_id, 't', path, start, end, deadline_text, deadline_from, deadline_to FROM tasks ORDER BY document_id, id",
        own, 8);
    add("SELECT t.document_id, 'a', t.path, ta.agency_id, ta.role, ta.name FROM task_agencies ta JOIN tasks t ON t.id = ta.task_id"
        " ORDER BY t.document_id, t.id, ta.rowid",
        own, 6);
    add("SELECT document_id, 'c', number, number_key, type, date, issuer, relation, provision, start, end FROM citations"
        " ORDER BY document_id, id",
        own, 11);
    add("SELECT c.document_id, d.source_path FROM citations c LEFT JOIN documents d ON d.id = c.target_id ORDER BY c.document_id, c.id",
        targets, 2);
    // Orphans would be rows of no document: the foreign keys say there are none.
    std::string orphans;
    rows("PRAGMA foreign_key_check", [&](sqlite3_stmt* s) { orphans += text(s, 0) + " "; });
    if (!orphans.empty()) throw std::runtime_error("foreign_key_check: rows without their document in " + orphans);
    Content out;
    std::string whole;
    for (const auto& [id, source] : source_of) out.documents[source] = sha1(own[id]);
    for (const auto& [source, sum] : out.documents) whole += source + '\x1f' + sum + '\n';
    std::map<std::string, std::string> by_source;
    for (const auto& [id, t] : targets) by_source[source_of[id]] = t;
    for (const auto& [source, t] : by_source) whole += source + '\x1e' + t;
    out.whole = sha1(whole);
    return out;
}

// Every document of `got` is whole: its checksum is the one an uninterrupted run gave it.
void expect_whole_or_absent(const Content& got, const Content& reference, const std::string& when) {
    for (const auto& [source, sum] : got.documents) {
        auto it = reference.documents.find(source);
        if (it == reference.documents.end()) {
            ADD_FAILURE() << when << ": " << source << " is not a document of the reference";
        } else {
            EXPECT_EQ(sum, it->second) << when << ": " << source << " is not whole";
        }
    }
}

struct Child {
    pid_t pid = -1;
    FILE* out = nullptr;
};

Child spawn(const std::vector<std::string>& args, const fs::path& log) {
    int fds[2];
    if (::pipe(fds) != 0) throw std::runtime_error("pipe");
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::dup2(fds[1], 1);
        FILE* e = std::fopen(log.c_str(), "a");
        if (e) ::dup2(::fileno(e), 2);
        ::close(fds[0]);
        std::vector<char*> argv;
        for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    ::close(fds[1]);
    return {pid, ::fdopen(fds[0], "r")};
}

int finish(Child& c) {
    int status = 0;
    ::waitpid(c.pid, &status, 0);
    if (c.out) std::fclose(c.out);
    c.out = nullptr;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

void remove_db(const std::string& path) {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(path + suffix);
}

class Crash : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = fs::temp_directory_path() / ("vanban-crash-" + std::to_string(::getpid()));
        fs::remove_all(dir_);
        fs::create_directories(dir_);
        docs_ = dir_ / "docs";
        const char* src = std::getenv("VANBAN_SOURCE_DIR");
        const fs::path root = src ? src : ".";
        const int n = env_int("VANBAN_CRASH_DOCS", 600);
        const std::string cmd = "python3 " + (root / "tools" / "gen_corpus").string() + " " + std::to_string(n) + " " +
                                docs_.string() + " --source " + (root / "corpus").string() + " >/dev/null 2>&1";
        generated_ = std::system(cmd.c_str()) == 0;
    }
    static void TearDownTestSuite() { fs::remove_all(dir_); }

    static inline fs::path dir_, docs_;
    static inline bool generated_ = false;
};

TEST_F(Crash, AnImportKilledAtAnyMomentLeavesWholeDocumentsAndARerunFinishesIt) {
    ASSERT_TRUE(generated_) << "tools/gen_corpus did not run (python3 is installed by tools/install-deps.sh)";
    const std::string reference_db = (dir_ / "reference.db").string(), db = (dir_ / "killed.db").string();
    const fs::path log = dir_ / "import.log";
    const auto started = Clock::now();
    Child clean = spawn({VANBAN_CLI, "import", docs_.string(), "--db", reference_db, "--quiet"}, log);
    ASSERT_EQ(finish(clean), 0) << vanban::test::slurp(log);
    const double full = std::chrono::duration<double>(Clock::now() - started).count();
    const Content reference = content_of(reference_db);
    ASSERT_GT(reference.documents.size(), 0u);

    std::mt19937 random(static_cast<unsigned>(env_int("VANBAN_CRASH_SEED", 12)));
    std::uniform_real_distribution<double> moment(0.0, 1.1 * full);
    const int runs = env_int("VANBAN_CRASH_RUNS", 2);
    int killed = 0;
    std::size_t least = SIZE_MAX, most = 0;
    for (int run = 0; run < runs; ++run) {
        remove_db(db);
        // Killed twice: into a new database, then again while importing over what the first left.
        for (int pass = 0; pass < 2; ++pass) {
            const double at = moment(random);
            Child c = spawn({VANBAN_CLI, "import", docs_.string(), "--db", db, "--quiet"}, log);
            std::this_thread::sleep_for(std::chrono::duration<double>(at));
            killed += ::kill(c.pid, SIGKILL) == 0 && finish(c) == 128 + SIGKILL;
            if (c.out) finish(c);
            if (!fs::exists(db)) continue;  // killed before it made the file
            const std::string when = "run " + std::to_string(run) + " pass " + std::to_string(pass) + " (killed at " +
                                     std::to_string(at) + " s)";
            try {
                const Content after = content_of(db);
                expect_whole_or_absent(after, reference, when);
                least = std::min(least, after.documents.size());
                most = std::max(most, after.documents.size());
            } catch (const std::exception& e) {
                ADD_FAILURE() << when << ": " << e.what();
            }
        }
        Child again = spawn({VANBAN_CLI, "import", docs_.string(), "--db", db, "--quiet"}, log);
        ASSERT_EQ(finish(again), 0) << vanban::test::slurp(log);
        const Content rerun = content_of(db);
        EXPECT_EQ(rerun.documents.size(), reference.documents.size()) << "run " << run;
        EXPECT_EQ(rerun.whole, reference.whole) << "run " << run << ": the re-run's content differs from an uninterrupted import";
    }
    std::printf("[ crash    ] %d of %d imports of %zu documents killed (a full import: %.1f s); after a kill %zu to %zu documents were in"
                " the database, each whole\n",
                killed, 2 * runs, reference.documents.size(), full, least == SIZE_MAX ? 0 : least, most);
    EXPECT_GT(killed, 0);
}

// The check itself sees a document that lost a row, or a row of no document.
TEST_F(Crash, TheCheckSeesADocumentThatIsNotWhole) {
    ASSERT_TRUE(generated_);
    const std::string db = (dir_ / "partial.db").string();
    const fs::path log = dir_ / "partial.log";
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(docs_)) {
        if (e.is_regular_file() && files.size() < 5) files.push_back(e.path());
    }
    std::vector<std::string> args = {VANBAN_CLI, "import"};
    for (const auto& f : files) args.push_back(f.string());
    args.insert(args.end(), {"--db", db, "--quiet"});
    Child c = spawn(args, log);
    ASSERT_EQ(finish(c), 0) << vanban::test::slurp(log);
    const Content before = content_of(db);
    {
        vanban::Index index(db);
        ASSERT_EQ(sqlite3_exec(static_cast<sqlite3*>(index.handle()),
                               "DELETE FROM sections WHERE id = (SELECT max(id) FROM sections)", nullptr, nullptr, nullptr),
                  SQLITE_OK);
    }
    const Content after = content_of(db);
    EXPECT_NE(after.whole, before.whole);
    int differ = 0;
    for (const auto& [source, sum] : after.documents) differ += before.documents.at(source) != sum;
    EXPECT_EQ(differ, 1);
    {
        vanban::Index index(db);
        auto* handle = static_cast<sqlite3*>(index.handle());
        ASSERT_EQ(sqlite3_exec(handle, "PRAGMA foreign_keys = OFF; INSERT INTO tasks(document_id, path, start, end) VALUES(9999, '1', 0, 1)",
                               nullptr, nullptr, nullptr),
                  SQLITE_OK);
    }
    EXPECT_THROW(content_of(db), std::runtime_error);
}

// The server killed during POST and DELETE: what it committed is whole, and the same requests again
// reach the content of an uninterrupted run.
struct Server {
    Child child;
    int port = -1;
};

Server serve(const std::string& db, const fs::path& token, const fs::path& log) {
    Server s;
    s.child = spawn({VANBAN_CLI, "serve", "--db", db, "--port", "0", "--threads", "2", "--token-file", token.string()}, log);
    char buf[256] = {};
    if (std::fgets(buf, sizeof buf, s.child.out)) {
        const std::string line(buf), prefix = "listening on http://127.0.0.1:";
        if (line.starts_with(prefix)) s.port = std::stoi(line.substr(prefix.size()));
    }
    return s;
}

// The work: POST each document (named by its file), then DELETE every third (unless not `removals`).
// False when the server
// stopped answering (it was killed).
bool post_and_delete(int port, const std::vector<fs::path>& files, bool removals = true) {
    try {
        std::vector<std::int64_t> ids;
        for (const auto& f : files) {
            std::ifstream in(f, std::ios::binary);
            std::stringstream ss;
            ss << in.rdbuf();
            const std::string body = ss.str();
            Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(port));
            Poco::Net::HTTPRequest req("POST", "/api/documents?name=" + f.filename().string(), Poco::Net::HTTPMessage::HTTP_1_1);
            req.set("Authorization", "Bearer crash-test-token");
            req.setContentType("text/plain; charset=utf-8");
            req.setContentLength64(static_cast<Poco::Int64>(body.size()));
            session.sendRequest(req) << body;
            Poco::Net::HTTPResponse resp;
            std::string reply;
            Poco::StreamCopier::copyToString(session.receiveResponse(resp), reply);
            if (resp.getStatus() != 200 && resp.getStatus() != 201) throw std::runtime_error("POST " + std::to_string(resp.getStatus()) + " " + reply);
            ids.push_back(Poco::JSON::Parser().parse(reply).extract<Poco::JSON::Object::Ptr>()->getValue<Poco::Int64>("id"));
        }
        for (std::size_t i = 0; removals && i < ids.size(); i += 3) {
            Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(port));
            Poco::Net::HTTPRequest req("DELETE", "/api/documents/" + std::to_string(ids[i]), Poco::Net::HTTPMessage::HTTP_1_1);
            req.set("Authorization", "Bearer crash-test-token");
            session.sendRequest(req);
            Poco::Net::HTTPResponse resp;
            std::string reply;
            Poco::StreamCopier::copyToString(session.receiveResponse(resp), reply);
            // 404: removed already (by the run the kill interrupted).
            if (resp.getStatus() != 200 && resp.getStatus() != 404) throw std::runtime_error("DELETE " + std::to_string(resp.getStatus()));
        }
        return true;
    } catch (const Poco::Exception&) {
        return false;
    }
}

TEST_F(Crash, AServerKilledDuringPostAndDeleteLeavesWholeDocumentsAndTheSameRequestsFinishIt) {
    ASSERT_TRUE(generated_);
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(docs_)) {
        if (e.is_regular_file()) files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    files.resize(std::min<std::size_t>(files.size(), static_cast<std::size_t>(env_int("VANBAN_CRASH_POSTS", 40))));
    const fs::path token = dir_ / "token", log = dir_ / "serve.log";
    std::ofstream(token) << "crash-test-token\n";
    const std::string reference_db = (dir_ / "served-reference.db").string(), db = (dir_ / "served.db").string();

    // Uninterrupted: every document posted (what each one is when whole), then the removals too.
    double full = 0;
    Content whole, reference;
    {
        Server s = serve(reference_db, token, log);
        ASSERT_GT(s.port, 0) << vanban::test::slurp(log);
        const auto started = Clock::now();
        ASSERT_TRUE(post_and_delete(s.port, files, false));
        full = std::chrono::duration<double>(Clock::now() - started).count();
        ::kill(s.child.pid, SIGTERM);
        EXPECT_EQ(finish(s.child), 0);
        whole = content_of(reference_db);
    }
    {
        Server s = serve(reference_db, token, log);
        ASSERT_GT(s.port, 0) << vanban::test::slurp(log);
        ASSERT_TRUE(post_and_delete(s.port, files, true));
        ::kill(s.child.pid, SIGTERM);
        EXPECT_EQ(finish(s.child), 0);
        reference = content_of(reference_db);
    }
    ASSERT_EQ(reference.documents.size(), files.size() - (files.size() + 2) / 3);

    std::mt19937 random(static_cast<unsigned>(env_int("VANBAN_CRASH_SEED", 12)));
    std::uniform_real_distribution<double> moment(0.0, full);
    const int runs = env_int("VANBAN_CRASH_RUNS", 2);
    for (int run = 0; run < runs; ++run) {
        remove_db(db);
        Server s = serve(db, token, log);
        ASSERT_GT(s.port, 0) << vanban::test::slurp(log);
        const double at = moment(random);
        std::thread client([&] { post_and_delete(s.port, files); });
        std::this_thread::sleep_for(std::chrono::duration<double>(at));
        ::kill(s.child.pid, SIGKILL);
        finish(s.child);
        client.join();
        const std::string when = "run " + std::to_string(run) + " (killed at " + std::to_string(at) + " s)";
        try {
            const Content after = content_of(db);
            expect_whole_or_absent(after, whole, when);
            std::printf("[ crash    ] server killed at %.2f s of %.2f: %zu documents in the database, each whole\n", at, full,
                        after.documents.size());
        } catch (const std::exception& e) {
            ADD_FAILURE() << when << ": " << e.what();
        }
        Server again = serve(db, token, log);
        ASSERT_GT(again.port, 0) << vanban::test::slurp(log);
        EXPECT_TRUE(post_and_delete(again.port, files)) << when;
        ::kill(again.child.pid, SIGTERM);
        EXPECT_EQ(finish(again.child), 0);
        EXPECT_EQ(content_of(db).whole, reference.whole) << when << ": the same requests again reach other content";
    }
}

}  // namespace
