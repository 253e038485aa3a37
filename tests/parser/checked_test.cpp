// The parser built with _GLIBCXX_ASSERTIONS (vanban_parser_checked) on inputs that once read out of
// range: an assertion aborts the test where the ordinary build would read past a container unseen.
#include <gtest/gtest.h>

#include <string>

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
