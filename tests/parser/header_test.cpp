// Table tests for the header (issuer, type, number, date, title) and the table of document types.
// Each row cites the corpus file it came from.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "citations.h"
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
        if (row.heading) {
            EXPECT_TRUE(names.contains(std::string(row.name))) << row.name;
        }
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

// ---- The header as it arrives -----------------------------------------------------------------------
// Each input is the header of the cited corpus file as it is laid out there (portal pages: Markdown
// table cells wrapped at a narrow width, bold marks; gazette texts: one element per line).

struct HeaderRow {
    const char* input;
    const char* issuer;  // "" for none
    const char* parent;  // "" for none
    const char* type;
    const char* title;  // "" for none; compared in full
    const char* date;
    const char* source;
};

const HeaderRow kHeaders[] = {
    // The national motto wrapped over lines is not an issuer ("Hội Chủ nghĩa Việt Nam").
    {"|\n**ỦY BAN NHÂN\nDÂN**\n**TỈNH PHÚ THỌ**\n--------\n|\n**CỘNG HÒA XÃ\nHỘI CHỦ NGHĨA VIỆT NAM**\nĐộc lập - Tự do - "
     "Hạnh phúc\n---------------\n|\n|\nSố:\n100/2025/QĐ-UBND\n|\n*Phú Thọ, ngày\n15 tháng 11 năm 2025*\n|\n** **\n"
     "**QUYẾT ĐỊNH**\nQUY ĐỊNH THỜI GIAN HOẠT ĐỘNG CỦA CÁC ĐẠI LÝ INTERNET\n\nCăn cứ Luật Viễn thông số 24/2023/QH15;\n",
     "Ủy ban nhân dân tỉnh Phú Thọ", "", "Quyết định", "QUY ĐỊNH THỜI GIAN HOẠT ĐỘNG CỦA CÁC ĐẠI LÝ INTERNET", "2025-11-15",
     "portal/100-2025-QD-UBND-33afd0d9.md"},
    {"ỦY BAN NHÂN DÂN\nTỈNH CAO BẰNG\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA\nVIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nSố: 1994/QĐ-UBND\n\n"
     "Cao Bằng, ngày 24 tháng 11 năm 2025\n\nQUYẾT ĐỊNH\nVỀ VIỆC PHÊ DUYỆT QUY TRÌNH NỘI BỘ\n\nCăn cứ Luật Tổ chức chính quyền "
     "địa phương ngày 16 tháng 6 năm 2025;\n",
     "Ủy ban nhân dân tỉnh Cao Bằng", "", "Quyết định", "VỀ VIỆC PHÊ DUYỆT QUY TRÌNH NỘI BỘ", "2025-11-24",
     "portal/1994-QD-UBND-f709d287.md"},
    // The Party's name wrapped; a unit of the Central Committee is known by its full name.
    {"|\nBAN CHẤP HÀNH\nTRUNG ƯƠNG\n**VĂN PHÒNG**\n*\n|\n**ĐẢNG CỘNG SẢN\nVIỆT NAM**\n|\n|\nSố 07-KL/VPTW\n|\n*Hà Nội, ngày 01 "
     "tháng 12 năm 2025*\n|\n\n**KẾT LUẬN**\n\nCỦA ĐỒNG CHÍ CHÁNH VĂN PHÒNG TRUNG ƯƠNG ĐẢNG\n\nNgày 28/11/2025, tại Hà Nội, Văn "
     "phòng Trung ương Đảng tổ chức Hội nghị.\n",
     "Văn phòng Trung ương Đảng", "Ban Chấp hành Trung ương", "Kết luận", "CỦA ĐỒNG CHÍ CHÁNH VĂN PHÒNG TRUNG ƯƠNG ĐẢNG",
     "2025-12-01", "portal/doc-6e4d7759e03163f7.md"},
    {"|\nBAN CHẤP HÀNH\nTRUNG ƯƠNG\n**BAN TUYÊN GIÁO VÀ DÂN VẬN**\n*\n|\n**ĐẢNG CỘNG SẢN\nVIỆT NAM**\n|\n|\nSố: 1147-QĐ/BTGDVTW\n"
     "|\n*Hà Nội, ngày 01 tháng 12 năm 2025*\n|\n\n**QUYẾT ĐỊNH**\n\nBAN HÀNH QUY CHẾ BỒI DƯỠNG\n\n- Căn cứ Điều lệ Đảng;\n",
     "Ban Tuyên giáo và Dân vận Trung ương", "Ban Chấp hành Trung ương", "Quyết định", "BAN HÀNH QUY CHẾ BỒI DƯỠNG", "2025-12-01",
     "portal/1147-QD-BTGDVTW-c49a5afa.md"},
    // Rules under the issuer: en and em dashes, escaped underscores, hyphens.
    {"BỘ Y TẾ\n——-\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n—————\nSố: 12/KH-BYT\n"
     "Hà Nội, ngày 02 tháng 12 năm 2025\n\nKẾ HOẠCH\nPHÒNG, CHỐNG DỊCH BỆNH MÙA ĐÔNG\n\nI. MỤC ĐÍCH\n",
     "Bộ Y tế", "", "Kế hoạch", "PHÒNG, CHỐNG DỊCH BỆNH MÙA ĐÔNG", "2025-12-02", "issue 9, item 4: an em-dash rule"},
    {"BỘ XÂY DỰNG\n\\_\\_\\_\\_\\_\\_\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\\_\\_\\_\\_\\_\\_\\_\\_\n"
     "Số: 39/2025/TT-BXD\nHà Nội, ngày 25 tháng 11 năm 2025\n\nTHÔNG TƯ\nQUY ĐỊNH ĐỊNH MỨC\n\nCăn cứ Luật Đường bộ số 35/2024/QH15;\n",
     "Bộ Xây dựng", "", "Thông tư", "QUY ĐỊNH ĐỊNH MỨC", "2025-11-25", "portal/39-2025-TT-BXD-d6ce705d.md, underscores escaped"},
    // "TỔNG CỤC THUẾ" stays Tổng cục, under its superior printed on the same line.
    {"BỘ TÀI CHÍNH TỔNG CỤC THUẾ\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc\n\nSố: 1414/TCT-CS\nV/v hỗ trợ "
     "người có công với cách mạng cải thiện nhà ở.\n\nHà Nội, ngày 04 tháng 05 năm 2013\n\nKính gửi: Cục Thuế tỉnh Hà Tĩnh.\n",
     "Tổng cục Thuế", "Bộ Tài chính", "Công văn", "hỗ trợ người có công với cách mạng cải thiện nhà ở.", "2013-05-04",
     "real/tvpl-cb_1414_2013_CV_TCT.txt"},
    // A parent body above the issuer, glued to it by unwrapping: "CỤC THUẾ THUẾ TỈNH VĨNH LONG".
    {"|\n**CỤC THUẾ\nTHUẾ TỈNH VĨNH LONG**\n-------\n|\n**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\nĐộc lập - Tự do - Hạnh phúc\n"
     "---------------\n|\n|\nSố: 1539/VLO-QLDN3\n*V/v trả lãi tiền vay cho cổ đông*\n|\n*Vĩnh Long, ngày 02 tháng 12 năm 2025*\n|\n\n"
     "Ngày 18/11/2025, Thuế tỉnh Vĩnh Long có nhận được Công văn số 144/2025/CV-BSGBTr.\n",
     "Thuế tỉnh Vĩnh Long", "Cục Thuế", "Công văn", "trả lãi tiền vay cho cổ đông", "2025-12-02",
     "portal/1539-VLO-QLDN3-de1ea1a3.md"},
    // A head's title over a wrapped body name; "THỦ TƯỚNG CHÍNH" / "PHỦ".
    {"|\n**CHỦ TỊCH ỦY\nBAN NHÂN DÂN**\nTỈNH ĐỒNG THÁP\n--------\n|\n**CỘNG HÒA XÃ\nHỘI CHỦ NGHĨA VIỆT NAM**\nĐộc lập - Tự do - "
     "Hạnh phúc\n---------------\n|\n|\nSố: 144/2025/QĐ-CTUBND\n|\n*Đồng Tháp, ngày 02 tháng 12 năm 2025*\n|\n\n**QUYẾT ĐỊNH**\n\n"
     "BAN HÀNH QUY CHẾ VỀ QUẢN LÝ CHỮ KÝ SỐ\n\nCăn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;\n",
     "Chủ tịch Ủy ban nhân dân tỉnh Đồng Tháp", "", "Quyết định", "BAN HÀNH QUY CHẾ VỀ QUẢN LÝ CHỮ KÝ SỐ", "2025-12-02",
     "portal/144-2025-QD-CTUBND-55d7a47d.md"},
    // A Công điện: the title stops before the address formula, whose first word was wrapped onto it; "V/V"
    // is not part of the subject.
    {"|\n**THỦ TƯỚNG CHÍNH\nPHỦ**\n-------\n|\n**CỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM**\nĐộc lập - Tự do - Hạnh phúc\n"
     "---------------\n|\n|\nSố: 226/CĐ-TTg\n|\n*Hà Nội, ngày 21 tháng 11 năm 2025*\n|\n\n**CÔNG ĐIỆN**\n\nV/V TĂNG CƯỜNG "
     "CÔNG TÁC QUẢN LÝ HÀNG DỰ TRỮ QUỐC GIA TẠI KHU VỰC TRUNG BỘ THỦ\nTƯỚNG CHÍNH PHỦ điện:\n\n- Bộ trưởng các Bộ: Quốc phòng, "
     "Công an;\n",
     "Thủ tướng Chính phủ", "", "Công điện", "TĂNG CƯỜNG CÔNG TÁC QUẢN LÝ HÀNG DỰ TRỮ QUỐC GIA TẠI KHU VỰC TRUNG BỘ",
     "2025-11-21", "portal/226-CD-TTg-858c0de4.md"},
    // A letter with "V/v" is a Công văn although its office code "CT" looks like Chỉ thị.
    {"|\n**BỘ TÀI CHÍNH**\n**CỤC THUẾ**\n-------\n|\n**CỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM**\nĐộc lập - Tự do - Hạnh phúc\n"
     "---------------\n|\n|\nSố: 5282/CT-CS\n*V/v chính sách thuế GTGT*\n|\n*Hà Nội, ngày 18\ntháng 11 năm 2025*\n|\n"
     "**Kính gửi:** Thuế\ntỉnh Quảng Ninh\nCục Thuế nhận được công văn số 1108/QNI-QLDN2 ngày 22/9/2025.\n",
     "Cục Thuế", "Bộ Tài chính", "Công văn", "chính sách thuế GTGT", "2025-11-18", "portal/5282-CT-CS-b135fb7c.md"},
    // A Công văn's subject wrapped in its cell, or written "Về ..." under the number.
    {"|\n**THUẾ TỈNH TÂY NINH**\n-------\n|\n**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\nĐộc lập - Tự do - Hạnh phúc\n|\n|\n"
     "Số: 3257/TNI-QLDN1\n*V/v thuế suất thuế\nGTGT*\n|\n*Tây Ninh, ngày 01 tháng 12 năm 2025*\n|\n\nKính gửi: Công ty ABC.\n",
     "Thuế tỉnh Tây Ninh", "", "Công văn", "thuế suất thuế GTGT", "2025-12-01", "portal/3257-TNI-QLDN1-2249fe89.md"},
    {"|\n**BỘ NỘI VỤ**\n--------\n|\n**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\nĐộc lập - Tự do - Hạnh phúc\n|\n|\n"
     "Số:10988/BNV-CQĐP\n*V/v tuyên truyền chủ trương, chính sách của\nĐảng, Nhà nước.*\n|\n*Hà Nội, ngày\n21 tháng 11 năm "
     "2025*\n|\n\nKính gửi: Các cơ quan báo chí\n",
     "Bộ Nội vụ", "", "Công văn", "tuyên truyền chủ trương, chính sách của Đảng, Nhà nước.", "2025-11-21",
     "portal/10988-BNV-CQDP-0d99145e.md"},
    {"|\nỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH\n**SỞ GIÁO DỤC VÀ ĐÀO TẠO**\n|\n**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\nĐộc lập "
     "- Tự do - Hạnh phúc\n|\n|\nSố: 5155/SGDĐT-GDTXNNĐH\n*Về hướng dẫn đánh giá, xếp loại trung tâm\nhọc tập cộng đồng*\n|\n"
     "*Thành phố Hồ Chí Minh, ngày 28 tháng 11 năm 2025*\n|\n**Kính gửi: **Ủy ban nhân dân phường, xã và đặc khu\n",
     "Sở Giáo dục và Đào tạo", "Ủy ban nhân dân Thành phố Hồ Chí Minh", "Công văn",
     "Về hướng dẫn đánh giá, xếp loại trung tâm học tập cộng đồng", "2025-11-28", "portal/5155-SGDDT-GDTXNNDH-3870cd0c.md"},
    // A title in capitals ends where the first paragraph begins.
    {"VĂN PHÒNG CHÍNH PHỦ\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nSố: 624/TB-VPCP\n\n"
     "Hà Nội, ngày 16 tháng 11 năm 2025\n\nTHÔNG BÁO KẾT\nLUẬN PHIÊN HỌP LẦN THỨ NĂM CỦA BAN CHỈ ĐẠO\nCÔNG NGHỆ VÀ ĐỀ ÁN 06\n"
     "Ngày 15 tháng 11 năm 2025, tại Trụ sở Chính phủ, Thủ tướng Chính phủ chủ trì Phiên họp.\n",
     "Văn phòng Chính phủ", "", "Thông báo", "KẾT LUẬN PHIÊN HỌP LẦN THỨ NĂM CỦA BAN CHỈ ĐẠO CÔNG NGHỆ VÀ ĐỀ ÁN 06",
     "2025-11-16", "portal/624-TB-VPCP-74e2ddc7.md"},
    // A consolidated text's title is not its consolidation note.
    {"BỘ QUỐC PHÒNG\n\nCỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nSố: 92/VBHN-BQP\n\nHà Nội, ngày 24 "
     "tháng 11 năm 2025\n\nQUYẾT ĐỊNH VỀ\nTHỰC HIỆN CHẾ ĐỘ ĐỐI VỚI QUÂN NHÂN\nQuyết định số 142/2008/QĐ-TTg ngày 27 tháng 10 năm "
     "2008 của Thủ tướng Chính phủ về thực hiện chế độ đối với quân nhân, có hiệu lực kể từ ngày 01 tháng 12 năm 2008.\n",
     "Bộ Quốc phòng", "", "Văn bản hợp nhất", "VỀ THỰC HIỆN CHẾ ĐỘ ĐỐI VỚI QUÂN NHÂN", "2025-11-24",
     "portal/92-VBHN-BQP-8180ae11.md"},
    // Text before the header is not the header: a portal's title line with the number, a news line with a date.
    {"Nghị định số 63/2010/NĐ-CP của Chính phủ: Về kiểm soát thủ tục hành chính\n\nCHÍNH PHỦ\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT "
     "NAM Độc lập - Tự do - Hạnh phúc\n\nSố: 63/2010/NĐ-CP\n\nHà Nội, ngày 08 tháng 06 năm 2010\n\nNGHỊ ĐỊNH\n\nVỀ KIỂM SOÁT THỦ "
     "TỤC HÀNH CHÍNH\n\nCHÍNH PHỦ\n\nCăn cứ Luật Tổ chức Chính phủ ngày 25 tháng 12 năm 2001;\n",
     "Chính phủ", "", "Nghị định", "VỀ KIỂM SOÁT THỦ TỤC HÀNH CHÍNH", "2010-06-08", "real/tvpl-cb_63_2010_ND_CP.txt"},
    {"Hà Nội, ngày 20 tháng 11 năm 2025, Bộ Nội vụ đã ban hành Công văn về tuyên truyền chủ trương.\n\nBỘ NỘI VỤ\n--------\n"
     "CỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nSố:10988/BNV-CQĐP\nV/v tuyên truyền chủ trương, chính "
     "sách của Đảng, Nhà nước.\n\nHà Nội, ngày\n21 tháng 11 năm 2025\n\nKính gửi: Các cơ quan báo chí\n",
     "Bộ Nội vụ", "", "Công văn", "tuyên truyền chủ trương, chính sách của Đảng, Nhà nước.", "2025-11-21",
     "portal/10988-BNV-CQDP-0d99145e.md (its news summary, with a date moved into a sentence)"},
    {"Hà Nội, ngày 20 tháng 11 năm 2025\n\nBỘ NỘI VỤ\n--------\nCỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh "
     "phúc\n\nSố:10988/BNV-CQĐP\nV/v tuyên truyền chủ trương.\n\nHà Nội, ngày\n21 tháng 11 năm 2025\n\nKính gửi: Các cơ quan "
     "báo chí\n",
     "Bộ Nội vụ", "", "Công văn", "tuyên truyền chủ trương.", "2025-11-21",
     "portal/10988-BNV-CQDP-0d99145e.md (a page's own date line before the document's header)"},
};

