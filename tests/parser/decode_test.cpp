// decode(): the same document in every encoding vanban reads gives the same parse; what is no text is
// refused with a reason. The encoded copies are made here: TCVN3, VISCII and Windows-1258 by glibc's
// iconv (as `iconv -t TCVN5712-1` writes them), UTF-16 by ICU, VNI by the encoder below (VNI has no
// library; the encoder is written from the VNI keyboard's rules, independently of the decoder, and
// checked against words as VNI files show them).
#include <gtest/gtest.h>
#include <iconv.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <map>
#include <set>

#include "corpus_files.h"
#include "format_makers.h"
#include "vanban/decode.h"
#include "vanban/parser.h"

namespace {

using vanban::Encoding;
using namespace vanban::test;

std::string plan_134() {
    return vanban::test::slurp(vanban::test::corpus_dir() / "ke-hoach-134-KH-UBND-ha-noi-2022-04-29.txt");
}

TEST(Decode, TheSameDocumentInEveryEncodingParsesTheSame) {
    const std::string text = plan_134();
    const std::string want = essentials(vanban::parse(text));
    ASSERT_NE(want.find("number=134/KH-UBND"), std::string::npos) << want;
    struct Case {
        const char* name;
        std::string bytes;
        Encoding expected;
    };
    const std::vector<Case> cases = {
        {"utf-8", text, Encoding::utf8},
        {"utf-8 with BOM", "\xEF\xBB\xBF" + text, Encoding::utf8},
        {"utf-16le with BOM", icu_to(text, "UTF-16LE", true), Encoding::utf16le},
        {"utf-16be with BOM", icu_to(text, "UTF-16BE", true), Encoding::utf16be},
        {"utf-16le without BOM", icu_to(text, "UTF-16LE", false), Encoding::utf16le},
        {"tcvn3", iconv_to(text, "TCVN5712-1"), Encoding::tcvn3},
        {"viscii", iconv_to(text, "VISCII"), Encoding::viscii},
        {"windows-1258", iconv_to(text, "CP1258"), Encoding::windows1258},
        {"vni", to_vni(text), Encoding::vni},
    };
    for (const auto& c : cases) {
        vanban::Decoded d = vanban::decode(c.bytes);
        EXPECT_EQ(d.encoding, c.expected) << c.name << " read as " << vanban::to_string(d.encoding);
        EXPECT_EQ(essentials(vanban::parse(d.text)), want) << c.name;
        if (c.expected != Encoding::utf8 && c.expected != Encoding::utf16le && c.expected != Encoding::utf16be) {
            EXPECT_GT(d.confidence, 0.9) << c.name;
        }
    }
}

TEST(Decode, VniReadsAsVniFilesShowIt) {
    // Words as a VNI-Windows file shows them in any other font.
    const std::string vni = "UÛY BAN NHAÂN DAÂN\nCoäng hoøa xaõ hoäi chuû nghóa Vieät Nam\nChæ thò veà vieäc ñöôïc "
                            "thöïc hieän, Sôû Y teá chuû trì.";
    std::string latin1;  // as Windows-1252 bytes
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(vni);
    latin1.resize(static_cast<std::size_t>(u.length()) + 8);
    latin1.resize(static_cast<std::size_t>(u.extract(0, u.length(), latin1.data(), static_cast<uint32_t>(latin1.size()), "windows-1252")));
    vanban::Decoded d = vanban::decode(latin1);
    EXPECT_EQ(d.encoding, Encoding::vni);
    EXPECT_EQ(d.text, "ỦY BAN NHÂN DÂN\nCộng hòa xã hội chủ nghĩa Việt Nam\nChỉ thị về việc được thực hiện, Sở Y tế chủ trì.");
    EXPECT_EQ(to_vni("Chỉ thị được Việt Nam"), std::string("Ch\xE6 th\xF2 \xF1\xF6\xF4\xEF" "c Vie\xE4t Nam"));
}

TEST(Decode, AGivenEncodingIsUsed) {
    const std::string tcvn = iconv_to("Ủy ban nhân dân thành phố Hà Nội", "TCVN5712-1");
    vanban::DecodeOptions o;
    o.encoding = Encoding::tcvn3;
    EXPECT_EQ(vanban::decode(tcvn, o).text, "Ủy ban nhân dân thành phố Hà Nội");
    EXPECT_EQ(vanban::decode(tcvn, o).confidence, 1);
    o.encoding = Encoding::utf8;
    try {
        vanban::decode(iconv_to("Hà Nội", "TCVN5712-1"), o);
        FAIL() << "TCVN3 bytes taken as UTF-8";
    } catch (const vanban::DecodeError& e) {
        ASSERT_TRUE(e.offset().has_value());
        EXPECT_EQ(*e.offset(), 1u) << e.what();  // "H", then the byte of "à"
    }
    EXPECT_EQ(vanban::encoding_from_name("CP1258"), Encoding::windows1258);
    EXPECT_EQ(vanban::encoding_from_name("VNI-Windows"), Encoding::vni);
    EXPECT_EQ(vanban::encoding_from_name("ABC"), Encoding::tcvn3);
    EXPECT_EQ(vanban::encoding_from_name("UTF-16"), Encoding::utf16le);
    EXPECT_FALSE(vanban::encoding_from_name("latin-9"));
}

TEST(Decode, ALinePastedFromTcvn3IntoUnicodeIsConverted) {
    const std::string pasted = iconv_to("Ủy ban nhân dân thành phố Hà Nội giao Sở Y tế chủ trì", "TCVN5712-1");
    // The paste as a Unicode editor shows it: each TCVN3 byte as the Windows-1252 character.
    icu::UnicodeString shown(pasted.data(), static_cast<int32_t>(pasted.size()), "windows-1252");
    std::string shown_utf8;
    shown.toUTF8String(shown_utf8);
    const std::string text = "KẾ HOẠCH\nThực hiện Nghị quyết số 38/NQ-CP\n" + shown_utf8 + "\nSở Tài chính phối hợp.";
    vanban::Decoded d = vanban::decode(text);
    EXPECT_EQ(d.encoding, Encoding::utf8);
    EXPECT_EQ(d.text, "KẾ HOẠCH\nThực hiện Nghị quyết số 38/NQ-CP\nỦy ban nhân dân thành phố Hà Nội giao Sở Y tế chủ trì\n"
                      "Sở Tài chính phối hợp.");
    ASSERT_EQ(d.warnings.size(), 1u);
    EXPECT_NE(d.warnings[0].find("line 3"), std::string::npos) << d.warnings[0];
    // Ordinary Unicode text is left alone, without a warning.
    vanban::Decoded plain = vanban::decode(plan_134());
    EXPECT_TRUE(plain.warnings.empty()) << plain.warnings.front();
    EXPECT_EQ(plain.text, plan_134());
}

TEST(Decode, WhatIsNoTextIsRefusedWithItsReason) {
    const auto reason = decode_refusal;
    EXPECT_EQ(reason(""), "the file is empty");
    EXPECT_EQ(reason(" \n\t\r\n  "), "the file holds only whitespace");
    EXPECT_EQ(reason("\xEF\xBB\xBF \n"), "the file holds only whitespace");
    EXPECT_NE(reason("%PDF-1.7\n...").find("PDF"), std::string::npos);
    EXPECT_NE(reason(std::string("PK\x03\x04", 4) + "....").find("Word file"), std::string::npos);
    EXPECT_NE(reason(std::string("\x01\x02\x03\x04\x05\x06\x07\x08 some text", 18)).find("binary"), std::string::npos);
    // Latin-1 French is valid in no encoding vanban reads as Vietnamese: the offset of the first bad byte.
    std::string french = "Le pr\xE9sident de la R\xE9publique fran\xE7" "aise a d\xE9" "cid\xE9 que l'\xE9t\xE9 serait long.";
    std::string why = reason(french);
    EXPECT_NE(why.find("not valid UTF-8 (byte 5)"), std::string::npos) << why;
}

}  // namespace

