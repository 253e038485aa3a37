// Akoma Ntoso 3.0 export and import (vanban/akn.h, docs/AKN.md): every document of the corpus exports
// to XML that the schema written here (parser/data/akn.rng) accepts, and reads back into the very
// document that was exported; the schema refuses what AKN forbids; another producer's AKN is read;
// hostile XML is refused or contained.
#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <string>

#include "corpus_files.h"
#include "vanban/akn.h"
#include "vanban/decode.h"
#include "vanban/parser.h"

namespace fs = std::filesystem;

namespace {

using vanban::test::slurp;

// The canonical JSON without the diagnostics about invalid input bytes (the XML holds the U+FFFD
// they became, not the bytes).
std::string comparable(const vanban::Document& doc) {
    vanban::Document d = doc;
    std::erase_if(d.diagnostics, [](const vanban::Diagnostic& x) { return x.message.starts_with("invalid UTF-8"); });
    return vanban::to_json(d);
}

std::size_t count(const std::string& s, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
    return n;
}

std::string seed_plan() {
    return slurp(vanban::test::corpus_dir() / "ke-hoach-134-KH-UBND-ha-noi-2022-04-29.txt");
}

void round_trip_all(const fs::path& dir, std::size_t at_least) {
    auto files = vanban::test::documents(dir);
    ASSERT_GE(files.size(), at_least) << dir;
    std::size_t tasks = 0, sections = 0;
    for (const auto& f : files) {
        SCOPED_TRACE(f.string());
        vanban::Document doc = vanban::parse(slurp(f));
        std::string xml = vanban::to_akn(doc, {"2026-12-04", f.filename().string()});
        auto errors = vanban::validate_akn(xml);
        EXPECT_TRUE(errors.empty()) << errors.front();
        EXPECT_EQ(count(xml, "<ref href=\"/akn/vn/"), doc.references.size());  // a ref for every citation
        vanban::Document back = vanban::read_akn(xml);
        EXPECT_EQ(back.text, doc.text);
        EXPECT_EQ(comparable(back), comparable(doc));
        tasks += doc.tasks.size();
        sections += doc.sections.size();
    }
    EXPECT_GT(tasks, 0u);
    EXPECT_GT(sections, 0u);
}

TEST(AknTest, EveryDocumentOfTheCorpusValidatesAndReadsBackAsItWas) {
    round_trip_all(vanban::test::corpus_dir(), 22);
}

TEST(AknTest, EveryDocumentOfTheSharedCorpusToo) {
    fs::path wide = vanban::test::widest_corpus();
    if (wide == vanban::test::corpus_dir()) GTEST_SKIP() << "../shared/corpus is not beside the project";
    round_trip_all(wide, 500);
}

TEST(AknTest, APlanIsADocWithItsHeaderBasesHierarchyAndSignature) {
    vanban::Document doc = vanban::parse(seed_plan());
    std::string xml = vanban::to_akn(doc, {"2026-12-04", "134.txt"});
    EXPECT_NE(xml.find("<doc name=\"ke-hoach\">"), std::string::npos);
    EXPECT_NE(xml.find("<FRBRthis value=\"/akn/vn/doc/kh/2022-04-29/134-kh-ubnd/!main\"/>"), std::string::npos);
    EXPECT_NE(xml.find("<FRBRdate date=\"2022-04-29\" name=\"Generation\"/>"), std::string::npos);
    EXPECT_NE(xml.find("<FRBRdate date=\"2026-12-04\" name=\"Generation\"/>"), std::string::npos);  // the manifestation
    EXPECT_NE(xml.find("<p>Số: <docNumber>134/KH-UBND</docNumber></p>"), std::string::npos);
    EXPECT_NE(xml.find("<docDate date=\"2022-04-29\">ngày 29 tháng 4 năm 2022</docDate>"), std::string::npos);
    EXPECT_NE(xml.find("<docAuthority>ỦY BAN NHÂN DÂN</docAuthority>"), std::string::npos);
    // One citation per basis; a ref for every reference the text holds within a line.
    EXPECT_EQ(count(xml, "<citation>"), doc.bases.size());
    EXPECT_EQ(count(xml, "<ref href=\"/akn/vn/"), doc.references.size());
    EXPECT_NE(xml.find("<ref href=\"/akn/vn/doc/nq/2022-03-17/38-nq-cp\">Nghị quyết số 38/NQ-CP ngày 17/3/2022 của Chính phủ</ref>"),
              std::string::npos);
    // The plan's items are hcontainers, its bullets indents; the agencies are organizations.
    EXPECT_NE(xml.find("<hcontainer eId=\"hcontainer_i\" class=\"roman\" name=\"roman\">"), std::string::npos);
    EXPECT_NE(xml.find("<num>I.</num>"), std::string::npos);
    EXPECT_NE(xml.find("<heading>MỤC TIÊU, QUAN ĐIỂM</heading>"), std::string::npos);
    EXPECT_GT(count(xml, "<indent "), 10u);
    EXPECT_NE(xml.find("<organization refersTo=\"#org_so-y-te-thanh-pho-ha-noi\">Sở Y tế</organization>"), std::string::npos) << xml;
    EXPECT_NE(xml.find("<TLCOrganization eId=\"org_so-y-te-thanh-pho-ha-noi\""), std::string::npos);
    // The signature: authority lines as roles, the name as a person.
    EXPECT_NE(xml.find("<signature><role refersTo=\"#role_kt-chu-tich\">KT. CHỦ TỊCH</role></signature>"), std::string::npos);
    EXPECT_NE(xml.find("<signature><person refersTo=\"#person_1\">Chử Xuân Dũng</person></signature>"), std::string::npos);
    EXPECT_NE(xml.find("<TLCPerson eId=\"person_1\" href=\"/ontology/person/vn/chu-xuan-dung\" showAs=\"Chử Xuân Dũng\"/>"),
              std::string::npos);
    EXPECT_NE(xml.find("<vb:document xmlns:vb=\"urn:vanban:akn:1\""), std::string::npos);
}

TEST(AknTest, ALawIsAnActWithArticlesAndClauses) {
    fs::path law = vanban::test::corpus_dir() / "cb_luat-so-51-2024-qh15-43559.txt";
    vanban::Document doc = vanban::parse(slurp(law));
    std::string xml = vanban::to_akn(doc);
    EXPECT_NE(xml.find("<act name=\"luat\">"), std::string::npos);
    EXPECT_NE(xml.find("/akn/vn/act/"), std::string::npos);
    std::size_t articles = 0;
    std::function<void(const std::vector<vanban::Section>&)> walk = [&](const std::vector<vanban::Section>& v) {
        for (const auto& s : v) {
            articles += s.kind == vanban::SectionKind::article;
            walk(s.children);
        }
    };
    walk(doc.sections);
    ASSERT_GT(articles, 0u);
    EXPECT_EQ(count(xml, "<article "), articles);
    EXPECT_GT(count(xml, "<paragraph "), 0u);  // khoản inside an article
    EXPECT_NE(xml.find("<body>"), std::string::npos);
    EXPECT_EQ(xml.find("<mainBody>"), std::string::npos);
}

TEST(AknTest, TheSchemaRefusesWhatAkomaNtosoForbids) {
    const std::string good = vanban::to_akn(vanban::parse(seed_plan()));
    ASSERT_TRUE(vanban::validate_akn(good).empty());
    auto refused = [&](const std::string& from, const std::string& to, const char* why) {
        std::string bad = good;
        std::size_t at = bad.find(from);
        ASSERT_NE(at, std::string::npos) << why;
        bad.replace(at, from.size(), to);
        EXPECT_FALSE(vanban::validate_akn(bad).empty()) << why;
    };
    {
        std::string bad = good;
        std::size_t a = bad.find("<meta>"), b = bad.find("</meta>");
        ASSERT_TRUE(a != std::string::npos && b != std::string::npos);
        bad.erase(a, b + 7 - a);
        EXPECT_FALSE(vanban::validate_akn(bad).empty()) << "a document without meta";
    }
    refused("<mainBody>", "<body>", "a doc with an act's body");
    refused(" name=\"roman\"", "", "an hcontainer without a name");
    refused(" refersTo=\"#person_1\"", "", "a person without refersTo");
    refused("date=\"2022-04-29\">ngày", "date=\"29/4/2022\">ngày", "a docDate that is no date");
    refused("<FRBRcountry value=\"vn\"/>", "", "a work without its country");
    refused("<heading>MỤC TIÊU, QUAN ĐIỂM</heading>", "<content><p>x</p></content><heading>x</heading>", "a heading after the content");
    EXPECT_FALSE(vanban::validate_akn("<akomaNtoso").empty());  // not even XML
}

TEST(AknTest, AnotherProducersActIsRead) {
    const std::string xml = R"(<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
  <act name="nghi-quyet">
    <meta>
      <identification source="#someone">
        <FRBRWork>
          <FRBRthis value="/akn/vn/act/nq/2022-03-17/38-nq-cp/!main"/>
          <FRBRuri value="/akn/vn/act/nq/2022-03-17/38-nq-cp"/>
          <FRBRdate date="2022-03-17" name="signature"/>
          <FRBRauthor href="#cp"/>
          <FRBRcountry value="vn"/>
          <FRBRnumber value="38/NQ-CP"/>
          <FRBRname value="Ban hành Chương trình phòng, chống dịch COVID-19"/>
        </FRBRWork>
        <FRBRExpression><FRBRthis value="x"/><FRBRuri value="x"/><FRBRdate date="2022-03-17" name="x"/><FRBRauthor href="#cp"/><FRBRlanguage language="vie"/></FRBRExpression>
        <FRBRManifestation><FRBRthis value="x"/><FRBRuri value="x"/><FRBRdate date="2022-03-17" name="x"/><FRBRauthor href="#cp"/></FRBRManifestation>
      </identification>
      <references source="#someone"><TLCOrganization eId="cp" href="/ontology/organization/vn/chinh-phu" showAs="Chính phủ"/></references>
    </meta>
    <preface>
      <p>CHÍNH PHỦ</p>
      <p>Số: <docNumber>38/NQ-CP</docNumber></p>
      <p>
        Hà Nội, <docDate date="2022-03-17">ngày 17 tháng 3 năm 2022</docDate>
      </p>
      <p><docType>NGHỊ QUYẾT</docType></p>
    </preface>
    <preamble><citations><citation><p>Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;</p></citation></citations></preamble>
    <body>
      <article eId="art_1"><num>Điều 1.</num><heading>Ban hành Chương trình</heading>
        <paragraph eId="art_1__para_1"><num>1.</num><content><p>Bộ Y tế chủ trì, phối hợp với các bộ<eol/>triển khai Chương trình.</p></content></paragraph>
      </article>
      <article eId="art_2"><num>Điều 2.</num><heading>Hiệu lực</heading><content><p>Nghị quyết này có hiệu lực từ ngày ký.</p></content></article>
    </body>
  </act>
</akomaNtoso>)";
    ASSERT_TRUE(vanban::looks_like_akn(xml));
    vanban::Document doc = vanban::read_akn(xml);
    ASSERT_TRUE(doc.number);
    EXPECT_EQ(doc.number->text, "38/NQ-CP");
    EXPECT_EQ(doc.number->type_code, "NQ");
    EXPECT_EQ(doc.date.value_or(""), "2022-03-17");
    EXPECT_EQ(doc.issuer.value_or(""), "Chính phủ");
    EXPECT_EQ(doc.type.value_or(""), "Nghị quyết");  // from the preface's docType
    EXPECT_EQ(doc.title.value_or(""), "Ban hành Chương trình phòng, chống dịch COVID-19");
    ASSERT_EQ(doc.bases.size(), 1u);
    ASSERT_EQ(doc.sections.size(), 2u);
    EXPECT_EQ(doc.sections[0].kind, vanban::SectionKind::article);
    EXPECT_EQ(doc.sections[0].label, "1");
    EXPECT_EQ(doc.sections[0].heading, "Ban hành Chương trình");
    ASSERT_EQ(doc.sections[0].children.size(), 1u);
    // "1." and its text on one line (a num then content, as other producers write it), the eol a line break.
    EXPECT_NE(doc.text.find("Hà Nội, ngày 17 tháng 3 năm 2022\n"), std::string::npos) << doc.text;
    EXPECT_NE(doc.text.find("\nĐiều 1. Ban hành Chương trình\n1. Bộ Y tế chủ trì, phối hợp với các bộ\ntriển khai Chương trình."), std::string::npos)
        << doc.text;
    EXPECT_FALSE(doc.tasks.empty());
}

