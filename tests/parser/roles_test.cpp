// Table tests for the roles of assignees (parser/src/assignments.cpp), each row a small document built
// from a header and a body written in the layout of the corpus file it cites, with the (agency, role)
// pairs a reader lists under ../shared/corpus/ASSIGNMENTS.md (docs/ASSIGNMENTS.md).
#include <gtest/gtest.h>

#include <set>

#include "vanban/parser.h"

namespace {

struct Row {
    const char* issuer;  // in capitals, as printed
    const char* type;    // the type heading ("KẾ HOẠCH", "CÔNG ĐIỆN", ...)
    const char* body;
    std::set<std::string> pairs;  // "role canonical"
    const char* source;
};

std::string document(const Row& r) {
    return std::string(r.issuer) +
           "\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 12/KH-UBND\nHà Nội, ngày 20 tháng 11 năm 2025\n" +
           r.type + "\nVề việc thực hiện nhiệm vụ năm 2025\n" + r.body + "\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n";
}

std::set<std::string> pairs_of(const vanban::Document& d) {
    std::set<std::string> out;
    for (const auto& t : d.tasks) {
        for (const auto& a : t.agencies) out.insert(std::string(vanban::to_string(a.role)) + " " + a.canonical);
    }
    return out;
}

const Row kRows[] = {
    {"ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH", "KẾ HOẠCH",
     "I. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính chủ trì, phối hợp với Sở Y tế và Ủy ban nhân dân cấp xã bố trí kinh phí.\n"
     "2. Giao Sở Nội vụ theo dõi, đôn đốc các cơ quan, đơn vị triển khai thực hiện.",
     {"lead Sở Tài chính tỉnh Hà Tĩnh", "support Sở Y tế tỉnh Hà Tĩnh", "support Ủy ban nhân dân cấp xã tỉnh Hà Tĩnh",
      "lead Sở Nội vụ tỉnh Hà Tĩnh"},
     "gold/141-KH-UBND IV.2, IV.6: subject, 'phối hợp với', 'Giao'; the generic bodies directed by 'đôn đốc' are left out"},
    {"ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH", "KẾ HOẠCH",
     "I. TỔ CHỨC THỰC HIỆN\n1. Sở Văn hóa, Thể thao và Du lịch\n- Chủ trì tổ chức các hoạt động tuyên truyền.\n"
     "- Phối hợp với Sở Giáo dục và Đào tạo tổ chức hội thi.\n"
     "2. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh\n- Chủ trì, phối hợp với các tổ chức chính trị - xã hội tuyên truyền.",
     {"lead Sở Văn hóa, Thể thao và Du lịch tỉnh Hà Tĩnh", "support Sở Văn hóa, Thể thao và Du lịch tỉnh Hà Tĩnh",
      "support Sở Giáo dục và Đào tạo tỉnh Hà Tĩnh", "requested Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Hà Tĩnh",
      "support các tổ chức chính trị - xã hội tỉnh Hà Tĩnh"},
     "gold/597-KH-UBND V.1 and gold/624-KH-UBND V.9: heading bodies; 'Phối hợp' under a body with tasks of its own; 'Đề nghị'"},
    {"ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH", "KẾ HOẠCH",
     "I. TỔ CHỨC THỰC HIỆN\n1. Thực hiện Chỉ thị số 32/CT-TTg của Thủ tướng Chính phủ, các sở, ban, ngành rà soát quy hoạch.\n"
     "2. Định kỳ báo cáo UBND tỉnh (qua Sở Nội vụ) kết quả thực hiện.\n"
     "3. Các đơn vị gửi báo cáo về Sở Tư pháp để tổng hợp, báo cáo UBND tỉnh.",
     {"lead các sở, ban, ngành tỉnh Hà Tĩnh", "lead Sở Tư pháp tỉnh Hà Tĩnh"},
     "gold/0124-KH-UBND IV.1 and gold/159-KH-UBND V: a cited body, a report recipient, a recipient told to act"},
    {"THỦ TƯỚNG CHÍNH PHỦ", "CÔNG ĐIỆN",
     "THỦ TƯỚNG CHÍNH PHỦ điện:\n- Chủ tịch Ủy ban nhân dân các tỉnh: Khánh Hòa, Gia Lai;\n- Bộ trưởng Bộ Quốc phòng.\n"
     "Để ứng phó mưa lũ, Thủ tướng Chính phủ yêu cầu:\n1. Tập trung chỉ đạo sơ tán người dân khỏi vùng nguy hiểm.\n"
     "2. Bộ Y tế chỉ đạo lực lượng y tế cơ sở bảo đảm dịch vụ y tế khẩn cấp.",
     {"lead Ủy ban nhân dân tỉnh Khánh Hòa", "lead Ủy ban nhân dân tỉnh Gia Lai", "lead Bộ Quốc phòng", "lead Bộ Y tế"},
     "gold/223-CD-TTg: the address block names the addressees of a point without a subject; the speaker is no assignee"},
    {"VĂN PHÒNG CHÍNH PHỦ", "THÔNG BÁO",
     "Kết luận của Phó Thủ tướng Chính phủ tại buổi làm việc với lãnh đạo tỉnh Phú Thọ\n"
     "I. NHIỆM VỤ, GIẢI PHÁP\n1. Rà soát, điều chỉnh quy hoạch phát triển của tỉnh.\n"
     "2. Giao Bộ Tài chính, Bộ Công Thương nghiên cứu, xử lý kiến nghị của tỉnh.\n"
     "Văn phòng Chính phủ thông báo để Ủy ban nhân dân tỉnh Phú Thọ và các Bộ, cơ quan liên quan biết, thực hiện./.",
     {"lead Ủy ban nhân dân tỉnh Phú Thọ", "lead Bộ Tài chính", "lead Bộ Công Thương"},
     "gold/636-TB-VPCP: a conclusion's points without a subject belong to the body it is sent to"},
    {"VĂN PHÒNG CHÍNH PHỦ", "THÔNG BÁO",
     "I. KẾT LUẬN\n1. Về dự án\na) Đánh giá cao nỗ lực của Chủ đầu tư dự án.\nb) Để làm tốt các nhiệm vụ sắp tới, đề nghị:\n"
     "(i) Ủy ban nhân dân tỉnh Đồng Nai chỉ đạo hoàn thành bàn giao mặt bằng.\n"
     "(ii) Giao Bộ Công Thương nghiên cứu các đề xuất của Tập đoàn Điện lực Việt Nam.",
     {"requested Ủy ban nhân dân tỉnh Đồng Nai", "lead Bộ Công Thương"},
     "gold/653-TB-VPCP 1.a, 1.b: praise assigns nothing; subjects after 'đề nghị:' are requested, 'Giao' stays lead"},
    {"ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH", "QUYẾT ĐỊNH",
     "Điều 1. Ban hành kèm theo Quyết định này Quy chế phối hợp.\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký.\n"
     "Điều 3. Chánh Văn phòng UBND tỉnh; Giám đốc các sở; Thủ trưởng các ban, ngành cấp tỉnh; Chủ tịch UBND cấp xã và các tổ "
     "chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.",
     {"lead Văn phòng Ủy ban nhân dân tỉnh Hà Tĩnh", "lead các sở, ban, ngành tỉnh Hà Tĩnh",
      "lead Ủy ban nhân dân cấp xã tỉnh Hà Tĩnh"},
     "gold/2913-QD-UBND Điều 3: the execution clause; heads stand for their bodies; the issuer is no assignee"},
};

TEST(RolesTest, AssigneesAndTheirRoles) {
    for (const auto& row : kRows) {
        SCOPED_TRACE(row.source);
        auto d = vanban::parse(document(row));
        EXPECT_EQ(pairs_of(d), row.pairs);
    }
}

}  // namespace
