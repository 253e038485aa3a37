// Word (.docx) in: files built here from WordprocessingML, one with automatic numbering; the same
// document as .txt and as .docx parses the same; hostile archives are refused.
#include <gtest/gtest.h>

#include <Poco/DateTime.h>
#include <Poco/Path.h>
#include <Poco/Zip/Compress.h>

#include <sstream>

#include "corpus_files.h"
#include "format_makers.h"
#include "vanban/decode.h"
#include "vanban/parser.h"

namespace {

using namespace vanban::test;

TEST(Docx, AutomaticNumberingIsWrittenAsTheReaderSeesIt) {
    // Articles "Điều %1.", their clauses "%2." and points "%3)" in lowercase letters; a bullet list.
    const std::string numbering =
        "<w:abstractNum w:abstractNumId=\"0\">"
        "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"Điều %1.\"/></w:lvl>"
        "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%2.\"/></w:lvl>"
        "<w:lvl w:ilvl=\"2\"><w:start w:val=\"1\"/><w:numFmt w:val=\"lowerLetter\"/><w:lvlText w:val=\"%3)\"/></w:lvl>"
        "</w:abstractNum><w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"bullet\"/>"
        "<w:lvlText w:val=\"\xEF\x82\xB7\"/></w:lvl></w:abstractNum>"
        "<w:abstractNum w:abstractNumId=\"2\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"3\"/><w:numFmt w:val=\"upperRoman\"/>"
        "<w:lvlText w:val=\"%1.\"/></w:lvl><w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/>"
        "<w:lvlText w:val=\"%1.%2.\"/></w:lvl></w:abstractNum>"
        "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num><w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num>"
        "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"2\"/></w:num>";
    const std::string body =
        para("Phạm vi điều chỉnh", num(1, 0)) + para("Nghị định này quy định:", num(1, 1)) + para("điểm một;", num(1, 2)) +
        para("điểm hai.", num(1, 2)) + para("Khoản hai.", num(1, 1)) + para("Đối tượng áp dụng", num(1, 0)) +
        para("Khoản một của Điều 2.", num(1, 1)) + para("gạch đầu dòng", num(2, 0)) + para("Mục thứ ba", num(3, 0)) +
        para("tiểu mục", num(3, 1)) +
        // Runs, a tab, a line break, deleted text, a field code, a comment mark.
        "<w:p><w:r><w:t>Nơi</w:t></w:r><w:r><w:t xml:space=\"preserve\"> nhận:</w:t></w:r><w:r><w:tab/><w:t>TM.</w:t><w:br/>"
        "<w:t>CHỦ TỊCH</w:t></w:r><w:del><w:r><w:delText>bỏ đi</w:delText></w:r></w:del>"
        "<w:r><w:instrText>PAGE \\* MERGEFORMAT</w:instrText></w:r><w:commentReference w:id=\"0\"/></w:p>";
    vanban::Decoded d = vanban::decode(docx(body, numbering));
    EXPECT_EQ(d.format, vanban::Format::docx);
    EXPECT_EQ(d.text,
              "Điều 1. Phạm vi điều chỉnh\n1. Nghị định này quy định:\na) điểm một;\nb) điểm hai.\n2. Khoản hai.\n"
              "Điều 2. Đối tượng áp dụng\n1. Khoản một của Điều 2.\n- gạch đầu dòng\nIII. Mục thứ ba\nIII.1. tiểu mục\n"
              "Nơi nhận:\tTM.\nCHỦ TỊCH");
    vanban::Document doc = vanban::parse(d.text);
    ASSERT_GE(doc.sections.size(), 2u);
    EXPECT_EQ(doc.sections[0].label, "1");
    EXPECT_EQ(doc.sections[0].kind, vanban::SectionKind::article);
}

TEST(Docx, TheSameDocumentAsTextAndAsWordParsesTheSame) {
    const std::string text = vanban::test::slurp(vanban::test::corpus_dir() / "cb_chi-thi-so-21-ct-ttg-469580.txt");
    vanban::Document from_text = vanban::parse(text);
    ASSERT_TRUE(from_text.number);
    // The normalized text, one paragraph each; the header as the two-cell table of the layout.
    vanban::Decoded d = vanban::decode(as_word_file(from_text.text));
    vanban::Document from_word = vanban::parse(d.text);
    ASSERT_TRUE(from_word.number) << d.text.substr(0, 300);
    EXPECT_EQ(from_word.number->text, from_text.number->text);
    EXPECT_EQ(from_word.date, from_text.date);
    EXPECT_EQ(from_word.issuer, from_text.issuer);
    ASSERT_EQ(from_word.signers.size(), from_text.signers.size());
    EXPECT_EQ(from_word.signers[0].name, from_text.signers[0].name);
    ASSERT_EQ(from_word.tasks.size(), from_text.tasks.size());
    for (std::size_t i = 0; i < from_text.tasks.size(); ++i) {
        EXPECT_EQ(from_word.tasks[i].path, from_text.tasks[i].path);
        EXPECT_EQ(from_word.tasks[i].agencies.size(), from_text.tasks[i].agencies.size()) << from_text.tasks[i].path;
    }
    EXPECT_EQ(d.text.find("CÔNG BÁO đầu trang"), std::string::npos);  // the page header is not the text
    EXPECT_EQ(d.text.find("góp ý riêng"), std::string::npos);         // nor a comment
}

TEST(Docx, HostileArchivesAreRefused) {
    const auto reason = decode_refusal;
    // A ZIP bomb: 80 MB of zeros compress to a few tens of KB.
    std::string zeros(80u << 20, '0');
    std::string bomb = zip({{"word/document.xml", zeros}});
    EXPECT_LT(bomb.size(), 1u << 20);
    EXPECT_NE(reason(bomb).find("over 64 MiB"), std::string::npos) << reason(bomb);
    // An entry that climbs out of the archive (Poco refuses to write one: its name is patched in after).
    std::string slip = zip({{"word/document.xml", "<x/>"}, {"xx/xx/etc/evil.sh", "x"}});
    for (std::size_t p = slip.find("xx/xx/"); p != std::string::npos; p = slip.find("xx/xx/", p)) slip.replace(p, 6, "../../");
    EXPECT_NE(reason(slip).find("leaves the archive"), std::string::npos) << reason(slip);
    // An entity-expansion bomb: entities are not substituted, so the text stays small.
    std::string lol = "<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY a \"aaaaaaaaaa\">"
                      "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
                      "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                      "<w:document " + std::string(kW) + "><w:body><w:p><w:r><w:t>Điều 1. &d;&e;</w:t></w:r></w:p></w:body></w:document>";
    // Either refused (libxml2 stops at the bomb) or read with the entities left out; never expanded, and
    // the external file never read.
    std::string got;
    try {
        got = vanban::decode(zip({{"word/document.xml", lol}})).text;
    } catch (const vanban::DecodeError& e) {
        got = e.what();
    }
    EXPECT_LT(got.size(), 200u) << got.substr(0, 200);
    EXPECT_EQ(got.find("aaaaaaaaaa"), std::string::npos) << got;
    EXPECT_EQ(got.find("root:"), std::string::npos) << got;
    // Not a Word file; a damaged one.
    EXPECT_NE(reason(zip({{"a.txt", "x"}})).find("without word/document.xml"), std::string::npos);
    EXPECT_NE(reason(std::string("PK\x03\x04", 4) + "garbage").find("Word file"), std::string::npos);
}

}  // namespace