TEST(HeaderTest, ReadsHeadersAsTheyArrive) {
    for (const auto& row : kHeaders) {
        SCOPED_TRACE(row.source);
        vanban::Document doc = vanban::parse(row.input);
        EXPECT_EQ(doc.issuer.value_or(""), row.issuer);
        EXPECT_EQ(doc.issuer_parent.value_or(""), row.parent);
        EXPECT_EQ(doc.type.value_or(""), row.type);
        EXPECT_EQ(doc.title.value_or(""), row.title);
        EXPECT_EQ(doc.date.value_or(""), row.date);
    }
}

// The issuer block alone: capitals lines as read_header collects them.
TEST(HeaderTest, IssuerBlocks) {
    struct Row {
        std::vector<std::string> lines;
        const char* issuer;
        const char* parent;
        std::vector<std::string> issuers;
        const char* source;
    };
    const Row rows[] = {
        {{"BỘ LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI"}, "Bộ Lao động - Thương binh và Xã hội", "", {"Bộ Lao động - Thương binh và Xã hội"},
         "real/tvpl-cb_2864_2015_CV_LDTBXH.txt"},
        {{"B Ộ LAO ĐỘNG - THƯƠNG BINH V À X Ã HỘI"}, "Bộ Lao động - Thương binh và Xã hội", "",
         {"Bộ Lao động - Thương binh và Xã hội"}, "real/tvpl-cb_2638_2019_CV_LDTBXH_KHTC.txt (split syllables)"},
        {{"CHÍNH PHỦ", "-------", "CHÍNH PHỦ"}, "Chính phủ", "", {"Chính phủ"}, "real/cb_nghi-dinh-so-38-2022-nd-cp-37348.txt (printed twice)"},
        {{"ỦY BAN THƯỜNG VỤ QUỐC HỘI"}, "Ủy ban Thường vụ Quốc hội", "", {"Ủy ban Thường vụ Quốc hội"},
         "real/cb_nghi-quyet-so-89-2025-ubtvqh15-45738.txt"},
        {{"HỘI ĐỒNG NHÂN DÂN", "THÀNH PHỐ HÀ NỘI"}, "Hội đồng nhân dân Thành phố Hà Nội", "", {"Hội đồng nhân dân Thành phố Hà Nội"},
         "portal/54-2025-NQ-HDND-676c9815.md"},
        {{"VIỆN KIỂM SÁT NHÂN DÂN TỐI CAO -", "TÒA ÁN NHÂN DÂN TỐI CAO -", "BỘ CÔNG AN"}, "Viện Kiểm sát nhân dân tối cao", "",
         {"Viện Kiểm sát nhân dân tối cao", "Tòa án nhân dân tối cao", "Bộ Công an"},
         "real/cb_thong-tu-lien-tich-so-01-2022-ttlt-vksndtc-tandtc-bca-bqp-bldtbxh-36844.txt (joint)"},
        {{"UBND THÀNH PHỐ HÀ NỘI", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"}, "Sở Giáo dục và Đào tạo", "UBND Thành phố Hà Nội",
         {"Sở Giáo dục và Đào tạo"}, "portal survey: a Sở under its province"},
        {{"CỤC HẢI QUAN", "CHI CỤC HẢI QUAN KHU VỰC XI"}, "Chi cục Hải quan khu vực XI", "Cục Hải quan",
         {"Chi cục Hải quan khu vực XI"}, "issue 9, item 1 (a 2025 regional unit)"},
        {{"- C29, C51, C46;"}, "", "", {}, "portal/94-VBHN-BQP-6d0e277c.md (a recipients line is no issuer)"},
        // The motto glued to the issuer on its line, whole or wrapped (real/tvpl-cb_63_2010_ND_CP.txt prints it on one
        // line after its cell; a text extraction may glue the two cells).
        {{"ỦY BAN NHÂN DÂN TỈNH CÀ MAU CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"}, "Ủy ban nhân dân tỉnh Cà Mau", "",
         {"Ủy ban nhân dân tỉnh Cà Mau"}, "portal/01763-QD-UBND-b1bac569.md, cells glued"},
        {{"ỦY BAN NHÂN DÂN", "TỈNH CÀ MAU CỘNG HÒA XÃ", "HỘI CHỦ NGHĨA VIỆT NAM"}, "Ủy ban nhân dân tỉnh Cà Mau", "",
         {"Ủy ban nhân dân tỉnh Cà Mau"}, "portal/01763-QD-UBND-b1bac569.md, cells glued and wrapped"},
        // Layouts of Nghị định 30/2020/NĐ-CP, Phụ lục I and Hướng dẫn 36-HD/VPTW, not in the corpus.
        {{"ĐẢNG BỘ TỈNH HÀ TĨNH", "TỈNH ỦY"}, "Tỉnh ủy Hà Tĩnh", "Đảng bộ tỉnh Hà Tĩnh", {"Tỉnh ủy Hà Tĩnh"},
         "Hướng dẫn 36-HD/VPTW: a provincial Party committee's header"},
        {{"HỘI ĐỒNG NHÂN DÂN", "TỈNH VĨNH LONG", "THƯỜNG TRỰC"}, "Thường trực Hội đồng nhân dân tỉnh Vĩnh Long",
         "Hội đồng nhân dân tỉnh Vĩnh Long", {"Thường trực Hội đồng nhân dân tỉnh Vĩnh Long"},
         "Nghị định 30/2020/NĐ-CP, Phụ lục I: a council's standing committee (portal/20-2025-NQ-HDND council)"},
        {{"BỘ QUỐC PHÒNG", "BỘ TƯ LỆNH HẢI QUÂN"}, "Bộ Tư lệnh Hải quân", "Bộ Quốc phòng", {"Bộ Tư lệnh Hải quân"},
         "Nghị định 30/2020/NĐ-CP, Phụ lục I: a command under its ministry (portal/127-2025-TT-BQP ministry)"},
    };
    for (const auto& r : rows) {
        SCOPED_TRACE(r.source);
        vanban::Document doc;
        read_issuer(r.lines, doc);
        EXPECT_EQ(doc.issuer.value_or(""), r.issuer);
        EXPECT_EQ(doc.issuer_parent.value_or(""), r.parent);
        EXPECT_EQ(doc.issuers, r.issuers);
    }
}

TEST(HeaderTest, PlaceWrappedBeforeItsDate) {
    // portal/3257-TNI-QLDN1-2249fe89.md: "*Tây" / "Ninh, ngày 01 tháng 12 năm 2025*" in one cell.
    vanban::Document doc = vanban::parse(
        "|\n**THUẾ TỈNH TÂY NINH**\n-------\n|\n**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\nĐộc lập - Tự do - Hạnh phúc\n|\n|\n"
        "Số: 3257/TNI-QLDN1\n|\n*V/v thuế suất thuế\nGTGT*\n|\n*Tây\nNinh, ngày 01 tháng 12 năm 2025*\n|\n\nKính gửi: Công ty ABC.\n");
    EXPECT_EQ(doc.place.value_or(""), "Tây Ninh");
    EXPECT_EQ(doc.date.value_or(""), "2025-12-01");
    EXPECT_EQ(doc.title.value_or(""), "thuế suất thuế GTGT");
}

TEST(HeaderTest, CongVanNumberKeepsItsOfficeCode) {
    // portal/5282-CT-CS-b135fb7c.md: in 5282/CT-CS the CT is the Cục Thuế, not a type code.
    vanban::Document doc = vanban::parse(kHeaders[10].input);
    ASSERT_TRUE(doc.number);
    EXPECT_EQ(doc.number->text, "5282/CT-CS");
    EXPECT_EQ(doc.number->type_code, "");
    EXPECT_EQ(doc.number->issuer_code, "CT-CS");
}

TEST(HeaderTest, PortalBlockIsOnlyAFallback) {
    // portal/3799-CHQ-GSQL-9a53c71e.md: the portal says 37999, the document's own header 3799.
    const char* page =
        "#\n**Số hiệu:**\n|\n37999/CHQ-GSQL\n|\n|\n**Loại văn bản:**\n|\nCông văn\n|\n**Nơi ban hành:**\n|\nCục Hải quan\n|\n"
        "**Ngày ban hành:**\n|\n25/11/2025\n|\n|\n**Tình trạng:**\n|\nĐã biết\n|\n|\n**BỘ TÀI CHÍNH**\n**CỤC HẢI QUAN**\n-------\n|\n"
        "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\nĐộc lập - Tự do - Hạnh phúc\n|\n|\nSố: 3799/CHQ-GSQL\n*V/v khai bổ sung*\n|\n"
        "*Hà Nội, ngày 25 tháng 11 năm 2025*\n|\n\nKính gửi: Công ty TNHH ABC.\n";
    vanban::Document own = vanban::parse(page);
    ASSERT_TRUE(own.number);
    EXPECT_EQ(own.number->text, "3799/CHQ-GSQL");
    EXPECT_EQ(own.issuer.value_or(""), "Cục Hải quan");
    // portal/doc-2d737276bf416017.md: the page lost the document's header; the block is all there is.
    const char* lost =
        "Đang tải văn bản...\n#\n**Số hiệu:**\n|\n17809/BTC-CTK\n|\n|\n**Loại văn bản:**\n|\nCông văn\n|\n**Nơi ban hành:**\n|\nBộ Tài chính\n|\n|\n"
        "**Người ký:**\n|\nNguyễn Thị Bích Ngọc\n|\n**Ngày ban hành:**\n|\n17/11/2025\n|\n|\n**Tình trạng:**\n|\nĐã biết\n|\n* *\n"
        "**Kính gửi:** Ủy\nban nhân dân các tỉnh, thành phố trực thuộc trung ương\nBộ Tài chính đề nghị Ủy ban nhân dân các tỉnh "
        "gửi báo cáo.\n";
    vanban::Document doc = vanban::parse(lost);
    ASSERT_TRUE(doc.number);
    EXPECT_EQ(doc.number->text, "17809/BTC-CTK");
    EXPECT_EQ(doc.date.value_or(""), "2025-11-17");
    EXPECT_EQ(doc.issuer.value_or(""), "Bộ Tài chính");
    EXPECT_EQ(doc.type.value_or(""), "Công văn");
}

// ---- Signers ---------------------------------------------------------------------------------------

TEST(SignerTest, WrappedNamesAndRanks) {
    struct Row {
        const char* block;
        const char* name;
        const char* last_capacity;
        const char* source;
    };
    const Row rows[] = {
        {"KT. BỘ TRƯỞNG, CHỦ NHIỆM\nPHÓ CHỦ NHIỆM\n\nPhạm\nMạnh Cường\n", "Phạm Mạnh Cường", "PHÓ CHỦ NHIỆM",
         "portal/11583-VPCP-CN-91035abb.md"},
        {"KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\nLê Tấn\nCận\n", "Lê Tấn Cận", "THỨ TRƯỞNG", "portal/17986-BTC-CT-9063e901.md"},
        {"KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\nThượng tướng Vũ Hải Sản\n", "Vũ Hải Sản", "Thượng tướng", "portal/127-2025-TT-BQP-8ea98f88.md"},
    };
    for (const auto& r : rows) {
        SCOPED_TRACE(r.source);
        std::string text = std::string("BỘ TÀI CHÍNH\nSố: 1/BTC-VP\nHà Nội, ngày 01 tháng 12 năm 2025\n\nKính gửi: Các bộ.\n\n"
                                        "Bộ Tài chính đề nghị các bộ thực hiện./.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\n") +
                           r.block;
        vanban::Document doc = vanban::parse(text);
        ASSERT_EQ(doc.signers.size(), 1u);
        EXPECT_EQ(doc.signers[0].name, r.name);
        ASSERT_FALSE(doc.signers[0].capacity.empty());
        EXPECT_EQ(doc.signers[0].capacity.back(), r.last_capacity);
    }
}

// ---- Bases and citations ------------------------------------------------------------------------------

struct BasisRow {
    const char* preamble;  // the lines after the title
    std::vector<std::string> numbers;  // every cited number (or name), in order; each must be a basis
    const char* source;
};

const BasisRow kBases[] = {
    // The amending law named with the law it amends.
    {"Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15 được sửa đổi, bổ sung bởi Luật số 87/2025/QH15;",
     {"64/2025/QH15", "87/2025/QH15"}, "portal/100-2025-QD-UBND-33afd0d9.md"},
    // A list, wrapped: each member after ';' is a basis.
    {"Căn cứ các Nghị định của\nChính phủ: số 63/2010/NĐ-CP ngày 08/6/2010 về kiểm soát thủ tục hành chính; số 48/2013/NĐ-CP ngày "
     "14/5/2013 và số 92/2017/NĐ-CP ngày 07/8/2017 sửa đổi, bổ sung một số điều;\nsố 118/2025/NĐ-CP ngày 09/6/2025 về việc thực "
     "hiện thủ tục hành chính theo cơ chế một cửa;",
     {"63/2010/NĐ-CP", "48/2013/NĐ-CP", "92/2017/NĐ-CP", "118/2025/NĐ-CP"}, "portal/1489-QD-UBND-27cbc642.md"},
    // A Party document's bases are list items.
    {"- Căn cứ Quyết định số 246-QĐ/TW, ngày 24/01/2025 của Bộ Chính trị về chức năng, nhiệm vụ;", {"246-QĐ/TW"},
     "portal/1147-QD-BTGDVTW-c49a5afa.md"},
    // A law by name and date stays a reference by name.
    {"Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;", {"Luật Tổ chức chính quyền địa phương"},
     "portal/1994-QD-UBND-f709d287.md"},
};

TEST(CitationTest, EveryDocumentOfABasisLineIsABasis) {
    for (const auto& row : kBases) {
        SCOPED_TRACE(row.source);
        std::string text = std::string("ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nSố: 1489/QĐ-UBND\nBắc Ninh, ngày 18 tháng 11 năm 2025\n\n"
                                       "QUYẾT ĐỊNH\nVỀ VIỆC CÔNG BỐ DANH MỤC\n\n") +
                           row.preamble + "\n\nQUYẾT ĐỊNH:\n\nĐiều 1. Công bố kèm theo Quyết định này.\n";
        vanban::Document doc = vanban::parse(text);
        ASSERT_FALSE(doc.bases.empty());
        std::vector<std::string> got;
        for (const auto& r : doc.references) {
            got.push_back(r.number.empty() ? r.name.value_or("") : r.number);
            EXPECT_EQ(vanban::to_string(r.relation), "basis") << got.back();
        }
        EXPECT_EQ(got, row.numbers);
    }
}

TEST(CitationTest, LawByNameAndDate) {
    // Issue 9, item 5: "Luật Hải quan ngày 23/6/2014" stays a reference by name, with its date.
    vanban::Document doc;
    doc.text = "Căn cứ Luật Hải quan ngày 23/6/2014;";
    auto refs = find_references(doc, fold_with_map(doc.text));
    ASSERT_EQ(refs.size(), 1u);
    EXPECT_EQ(refs[0].number, "");
    EXPECT_EQ(refs[0].name.value_or(""), "Luật Hải quan");
    EXPECT_EQ(refs[0].date.value_or(""), "2014-06-23");
}

TEST(CitationTest, FormsStandardsAndMeasurementsAreNotReferences) {
    struct Row {
        const char* text;
        const char* source;
    };
    const Row rows[] = {
        {"lượng mưa 100-150mm, một số nơi trên 200mm", "portal/217-CD-TTg-a328fbb4.md"},
        {"kỳ 2021-2025 - Nghị quyết của Hội đồng", "portal/1521-QD-UBND-ea34a356.md"},
        {"Quốc lộ 398 - Đường tỉnh 295", "portal/1805-QD-UBND-04e4130e.md"},
        {"bản đồ tỷ lệ 1/2.000 và 2.000-3.200 ha", "portal/308-2025-ND-CP-54c3026b.md, portal/2634-QD-TTg-c9372820.md"},
        {"kê khai theo Mẫu số 03-6/TNDN ban hành kèm theo", "real/cb_thong-tu-so-20-2026-tt-btc-469144.txt"},
        {"theo QCVN:01-2008/BLĐTBXH và QTKĐ:06-2021/BLĐTBXH", "real/cb_thong-tu-so-17-2021-tt-bldtbxh-34894.txt"},
    };
    for (const auto& r : rows) {
        SCOPED_TRACE(r.source);
        vanban::Document doc;
        doc.text = r.text;
        auto refs = find_references(doc, fold_with_map(doc.text));
        for (const auto& x : refs) ADD_FAILURE() << "found " << x.number;
    }
}

}  // namespace
