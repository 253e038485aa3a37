// The parser built with _GLIBCXX_ASSERTIONS (vanban_parser_checked) on inputs that once read out of
// range: an assertion aborts the test where the ordinary build would read past a container unseen.
#include <gtest/gtest.h>

#include <string>

#include "text.h"
#include "vanban/parser.h"

namespace {

struct Row {
    const char* input;
    const char* why;
};

const Row kRows[] = {
    {"| a | b | c |", "issue #9: the task-table scanner read its columns before knowing there were any"},
    {"| Nhiệm vụ | Cơ quan chủ trì | Thời gian |\n| x |\n| 1 | Sở Y tế | 2025 |\n", "a row shorter than the header"},
    {"Cơ quan chủ trì\tNội dung\n\tSở Y tế\n", "a task row with an empty first cell"},
    {"1. Sở Y tế:\n- \n-", "bullets with nothing after them"},
    {"Các Sở: ,,, ;", "an empty list after a colon"},
    {"(i)", "a parenthesized point alone"},
    {"Đề nghị:", "a lead-in alone"},
    {"THỦ TƯỚNG CHÍNH PHỦ điện:\n-\n- Bộ", "a Công điện address block with empty lines"},
    {"Giám đốc", "a title alone"},
    {"các tỉnh: ,", "a province list with no province"},
};

TEST(CheckedTest, EdgeCasesStayInRange) {
    for (const auto& row : kRows) {
        SCOPED_TRACE(row.why);
        auto d = vanban::parse(row.input);
        for (const auto& t : d.tasks) {
            EXPECT_LE(t.span.end, d.text.size());
            for (const auto& a : t.agencies) EXPECT_LE(a.span.end, d.text.size());
        }
    }
}

}  // namespace

// fold() writes into a buffer the size of its input; these folds are longer than what they read.
TEST(CheckedTest, FoldsLongerThanTheirInputStayInRange) {
    using vanban::detail::fold;
    using vanban::detail::fold_with_map;
    EXPECT_EQ(fold("\xFF\xFF" "AB"), "\xEF\xBF\xBD\xEF\xBF\xBD" "ab");  // a stray byte reads as U+FFFD
    EXPECT_EQ(fold("\xC8\xBA\xC8\xBAx"), "\xE2\xB1\xA5\xE2\xB1\xA5x");  // U+023A lowers to U+2C65
    EXPECT_EQ(fold("\xFF\xFF\xFF" "ABCDEFGH"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD" "abcdefgh");  // growth, then text
    EXPECT_EQ(fold("Ủy BAN \xFF"), "uy ban \xEF\xBF\xBD");
    auto f = fold_with_map("\xFFĐ\xFF");
    EXPECT_EQ(f.text, "\xEF\xBF\xBD" "d" "\xEF\xBF\xBD");
    ASSERT_EQ(f.orig.size(), f.text.size() + 1);
    EXPECT_EQ(f.orig[0], 0u);
    EXPECT_EQ(f.orig[3], 1u);
    EXPECT_EQ(f.orig[4], 3u);
    EXPECT_EQ(f.orig.back(), 4u);
}
