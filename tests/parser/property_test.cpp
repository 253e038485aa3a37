// Properties of vanban::parse on random and mutated inputs (STYLE.md, "Tests"):
//   - it never throws on content: random byte strings (invalid UTF-8, NULs, lone combining marks,
//     very long lines, heading-like fragments) and corpus/*.txt files mutated at random;
//   - every result satisfies the span invariants of tests/fuzz/span_invariants.h (spans in bounds, on
//     UTF-8 boundaries, nested, siblings in order; Document::text valid UTF-8 and NFC);
//   - parse(NFD(x)), parse(CRLF(x)) and parse(BOM + x) give the same JSON as parse(x) for each corpus file.
//
// Inputs are drawn from std::mt19937 with a fixed seed, so a failure is reproducible; set
// VANBAN_PROPERTY_SEED=<n> to explore other seeds. A failing input is written to
// $TMPDIR/vanban-property-<seed>-<n>.bin (replay it with parse_fuzz_replay FILE, or copy it into
// tests/fuzz/corpus/ to keep it as a regression test).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "../fuzz/span_invariants.h"
#include "normalize.h"
#include "corpus_files.h"
#include "vanban/parser.h"

namespace fs = std::filesystem;

namespace {

using vanban::test::corpus_dir;
using vanban::test::slurp;

struct CorpusFile {
    std::string name;
    std::string bytes;
};

const std::vector<CorpusFile>& corpus() {
    static const std::vector<CorpusFile> files = [] {
        std::vector<CorpusFile> out;
        std::error_code ec;
        for (const auto& e : fs::directory_iterator(corpus_dir(), ec)) {
            if (e.path().extension() == ".txt") out.push_back({e.path().filename().string(), slurp(e.path())});
        }
        std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
        return out;
    }();
    return files;
}

std::uint32_t base_seed() {
    const char* s = std::getenv("VANBAN_PROPERTY_SEED");
    return s ? static_cast<std::uint32_t>(std::strtoul(s, nullptr, 10)) : 20220429u;
}

// A short printable rendering of an input for failure messages: non-ASCII bytes as \xNN.
std::string preview(std::string_view s, std::size_t max = 200) {
    std::string out;
    for (std::size_t i = 0; i < s.size() && i < max; ++i) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c < 0x7F && c != '\\') {
            out += static_cast<char>(c);
        } else {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02X", c);
            out += buf;
        }
    }
    if (s.size() > max) out += "... (" + std::to_string(s.size()) + " bytes)";
    return out;
}

std::string save_failure(std::string_view input) {
    static int n = 0;
    fs::path p = fs::temp_directory_path() /
                 ("vanban-property-" + std::to_string(base_seed()) + "-" + std::to_string(n++) + ".bin");
    std::ofstream(p, std::ios::binary).write(input.data(), static_cast<std::streamsize>(input.size()));
    return p.string();
}

// Parses `input` and checks that it does not throw and that the result satisfies every invariant.
// `what` names the input in failure messages.
void check_parse(std::string_view input, const std::string& what) {
    vanban::Document doc;
    try {
        doc = vanban::parse(input);
    } catch (const std::exception& e) {
        ADD_FAILURE() << what << ": parse threw " << e.what() << "\n  input: " << preview(input)
                      << "\n  saved: " << save_failure(input);
        return;
    } catch (...) {
        ADD_FAILURE() << what << ": parse threw a non-std exception\n  input: " << preview(input)
                      << "\n  saved: " << save_failure(input);
        return;
    }
    std::string problem = vanban::test::invariant_problem(doc);
    if (!problem.empty()) {
        ADD_FAILURE() << what << ": " << problem << "\n  input: " << preview(input)
                      << "\n  saved: " << save_failure(input);
    }
}

