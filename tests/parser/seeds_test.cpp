// The two documents the project started from, checked field by field (issue #2, "Must show").
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "vanban/parser.h"

namespace {

std::string corpus_file(const char* name) {
    const char* src = std::getenv("VANBAN_SOURCE_DIR");
    std::ifstream in(std::filesystem::path(src ? src : ".") / "corpus" / name, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

const vanban::Section* find_top(const vanban::Document& d, const char* label) {
    for (const auto& s : d.sections) {
        if (s.label == label) return &s;
    }
    return nullptr;
}

// Everything the parser keeps as body text, headings included.
void collect(const vanban::Section& s, std::string& out) {
    out += s.heading + "\n" + s.text + "\n";
    for (const auto& c : s.children) collect(c, out);
}

TEST(SeedTest, KeHoach134) {
    auto d = vanban::parse(corpus_file("ke-hoach-134-KH-UBND-ha-noi-2022-04-29.txt"));
    ASSERT_TRUE(d.number);
    EXPECT_EQ(d.number->text, "134/KH-UBND");
    EXPECT_EQ(d.type.value_or(""), "Kế hoạch");
    EXPECT_EQ(d.issuer.value_or(""), "Ủy ban nhân dân Thành phố Hà Nội");
    EXPECT_EQ(d.date.value_or(""), "2022-04-29");
    EXPECT_EQ(d.place.value_or(""), "Hà Nội");
    EXPECT_EQ(d.bases.size(), 8u);
    ASSERT_EQ(d.signers.size(), 1u);
    EXPECT_EQ(d.signers[0].name, "Chử Xuân Dũng");
    EXPECT_EQ(d.signers[0].capacity, (std::vector<std::string>{"TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"}));
    ASSERT_EQ(d.sections.size(), 3u);
    EXPECT_EQ(d.sections[0].label, "I");
    EXPECT_EQ(d.sections[1].label, "II");
    EXPECT_EQ(d.sections[2].label, "III");
    const auto* two = find_top(d, "II");
    const auto* three = find_top(d, "III");
    ASSERT_TRUE(two && three);
    EXPECT_EQ(two->children.size(), 12u);
    EXPECT_EQ(three->children.size(), 26u);
    EXPECT_EQ(three->children[1].heading, "Sở Y tế");
    EXPECT_EQ(three->children[15].heading, "Sở Văn hóa và Thể thao; Sở Du lịch");
    // "4. Thời gian thực hiện: Thực hiện trong ..." keeps heading and text.
    const auto& time = d.sections[0].children.back();
    EXPECT_EQ(time.heading, "Thời gian thực hiện");
    EXPECT_TRUE(time.text.starts_with("Thực hiện trong thời gian 2 năm 2022-2023"));
    // The closing paragraph is not part of block III.26.
    ASSERT_TRUE(d.closing);
    EXPECT_TRUE(d.slice(*d.closing).starts_with("Ủy ban nhân dân Thành phố đề nghị"));
    // No portal text anywhere in the document text.
    for (const char* clutter : {"Thuộc tính", "Vui lòng", "Tải về", "LuatVietnam", "Ghi chú", "Mục lục", "19006192",
                                "Số hiệu:", "download"}) {
        EXPECT_EQ(d.text.find(clutter), std::string::npos) << clutter;
    }
    std::string body;
    for (const auto& s : d.sections) collect(s, body);
    EXPECT_EQ(body.find("Đăng nhập"), std::string::npos);
    EXPECT_EQ(d.recipients.front(), "Như trên;");
    EXPECT_EQ(d.recipients.back(), "Lưu: VT, KGVX.");
}

TEST(SeedTest, ThongBaoKetLuanThanhUy) {
    auto d = vanban::parse(corpus_file("thong-bao-ket-luan-thuong-truc-thanh-uy-ha-noi-2022-04-20.txt"));
    EXPECT_EQ(d.type.value_or(""), "Thông báo");
    EXPECT_EQ(d.date.value_or(""), "2022-04-20");
    EXPECT_EQ(d.title.value_or(""),
              "Kết luận của Thường trực Thành ủy về công tác phòng, chống dịch bệnh Covid-19 trên địa bàn Thành phố");
    EXPECT_FALSE(d.number) << "the header with the number was lost in copying: nothing may be invented";
    ASSERT_EQ(d.signers.size(), 1u);
    EXPECT_EQ(d.signers[0].name, "Trần Thanh Hà");
    EXPECT_EQ(d.signers[0].capacity, (std::vector<std::string>{"T/L BAN THƯỜNG VỤ", "CHÁNH VĂN PHÒNG"}));
    ASSERT_EQ(d.sections.size(), 3u);
    for (std::size_t i = 0; i < 3; ++i) EXPECT_EQ(d.sections[i].label, std::to_string(i + 1));
    EXPECT_TRUE(d.sections[1].heading.starts_with("Ban Chỉ đạo phòng chống dịch Covid-19 Thành phố"));
    EXPECT_EQ(d.text.find("**"), std::string::npos);
    ASSERT_TRUE(d.closing);
    EXPECT_TRUE(d.slice(*d.closing).starts_with("Văn phòng Thành ủy thông báo"));
    EXPECT_EQ(d.recipients.size(), 10u);
}

}  // namespace
