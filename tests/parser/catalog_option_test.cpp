// The agency catalogue as an option of parse(): the built-in one by default, another built from tables
// in the same format (make_catalog) when given; each catalogue has its own grammar (the words a mention
// may start with come from its names and aliases), and one parse never sees another's.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "vanban/parser.h"

namespace {

// A plan in the standard layout whose tasks name a body the built-in catalogue does not hold, once by
// its name and once by an abbreviation only the other catalogue knows.
const char* const kPlan =
    "BỘ Y TẾ\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\n"
    "Số: 12/KH-BYT\nHà Nội, ngày 3 tháng 2 năm 2025\n\nKẾ HOẠCH\nVề việc thử nghiệm thiết bị năm 2025\n\n"
    "I. NHIỆM VỤ\n1. Cục Kiểm định Thiết bị Y khoa chủ trì kiểm tra thiết bị.\n"
    "2. Giao CKĐTB tổng hợp kết quả, báo cáo trước ngày 30/6/2025.\n\n"
    "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\nNguyễn Văn An\n";

// The other catalogue: the body with its abbreviation, in agencies.tsv's columns (id, kind, name,
// aliases, scope, valid, successor); no collectives.
const char* const kAgencies =
    "# id\tkind\tname\taliases\tscope\tvalid\tsuccessor\n"
    "cuc-kiem-dinh-thiet-bi-y-khoa\tagency\tCục Kiểm định Thiết bị Y khoa\tCKĐTB\t\t\t\n";

std::vector<const vanban::AgencyMention*> mentions(const vanban::Document& doc) {
    std::vector<const vanban::AgencyMention*> out;
    for (const auto& t : doc.tasks) {
        for (const auto& a : t.agencies) out.push_back(&a);
    }
    return out;
}

TEST(CatalogOption, ADocumentIsReadAgainstTheCatalogueItIsGiven) {
    auto other = vanban::make_catalog(kAgencies, "");
    vanban::Document with = vanban::parse(kPlan, {other.get()});
    auto found = mentions(with);
    ASSERT_GE(found.size(), 2u);
    for (const auto* a : found) {
        EXPECT_EQ(a->id, "cuc-kiem-dinh-thiet-bi-y-khoa") << a->name;
        EXPECT_TRUE(a->catalogued) << a->name;
    }
    EXPECT_TRUE(std::any_of(found.begin(), found.end(), [](const auto* a) { return a->name == "CKĐTB"; }));

    // The built-in catalogue does not know the body: the grammar still reads its name (a head noun,
    // "Cục"), not catalogued, and the abbreviation names nothing.
    vanban::Document plain = vanban::parse(kPlan);
    auto builtin = mentions(plain);
    ASSERT_FALSE(builtin.empty());
    for (const auto* a : builtin) {
        EXPECT_FALSE(a->catalogued) << a->name;
        EXPECT_NE(a->name, "CKĐTB");
    }
    // And the other catalogue's parse is not changed by the built-in one's having run.
    vanban::Document again = vanban::parse(kPlan, {other.get()});
    EXPECT_EQ(mentions(again).size(), found.size());
}

}  // namespace
