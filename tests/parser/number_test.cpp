// Table tests for document numbers and their normalized key.
#include <gtest/gtest.h>

#include "vanban/parser.h"

namespace {

struct NumberRow {
    const char* printed;
    const char* text;
    const char* key;
    const char* seq;
    int year;  // 0: none
    const char* type_code;
    const char* issuer_code;
    const char* source;
};

const NumberRow kNumbers[] = {
    {"134/KH-UBND", "134/KH-UBND", "134/KH-UBND", "134", 0, "KH", "UBND", "seeds/ke-hoach-134"},
    {"30/2021/QH15", "30/2021/QH15", "30/2021/QH15", "30", 2021, "", "QH15", "seeds/ke-hoach-134 (basis)"},
    {"128/NQ-CP", "128/NQ-CP", "128/NQ-CP", "128", 0, "NQ", "CP", "seeds/ke-hoach-134 (basis)"},
    {"25-KL/TW", "25-KL/TW", "25-KL/TW", "25", 0, "KL", "TW", "seeds/ke-hoach-134 (basis)"},
    {"3061-CV/VPTW", "3061-CV/VPTW", "3061-CV/VPTW", "3061", 0, "CV", "VPTW", "seeds/ke-hoach-134 (basis)"},
    {"9191/VBHN-BKHĐT", "9191/VBHN-BKHĐT", "9191/VBHN-BKHDT", "9191", 0, "VBHN", "BKHĐT", "real/cb_van-ban-hop-nhat-so-9191"},
    {"367 - QĐ/TWĐTN-VP", "367 - QĐ/TWĐTN-VP", "367-QD/TWDTN-VP", "367", 0, "QĐ", "TWĐTN-VP", "issue #2 example"},
    {"66.17/2026/NQ-CP", "66.17/2026/NQ-CP", "66.17/2026/NQ-CP", "66.17", 2026, "NQ", "CP", "real/cb_nghi-quyet-so-6617"},
    {"0134/KH-UBND", "0134/KH-UBND", "134/KH-UBND", "0134", 0, "KH", "UBND", "portal/0134-KH-UBND"},
    {"1040/LĐTBXH-NCC V/v hướng dẫn", "1040/LĐTBXH-NCC", "1040/LDTBXH-NCC", "1040", 0, "", "LĐTBXH-NCC", "real/tvpl-cb_1040_2012_CV_LDTBXH"},
    {"773 /QĐ-TTg", "773 /QĐ-TTg", "773/QD-TTG", "773", 0, "QĐ", "TTg", "real/tvpl-cb_773_2018_QD_TTg"},
    {"3210/QĐ - UBND", "3210/QĐ - UBND", "3210/QD-UBND", "3210", 0, "QĐ", "UBND", "real/tvpl-cb_3210_2014_QD_UBND"},
    {"01/2022/TTLT-VKSNDTC-TANDTC-BCA", "01/2022/TTLT-VKSNDTC-TANDTC-BCA", "1/2022/TTLT-VKSNDTC-TANDTC-BCA", "01", 2022, "TTLT", "VKSNDTC-TANDTC-BCA", "real/cb_thong-tu-lien-tich-so-01-2022"},
    {"02/2020/UBTVQH14", "02/2020/UBTVQH14", "2/2020/UBTVQH14", "02", 2020, "", "UBTVQH14", "real/tvpl-cb_02_2020_UBTVQH14"},
    {"11554/VPCP-V.I", "11554/VPCP-V.I", "11554/VPCP-V.I", "11554", 0, "", "VPCP-V.I", "portal survey: dotted suffix"},
};

TEST(NumberTest, ParsesPrintedNumbers) {
    for (const auto& row : kNumbers) {
        SCOPED_TRACE(std::string(row.printed) + " from " + row.source);
        auto n = vanban::parse_number(row.printed);
        ASSERT_TRUE(n.has_value());
        EXPECT_EQ(n->text, row.text);
        EXPECT_EQ(n->key, row.key);
        EXPECT_EQ(n->seq, row.seq);
        EXPECT_EQ(n->year.value_or(0), row.year);
        EXPECT_EQ(n->type_code, row.type_code);
        EXPECT_EQ(n->issuer_code, row.issuer_code);
    }
}

TEST(NumberTest, KeyIgnoresCaseSpacesDashesZerosAndD) {
    EXPECT_EQ(vanban::number_key("0134/kh - ubnd"), vanban::number_key("134/KH-UBND"));
    EXPECT_EQ(vanban::number_key("218/QĐ-BYT"), vanban::number_key("218/QD-BYT"));
    EXPECT_EQ(vanban::number_key("25–KL/TW"), vanban::number_key("25-KL/TW"));
}

TEST(NumberTest, RejectsThingsThatAreNotNumbers) {
    for (const char* s : {"", "abc", "2022", "30/4", "15/12/2023", "Hà Nội"}) {
        SCOPED_TRACE(s);
        EXPECT_FALSE(vanban::parse_number(s).has_value());
    }
}

// A number's symbol is codes: measurements, ranges, dates and words after a number are not one.
TEST(NumberTest, ShapeOfTheSymbol) {
    struct Row {
        const char* printed;
        const char* text;  // "" when it is no number
        const char* source;
    };
    const Row rows[] = {
        {"100-150mm", "", "portal/217-CD-TTg-a328fbb4.md (a measurement)"},
        {"2 - 3m", "", "portal/0134-KH-UBND-d5ffa6af.md"},
        {"2015 - Nghị định số 34/2016/NĐ-CP", "", "real/tvpl-cb_1766_2020_QD_UBND.txt (a year then a word)"},
        {"398 - Đường tỉnh", "", "portal/1805-QD-UBND-04e4130e.md"},
        {"1/2.000", "", "portal/308-2025-ND-CP-54c3026b.md (a scale)"},
        {"2.000-3.200 ha", "", "portal/2634-QD-TTg-c9372820.md (a range)"},
        {"300-330gsm", "", "portal/39693-TB-CHQ-81eea34d.md"},
        {"14/11/200310/GP- UBND", "", "portal/doc-76415b3ed5295e94.md (a date glued to a number)"},
        {"348/Ngày", "", "real/cb_thong-tu-so-03-2025-tt-bldtbxh-44170.txt"},
        {"151/2025/NĐ-CP - Xác định", "151/2025/NĐ-CP", "portal/138-2025-QD-UBND-5a80798b.md"},
        {"42/2022/NĐ-CP / Tổng cục", "42/2022/NĐ-CP", "portal/80-2025-QD-UBND-a161f65b.md"},
        {"35/2025/QĐ-TTgcủa Thủ tướng", "35/2025/QĐ-TTg", "portal/35-2025-NQ-HDND-ed309a99.md (a glued word)"},
        {"25/2022/NĐ-CP 12 tháng", "25/2022/NĐ-CP", "portal/2842-QD-UBND-5ed85a65.md"},
        {"04/2012/UBTVQH 13", "04/2012/UBTVQH 13", "real/tvpl-cb_102_2018_ND_CP.txt (the term after a space)"},
        {"0825-05/HW-TCHQ", "0825-05/HW-TCHQ", "portal/37691-TB-CHQ-96cc27eb.md (a compound sequence)"},
        {"01-10/2025/CV-TKV", "01-10/2025/CV-TKV", "portal/39365-CHQ-GSQL-9ca435f0.md"},
        {"454/TTr-SoNNMT", "454/TTr-SoNNMT", "portal/2813-QD-UBND-8c306b69.md (lowercase inside a code)"},
        {"19/CV-TT-2025", "19/CV-TT-2025", "portal/doc-05c420d29b859e9b.md (digits after a code)"},
    };
    for (const auto& r : rows) {
        SCOPED_TRACE(std::string(r.printed) + " from " + r.source);
        auto n = vanban::parse_number(r.printed);
        EXPECT_EQ(n ? n->text : std::string(), r.text);
    }
}

}  // namespace
