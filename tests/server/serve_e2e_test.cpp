// End to end: the real `vanban serve` process. It prints where it listens, answers, logs one line per
// request, exits 0 on SIGTERM and SIGINT after finishing, and refuses bad options with a message.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "corpus_files.h"

namespace {

namespace fs = std::filesystem;

struct Process {
    pid_t pid = -1;
    FILE* out = nullptr;  // its stdout
    fs::path err;         // its stderr, in a file
};

// `as_nobody`: run as user nobody (65534) when started as root, for whom file permissions hold.
Process spawn(const std::vector<std::string>& args, const fs::path& err, bool as_nobody = false) {
    int pipefd[2];
    if (pipe(pipefd) != 0) throw std::runtime_error("pipe");
    pid_t pid = fork();
    if (pid == 0) {
        dup2(pipefd[1], 1);
        FILE* e = std::fopen(err.c_str(), "w");
        dup2(fileno(e), 2);
        close(pipefd[0]);
        if (as_nobody && geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0)) _exit(126);
        std::vector<char*> argv;
        for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        execv(argv[0], argv.data());
        _exit(127);
    }
    close(pipefd[1]);
    return {pid, fdopen(pipefd[0], "r"), err};
}

int wait_exit(pid_t pid) {
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

std::string first_line(FILE* f) {
    char buf[256] = {0};
    return std::fgets(buf, sizeof buf, f) ? std::string(buf) : std::string();
}

int status_of(int port, const std::string& target) {
    Poco::Net::HTTPClientSession s("127.0.0.1", static_cast<Poco::UInt16>(port));
    Poco::Net::HTTPRequest req("GET", target, Poco::Net::HTTPMessage::HTTP_1_1);
    s.sendRequest(req);
    Poco::Net::HTTPResponse resp;
    std::string body;
    Poco::StreamCopier::copyToString(s.receiveResponse(resp), body);
    return resp.getStatus();
}

class Serve : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("vanban-serve-" + std::to_string(::getpid()));
        fs::remove_all(dir_);
        fs::create_directories(dir_);
        db_ = (dir_ / "serve.db").string();
    }
    void TearDown() override {
        std::error_code ec;
        for (const auto& entry : fs::recursive_directory_iterator(dir_, ec)) {
            if (entry.is_directory()) fs::permissions(entry.path(), fs::perms::owner_all, fs::perm_options::add, ec);
        }
        fs::remove_all(dir_);
    }

    // Starts `vanban serve --port 0` and returns its port (from "listening on http://127.0.0.1:PORT").
    int start(Process& p, std::vector<std::string> extra = {}, bool as_nobody = false) {
        std::vector<std::string> args = {VANBAN_CLI, "serve", "--db", db_, "--port", "0"};
        args.insert(args.end(), extra.begin(), extra.end());
        p = spawn(args, dir_ / "stderr.txt", as_nobody);
        std::string line = first_line(p.out);
        const std::string prefix = "listening on http://127.0.0.1:";
        if (!line.starts_with(prefix)) {
            ADD_FAILURE() << "first line: '" << line << "', stderr: " << vanban::test::slurp(p.err);
            return -1;
        }
        return std::stoi(line.substr(prefix.size()));
    }

    fs::path dir_;
    std::string db_;
};

TEST_F(Serve, AnswersAndStopsCleanlyOnSigterm) {
    Process p;
    int port = start(p);
    ASSERT_GT(port, 0);
    EXPECT_EQ(status_of(port, "/healthz"), 200);
    EXPECT_EQ(status_of(port, "/api/search?q=dich"), 200);
    EXPECT_EQ(status_of(port, "/khong-co"), 404);
    kill(p.pid, SIGTERM);
    EXPECT_EQ(wait_exit(p.pid), 0);
    std::fclose(p.out);
    std::string log = vanban::test::slurp(p.err);
    EXPECT_NE(log.find("GET /healthz 200 "), std::string::npos) << log;
    EXPECT_NE(log.find("GET /khong-co 404 "), std::string::npos) << log;
    EXPECT_NE(log.find("SIGTERM"), std::string::npos) << log;
}

TEST_F(Serve, StopsOnSigint) {
    // A read-only server needs a database: a writable one creates it.
    {
        Process w;
        ASSERT_GT(start(w, {"--threads", "2"}), 0);
        kill(w.pid, SIGTERM);
        EXPECT_EQ(wait_exit(w.pid), 0);
        std::fclose(w.out);
    }
    Process p;
    int port = start(p, {"--threads", "2", "--read-only"});
    ASSERT_GT(port, 0);
    EXPECT_EQ(status_of(port, "/healthz"), 200);
    kill(p.pid, SIGINT);
    EXPECT_EQ(wait_exit(p.pid), 0);
    std::fclose(p.out);
}