// Fragments random inputs are assembled from: plain and structural text, characters the normalizer
// handles specially, and byte sequences that are not UTF-8.
const std::vector<std::string>& atoms() {
    static const std::vector<std::string> a = {
        // Text and structure.
        "a", "Z", "0", "7", " ", "  ", ".", ",", ":", ";", "/", "-", "(", ")", "*", "**", "|", " | ", "#", "\n",
        "\n\n", "Điều 1. ", "Điều 12.", "Chương I", "CHƯƠNG II\n", "Mục 2", "Phần thứ nhất", "I. ", "II.", "1. ",
        "1.1. ", "3.2.1.", "a) ", "đ) ", "- ", "+ ", "PHỤ LỤC", "QUY CHẾ\n(Ban hành kèm theo", "Căn cứ ",
        "Nơi nhận:", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "Số: 134/KH-UBND", "Số:\n", "Hà Nội, ngày 29 tháng 4 năm 2022",
        "ngày 31/12/2021", "KẾ HOẠCH", "Về việc ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "CÔNG BÁO/Số 1183 + 1184/Ngày 24-12-2020", "Qu ả ng Ngãi", "Văn bản hợp nhất", "| --- | --- |",
        "Cơ quan ban hành:", "Số hiệu:", "Sở Y tế", "chủ trì, phối hợp", "Nguyễn Văn A", "hoà", "ủy",
        // Precomposed and decomposed Vietnamese, lone combining marks (U+0300, U+0301, U+0303, U+0309, U+0323).
        "\xE1\xBB\x87", "e\xCC\x82\xCC\xA3", "\xCC\x80", "\xCC\x81", "\xCC\x83", "\xCC\x89", "\xCC\xA3",
        "\xCC\x81\xCC\x81\xCC\x81", "\xC4\x91", "\xC4\x90",
        // Characters the normalizer drops or maps: NUL, CR, CRLF, BOM, ZWSP, ZWJ, soft hyphen, NBSP, tab,
        // U+2028, U+0085, C1 control, U+FFFD itself, Cyrillic look-alikes (В, Т, С) and a real Cyrillic word.
        std::string(1, '\0'), "\r", "\r\n", "\xEF\xBB\xBF", "\xE2\x80\x8B", "\xE2\x80\x8D", "\xC2\xAD", "\xC2\xA0",
        "\t", "\xE2\x80\xA8", "\xC2\x85", "\xC2\x9F", "\xEF\xBF\xBD", "\xD0\x92\xD0\xA2\xD0\xA1",
        "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0", "\xF0\x9F\x98\x80", "\xE4\xB8\xAD",
        // Not UTF-8: lone continuation bytes, truncated sequences, overlongs, surrogates, > U+10FFFF, F5..FF.
        "\x80", "\xBF", "\xC3", "\xE1\xBB", "\xF0\x9F\x98", "\xC0\x80", "\xC1\xBF", "\xE0\x80\x80",
        "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xF5", "\xFE", "\xFF", "\xC3\x28",
    };
    return a;
}

std::string random_input(std::mt19937& rng) {
    std::uniform_int_distribution<int> shape(0, 9);
    std::uniform_int_distribution<std::size_t> pick(0, atoms().size() - 1);
    std::string s;
    switch (shape(rng)) {
        case 0: {  // raw random bytes
            std::size_t n = std::uniform_int_distribution<std::size_t>(0, 600)(rng);
            std::uniform_int_distribution<int> byte(0, 255);
            for (std::size_t i = 0; i < n; ++i) s += static_cast<char>(byte(rng));
            break;
        }
        case 1: {  // one very long line (no newline) of words and marks
            std::size_t n = std::uniform_int_distribution<std::size_t>(5000, 60000)(rng);
            while (s.size() < n) {
                const std::string& a = atoms()[pick(rng)];
                if (a.find('\n') == std::string::npos && a.find('\r') == std::string::npos) s += a;
            }
            break;
        }
        case 2: {  // only combining marks and spaces
            std::size_t n = std::uniform_int_distribution<std::size_t>(1, 300)(rng);
            const char* marks[] = {"\xCC\x80", "\xCC\x81", "\xCC\x83", "\xCC\x89", "\xCC\xA3", " ", "\n"};
            std::uniform_int_distribution<int> m(0, 6);
            for (std::size_t i = 0; i < n; ++i) s += marks[m(rng)];
            break;
        }
        default: {  // a mix of atoms, short to medium
            std::size_t n = std::uniform_int_distribution<std::size_t>(0, shape(rng) < 5 ? 40 : 1500)(rng);
            for (std::size_t i = 0; i < n; ++i) s += atoms()[pick(rng)];
            break;
        }
    }
    return s;
}

// Splits into lines, each keeping its '\n' (the last one may lack it).
std::vector<std::string> split_lines(std::string_view s) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < s.size()) {
        std::size_t nl = s.find('\n', start);
        std::size_t end = nl == std::string_view::npos ? s.size() : nl + 1;
        out.emplace_back(s.substr(start, end - start));
        start = end;
    }
    return out;
}

std::string join(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& l : lines) out += l;
    return out;
}