namespace {

using vanban::Encoding;
using namespace vanban::test;

TEST(Decode, APortalPageGivesTheDocumentItHolds) {
    const std::string text = vanban::test::slurp(vanban::test::corpus_dir() / "cb_chi-thi-so-21-ct-ttg-469580.txt");
    const vanban::Document from_text = vanban::parse(text);
    ASSERT_TRUE(from_text.number);
    const std::string page = as_portal_page(from_text.text);
    vanban::Decoded d = vanban::decode(page);
    EXPECT_EQ(d.format, vanban::Format::html);
    vanban::Document from_page = vanban::parse(d.text);
    EXPECT_EQ(essentials(from_page), essentials(from_text));
    for (const char* clutter : {"quảng cáo", "99/QĐ-XYZ", "Trang chủ", "Chia sẻ", "Bình luận", "Cơ quan chủ quản", "JavaScript",
                                "Loại văn bản:", "<p>", "&lt;"}) {
        EXPECT_EQ(d.text.find(clutter), std::string::npos) << clutter;
    }
    // The same page in Windows-1258, declared; and undeclared (found from the content).
    std::string cp1258 = iconv_to(page, "CP1258");
    vanban::Decoded declared = vanban::decode(std::string(cp1258).replace(cp1258.find("utf-8"), 5, "windows-1258"));
    EXPECT_EQ(declared.encoding, Encoding::windows1258);
    EXPECT_EQ(essentials(vanban::parse(declared.text)), essentials(from_text));
    std::string undeclared = cp1258;
    undeclared.replace(undeclared.find("<meta charset=\"utf-8\">"), 22, "");
    vanban::Decoded found = vanban::decode(undeclared);
    EXPECT_EQ(found.encoding, Encoding::windows1258);
    EXPECT_EQ(essentials(vanban::parse(found.text)), essentials(from_text));
    // A page that claims UTF-8 but is in Windows-1258 (saved by an old editor): the claim is untrue,
    // the content decides.
    vanban::Decoded untrue = vanban::decode(cp1258);
    EXPECT_EQ(untrue.encoding, Encoding::windows1258);
    EXPECT_EQ(essentials(vanban::parse(untrue.text)), essentials(from_text));
    // A text file claiming UTF-8 on the command line while in TCVN3: an error with the offset.
    vanban::DecodeOptions claim;
    claim.encoding = Encoding::utf8;
    EXPECT_THROW(vanban::decode(iconv_to(text, "TCVN5712-1"), claim), vanban::DecodeError);
}

TEST(Decode, HtmlListsTablesAndHostilePages) {
    vanban::Decoded d = vanban::decode(
        "<html><body><p>Các nhiệm vụ:</p><ol><li>Sở Y tế chủ trì.</li><li>Sở Tài chính phối hợp.</li></ol>"
        "<ol type=\"a\"><li>rà soát;</li><li>báo cáo.</li></ol><ul><li>một</li></ul>"
        "<table><tr><th>TT</th><th>Nhiệm vụ</th><th>Chủ trì</th><th>Thời hạn</th></tr>"
        "<tr><td>1</td><td>Xây dựng <b>kế hoạch</b></td><td>Sở Nội vụ</td><td>Quý II/2026</td></tr></table>"
        "<p>Hết.&nbsp;Xong &amp; đủ</p></body></html>");
    EXPECT_EQ(d.text,
              "Các nhiệm vụ:\n\n1. Sở Y tế chủ trì.\n2. Sở Tài chính phối hợp.\na) rà soát;\nb) báo cáo.\n- một\n\n"
              "TT\tNhiệm vụ\tChủ trì\tThời hạn\n1\tXây dựng kế hoạch\tSở Nội vụ\tQuý II/2026\n\nHết.\u00a0Xong & đủ");
    // Nesting: 150 levels are read; 100,000 are contained (libxml2 stops at its depth limit, the text
    // beyond it is not read, and the page is refused as holding no text), without deep recursion.
    auto nested = [](int levels) {
        std::string page = "<html><body>";
        for (int i = 0; i < levels; ++i) page += "<div>";
        page += "Điều 1. Nội dung sâu";
        for (int i = 0; i < levels; ++i) page += "</div>";
        return page + "</body></html>";
    };
    EXPECT_EQ(vanban::decode(nested(150)).text, "Điều 1. Nội dung sâu");
    EXPECT_THROW(vanban::decode(nested(100000)), vanban::DecodeError);
    // Entities are not expanded beyond HTML's own, nothing is fetched.
    vanban::Decoded ent = vanban::decode(
        "<!DOCTYPE html [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
        "<html><body><p>Văn bản &b; <img src=\"http://127.0.0.1:1/x.png\"></p><p>Điều 1. Nội dung</p></body></html>");
    EXPECT_EQ(ent.text.find("aaaaaaaaaa"), std::string::npos) << ent.text;
    // A page with no text, and a text line that begins with "<" (not HTML).
    EXPECT_THROW(vanban::decode("<html><body><script>x()</script></body></html>"), vanban::DecodeError);
    EXPECT_EQ(vanban::decode("<Nội dung> = Nội dung hai\n").format, vanban::Format::text);
}

}  // namespace

