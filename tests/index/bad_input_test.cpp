// Bad input through the real `vanban import`: each case gives a clear message and its exit code in
// bounded time and memory (the child's peak RSS, from wait4), and a failed import leaves the database
// as it was, byte for byte. The measured figures are printed ("[ bad in   ]" lines) and kept in
// docs/RELIABILITY.md.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "corpus_files.h"

namespace {

namespace fs = std::filesystem;

#if defined(__SANITIZE_ADDRESS__)
constexpr double kSanitizerFactor = 4;  // ASan's shadow memory and redzones, and its slower code
constexpr int kHeadings = 200000;       // a fifth: the sanitizer build looks for errors, not limits
#else
constexpr double kSanitizerFactor = 1;
constexpr int kHeadings = 1000000;
#endif

const char* const kHead =
    "ỦY BAN NHÂN DÂN\nTỈNH NAM ĐỊNH\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "---------------\nSố: 12/KH-UBND\nNam Định, ngày 3 tháng 2 năm 2025\n\nKẾ HOẠCH\nVề việc thử nghiệm\n\n";

struct Outcome {
    int status = -1;
    std::string out;
    double seconds = 0, peak_mb = 0;
};

// `vanban import FILE --db DB`, with its output, wall time and peak resident memory.
Outcome import(const fs::path& file, const fs::path& db, const fs::path& log) {
    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = ::fork();
    if (pid == 0) {
        FILE* f = std::fopen(log.c_str(), "w");
        if (f) {
            ::dup2(::fileno(f), 1);
            ::dup2(::fileno(f), 2);
        }
        ::execl(VANBAN_CLI, VANBAN_CLI, "import", file.c_str(), "--db", db.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
    }
    int status = 0;
    rusage usage{};
    ::wait4(pid, &status, 0, &usage);
    Outcome r;
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.peak_mb = static_cast<double>(usage.ru_maxrss) / 1024.0;
    r.out = vanban::test::slurp(log);
    return r;
}

std::string bytes_of(const fs::path& p) { return vanban::test::slurp(p); }

class BadInput : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("vanban-bad-" + std::to_string(::getpid()));
        fs::remove_all(dir_);
        fs::create_directories(dir_);
        db_ = dir_ / "index.db";
        // A database that holds a document already: what a failed import must leave as it was.
        const fs::path first = dir_ / "first.txt";
        std::string text = std::string(kHead) + "I. NHIỆM VỤ\n1. Sở Y tế chủ trì kiểm tra an toàn thực phẩm.\n";
        text.replace(text.find("12/KH-UBND"), 2, "11");
        std::ofstream(first) << text;
        ASSERT_EQ(import(first, db_, dir_ / "log").status, 0);
    }
    void TearDown() override { fs::remove_all(dir_); }

    // Writes the case's file with `write`, imports it; checks the exit code, the message, the bounds,
    // and (for a failure) that the database is unchanged.
    Outcome check(const std::string& name, const std::function<void(std::ofstream&)>& write, int status, const std::string& message,
              double max_seconds, double max_mb) {
        const fs::path file = dir_ / name;
        {
            std::ofstream out(file, std::ios::binary);
            write(out);
        }
        const std::string before = bytes_of(db_);
        Outcome r = import(file, db_, dir_ / "log");
        std::printf("[ bad in   ] %-24s %6.1f MB in: exit %d, %.2f s, peak RSS %.0f MB\n", name.c_str(),
                    static_cast<double>(fs::file_size(file)) / (1 << 20), r.status, r.seconds, r.peak_mb);
        EXPECT_EQ(r.status, status) << name << ": " << r.out;
        EXPECT_NE(r.out.find(message), std::string::npos) << name << ": " << r.out;
        EXPECT_LT(r.seconds, max_seconds * kSanitizerFactor) << name;
        EXPECT_LT(r.peak_mb, max_mb * kSanitizerFactor) << name;
        if (status != 0) {
            EXPECT_EQ(bytes_of(db_), before) << name << ": a failed import changed the database";
            EXPECT_FALSE(fs::exists(db_.string() + "-wal") && fs::file_size(db_.string() + "-wal") > 0) << name;
        }
        fs::remove(file);
        return r;
    }

    fs::path dir_, db_;
};

TEST_F(BadInput, NothingOrNoTextIsRefusedAndTheDatabaseStaysAsItWas) {
    check("empty.txt", [](std::ofstream&) {}, 1, "the file is empty", 5, 100);
    check("whitespace.txt", [](std::ofstream& o) { o << "   \n\t\r\n   \n"; }, 1, "not a text document", 5, 100);
    check("binary.bin", [](std::ofstream& o) {
        std::mt19937 random(7);
        for (int i = 0; i < 100000; ++i) o.put(static_cast<char>(random()));
    }, 1, "binary data", 5, 100);
    check("invalid-utf8.txt", [](std::ofstream& o) { o << kHead << "\xff\xfe\xc3\x28 Sở Y tế \xe2\x82 chủ trì\n"; }, 1,
          "not valid UTF-8", 5, 100);
}

// 200 MB: refused from its size, before a byte is read (the file here is sparse: its size is what counts).
TEST_F(BadInput, AFileOverTheLimitIsRefusedWithoutReadingIt) {
    const Outcome r = check("200mb.txt", [](std::ofstream& o) {
        o << kHead;
        o.seekp((200 << 20) - 1);
        o.put('\n');
    }, 1, "over the 64 MB one document may be", 5, 100);
    (void)r;
}

// What is a document however odd its shape: imported, in time and memory proportional to its size.
TEST_F(BadInput, OddButRealShapesImportInBoundedTimeAndMemory) {
    check("header-only.txt", [](std::ofstream& o) { o << kHead; }, 0, "0 failed", 5, 100);
    check("10mb-one-line.txt", [](std::ofstream& o) {
        o << kHead;
        const std::string phrase = "Sở Y tế chủ trì phối hợp với các sở, ngành liên quan triển khai thực hiện kế hoạch ";
        for (std::size_t n = 0; n < (10u << 20); n += phrase.size()) o << phrase;
        o << '\n';
    }, 0, "0 failed", 30, 800);
    check("10000-bases.txt", [](std::ofstream& o) {
        o << kHead;
        for (int i = 1; i <= 10000; ++i) o << "Căn cứ Quyết định số " << i << "/QĐ-UBND ngày 1/1/2020 của UBND tỉnh Nam Định;\n";
        o << "\nI. NHIỆM VỤ\n1. Sở Y tế chủ trì kiểm tra.\n";
    }, 0, "0 failed", 20, 300);
    // About 45 bytes of memory per byte of input, most of it the outline and the tasks' spans
    // (docs/RELIABILITY.md): linear, so bounded by the file size limit.
    check(std::to_string(kHeadings) + "-headings.txt", [](std::ofstream& o) {
        o << kHead;
        for (int i = 1; i <= kHeadings; ++i) o << i << ". Nhiệm vụ thứ " << i << "\n";
    }, 0, "0 failed", 90.0 * kHeadings / 1000000, 2500.0 * kHeadings / 1000000 + 100);
}

}  // namespace
