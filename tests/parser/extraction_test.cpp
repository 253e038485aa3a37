// Table tests for the scanners behind tasks and citations: periods and deadlines, agency names,
// citations. Each row cites where it came from.
#include <gtest/gtest.h>

#include "agencies.h"
#include "citations.h"
#include "periods.h"
#include "text.h"
#include "vanban/parser.h"

namespace {

using namespace vanban::detail;

struct PeriodRow {
    const char* text;
    const char* phrase;  // the phrase found
    const char* from;    // "" for none
    const char* to;
    const char* recurrence;
    const char* source;
};

const PeriodRow kPeriods[] = {
    {"Hoàn thành tiêm vắc xin cho trẻ trước tháng 9 năm 2022 và theo tiến độ", "trước tháng 9 năm 2022", "", "2022-08-31", "",
     "seeds/ke-hoach-134 I.3.1"},
    {"Báo cáo kết quả trước ngày 15/12/2023.", "trước ngày 15/12/2023", "", "2023-12-15", "", "issue #3 example"},
    {"Tổ chức sơ kết trong quý II/2022", "quý II/2022", "2022-04-01", "2022-06-30", "", "issue #3 example"},
    {"Thực hiện trong thời gian 2 năm 2022-2023.", "năm 2022-2023", "2022-01-01", "2023-12-31", "", "seeds/ke-hoach-134 I.4"},
    {"nhất là dịp nghỉ lễ 30/4, 01/5/2022 và tổ chức", "dịp nghỉ lễ 30/4, 01/5/2022", "2022-04-30", "2022-05-01", "",
     "seeds/thong-bao-ket-luan item 1"},
    {"Báo cáo kết quả hằng năm về Sở Y tế", "hằng năm", "", "", "yearly", "issue #3 example"},
    {"Định kỳ 6 tháng báo cáo UBND tỉnh", "Định kỳ 6 tháng", "", "", "6 months", "issue #3 example"},
    {"Thời gian thực hiện: từ ngày 01/12/2025 đến ngày 31/12/2025", "từ ngày 01/12/2025 đến ngày 31/12/2025", "2025-12-01",
     "2025-12-31", "", "portal plans: a range"},
    {"hoàn thành trong tháng 12/2025", "trong tháng 12/2025", "2025-12-01", "2025-12-31", "", "portal plans: a month"},
    {"Kế hoạch giai đoạn 2026 - 2030", "giai đoạn 2026 - 2030", "2026-01-01", "2030-12-31", "",
     "portal/0134-KH-UBND title"},
    {"chậm nhất ngày 20 tháng 12 năm 2025", "chậm nhất ngày 20 tháng 12 năm 2025", "", "2025-12-20", "",
     "portal directives: a deadline"},
};

TEST(PeriodTest, FindsAndNormalizes) {
    for (const auto& row : kPeriods) {
        SCOPED_TRACE(std::string(row.text) + " (" + row.source + ")");
        auto found = find_periods(row.text);
        ASSERT_FALSE(found.empty());
        auto p = pick_deadline(found);
        ASSERT_TRUE(p);
        EXPECT_EQ(p->text, row.phrase);
        EXPECT_EQ(p->from.value_or(""), row.from);
        EXPECT_EQ(p->to.value_or(""), row.to);
        EXPECT_EQ(p->recurrence.value_or(""), row.recurrence);
        // The span points at the phrase.
        EXPECT_EQ(std::string_view(row.text).substr(p->span.start, p->span.end - p->span.start), row.phrase);
    }
}

TEST(PeriodTest, IgnoresDatesThatAreNotPeriods) {
    for (const char* text : {"Nghị quyết số 38/NQ-CP ngày 17/3/2022 của Chính phủ", "Điều 5 Luật số 30/2021/QH15",
                             "tăng 52,6% so với kỳ báo cáo trước"}) {
        SCOPED_TRACE(text);
        EXPECT_FALSE(pick_deadline(find_periods(text)) && pick_deadline(find_periods(text))->to);
    }
}

struct AgencyRow {
    const char* text;
    const char* place;  // the document's place
    std::vector<std::string> ids;
    const char* source;
};

const AgencyRow kAgencies[] = {
    {"Sở Y tế", "Hà Nội", {"so-y-te@thanh-pho-ha-noi"}, "seeds/ke-hoach-134 III.2"},
    {"Công an Thành phố", "Hà Nội", {"cong-an-tinh@thanh-pho-ha-noi"}, "seeds/ke-hoach-134 III.4"},
    {"CA TP, BTL TĐ, các sở: YT, TC, XD, TT&TT, GD&ĐT", "Hà Nội",
     {"cong-an-tinh@thanh-pho-ha-noi", "bo-tu-lenh-thu-do-ha-noi", "so-y-te@thanh-pho-ha-noi", "so-tai-chinh@thanh-pho-ha-noi",
      "so-xay-dung@thanh-pho-ha-noi", "so-thong-tin-va-truyen-thong@thanh-pho-ha-noi", "so-giao-duc-va-dao-tao@thanh-pho-ha-noi"},
     "seeds/thong-bao-ket-luan Nơi nhận"},
    {"Sở Văn hóa và Thể thao; Sở Du lịch", "Hà Nội", {"so-van-hoa-va-the-thao@thanh-pho-ha-noi", "so-du-lich@thanh-pho-ha-noi"},
     "seeds/ke-hoach-134 III.16"},
    {"UBND các quận, huyện, thị xã", "Hà Nội", {"collective:ubnd-cac-quan-huyen-thi-xa@thanh-pho-ha-noi"}, "seeds/ke-hoach-134 III.1"},
    {"Ủy ban nhân dân quận, huyện, thị xã", "Hà Nội", {"collective:ubnd-cac-quan-huyen-thi-xa@thanh-pho-ha-noi"},
     "seeds/ke-hoach-134 III.26"},
    {"Uỷ ban nhân dân tỉnh Quảng Ngãi", "Hà Nội", {"uy-ban-nhan-dan-tinh@tinh-quang-ngai"}, "old tone placement, explicit place"},
    {"Đài Phát thanh và Truyền hình Hà Nội; các Báo: Hà Nội mới, Kinh tế và Đô thị", "Hà Nội",
     {"dai-phat-thanh-va-truyen-hinh-tinh@thanh-pho-ha-noi", "bao-ha-noi-moi", "bao-kinh-te-va-do-thi"},
     "seeds/ke-hoach-134 III.23"},
    {"Bộ Kế hoạch và Đầu tư, Bộ Tài chính", "", {"bo-ke-hoach-va-dau-tu", "bo-tai-chinh"}, "former and current ministries"},
    {"phát huy tính tự chủ", "Hà Nội", {}, "seeds/ke-hoach-134 III.26: 'tự' is not the abbreviation TU"},
};

TEST(AgencyTest, RecognizesAndResolves) {
    for (const auto& row : kAgencies) {
        SCOPED_TRACE(std::string(row.text) + " (" + row.source + ")");
        HomePlace home = home_place("", "", row.place);
        std::vector<std::string> ids;
        for (const auto& a : find_agencies(row.text, home)) ids.push_back(a.id);
        EXPECT_EQ(ids, row.ids);
    }
}

TEST(AgencyTest, CanonicalNamesCompleteThePlace) {
    HomePlace home = home_place("Ủy ban nhân dân Thành phố Hà Nội", "", "Hà Nội");
    auto found = find_agencies("Ban Dân vận Thành ủy; Thanh tra Thành phố; Công an Thành phố", home);
    ASSERT_EQ(found.size(), 3u);
    EXPECT_EQ(found[0].canonical, "Ban Dân vận Thành ủy Hà Nội");
    EXPECT_EQ(found[1].canonical, "Thanh tra thành phố Hà Nội");
    EXPECT_EQ(found[2].canonical, "Công an thành phố Hà Nội");
}

struct CitationRow {
    const char* text;
    const char* number;
    const char* type;
    const char* date;
    const char* issuer;
    const char* relation;
    const char* provision;
    const char* source;
};

const CitationRow kCitations[] = {
    {"Ủy ban nhân dân Thành phố xây dựng Kế hoạch triển khai Nghị quyết số 38/NQ-CP ngày 17/3/2022 của Chính phủ.",
     "38/NQ-CP", "Nghị quyết", "2022-03-17", "Chính phủ", "implements", "", "seeds/ke-hoach-134 preamble"},
    {"theo Nghị quyết số 18/2008/NQ-QHH12 ngày 03/6/2008.", "18/2008/NQ-QHH12", "Nghị quyết", "2008-06-03", "", "mentions", "",
     "seeds/ke-hoach-134 II.6 (typo kept)"},
    {"quy định tại khoản 2 Điều 92 của Luật An toàn, vệ sinh lao động số 84/2015/QH13.", "84/2015/QH13", "Luật", "", "",
     "mentions", "khoản 2 Điều 92", "issue #3 example"},
    {"Quyết định này thay thế Quyết định số 1480/QĐ-TTg ngày 03 tháng 7 năm 2025.", "1480/QĐ-TTg", "Quyết định", "2025-07-03",
     "", "replaces", "", "real/cb_quyet-dinh-so-798-qd-ttg"},
    {"văn bản số 3061-CV/VPTW ngày 18/02/2022 của Văn phòng Trung ương Đảng thông báo", "3061-CV/VPTW", "Công văn", "2022-02-18",
     "Văn phòng Trung ương Đảng", "mentions", "", "seeds/ke-hoach-134 basis 4"},
    {"Sau khi nghe trình bày Báo cáo số 255-BC/BCSD ngày 18/4/2022 về công tác", "255-BC/BCSD", "Báo cáo", "2022-04-18", "",
     "mentions", "", "seeds/thong-bao-ket-luan"},
    {"sửa đổi, bổ sung một số điều của Nghị định số 08/2022/NĐ-CP ngày 10/01/2022", "08/2022/NĐ-CP", "Nghị định", "2022-01-10", "",
     "amends", "", "portal/0134-KH-UBND basis"},
    // The issuer ends where the next item of a list of citations begins (a dash, a table cell), at the
    // verb after it ("thi hành"), at a quotation mark; a dash inside a name stays.
    {"Thông tư số 02/2015/TT-BTP ngày 16/01/2015 của Bộ Tư pháp - Thông tư số 47/2019/TT-BTC ngày 05/8/2019 của Bộ Tài chính",
     "02/2015/TT-BTP", "Thông tư", "2015-01-16", "Bộ Tư pháp", "mentions", "", "real/tvpl-cb_1766_2020_QD_UBND"},
    {"Nghị định số 62/2020/NĐ-CP ngày 01/6/2020 của Chính phủ\tBộ Dân tộc", "62/2020/NĐ-CP", "Nghị định", "2020-06-01", "Chính phủ",
     "mentions", "", "portal tables of TTHC (a cell per column)"},
    {"khoản 13, Điều 1 Nghị định số 61/2020/NĐ-CP ngày 29/05/2020 của Chính Phủ thi hành một số điều của Luật Việc làm",
     "61/2020/NĐ-CP", "Nghị định", "2020-05-29", "Chính Phủ", "mentions", "khoản 13, Điều 1", "portal/2843-QD-UBND"},
    {"Quyết định số 466/QĐ-CTHADS ngày 04/12/2023 của Cục trưởng Cục Thi hành án dân sự thành phố Hà Nội có nêu", "466/QĐ-CTHADS",
     "Quyết định", "2023-12-04", "Cục trưởng Cục Thi hành án dân sự thành phố Hà Nội có nêu", "mentions", "", "portal/5529-CT-CS"},
    {"Thông tư số 32/TT-TC ngày 14/10/1960 của Ban Tổ chức Trung ương \"Hướng dẫn thi hành chính sách\"", "32/TT-TC", "Thông tư",
     "1960-10-14", "Ban Tổ chức Trung ương", "mentions", "", "real/tvpl-cb_04_2001_TT_BXD"},
    {"Thông tư số 07/2024/TT-BLĐTBXH ngày 10/6/2024 của Bộ Lao động - Thương binh và Xã hội", "07/2024/TT-BLĐTBXH", "Thông tư",
     "2024-06-10", "Bộ Lao động - Thương binh và Xã hội", "mentions", "", "real/ (gazette bases)"},
    {"Quyết định số 4347/QĐ-BVHTTDL ngày 14/11/2025 của Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch về việc", "4347/QĐ-BVHTTDL",
     "Quyết định", "2025-11-14", "Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch", "mentions", "", "corpus/portal-01763-QD-UBND"},
    {"Nghị định số 47/2019/NĐ-CP ngày 05 tháng 6 năm 2019 của Chính phủ và Nghị định số 120/2020/NĐ-CP", "47/2019/NĐ-CP",
     "Nghị định", "2019-06-05", "Chính phủ", "mentions", "", "portal/303-2025-ND-CP"},
    {"Kế hoạch số 14-KH/TU ngày 29/7/2025 của Ban Thường vụ Tỉnh ủy và Kế hoạch số 24/KH-UBND ngày 14/8/2025", "14-KH/TU",
     "Kế hoạch", "2025-07-29", "Ban Thường vụ Tỉnh ủy", "mentions", "", "portal/141-KH-UBND"},
    {"Thông tư liên tịch số 26/2007/TTLT-LĐTBXH-TWĐTNCSHCM ngày 21/11/2007 của Bộ Lao động - Thương binh và Xã hội - Trung ương Đoàn",
     "26/2007/TTLT-LĐTBXH-TWĐTNCSHCM", "Thông tư liên tịch", "2007-11-21", "Bộ Lao động - Thương binh và Xã hội - Trung ương Đoàn",
     "mentions", "", "real/tvpl-cb_835 (joint issuers)"},
};

TEST(CitationTest, ScansNumbersWithTheirContext) {
    for (const auto& row : kCitations) {
        SCOPED_TRACE(std::string(row.text) + " (" + row.source + ")");
        vanban::Document doc;
        doc.text = row.text;
        doc.type = "Kế hoạch";
        auto refs = find_references(doc, fold_with_map(doc.text));
        ASSERT_FALSE(refs.empty());
        const auto& r = refs.front();
        EXPECT_EQ(r.number, row.number);
        EXPECT_EQ(r.type.value_or(""), row.type);
        EXPECT_EQ(r.date.value_or(""), row.date);
        EXPECT_EQ(r.issuer.value_or(""), row.issuer);
        EXPECT_EQ(vanban::to_string(r.relation), row.relation);
        EXPECT_EQ(r.provision, row.provision);
        EXPECT_EQ(r.number_key, vanban::number_key(row.number));
    }
}

TEST(CitationTest, ReferencesByNameWithoutNumber) {
    vanban::Document doc;
    doc.text = "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015; căn cứ Hiến pháp năm 2013;";
    auto refs = find_references(doc, fold_with_map(doc.text));
    ASSERT_EQ(refs.size(), 2u);
    EXPECT_EQ(refs[0].name.value_or(""), "Luật Tổ chức chính quyền địa phương");
    EXPECT_EQ(refs[1].name.value_or(""), "Hiến pháp");
}

// A law by name ends at a table cell or a list's dash, and a name inside or across a numbered
// reference is that reference ("... của Công ty Luật Anh Sĩ", "Luật Luật sư số 65/2006/QH11").
TEST(CitationTest, NamesEndAtListItemsAndStayOutOfNumberedReferences) {
    vanban::Document doc;
    doc.text = "Luật Đầu tư - Nghị định số 239/2025/NĐ-CP ngày 03/9/2025 của Chính phủ\tLuật Bảo hiểm y tế\t- Quyết định số 33/2003/QĐ-BQP; "
               "Công văn số 15/CV-AS của Công ty Luật Anh Sĩ";
    auto refs = find_references(doc, fold_with_map(doc.text));
    std::vector<std::string> names, numbers;
    for (const auto& r : refs) (r.number.empty() ? names : numbers).push_back(r.number.empty() ? r.name.value_or("") : r.number);
    EXPECT_EQ(names, (std::vector<std::string>{"Luật Đầu tư", "Luật Bảo hiểm y tế"}));
    EXPECT_EQ(numbers, (std::vector<std::string>{"239/2025/NĐ-CP", "33/2003/QĐ-BQP", "15/CV-AS"}));
}

TEST(CitationTest, FlagsMisprintedSymbols) {
    vanban::Document doc;
    doc.text = "Nghị quyết số 12/2021/UBNTVQH15 ngày 30 tháng 12 năm 2021 và Nghị quyết số 30/2021/QH15";
    auto refs = find_references(doc, fold_with_map(doc.text));
    ASSERT_EQ(refs.size(), 2u);
    EXPECT_EQ(refs[0].flags, std::vector<std::string>{"suspect_symbol"});
    EXPECT_TRUE(refs[1].flags.empty());
}

}  // namespace

