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
#include "vanban/decode.h"
#include "vanban/parser.h"

namespace {

using vanban::Encoding;

std::string iconv_to(const std::string& utf8, const char* to) {
    iconv_t cd = iconv_open(to, "UTF-8");
    EXPECT_NE(cd, reinterpret_cast<iconv_t>(-1)) << to;
    std::string out(utf8.size() * 4 + 16, '\0');
    char* in = const_cast<char*>(utf8.data());
    std::size_t in_left = utf8.size(), out_left = out.size();
    char* o = out.data();
    while (in_left > 0) {
        if (iconv(cd, &in, &in_left, &o, &out_left) == static_cast<std::size_t>(-1)) {
            *o++ = '?';  // a character the encoding has no byte for
            --out_left;
            // skip the whole UTF-8 character
            do {
                ++in;
                --in_left;
            } while (in_left > 0 && (static_cast<unsigned char>(*in) & 0xC0) == 0x80);
        }
    }
    iconv_close(cd);
    out.resize(static_cast<std::size_t>(o - out.data()));
    return out;
}

std::string icu_to(const std::string& utf8, const char* codepage, bool bom) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(utf8);
    std::string out(static_cast<std::size_t>(u.length()) * 4 + 8, '\0');
    int32_t n = u.extract(0, u.length(), out.data(), static_cast<uint32_t>(out.size()), codepage);
    out.resize(static_cast<std::size_t>(n));
    if (bom) out = (std::string(codepage) == "UTF-16LE" ? std::string("\xFF\xFE") : std::string("\xFE\xFF")) + out;
    return out;
}

// Unicode to VNI-Windows bytes: each letter decomposed (NFD) and written as VNI types it.
std::string to_vni(const std::string& utf8) {
    UErrorCode st = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(st);
    icu::UnicodeString in = nfd->normalize(icu::UnicodeString::fromUTF8(utf8), st);
    icu::UnicodeString out;
    auto up = [](char16_t lower, char16_t upper, bool u) { return u ? upper : lower; };
    for (int32_t i = 0; i < in.length();) {
        char16_t c = in.charAt(i++);
        char16_t tone = 0, shape = 0;
        while (i < in.length() && u_getCombiningClass(in.charAt(i)) != 0) {
            char16_t m = in.charAt(i++);
            if (m == 0x0302 || m == 0x0306 || m == 0x031B) shape = m;
            else tone = m;
        }
        bool upper = u_isupper(c);
        char16_t l = static_cast<char16_t>(u_tolower(c));
        if (l == u'đ') {
            out.append(up(u'ñ', u'Ñ', upper));
            continue;
        }
        if (l == u'i' && tone) {
            static const std::map<char16_t, std::pair<char16_t, char16_t>> kI = {
                {0x0301, {u'í', u'Í'}}, {0x0300, {u'ì', u'Ì'}}, {0x0309, {u'æ', u'Æ'}}, {0x0303, {u'ó', u'Ó'}}, {0x0323, {u'ò', u'Ò'}}};
            auto [lo, hi] = kI.at(tone);
            out.append(up(lo, hi, upper));
            continue;
        }
        if (l == u'y' && tone == 0x0323) {
            out.append(up(u'î', u'Î', upper));
            continue;
        }
        if (shape == 0x031B) {  // horn: ơ, ư are one byte each
            out.append(l == u'o' ? up(u'ô', u'Ô', upper) : up(u'ö', u'Ö', upper));
            shape = 0;
        } else {
            out.append(c);
        }
        static const std::map<char16_t, int> kTone = {{0x0301, 0}, {0x0300, 1}, {0x0309, 2}, {0x0303, 3}, {0x0323, 4}};
        if (shape == 0x0302) {
            static const char16_t lo[] = u"áàåãä", hi[] = u"ÁÀÅÃÄ";
            out.append(tone ? up(lo[kTone.at(tone)], hi[kTone.at(tone)], upper) : up(u'â', u'Â', upper));
        } else if (shape == 0x0306) {
            static const char16_t lo[] = u"éèúüë", hi[] = u"ÉÈÚÜË";
            out.append(tone ? up(lo[kTone.at(tone)], hi[kTone.at(tone)], upper) : up(u'ê', u'Ê', upper));
        } else if (tone) {
            static const char16_t lo[] = u"ùøûõï", hi[] = u"ÙØÛÕÏ";
            out.append(up(lo[kTone.at(tone)], hi[kTone.at(tone)], upper));
        }
    }
    std::string bytes(static_cast<std::size_t>(out.length()) * 2 + 8, '\0');
    int32_t n = out.extract(0, out.length(), bytes.data(), static_cast<uint32_t>(bytes.size()), "windows-1252");
    bytes.resize(static_cast<std::size_t>(n));
    return bytes;
}

