// The two documents the project started from, checked field by field (issue #2, "Must show").
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "corpus_files.h"
#include "vanban/parser.h"

namespace {

std::string corpus_file(const char* name) { return vanban::test::slurp(vanban::test::corpus_dir() / name); }

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
    std::string input = corpus_file("ke-hoach-134-KH-UBND-ha-noi-2022-04-29.txt");
    ASSERT_FALSE(input.empty()) << "corpus/ not found: set VANBAN_SOURCE_DIR to the source tree";
    auto d = vanban::parse(input);
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

// Issue #3: tasks, agencies, references and the period of 134/KH-UBND.
TEST(SeedTest, KeHoach134Assignments) {
    std::string input = corpus_file("ke-hoach-134-KH-UBND-ha-noi-2022-04-29.txt");
    ASSERT_FALSE(input.empty()) << "corpus/ not found: set VANBAN_SOURCE_DIR to the source tree";
    auto d = vanban::parse(input);
    // 26 blocks under III, 31 distinct addressees (lead or requested) counting collectives.
    std::set<std::string> blocks, addressees;
    std::map<std::string, std::set<std::string>> by_block;
    for (const auto& t : d.tasks) {
        if (!t.path.starts_with("III.")) continue;
        std::string block = t.path.substr(4, t.path.find('.', 4) == std::string::npos ? std::string::npos : t.path.find('.', 4) - 4);
        blocks.insert(block);
        for (const auto& a : t.agencies) {
            if (a.role != vanban::Role::support) addressees.insert(a.id), by_block[block].insert(a.id);
        }
    }
    EXPECT_EQ(blocks.size(), 26u);
    EXPECT_EQ(addressees.size(), 31u);
    for (const auto& [block, ids] : by_block) EXPECT_FALSE(ids.empty()) << "block " << block;
    // "UBND các quận, huyện, thị xã" of block 1 and block 26 are one agency.
    EXPECT_TRUE(by_block["1"].contains("collective:ubnd-cac-quan-huyen-thi-xa@thanh-pho-ha-noi"));
    EXPECT_TRUE(by_block["26"].contains("collective:ubnd-cac-quan-huyen-thi-xa@thanh-pho-ha-noi"));
    // Sở Văn hóa và Thể thao and Sở Du lịch are separate.
    EXPECT_EQ(by_block["16"].size(), 2u);
    // Every bullet of block 2 has Sở Y tế as lead, but those that open with "Phối hợp ..." (support: the
    // definition in ../shared/corpus/ASSIGNMENTS.md); "Chủ trì, phối hợp với Bộ Tư lệnh Thủ đô, Công an
    // Thành phố" -> the partners are support.
    int block2 = 0;
    for (const auto& t : d.tasks) {
        if (!t.path.starts_with("III.2.")) continue;
        ++block2;
        bool supports = t.text.starts_with("Phối hợp");
        bool role = false;
        for (const auto& a : t.agencies) {
            role |= a.id == "so-y-te@thanh-pho-ha-noi" && a.role == (supports ? vanban::Role::support : vanban::Role::lead);
        }
        EXPECT_TRUE(role) << t.path;
        if (t.text.starts_with("Chủ trì, phối hợp với Bộ Tư lệnh Thủ đô")) {
            std::map<std::string, vanban::Role> roles;
            for (const auto& a : t.agencies) roles[a.id] = a.role;
            EXPECT_EQ(roles["bo-tu-lenh-thu-do-ha-noi"], vanban::Role::support);
            EXPECT_EQ(roles["cong-an-tinh@thanh-pho-ha-noi"], vanban::Role::support);
        }
    }
    EXPECT_EQ(block2, 6);
    // Mặt trận Tổ quốc and Ban Dân vận Thành ủy are requested.
    for (const auto& t : d.tasks) {
        for (const auto& a : t.agencies) {
            if (a.id == "uy-ban-mttq-tinh@thanh-pho-ha-noi" || a.id == "ban-dan-van-tinh-uy@thanh-pho-ha-noi") {
                EXPECT_EQ(a.role, vanban::Role::requested) << a.name;
            }
        }
    }
    // References.
    std::map<std::string, std::vector<const vanban::Reference*>> refs;
    for (const auto& r : d.references) refs[r.number].push_back(&r);
    for (const char* n : {"38/NQ-CP", "128/NQ-CP", "30/2021/QH15", "03/2007/QH12", "25-KL/TW", "3061-CV/VPTW", "218/QĐ-BYT",
                          "5895/QĐ-BYT", "11/NQ-CP", "86/NQ-CP", "168/NQ-CP", "18/2008/NQ-QHH12", "12/2021/UBNTVQH15"}) {
        EXPECT_TRUE(refs.contains(n)) << n;
    }
    bool implements = false, basis = false;
    for (const auto* r : refs["38/NQ-CP"]) {
        implements |= r->relation == vanban::Relation::implements && r->date == "2022-03-17";
        basis |= r->relation == vanban::Relation::basis;
    }
    EXPECT_TRUE(implements);
    EXPECT_TRUE(basis);
    ASSERT_FALSE(refs["18/2008/NQ-QHH12"].empty());
    ASSERT_FALSE(refs["12/2021/UBNTVQH15"].empty());
    EXPECT_EQ(refs["18/2008/NQ-QHH12"].front()->flags, std::vector<std::string>{"suspect_symbol"});
    EXPECT_EQ(refs["12/2021/UBNTVQH15"].front()->flags, std::vector<std::string>{"suspect_symbol"});
    ASSERT_TRUE(d.period);
    EXPECT_EQ(d.period->from.value_or(""), "2022-01-01");
    EXPECT_EQ(d.period->to.value_or(""), "2023-12-31");
}

TEST(SeedTest, ThongBaoKetLuanThanhUy) {
    std::string input = corpus_file("thong-bao-ket-luan-thuong-truc-thanh-uy-ha-noi-2022-04-20.txt");
    ASSERT_FALSE(input.empty()) << "corpus/ not found: set VANBAN_SOURCE_DIR to the source tree";
    auto d = vanban::parse(input);
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
    // Issue #3: task 2 led by the steering committee and the Party committee of the People's Committee.
    ASSERT_EQ(d.tasks.size(), 3u);
    std::set<std::string> leads;
    for (const auto& a : d.tasks[1].agencies) {
        if (a.role == vanban::Role::lead) leads.insert(a.canonical);
    }
    EXPECT_TRUE(leads.contains("Ban Chỉ đạo phòng chống dịch Covid-19 thành phố Hà Nội"));
    EXPECT_TRUE(leads.contains("Ban cán sự đảng Ủy ban nhân dân thành phố Hà Nội"));
    bool report = false;
    for (const auto& r : d.references) report |= r.number == "255-BC/BCSD" && r.date == "2022-04-18";
    EXPECT_TRUE(report);
    ASSERT_TRUE(d.tasks[0].deadline);
    EXPECT_EQ(d.tasks[0].deadline->text, "dịp nghỉ lễ 30/4, 01/5/2022");
    EXPECT_EQ(d.tasks[0].deadline->from.value_or(""), "2022-04-30");
    EXPECT_EQ(d.tasks[0].deadline->to.value_or(""), "2022-05-01");
}

}  // namespace