namespace {

// Names written in capitals in a header, put back in normal case (Nghị định 30/2020/NĐ-CP, Phụ lục II:
// a place name capitalizes every syllable, after its administrative unit).
TEST(CaseTest, PlacesAfterTheirUnitAreCapitalized) {
    struct Row {
        const char* caps;
        const char* expected;
    };
    const Row rows[] = {
        {"ỦY BAN NHÂN DÂN QUẬN HOÀN KIẾM", "Ủy ban nhân dân quận Hoàn Kiếm"},
        {"ỦY BAN NHÂN DÂN PHƯỜNG BA ĐÌNH", "Ủy ban nhân dân phường Ba Đình"},
        {"ỦY BAN NHÂN DÂN ĐẶC KHU PHÚ QUỐC", "Ủy ban nhân dân đặc khu Phú Quốc"},
        {"ỦY BAN NHÂN DÂN THỊ XÃ SƠN TÂY", "Ủy ban nhân dân thị xã Sơn Tây"},
        {"HUYỆN ỦY GIA LÂM", "Huyện ủy Gia Lâm"},
        {"ĐẢNG ỦY XÃ ĐÔNG ANH", "Đảng ủy xã Đông Anh"},
        {"BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "Bộ Lao động - Thương binh và Xã hội"},
        {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Cộng hòa xã hội chủ nghĩa Việt Nam"},
        {"BAN THƯỜNG VỤ TỈNH ỦY", "Ban Thường vụ Tỉnh ủy"},
    };
    for (const auto& r : rows) EXPECT_EQ(normal_case_name(r.caps), r.expected) << r.caps;
}

}  // namespace