// What must not change with the encoding: number, date, issuer, signers, the section tree's labels and
// the tasks' paths and agencies.
std::string essentials(const vanban::Document& d) {
    std::string out = "number=" + (d.number ? d.number->text : "") + " date=" + d.date.value_or("") +
                      " issuer=" + d.issuer.value_or("") + "\nsigners:";
    for (const auto& s : d.signers) out += " " + s.name;
    out += "\nsections:";
    std::function<void(const std::vector<vanban::Section>&, int)> walk = [&](const auto& secs, int depth) {
        for (const auto& s : secs) {
            out += " " + std::to_string(depth) + ":" + s.label;
            walk(s.children, depth + 1);
        }
    };
    walk(d.sections, 0);
    out += "\ntasks:";
    for (const auto& t : d.tasks) {
        std::set<std::string> ids;
        for (const auto& a : t.agencies) ids.insert(a.id + "/" + std::string(vanban::to_string(a.role)));
        out += "\n " + t.path + ":";
        for (const auto& id : ids) out += " " + id;
    }
    return out;
}

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
    auto reason = [](const std::string& bytes) {
        try {
            vanban::decode(bytes);
        } catch (const vanban::DecodeError& e) {
            return std::string(e.what());
        }
        return std::string("(accepted)");
    };
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

std::string escape_html(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == '<') out += "&lt;";
        else if (c == '>') out += "&gt;";
        else if (c == '&') out += "&amp;";
        else out += c;
    }
    return out;
}

// A document as a portal page shows it (from the parser's normalized text: one paragraph a line, as a
// page's <p> elements hold them): the header as the two-cell table of Nghị định 30's layout,
// every other line a paragraph, the signature a table; around it what portals put there (scripts,
// styles, a menu, an attribute table in a sidebar, a share bar, comments, a footer).
std::string as_portal_page(const std::string& text) {
    std::vector<std::string> lines;
    for (std::size_t s = 0; s <= text.size();) {
        std::size_t e = text.find('\n', s);
        if (e == std::string::npos) e = text.size();
        lines.emplace_back(text.substr(s, e - s));
        s = e + 1;
    }
    auto at = [&](std::string_view prefix) {
        for (std::size_t i = 0; i < lines.size(); ++i) {
            if (lines[i].find(prefix) != std::string::npos) return i;
        }
        return lines.size();
    };
    const std::size_t motto = at("CỘNG HÒA XÃ HỘI"), date = at("Hà Nội, ngày"), sign = at("KT. THỦ TƯỚNG");
    std::string left, right, body, signature;
    for (std::size_t i = 0; i < motto; ++i) {
        if (!lines[i].empty() && lines[i].find("CÔNG BÁO") == std::string::npos && lines[i] != "70") {
            left += "<p>" + escape_html(lines[i]) + "</p>";
        }
    }
    for (std::size_t i = motto; i <= date; ++i) right += "<p>" + escape_html(lines[i]) + "</p>";
    for (std::size_t i = date + 1; i < sign; ++i) body += "<p>" + escape_html(lines[i]) + "</p>\n";
    for (std::size_t i = sign; i < lines.size(); ++i) signature += escape_html(lines[i]) + "<br>";
    return "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Chỉ thị 21/CT-TTg</title>"
           "<style>p{margin:0}</style><script>var x = \"Số: 99/QĐ-XYZ\"; document.write('<p>quảng cáo</p>');</script>"
           "</head><body><div id=\"header\"><ul class=\"main-menu\"><li><a href=\"/\">Trang chủ</a></li>"
           "<li><a href=\"/vb\">Văn bản pháp luật</a></li><li><a href=\"/tt\">Tin tức</a></li></ul></div>"
           "<div class=\"breadcrumb\"><a href=\"/\">Trang chủ</a> » <a href=\"/ct\">Chỉ thị</a></div>"
           "<div class=\"container\"><aside class=\"thuoc-tinh\"><table><tr><td>Số hiệu:</td><td>21/CT-TTg</td></tr>"
           "<tr><td>Loại văn bản:</td><td>Chỉ thị</td></tr><tr><td>Ngày ban hành:</td><td>20/05/2026</td></tr></table></aside>"
           "<div class=\"content1\"><div class=\"doc-header\"><table><tr><td>" + left + "</td><td>" + right +
           "</td></tr></table></div>\n<div class=\"prov-body\">" + body + "</div><table><tr><td></td><td><b>" +
           signature + "</b></td></tr></table></div>"
           "<div class=\"share-bar\"><a href=\"#\">Chia sẻ Facebook</a> <a href=\"#\">Zalo</a></div>"
           "<div id=\"comments\"><p>Bình luận của bạn đọc: văn bản rất hay, Sở Y tế cần chủ trì.</p></div></div>"
           "<footer><p>Cơ quan chủ quản: Công ty ABC. Địa chỉ: số 1 phố X, Hà Nội.</p></footer>"
           "<noscript><p>Bật JavaScript</p></noscript></body></html>\n";
}

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
