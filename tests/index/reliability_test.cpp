// Reads that stay whole while another connection writes (one snapshot per answer), and the read-only
// open mode (never creates, migrates or writes; works on a file no one may change).
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <tuple>

#include "vanban/index.h"
#include "vanban/parser.h"

namespace {

namespace fs = std::filesystem;

// Version `v` of one plan (same number, issuer and date: a new version replaces the old in place):
// v + 1 sections of tasks, each task naming the version's word, and v + 1 citations.
std::string version(int v) {
    const std::string word = v % 2 ? "alpha" : "beta";
    std::string body = "Căn cứ Luật Tổ chức chính quyền địa phương;\n";
    for (int i = 0; i <= v % 2 * 3; ++i) body += "Căn cứ Kế hoạch số " + std::to_string(100 + i) + "/KH-UBND;\n";
    body += "\n";
    static const char* roman[] = {"I", "II", "III", "IV"};
    for (int i = 1; i <= 1 + v % 2 * 3; ++i) {
        body += std::string(roman[i - 1]) + ". NHIỆM VỤ " + word + " " + std::to_string(i) + "\n";
        body += "1. Sở Y tế chủ trì kiểm tra " + word + " số " + std::to_string(i) + ".\n";
    }
    return "ỦY BAN NHÂN DÂN\nTỈNH NAM ĐỊNH\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
           "---------------\nSố: 12/KH-UBND\nNam Định, ngày 3 tháng 2 năm 2025\n\nKẾ HOẠCH\nVề việc " + word + "\n\n" + body +
           "\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Văn An\n";
}

class Reliability : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("vanban-reliability-" + std::to_string(::getpid()));
        fs::remove_all(dir_);
        fs::create_directories(dir_);
        path_ = (dir_ / "index.db").string();
    }
    void TearDown() override {
        fs::permissions(dir_, fs::perms::owner_all, fs::perm_options::add);
        fs::remove_all(dir_);
    }
    fs::path dir_;
    std::string path_;
};