TEST(AknTest, HostileOrBrokenXmlIsRefusedOrContained) {
    // Not XML, not Akoma Ntoso.
    EXPECT_THROW(vanban::read_akn("<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"><act>"), vanban::DecodeError);
    try {
        vanban::read_akn("<html><body><p>x</p></body></html>");
        FAIL() << "an HTML page read as Akoma Ntoso";
    } catch (const vanban::DecodeError& e) {
        EXPECT_NE(std::string(e.what()).find("not an Akoma Ntoso 3.0 document"), std::string::npos) << e.what();
    }
    const std::string head = "<?xml version=\"1.0\"?>\n";
    const std::string open = "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"><doc name=\"x\"><meta/><mainBody>";
    const std::string close = "</mainBody></doc></akomaNtoso>";
    // An external entity is neither fetched nor expanded.
    {
        std::string xml = head + "<!DOCTYPE akomaNtoso [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n" + open + "<p>a &secret; b</p>" + close;
        vanban::Document doc = vanban::read_akn(xml);
        EXPECT_EQ(doc.text.find("root:"), std::string::npos);
    }
    // An entity-expansion bomb: refused or left unexpanded, never a billion copies.
    {
        std::string xml = head + "<!DOCTYPE akomaNtoso [<!ENTITY a \"aaaaaaaaaa\">";
        for (char c = 'b'; c <= 'j'; ++c) {
            xml += std::string("<!ENTITY ") + c + " \"";
            for (int i = 0; i < 10; ++i) xml += std::string("&") + static_cast<char>(c - 1) + ";";
            xml += "\">";
        }
        xml += "]>\n" + open + "<p>&j;</p>" + close;
        try {
            vanban::Document doc = vanban::read_akn(xml);
            EXPECT_LT(doc.text.size(), 100000u);
        } catch (const vanban::DecodeError&) {
        }
    }
    // 100,000 nested elements: refused by the parser's depth limit, not a stack overflow.
    {
        std::string xml = open;
        for (int i = 0; i < 100000; ++i) xml += "<container name=\"x\">";
        EXPECT_THROW(vanban::read_akn(xml), vanban::DecodeError);
    }
    // decode() does not take an AKN file for text: it names the reader.
    try {
        vanban::decode(head + open + "<p>x</p>" + close);
        FAIL() << "an AKN file decoded as text";
    } catch (const vanban::DecodeError& e) {
        EXPECT_NE(std::string(e.what()).find("read_akn"), std::string::npos) << e.what();
    }
}

}  // namespace
