// Table tests for the recognizer of body names (parser/src/bodies.cpp): head-noun grammar, titles,
// groups, lists, places. Each row cites the corpus file its text comes from (../shared/corpus/portal,
// copied to corpus/gold/ for the gold documents).
#include <gtest/gtest.h>

#include "agencies.h"
#include "text.h"

namespace {

using namespace vanban::detail;

struct Row {
    const char* text;
    const char* issuer;  // the document's issuer, for its province ("" for a central one)
    // Each mention as "name => canonical {id}" with " *" when not catalogued and " (generic)" when
    // it names nobody: the canonical string the recognizer is read by.
    std::vector<std::string> mentions;
    const char* source;
};

std::string render(const FoundAgency& a) {
    return a.name + " => " + a.canonical + " {" + a.id + "}" + (a.catalogued ? "" : " *") + (a.generic ? " (generic)" : "");
}

const Row kRows[] = {
    // Head nouns and their names, not in the catalogue.
    {"Kho bạc Nhà nước khu vực XI phối hợp", "",
     {"Kho bạc Nhà nước khu vực XI => Kho bạc Nhà nước khu vực XI {kho-bac-nha-nuoc-khu-vuc-xi} *"}, "issue #9 example"},
    {"Bệnh viện Hữu nghị Việt Đức, Bệnh viện Bạch Mai thúc đẩy", "",
     {"Bệnh viện Hữu nghị Việt Đức => Bệnh viện Hữu nghị Việt Đức {benh-vien-huu-nghi-viet-duc} *",
      "Bệnh viện Bạch Mai => Bệnh viện Bạch Mai {benh-vien-bach-mai} *"},
     "gold/637-TB-VPCP 2.(1)"},
    {"Tập đoàn Công nghiệp-Năng lượng quốc gia Việt Nam báo cáo", "",
     {"Tập đoàn Công nghiệp-Năng lượng quốc gia Việt Nam => Tập đoàn Công nghiệp-Năng lượng quốc gia Việt Nam "
      "{tap-doan-cong-nghiep-nang-luong-quoc-gia-viet-nam} *"},
     "gold/653-TB-VPCP 1.b.(i)"},
    {"Trung tâm Công báo - Tin học tỉnh", "Ủy ban nhân dân tỉnh Hà Tĩnh",
     {"Trung tâm Công báo - Tin học tỉnh => Trung tâm Công báo - Tin học tỉnh Hà Tĩnh {trung-tam-cong-bao-tin-hoc@tinh-ha-tinh} *"},
     "gold/2913-QD-UBND Điều 3"},
    {"Ban quản lý Khu Kinh tế Phú Yên", "Ủy ban nhân dân tỉnh Đắk Lắk",
     {"Ban quản lý Khu Kinh tế Phú Yên => Ban quản lý Khu Kinh tế Phú Yên {ban-quan-ly-khu-kinh-te@tinh-phu-yen} *"},
     "gold/010-CT-UBND I.1: a former province's name is part of the name"},
    {"Ủy ban Kiểm tra Tỉnh ủy", "Ủy ban nhân dân tỉnh Nghệ An",
     {"Ủy ban Kiểm tra Tỉnh ủy => Ủy ban Kiểm tra Tỉnh ủy Nghệ An {uy-ban-kiem-tra-tinh-uy@tinh-nghe-an}"}, "issue #9 example"},
    {"Đảng ủy Bộ Y tế", "", {"Đảng ủy Bộ Y tế => Đảng ủy Bộ Y tế {dang-uy-bo-y-te} *"}, "issue #9 example"},
    {"Thuế tỉnh Đắk Lắk", "Ủy ban nhân dân tỉnh Đắk Lắk",
     {"Thuế tỉnh Đắk Lắk => Thuế tỉnh Đắk Lắk {thue-tinh@tinh-dak-lak}"}, "gold/010-CT-UBND I.2.2.e"},
    {"Báo và Phát thanh - Truyền hình Đắk Lắk", "Ủy ban nhân dân tỉnh Đắk Lắk",
     {"Báo và Phát thanh - Truyền hình Đắk Lắk => Báo và Phát thanh - Truyền hình Đắk Lắk "
      "{bao-va-phat-thanh-truyen-hinh@tinh-dak-lak} *"},
     "gold/0129-KH-UBND IV.9"},
    {"UBND huyện Gia Lâm", "Ủy ban nhân dân Thành phố Hà Nội",
     {"UBND huyện Gia Lâm => Ủy ban nhân dân huyện Gia Lâm thành phố Hà Nội {uy-ban-nhan-dan-huyen-gia-lam@thanh-pho-ha-noi} *"},
     "seeds/ke-hoach-134 recipients: a district keeps its unit's name"},
    // Titles belong to the body.
    {"Giám đốc Sở Y tế", "Ủy ban nhân dân Thành phố Hà Nội",
     {"Sở Y tế => Sở Y tế thành phố Hà Nội {so-y-te@thanh-pho-ha-noi}"}, "ASSIGNMENTS.md"},
    {"Bộ trưởng Bộ Công Thương", "", {"Bộ Công Thương => Bộ Công Thương {bo-cong-thuong}"}, "ASSIGNMENTS.md"},
    {"Chánh Văn phòng UBND tỉnh", "Ủy ban nhân dân tỉnh Hà Tĩnh",
     {"Văn phòng UBND tỉnh => Văn phòng Ủy ban nhân dân tỉnh Hà Tĩnh {van-phong-ubnd-tinh@tinh-ha-tinh}"},
     "gold/2913-QD-UBND Điều 3"},
    {"Giám đốc các sở; Thủ trưởng các ban, ngành cấp tỉnh", "Ủy ban nhân dân tỉnh Hà Tĩnh",
     {"các sở, ban, ngành cấp tỉnh => các sở, ban, ngành tỉnh Hà Tĩnh {collective:cac-so-ban-nganh-cap-tinh@tinh-ha-tinh} *"},
     "gold/2913-QD-UBND Điều 3: one group written with a title each"},
    {"Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc Chính phủ", "",
     {"các Bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ => các Bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ "
      "{collective:cac-bo-co-quan-ngang-bo-co-quan-thuoc-chinh-phu}"},
     "gold/08-2025-NQ-CP Điều 6.3"},
    {"Phó Thủ tướng Hồ Đức Phớc", "", {"Phó Thủ tướng Hồ Đức Phớc => Phó Thủ tướng Hồ Đức Phớc {pho-thu-tuong-ho-duc-phoc} *"},
     "gold/226-CD-TTg 5: an office-holder"},
    // Groups.
    {"các doanh nghiệp viễn thông (VNPT, Viettel, MobiFone và doanh nghiệp khác)", "Ủy ban nhân dân tỉnh Đắk Lắk",
     {"các doanh nghiệp viễn thông => các doanh nghiệp viễn thông tỉnh Đắk Lắk "
      "{collective:cac-doanh-nghiep-vien-thong@tinh-dak-lak} *",
      "VNPT => VNPT {vnpt} *", "Viettel => Viettel {viettel} *", "MobiFone => MobiFone {mobifone} *"},
     "gold/0129-KH-UBND IV.13: an open list gives the group and its members"},
    {"Các cơ quan đăng ký đầu tư (Sở Tài chính, Ban Quản lý các Khu công nghiệp tỉnh)", "Ủy ban nhân dân tỉnh Đắk Lắk",
     {"Sở Tài chính => Sở Tài chính tỉnh Đắk Lắk {so-tai-chinh@tinh-dak-lak}",
      "Ban Quản lý các Khu công nghiệp tỉnh => Ban Quản lý các khu công nghiệp tỉnh Đắk Lắk "
      "{ban-quan-ly-cac-khu-cong-nghiep@tinh-dak-lak}"},
     "gold/010-CT-UBND I.1: a complete list gives its members only"},
    {"các cơ quan, đơn vị, địa phương có liên quan", "Ủy ban nhân dân tỉnh Bắc Ninh",
     {"các cơ quan, đơn vị, địa phương có liên quan => các cơ quan, đơn vị, địa phương có liên quan tỉnh Bắc Ninh "
      "{collective:cac-co-quan-don-vi-lien-quan@tinh-bac-ninh} (generic)"},
     "gold/141-KH-UBND III.4: names nobody"},
    {"các tổ chức chính trị - xã hội", "Ủy ban nhân dân tỉnh Nghệ An",
     {"các tổ chức chính trị - xã hội => các tổ chức chính trị - xã hội tỉnh Nghệ An "
      "{collective:cac-to-chuc-chinh-tri-xa-hoi@tinh-nghe-an}"},
     "gold/982-KH-UBND II"},
    {"Ủy ban nhân dân phường, xã, đặc khu, báo, đài và các đơn vị có liên quan", "Ủy ban nhân dân Thành phố Hồ Chí Minh",
     {"Ủy ban nhân dân phường, xã, đặc khu => Ủy ban nhân dân phường, xã, đặc khu thành phố Hồ Chí Minh "
      "{collective:ubnd-cac-xa-phuong-dac-khu@thanh-pho-ho-chi-minh}",
      "báo, đài => báo, đài thành phố Hồ Chí Minh {collective:cac-bao-dai@thanh-pho-ho-chi-minh} *",
      "các đơn vị có liên quan => các đơn vị có liên quan thành phố Hồ Chí Minh "
      "{collective:cac-co-quan-don-vi-lien-quan@thanh-pho-ho-chi-minh} (generic)"},
     "gold/174-KH-UBND III.1.a: 'báo, đài' goes on a list of bodies"},
    // Lists split into their members.
    {"Các Sở: Y tế, Tài chính", "Ủy ban nhân dân Thành phố Hà Nội",
     {"Y tế => Sở Y tế thành phố Hà Nội {so-y-te@thanh-pho-ha-noi}",
      "Tài chính => Sở Tài chính thành phố Hà Nội {so-tai-chinh@thanh-pho-ha-noi}"},
     "ASSIGNMENTS.md"},
    {"Các Bộ: Quốc phòng, Tài chính kịp thời xuất cấp", "",
     {"Quốc phòng => Bộ Quốc phòng {bo-quoc-phong}", "Tài chính => Bộ Tài chính {bo-tai-chinh}"}, "gold/223-CD-TTg 8"},
    {"Bí thư tỉnh ủy, Chủ tịch Ủy ban nhân dân các tỉnh: Khánh Hòa, Đắk Lắk, Gia Lai", "",
     {"tỉnh ủy Khánh Hòa => Tỉnh ủy Khánh Hòa {tinh-uy@tinh-khanh-hoa}",
      "Ủy ban nhân dân Khánh Hòa => Ủy ban nhân dân tỉnh Khánh Hòa {uy-ban-nhan-dan-tinh@tinh-khanh-hoa}",
      "tỉnh ủy Đắk Lắk => Tỉnh ủy Đắk Lắk {tinh-uy@tinh-dak-lak}",
      "Ủy ban nhân dân Đắk Lắk => Ủy ban nhân dân tỉnh Đắk Lắk {uy-ban-nhan-dan-tinh@tinh-dak-lak}",
      "tỉnh ủy Gia Lai => Tỉnh ủy Gia Lai {tinh-uy@tinh-gia-lai}",
      "Ủy ban nhân dân Gia Lai => Ủy ban nhân dân tỉnh Gia Lai {uy-ban-nhan-dan-tinh@tinh-gia-lai}"},
     "gold/223-CD-TTg address block: the bodies before a province list are distributed over it"},
    // Words that only look like names.
    {"Các trường hợp áp dụng trình tự, thủ tục rút gọn", "Ủy ban nhân dân tỉnh Hà Tĩnh", {}, "portal: 'trường hợp' is a case"},
    {"Tổ chức thực hiện bổ sung, ban hành các văn bản", "Ủy ban nhân dân tỉnh Hà Tĩnh", {}, "gold/641-TB-VPCP: verbs, not nouns"},
    {"III. NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU", "Ủy ban nhân dân tỉnh Đồng Tháp", {}, "gold/597-KH-UBND: no 'Vụ' in a heading in capitals"},
    {"theo báo cáo của lãnh đạo tỉnh, tổ chức hội nghị", "Ủy ban nhân dân tỉnh Phú Thọ", {}, "gold/636-TB-VPCP: 'báo cáo', 'hội nghị'"},
};

TEST(BodiesTest, RecognizesBodiesByTheGrammarOfTheirNames) {
    for (const auto& row : kRows) {
        SCOPED_TRACE(std::string(row.text) + " (" + row.source + ")");
        HomePlace home = home_place(row.issuer, "", "");
        std::vector<std::string> got;
        for (const auto& a : find_agencies(row.text, home)) got.push_back(render(a));
        EXPECT_EQ(got, row.mentions);
    }
}

// Every span points at the name as written, on UTF-8 boundaries, the title before it.
TEST(BodiesTest, SpansPointAtTheWrittenName) {
    std::string text = "Giám đốc Sở Y tế, Thủ trưởng các sở, ban, ngành và Chủ tịch UBND cấp xã chịu trách nhiệm";
    HomePlace home = home_place("Ủy ban nhân dân tỉnh Hà Tĩnh", "", "");
    auto found = find_agencies(text, home);
    ASSERT_EQ(found.size(), 3u);
    for (const auto& a : found) {
        ASSERT_LE(a.head_start, a.start);
        ASSERT_LE(a.end, text.size());
        EXPECT_EQ(text.substr(a.start, a.end - a.start), a.name);
    }
    EXPECT_EQ(text.substr(found[0].head_start, found[0].start - found[0].head_start), "Giám đốc ");
}

// Folding merges words that spelling keeps apart ("bộ"/"bổ", "trưởng"/"trường"); tone placement does not
// matter ("Uỷ"/"Ủy").
TEST(BodiesTest, SpellingDecidesWhereTheFoldIsAmbiguous) {
    EXPECT_EQ(spelling("Uỷ ban"), spelling("ủy ban"));
    EXPECT_EQ(spelling("Hoà"), spelling("hòa"));
    EXPECT_NE(spelling("bộ"), spelling("bổ"));
    EXPECT_NE(spelling("trưởng"), spelling("trường"));
    EXPECT_NE(spelling("quận"), spelling("quản"));
    HomePlace home = home_place("Ủy ban nhân dân tỉnh Hà Tĩnh", "", "");
    EXPECT_TRUE(find_agencies("bổ sung, ban hành", home).empty());
    EXPECT_EQ(find_agencies("Uỷ ban nhân dân tỉnh Hà Tĩnh", home).at(0).id, "uy-ban-nhan-dan-tinh@tinh-ha-tinh");
}

}  // namespace
