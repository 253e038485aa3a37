// Golden files: every corpus/<name>.txt|.md with a corpus/<name>.golden beside it is parsed and
// rendered as a reviewer reads it (golden_text.h: a line per field, section, task, agency, reference,
// spans as the text they cover) and compared with the file. VANBAN_UPDATE_GOLDEN=1 rewrites the
// files, so that every change of behaviour is a reviewable diff of words, not of byte offsets.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "corpus_files.h"
#include "golden_text.h"
#include "vanban/parser.h"

namespace fs = std::filesystem;

namespace {

using vanban::test::corpus_dir;
using vanban::test::slurp;

std::vector<fs::path> golden_inputs() {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(corpus_dir())) {
        auto ext = e.path().extension();
        if (ext != ".txt" && ext != ".md") continue;
        out.push_back(e.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

fs::path expected_path(const fs::path& input) {
    return input.parent_path() / (input.stem().string() + ".golden");
}

TEST(GoldenTest, CorpusHasGoldenFiles) {
    std::size_t with_expected = 0;
    for (const auto& p : golden_inputs()) with_expected += fs::exists(expected_path(p));
    EXPECT_GE(with_expected, 22u) << "corpus/ should hold the two seeds, ten gazette and portal texts and eight directive layouts";
}

TEST(GoldenTest, MatchesExpectedJson) {
    bool update = std::getenv("VANBAN_UPDATE_GOLDEN") != nullptr;
    for (const auto& input : golden_inputs()) {
        fs::path exp = expected_path(input);
        if (!fs::exists(exp) && !update) continue;
        SCOPED_TRACE(input.filename().string());
        std::string actual = vanban::test::golden_text(vanban::parse(slurp(input)));
        if (update) {
            std::ofstream(exp, std::ios::binary) << actual;
            continue;
        }
        std::string expected = slurp(exp);
        if (actual == expected) continue;
        // Report the first differing line with its number, not two whole documents.
        std::istringstream a(actual), e(expected);
        std::string la, le;
        int line = 0;
        while (true) {
            ++line;
            bool more_a = static_cast<bool>(std::getline(a, la)), more_e = static_cast<bool>(std::getline(e, le));
            if (!more_a && !more_e) break;
            if (la != le || more_a != more_e) break;
        }
        ADD_FAILURE() << "golden mismatch for " << input.filename() << " at line " << line << "\n  expected: " << le
                      << "\n  actual:   " << la
                      << "\ninspect with: VANBAN_UPDATE_GOLDEN=1 ctest -R Golden && git diff corpus/";
    }
}

}  // namespace