std::string bytes_of(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// A document page read while another connection replaces the document again and again is always one
// version: its title, text, sections, tasks and references agree.
TEST_F(Reliability, ADocumentReadWhileItIsReplacedIsNeverAMixOfTwoVersions) {
    // What each version reads as when nothing else happens: (sections, tasks, citations).
    std::int64_t id = 0;
    std::tuple<std::size_t, std::size_t, std::size_t> shape[2];
    {
        vanban::Index writer(path_);
        for (int v : {0, 1}) {
            id = writer.import_document(vanban::parse(version(v)), "plan.txt").id;
            auto d = writer.detail(id);
            ASSERT_TRUE(d);
            shape[v] = {d->sections.size(), d->tasks.size(), d->references.cites.size()};
        }
    }
    ASSERT_NE(shape[0], shape[1]);
    std::atomic<bool> done{false};
    std::atomic<int> replaced{0};
    std::thread writer([&] {
        vanban::Index index(path_);
        for (int v = 2; v <= 201; ++v) {
            index.import_document(vanban::parse(version(v)), "plan.txt");
            replaced = v;
        }
        done = true;
    });
    vanban::Index reader(path_, vanban::OpenMode::read_only);
    const std::int64_t first_generation = reader.generation();  // version 1's
    int reads = 0, mixed = 0;
    while (!done || reads < 50) {
        // Under one ReadSnapshot (as the server reads a page and the generation it keeps it under),
        // the generation too is that of the version read: each replace raises it by one.
        const vanban::ReadSnapshot snapshot(reader);
        const std::int64_t generation = reader.generation();
        auto d = reader.detail(id);
        ASSERT_TRUE(d);
        ++reads;
        const std::int64_t v = 1 + generation - first_generation;
        if (d->document.title.find(v % 2 ? "alpha" : "beta") == std::string::npos) ++mixed;
        const bool odd = d->document.title.find("alpha") != std::string::npos;
        const std::string word = odd ? "alpha" : "beta";
        bool whole = d->text.find(word) != std::string::npos && d->text.find(odd ? "beta" : "alpha") == std::string::npos &&
                     shape[odd ? 1 : 0] == std::tuple{d->sections.size(), d->tasks.size(), d->references.cites.size()};
        for (const auto& t : d->tasks) whole = whole && t.text.find(word) != std::string::npos;
        for (const auto& s : d->sections) {
            if (s.heading.find("NHIỆM VỤ") != std::string::npos) whole = whole && s.heading.find(word) != std::string::npos;
        }
        if (!whole) ++mixed;
        if (done && reads >= 50) break;
    }
    writer.join();
    EXPECT_EQ(replaced.load(), 201);
    EXPECT_EQ(mixed, 0) << "of " << reads << " reads";
}

// The same for a search: the total, the page and the documents' titles come from one state.
TEST_F(Reliability, ASearchReadWhileDocumentsChangeCountsWhatItLists) {
    {
        vanban::Index writer(path_);
        writer.import_document(vanban::parse(version(0)), "plan.txt");
    }
    std::atomic<bool> done{false};
    std::thread writer([&] {
        vanban::Index index(path_);
        for (int v = 1; v <= 200; ++v) index.import_document(vanban::parse(version(v)), "plan.txt");
        done = true;
    });
    vanban::Index reader(path_, vanban::OpenMode::read_only);
    int reads = 0, wrong = 0;
    while (!done) {
        for (const char* q : {"alpha", "beta"}) {
            auto r = reader.search(q);
            ++reads;
            bool whole = r.total == static_cast<std::int64_t>(r.results.size());
            for (const auto& hit : r.results) whole = whole && hit.document.title.find(q) != std::string::npos;
            if (!whole) ++wrong;
        }
    }
    writer.join();
    EXPECT_EQ(wrong, 0) << "of " << reads << " reads";
}

TEST_F(Reliability, AReadOnlyOpenNeverCreatesAFile) {
    EXPECT_THROW(vanban::Index(path_, vanban::OpenMode::read_only), vanban::IndexError);
    EXPECT_FALSE(fs::exists(path_));
}

TEST_F(Reliability, AReadOnlyOpenNeverMigratesAnOlderSchema) {
    {
        vanban::Index index(path_);
        index.import_document(vanban::parse(version(1)), "plan.txt");
        ASSERT_EQ(sqlite3_exec(static_cast<sqlite3*>(index.handle()),
                               "DROP TABLE word_model; DELETE FROM meta WHERE key = 'word_model_generation'; PRAGMA user_version = 3",
                               nullptr, nullptr, nullptr),
                  SQLITE_OK);
    }
    const std::string before = bytes_of(path_);
    try {
        vanban::Index index(path_, vanban::OpenMode::read_only);
        ADD_FAILURE() << "a read-only open accepted schema 3";
    } catch (const vanban::IndexError& e) {
        EXPECT_NE(std::string(e.what()).find("older than this vanban's"), std::string::npos) << e.what();
    }
    EXPECT_EQ(bytes_of(path_), before);
    vanban::Index upgraded(path_);  // a writable open upgrades it
    vanban::Index index(path_, vanban::OpenMode::read_only);
    EXPECT_EQ(index.count(), 1);
}

TEST_F(Reliability, EveryWriteThroughAReadOnlyIndexIsRefused) {
    std::int64_t id = 0;
    {
        vanban::Index index(path_);
        id = index.import_document(vanban::parse(version(1)), "plan.txt").id;
    }
    vanban::Index index(path_, vanban::OpenMode::read_only);
    const std::int64_t generation = index.generation();
    EXPECT_THROW(index.import_document(vanban::parse(version(2)), "plan.txt"), vanban::IndexError);
    EXPECT_THROW(index.remove(id), vanban::IndexError);
    EXPECT_THROW(index.optimize(), vanban::IndexError);
    EXPECT_THROW(index.refresh_word_model(true), vanban::IndexError);
    // Not even SQL through its handle.
    EXPECT_NE(sqlite3_exec(static_cast<sqlite3*>(index.handle()), "DELETE FROM documents", nullptr, nullptr, nullptr), SQLITE_OK);
    EXPECT_EQ(index.count(), 1);
    EXPECT_EQ(index.generation(), generation);
    EXPECT_EQ(index.search("alpha").total, 1);
}

// A database no one may write (its file and its folder): as root, the reading runs in a child as user
// nobody, for whom the permissions hold; otherwise here, with the write permissions taken away.
TEST_F(Reliability, AReadOnlyFileInAReadOnlyFolderCanBeRead) {
    {
        vanban::Index index(path_);
        index.import_document(vanban::parse(version(1)), "plan.txt");
        std::string other = version(1);
        other.replace(other.find("12/KH-UBND"), 2, "13");
        index.import_document(vanban::parse(other), "other.txt");
        index.refresh_word_model(true);  // a form counts when two documents have it
    }
    ASSERT_FALSE(fs::exists(path_ + "-wal"));  // the last connection folded it in
    ASSERT_FALSE(fs::exists(path_ + "-shm"));
    const std::string before = bytes_of(path_);
    auto read = [&]() -> std::string {  // empty when all is well, else what went wrong
        try {
            vanban::Index index(path_, vanban::OpenMode::read_only);
            if (index.count() != 2) return "count " + std::to_string(index.count());
            if (index.search("alpha").total != 2) return "search";
            if (index.search("so y te").ranked_as != "sở y tế") return "ranked as '" + index.search("so y te").ranked_as + "'";
            return "";
        } catch (const std::exception& e) {
            return e.what();
        }
    };
    fs::permissions(path_, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    fs::permissions(dir_, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read | fs::perms::group_exec |
                              fs::perms::others_read | fs::perms::others_exec);
    if (::geteuid() == 0) {
        int pipe_fds[2];
        ASSERT_EQ(::pipe(pipe_fds), 0);
        const pid_t child = ::fork();
        ASSERT_GE(child, 0);
        if (child == 0) {
            ::close(pipe_fds[0]);
            std::string error;
            if (::setgid(65534) != 0 || ::setuid(65534) != 0) error = "cannot become nobody";
            if (error.empty() && ::access(dir_.c_str(), W_OK) == 0) error = "nobody may write the folder";
            if (error.empty()) error = read();
            (void)!::write(pipe_fds[1], error.data(), error.size());
            ::_exit(error.empty() ? 0 : 1);
        }
        ::close(pipe_fds[1]);
        std::string error;
        char buf[512];
        for (ssize_t n; (n = ::read(pipe_fds[0], buf, sizeof buf)) > 0;) error.append(buf, static_cast<std::size_t>(n));
        ::close(pipe_fds[0]);
        int status = 0;
        ::waitpid(child, &status, 0);
        EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << error;
    } else {
        EXPECT_EQ(read(), "");
    }
    EXPECT_EQ(bytes_of(path_), before);
    EXPECT_FALSE(fs::exists(path_ + "-shm"));
}

}  // namespace