namespace {

// A page in the layout of vbpl.vn's full text: the header table, then each provision a div of its own
// class (prov-chapter, prov-article, prov-clause, prov-item), beside the site's own furniture.
TEST(Decode, AVbplStylePageGivesItsProvisions) {
    const std::string page =
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Nghị định 55/2025/NĐ-CP</title></head><body>"
        "<div id=\"menu\"><a href=\"/\">CSDL quốc gia về văn bản pháp luật</a></div>"
        "<div class=\"vbInfo\"><ul><li><a href=\"#\">Toàn văn</a></li><li><a href=\"#\">Thuộc tính</a></li><li>"
        "<a href=\"#\">Lược đồ</a></li></ul></div>"
        "<div class=\"toanvancontent\"><table><tr><td><p>CHÍNH PHỦ</p><p>-------</p><p>Số: 55/2025/NĐ-CP</p></td>"
        "<td><p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p><p>Độc lập - Tự do - Hạnh phúc</p><p>---------------</p>"
        "<p>Hà Nội, ngày 2 tháng 3 năm 2025</p></td></tr></table>"
        "<p>NGHỊ ĐỊNH</p><p>QUY ĐỊNH CHỨC NĂNG, NHIỆM VỤ CỦA BỘ THỬ NGHIỆM</p>"
        "<div class=\"prov-chapter\">Chương I</div><div class=\"prov-chapter-title\">QUY ĐỊNH CHUNG</div>"
        "<div class=\"prov-article\">Điều 1. Vị trí và chức năng</div>"
        "<div class=\"prov-clause\">1. Bộ Thử nghiệm là cơ quan của Chính phủ.</div>"
        "<div class=\"prov-article\">Điều 2. Nhiệm vụ và quyền hạn</div>"
        "<div class=\"prov-clause\">1. Trình Chính phủ dự án luật.</div>"
        "<div class=\"prov-item\">a) Chủ trì xây dựng chiến lược;</div><div class=\"prov-item\">b) Hướng dẫn thực hiện.</div>"
        "<table><tr><td><p>Nơi nhận:</p><p>- Như Điều 2;</p></td><td><p>TM. CHÍNH PHỦ</p><p>THỦ TƯỚNG</p>"
        "<p>Nguyễn Văn Thử</p></td></tr></table></div>"
        "<div class=\"footer\"><p>Bản quyền thuộc Bộ Tư pháp</p></div></body></html>";
    vanban::Decoded d = vanban::decode(page);
    EXPECT_EQ(d.format, vanban::Format::html);
    for (const char* gone : {"CSDL quốc gia", "Toàn văn", "Thuộc tính", "Bản quyền"}) {
        EXPECT_EQ(d.text.find(gone), std::string::npos) << gone << " in:\n" << d.text;
    }
    EXPECT_NE(d.text.find("\nĐiều 2. Nhiệm vụ và quyền hạn\n1. Trình Chính phủ dự án luật.\na) Chủ trì xây dựng chiến lược;\n"
                          "b) Hướng dẫn thực hiện."),
              std::string::npos)
        << d.text;
    vanban::Document doc = vanban::parse(d.text);
    ASSERT_TRUE(doc.number);
    EXPECT_EQ(doc.number->text, "55/2025/NĐ-CP");
    EXPECT_EQ(doc.date, "2025-03-02");
    ASSERT_EQ(doc.signers.size(), 1u);
    EXPECT_EQ(doc.signers[0].name, "Nguyễn Văn Thử");
    ASSERT_FALSE(doc.sections.empty());
    EXPECT_EQ(doc.sections[0].kind, vanban::SectionKind::chapter);
    ASSERT_EQ(doc.sections[0].children.size(), 2u);
    EXPECT_EQ(doc.sections[0].children[1].kind, vanban::SectionKind::article);
    EXPECT_EQ(doc.sections[0].children[1].label, "2");
}

}  // namespace