std::string body_of(int port, const std::string& target) {
    Poco::Net::HTTPClientSession s("127.0.0.1", static_cast<Poco::UInt16>(port));
    Poco::Net::HTTPRequest req("GET", target, Poco::Net::HTTPMessage::HTTP_1_1);
    s.sendRequest(req);
    Poco::Net::HTTPResponse resp;
    std::string body;
    Poco::StreamCopier::copyToString(s.receiveResponse(resp), body);
    return std::to_string(resp.getStatus()) + " " + body;
}

int run_cli(const std::vector<std::string>& args) {
    std::string cmd = VANBAN_CLI;
    for (const auto& a : args) cmd += " '" + a + "'";
    return std::system((cmd + " >/dev/null 2>&1").c_str());
}

// A replica: `serve --read-only` on a snapshot in a folder it may not write (as root the server runs
// as nobody). It answers, writes nothing beside the file, and a new snapshot renamed into place is
// what it answers from at the next request.
TEST_F(Serve, AReadOnlyReplicaServesASnapshotAndSeesTheNextOne) {
    const fs::path corpus = vanban::test::corpus_dir();
    const std::string primary = (dir_ / "primary.db").string();
    ASSERT_EQ(run_cli({"import", (corpus / "ke-hoach-134-KH-UBND-ha-noi-2022-04-29.txt").string(), "--db", primary}), 0);
    const fs::path replica_dir = dir_ / "replica";
    fs::create_directories(replica_dir);
    db_ = (replica_dir / "index.db").string();
    ASSERT_EQ(run_cli({"snapshot", primary, db_}), 0);
    const auto read_only_dir = [&] {
        fs::permissions(db_, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
        fs::permissions(replica_dir, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                                         fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec);
    };
    read_only_dir();
    Process p;
    int port = start(p, {"--threads", "2", "--read-only"}, true);
    ASSERT_GT(port, 0);
    EXPECT_NE(body_of(port, "/healthz").find("\"documents\":1"), std::string::npos) << body_of(port, "/healthz");
    EXPECT_EQ(status_of(port, "/api/search?q=phong%20chong%20dich"), 200);
    EXPECT_EQ(status_of(port, "/api/lookup?number=134/KH-UBND"), 200);
    // The primary takes a second document; its snapshot is shipped over the first.
    ASSERT_EQ(run_cli({"import", (corpus / "thong-bao-ket-luan-thuong-truc-thanh-uy-ha-noi-2022-04-20.txt").string(), "--db", primary}), 0);
    fs::permissions(replica_dir, fs::perms::owner_write, fs::perm_options::add);
    ASSERT_EQ(run_cli({"snapshot", primary, db_}), 0);
    read_only_dir();
    EXPECT_NE(body_of(port, "/healthz").find("\"documents\":2"), std::string::npos) << body_of(port, "/healthz");
    EXPECT_EQ(status_of(port, "/api/documents/2"), 200);
    std::vector<std::string> files;
    for (const auto& entry : fs::directory_iterator(replica_dir)) files.push_back(entry.path().filename().string());
    EXPECT_EQ(files, std::vector<std::string>{"index.db"});
    kill(p.pid, SIGTERM);
    EXPECT_EQ(wait_exit(p.pid), 0);
    std::fclose(p.out);
}

TEST_F(Serve, RefusesBadOptions) {
    struct Case {
        std::vector<std::string> args;
        int exit;
        std::string message;
    };
    std::vector<Case> cases = {
        {{"--port", "abc"}, 2, "--port must be a number"},
        {{"--port", "70000"}, 2, "--port must be a number"},
        {{"--threads", "0"}, 2, "--threads must be a number"},
        {{"--token-file", "/nonexistent/token"}, 1, "cannot read the token file"},
        {{"--bogus"}, 2, "bogus"},
        {{"--host", "256.1.1.1"}, 1, "cannot listen"},
    };
    for (const auto& c : cases) {
        std::vector<std::string> args = {VANBAN_CLI, "serve", "--db", db_, "--port", "0"};
        args.insert(args.end(), c.args.begin(), c.args.end());
        Process p = spawn(args, dir_ / "stderr.txt");
        EXPECT_EQ(wait_exit(p.pid), c.exit) << c.args[0];
        std::fclose(p.out);
        std::string err = vanban::test::slurp(p.err);
        EXPECT_NE(err.find(c.message), std::string::npos) << c.args[0] << ": " << err;
    }
}

TEST_F(Serve, AddressInUseIsAClearError) {
    Process first;
    int port = start(first);
    ASSERT_GT(port, 0);
    Process second = spawn({VANBAN_CLI, "serve", "--db", db_, "--port", std::to_string(port)}, dir_ / "stderr2.txt");
    EXPECT_EQ(wait_exit(second.pid), 1);
    std::fclose(second.out);
    EXPECT_NE(vanban::test::slurp(dir_ / "stderr2.txt").find("cannot listen"), std::string::npos);
    kill(first.pid, SIGTERM);
    EXPECT_EQ(wait_exit(first.pid), 0);
    std::fclose(first.out);
}

}  // namespace