// Applies one random mutation; returns its name for failure messages.
std::string mutate(std::string& s, std::mt19937& rng) {
    auto uniform = [&](std::size_t lo, std::size_t hi) { return std::uniform_int_distribution<std::size_t>(lo, hi)(rng); };
    switch (uniform(0, 5)) {
        case 0: {  // truncate anywhere, often in the middle of a UTF-8 sequence
            std::size_t at = s.empty() ? 0 : uniform(0, s.size());
            s.resize(at);
            return "truncate@" + std::to_string(at);
        }
        case 1: {  // truncate just after a lead byte of a multi-byte sequence
            std::vector<std::size_t> leads;
            for (std::size_t i = 0; i < s.size(); ++i) {
                if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0xC0) leads.push_back(i);
            }
            if (leads.empty()) return "none";
            std::size_t at = leads[uniform(0, leads.size() - 1)] + 1;
            s.resize(at);
            return "truncate-mid-utf8@" + std::to_string(at);
        }
        case 2: {  // delete a range of lines
            auto lines = split_lines(s);
            if (lines.empty()) return "none";
            std::size_t a = uniform(0, lines.size() - 1), b = std::min(lines.size(), a + uniform(1, 30));
            lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(a), lines.begin() + static_cast<std::ptrdiff_t>(b));
            s = join(lines);
            return "delete-lines " + std::to_string(a) + ".." + std::to_string(b);
        }
        case 3: {  // duplicate a range of lines somewhere else
            auto lines = split_lines(s);
            if (lines.empty()) return "none";
            std::size_t a = uniform(0, lines.size() - 1), b = std::min(lines.size(), a + uniform(1, 30));
            std::vector<std::string> copy(lines.begin() + static_cast<std::ptrdiff_t>(a),
                                          lines.begin() + static_cast<std::ptrdiff_t>(b));
            std::size_t at = uniform(0, lines.size());
            lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(at), copy.begin(), copy.end());
            s = join(lines);
            return "duplicate-lines " + std::to_string(a) + ".." + std::to_string(b) + "@" + std::to_string(at);
        }
        case 4: {  // insert random bytes or atoms at a random byte position
            std::size_t at = s.empty() ? 0 : uniform(0, s.size());
            std::string ins;
            std::size_t n = uniform(1, 16);
            for (std::size_t i = 0; i < n; ++i) {
                if (uniform(0, 1)) {
                    ins += static_cast<char>(uniform(0, 255));
                } else {
                    ins += atoms()[uniform(0, atoms().size() - 1)];
                }
            }
            s.insert(at, ins);
            return "insert@" + std::to_string(at);
        }
        default: {  // swap two lines
            auto lines = split_lines(s);
            if (lines.size() < 2) return "none";
            std::size_t a = uniform(0, lines.size() - 1), b = uniform(0, lines.size() - 1);
            std::swap(lines[a], lines[b]);
            s = join(lines);
            return "swap-lines " + std::to_string(a) + "," + std::to_string(b);
        }
    }
}

std::string with_crlf(std::string_view s) {
    std::string out;
    out.reserve(s.size() + s.size() / 20);
    for (char c : s) {
        if (c == '\n') out += '\r';
        out += c;
    }
    return out;
}

std::string with_cr(std::string_view s) {
    std::string out(s);
    std::replace(out.begin(), out.end(), '\n', '\r');
    return out;
}

const std::string kBom = "\xEF\xBB\xBF";

TEST(PropertyTest, CorpusIsThere) { ASSERT_GE(corpus().size(), 12u) << "no corpus/*.txt under " << corpus_dir(); }

TEST(PropertyTest, InvariantCheckerRejectsBadSpans) {
    // The checker itself: a document with broken spans must be caught.
    vanban::Document d;
    d.text = "Điều 1. Ä";
    EXPECT_EQ(vanban::test::invariant_problem(d), "");
    d.preamble = vanban::Span{0, 2};  // "Đ" is two bytes: 2 is a boundary
    EXPECT_EQ(vanban::test::invariant_problem(d), "");
    d.preamble = vanban::Span{0, 1};  // inside "Đ"
    EXPECT_NE(vanban::test::invariant_problem(d), "");
    d.preamble.reset();
    auto section = [](std::size_t start, std::size_t end) {
        vanban::Section s;
        s.span = {start, end};
        return s;
    };
    vanban::Section parent = section(0, 8);
    parent.children.push_back(section(5, 11));
    d.sections = {parent};
    EXPECT_NE(vanban::test::invariant_problem(d), "");  // child ends past its parent
    d.sections = {section(0, 5), section(4, 8)};
    EXPECT_NE(vanban::test::invariant_problem(d), "");  // siblings overlap
    d.sections.clear();
    d.text = "e\xCC\x81";  // NFD
    EXPECT_NE(vanban::test::invariant_problem(d), "");
    d.text = "\xC3";
    EXPECT_NE(vanban::test::invariant_problem(d), "");
}

