// Table tests for Vietnamese syllables and the joining of syllables split by stray spaces.
#include <gtest/gtest.h>

#include "syllable.h"

namespace {

using vanban::detail::is_syllable;
using vanban::detail::join_fragments;

TEST(SyllableTest, RecognizesSyllables) {
    for (const char* w : {"Quảng", "nghiêng", "xã", "THÀNH", "PHỐ", "Đặng", "hưởng", "của", "gì", "quốc", "uỷ", "ủy",
                          "hoà", "hòa", "khuyến", "người", "ở", "nhiệm", "Chí", "Minh"}) {
        EXPECT_TRUE(is_syllable(w)) << w;
    }
    for (const char* w : {"ng", "Qu", "ưở", "dâ", "TP", "UBND", "HCM", "B", "nh", "KG", "Đặ", "trưở", "covid", "19"}) {
        EXPECT_FALSE(is_syllable(w)) << w;
    }
}

struct JoinRow {
    const char* in;
    const char* out;
    const char* source;
};

const JoinRow kJoins[] = {
    {"Qu ả ng Ngãi, ngày 04", "Quảng Ngãi, ngày 04", "real/tvpl-cb_1351_2022_QD_UBND"},
    {"CHỦ TỊCH Đặ ng Văn Minh", "CHỦ TỊCH Đặng Văn Minh", "real/tvpl-cb_1351_2022_QD_UBND"},
    {"Bộ Lao động - Thương binh và X ã hội", "Bộ Lao động - Thương binh và Xã hội", "real/tvpl-cb_1351_2022_QD_UBND"},
    {"ỦY B AN NHÂN DÂ N T HÀNH P HỐ HỒ C HÍ M I NH", "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", "real/tvpl-cb_3210_2014_QD_UBND"},
    {"C á c Sở", "Các Sở", "real/tvpl-cb_3210_2014_QD_UBND"},
    {"gi ớ i thiệu", "giới thiệu", "real/tvpl-cb_102_2018_ND_CP"},
    {"nhi ệ m vụ", "nhiệm vụ", "real/tvpl-cb_102_2018_ND_CP"},
    {"h ưở ng chế độ", "hưởng chế độ", "real/tvpl-cb_102_2018_ND_CP"},
    {"Nh ư tr ê n", "Như trên", "real/tvpl-cb_2864_2015_CV_LDTBXH"},
    {"các Ban của Đ ả ng", "các Ban của Đảng", "real/tvpl-cb_773_2018_QD_TTg"},
    // Left alone: correct words and abbreviations (survey of portal/ and real/).
    {"nhà ở xã hội", "nhà ở xã hội", "portal: common words"},
    {"dự án đầu tư", "dự án đầu tư", "portal: common words"},
    {"đồng ý với", "đồng ý với", "portal: common words"},
    {"Phụ lục V đính kèm", "Phụ lục V đính kèm", "portal: labels"},
    {"ông B đã nhận", "ông B đã nhận", "portal: labels"},
    {"TT PVHCC tỉnh", "TT PVHCC tỉnh", "portal: abbreviations"},
    {"TP HCM", "TP HCM", "portal: abbreviations"},
    {"UBMT TQ VN", "UBMT TQ VN", "portal: abbreviations"},
};

TEST(SyllableTest, JoinsSplitFragments) {
    for (const auto& row : kJoins) {
        std::string line = row.in;
        join_fragments(line);
        EXPECT_EQ(line, row.out) << "from " << row.source;
    }
}

}  // namespace

TEST(SyllableTest, PunctuationEndsAJoinedWord) {
    std::string line = "Thành phố Hồ Chí M inh, ngày 28";  // real/tvpl-cb_3210_2014_QD_UBND
    join_fragments(line);
    EXPECT_EQ(line, "Thành phố Hồ Chí Minh, ngày 28");
}

TEST(SyllableTest, ConsonantBeforeAVowelIsItsOnset) {
    std::string line = "HỒ C H Í M I NH -------";  // real/tvpl-cb_3210_2014_QD_UBND, header cell
    join_fragments(line);
    EXPECT_EQ(line, "HỒ CHÍ MINH -------");
}
