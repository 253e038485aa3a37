// Table tests for the header (issuer, type, number, date, title) and the table of document types.
// Each row cites the corpus file it came from.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "doc_types.h"
#include "header.h"
#include "text.h"
#include "vanban/parser.h"

namespace {

using namespace vanban::detail;

// One table: the public list, the header's type codes and the number parser agree.
TEST(DocTypesTest, OneTableForHeadingsCodesAndCitations) {
    const auto& types = vanban::document_types();
    ASSERT_FALSE(types.empty());
    std::set<std::string> names;
    for (const auto& t : types) {
        EXPECT_FALSE(t.name.empty());
        EXPECT_TRUE(names.insert(t.name).second) << "listed twice: " << t.name;
        for (const auto& code : t.codes) {
            EXPECT_EQ(type_from_code(code), t.name) << code;
            EXPECT_TRUE(is_type_code(code)) << code;
            // A number with that code parses it as its type code: "12/KH-UBND".
            auto n = vanban::parse_number("12/" + code + "-UBND");
            ASSERT_TRUE(n) << code;
            EXPECT_EQ(n->type_code, code);
        }
    }
    // Every heading row of the table is a public type; the generic "văn bản" is not.
    for (const auto& row : doc_type_rows()) {
        EXPECT_EQ(fold(row.name), row.name.empty() ? std::string() : std::string(row.folded));
        if (row.heading) EXPECT_TRUE(names.contains(std::string(row.name))) << row.name;
    }
    EXPECT_FALSE(names.contains(""));
    // Longest first where one name is a prefix or suffix of another.
    auto index = [&](std::string_view folded) {
        for (std::size_t i = 0; i < doc_type_rows().size(); ++i) {
            if (doc_type_rows()[i].folded == folded) return i;
        }
        return doc_type_rows().size();
    };
    EXPECT_LT(index("thong tu lien tich"), index("thong tu"));
    EXPECT_LT(index("bo luat"), index("luat"));
    EXPECT_LT(index("phap lenh"), index("lenh"));
    EXPECT_LT(index("van ban hop nhat"), index("van ban"));
}

}  // namespace