TEST(PropertyTest, EdgeCasesNeverThrowAndKeepInvariants) {
    const std::vector<std::string> inputs = {
        "",
        std::string(1, '\0'),
        std::string(100, '\0'),
        "\xEF\xBB\xBF",
        "\r\n\r\n\r",
        "\xCC\x81",
        "\xCC\x81\xCC\x81\nĐiều 1.\xCC\x81",
        "\xC3",
        "\xFF\xFE",
        "\xEF\xBF\xBD",
        "Điều",
        "Điều 1.",
        "I.\n1.\na)\n-\n+",
        "- \n- \n",
        "PHỤ LỤC",
        "Nơi nhận:",
        std::string(200000, 'a'),
        std::string(100000, '\n'),
        std::string(50000, '-'),
        [] {
            std::string s;
            for (int i = 0; i < 3000; ++i) s += "Điều " + std::to_string(i) + ". ";
            return s;
        }(),
        [] {
            std::string s;
            for (int i = 0; i < 3000; ++i) s += "- a\n";
            return s;
        }(),
    };
    for (std::size_t i = 0; i < inputs.size(); ++i) check_parse(inputs[i], "edge case " + std::to_string(i));
}

TEST(PropertyTest, TextIsNfcAfterMarkdownStarsAreRemoved) {
    // Found by RandomInputsNeverThrowAndKeepInvariants: clean() removed the Markdown '*' after NFC was
    // computed, so the combining mark that followed it landed on the letter before it ("a*\u0301" gave
    // "a\u0301", not "á"), or next to another mark out of canonical order.
    for (const std::string input : {"a*\xCC\x81", "a**\xCC\x81", "\xCC\x83*\xCC\xAD", "Z*\xCC\xA3"}) {
        vanban::Document doc = vanban::parse(input);
        EXPECT_TRUE(vanban::test::is_nfc(doc.text)) << preview(input) << " -> " << preview(doc.text);
    }
}

TEST(PropertyTest, RandomInputsNeverThrowAndKeepInvariants) {
    std::mt19937 rng(base_seed());
    for (int i = 0; i < 400; ++i) {
        std::string input = random_input(rng);
        check_parse(input, "random input " + std::to_string(i) + " (seed " + std::to_string(base_seed()) + ")");
    }
}

TEST(PropertyTest, MutatedCorpusNeverThrowsAndKeepsInvariants) {
    std::mt19937 rng(base_seed() + 1);
    for (const auto& f : corpus()) {
        for (int i = 0; i < 20; ++i) {
            std::string s = f.bytes;
            std::string how;
            int steps = std::uniform_int_distribution<int>(1, 3)(rng);
            for (int k = 0; k < steps; ++k) how += (k ? ", " : "") + mutate(s, rng);
            check_parse(s, f.name + " mutated (" + how + ")");
        }
    }
}

TEST(PropertyTest, CorpusFilesKeepInvariants) {
    for (const auto& f : corpus()) check_parse(f.bytes, f.name);
}

TEST(PropertyTest, NfdInputGivesSameJson) {
    for (const auto& f : corpus()) {
        SCOPED_TRACE(f.name);
        std::string nfd = vanban::detail::to_nfd(f.bytes);
        ASSERT_NE(nfd, f.bytes) << "to_nfd changed nothing: the test would prove nothing";
        EXPECT_EQ(vanban::to_json(vanban::parse(nfd)), vanban::to_json(vanban::parse(f.bytes)));
    }
}

TEST(PropertyTest, CrlfAndBomGiveSameJson) {
    for (const auto& f : corpus()) {
        SCOPED_TRACE(f.name);
        const std::string expected = vanban::to_json(vanban::parse(f.bytes));
        EXPECT_EQ(vanban::to_json(vanban::parse(with_crlf(f.bytes))), expected) << "CRLF";
        EXPECT_EQ(vanban::to_json(vanban::parse(kBom + f.bytes)), expected) << "BOM";
        EXPECT_EQ(vanban::to_json(vanban::parse(kBom + with_crlf(f.bytes))), expected) << "BOM + CRLF";
    }
}

TEST(PropertyTest, BareCrGivesSameJson) {
    // normalize.h promises CR -> LF as well (old Mac line ends).
    for (const auto& f : corpus()) {
        SCOPED_TRACE(f.name);
        EXPECT_EQ(vanban::to_json(vanban::parse(with_cr(f.bytes))), vanban::to_json(vanban::parse(f.bytes)));
    }
}

}  // namespace
