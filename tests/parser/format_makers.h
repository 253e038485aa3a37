// Test and benchmark helpers (tests/, tools/bench/format_corpus.cpp): one document made into every format vanban reads, by independent means: TCVN3, VISCII
// and Windows-1258 by glibc's iconv (as `iconv -t TCVN5712-1` writes them), UTF-16 by ICU, VNI by an
// encoder written from the VNI keyboard's rules (no library has VNI), HTML as a portal page shows a
// document, .docx by Poco::Zip from WordprocessingML; and what must be the same in all of them.
#pragma once

#include <Poco/DateTime.h>
#include <Poco/Path.h>
#include <Poco/Zip/Compress.h>
#include <iconv.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <functional>
#include <map>
#include <set>
#include <stdexcept>
#include <sstream>
#include <string>
#include <vector>

#include "vanban/decode.h"
#include "vanban/parser.h"

namespace vanban::test {

// Why decode() refuses `bytes`, or "(accepted)".
inline std::string decode_refusal(const std::string& bytes) {
    try {
        vanban::decode(bytes);
    } catch (const vanban::DecodeError& e) {
        return std::string(e.what());
    }
    return std::string("(accepted)");
}

// The non-empty lines of a text.
inline std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    for (std::size_t s = 0; s <= text.size();) {
        std::size_t e = text.find('\n', s);
        if (e == std::string::npos) e = text.size();
        if (e > s) lines.push_back(text.substr(s, e - s));
        s = e + 1;
    }
    return lines;
}

inline std::string iconv_to(const std::string& utf8, const char* to) {
    iconv_t cd = iconv_open(to, "UTF-8");
    if (cd == reinterpret_cast<iconv_t>(-1)) throw std::runtime_error(std::string("iconv cannot write ") + to);
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

inline std::string icu_to(const std::string& utf8, const char* codepage, bool bom) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(utf8);
    std::string out(static_cast<std::size_t>(u.length()) * 4 + 8, '\0');
    int32_t n = u.extract(0, u.length(), out.data(), static_cast<uint32_t>(out.size()), codepage);
    out.resize(static_cast<std::size_t>(n));
    if (bom) out = (std::string(codepage) == "UTF-16LE" ? std::string("\xFF\xFE") : std::string("\xFE\xFF")) + out;
    return out;
}

// Unicode to VNI-Windows bytes: each letter decomposed (NFD) and written as VNI types it.
inline std::string to_vni(const std::string& utf8) {
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
inline std::string essentials(const vanban::Document& d) {
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

inline std::string escape_markup(std::string_view s) {
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
inline std::string as_portal_page(const std::string& text) {
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
            left += "<p>" + escape_markup(lines[i]) + "</p>";
        }
    }
    for (std::size_t i = motto; i <= date; ++i) right += "<p>" + escape_markup(lines[i]) + "</p>";
    for (std::size_t i = date + 1; i < sign; ++i) body += "<p>" + escape_markup(lines[i]) + "</p>\n";
    for (std::size_t i = sign; i < lines.size(); ++i) signature += escape_markup(lines[i]) + "<br>";
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

inline constexpr const char* kW = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

// A .docx holding `body` (WordprocessingML inside <w:body>), a numbering part when given, and a page
// header and a comment that are not the document's text.
inline std::string zip(const std::vector<std::pair<std::string, std::string>>& entries) {
    std::ostringstream out;
    Poco::Zip::Compress c(out, true);
    for (const auto& [name, data] : entries) {
        std::istringstream in(data);
        c.addFile(in, Poco::DateTime(2026, 1, 1), Poco::Path(name, Poco::Path::PATH_UNIX));
    }
    c.close();
    return out.str();
}

inline std::string docx(const std::string& body, const std::string& numbering = "") {
    std::vector<std::pair<std::string, std::string>> e = {
        {"[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"},
        {"word/document.xml", std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document ") + kW + "><w:body>" + body +
                                  "</w:body></w:document>"},
        {"word/header1.xml", std::string("<w:hdr ") + kW + "><w:p><w:r><w:t>CÔNG BÁO đầu trang</w:t></w:r></w:p></w:hdr>"},
        {"word/comments.xml", std::string("<w:comments ") + kW + "><w:comment><w:p><w:r><w:t>góp ý riêng</w:t></w:r></w:p></w:comment></w:comments>"},
    };
    if (!numbering.empty()) e.emplace_back("word/numbering.xml", std::string("<w:numbering ") + kW + ">" + numbering + "</w:numbering>");
    return zip(e);
}

inline std::string para(std::string_view text, const std::string& numbering = "") {
    std::string ppr = numbering.empty() ? "" : "<w:pPr>" + numbering + "</w:pPr>";
    return "<w:p>" + ppr + "<w:r><w:t xml:space=\"preserve\">" + escape_markup(text) + "</w:t></w:r></w:p>";
}

inline std::string num(int id, int level) {
    return "<w:numPr><w:ilvl w:val=\"" + std::to_string(level) + "\"/><w:numId w:val=\"" + std::to_string(id) + "\"/></w:numPr>";
}

// A document's lines as a .docx: the header (up to the date line) as the layout's two-cell table.
inline std::string as_word_file(const std::string& normalized_text) {
    std::vector<std::string> lines;
    for (std::size_t s = 0; s <= normalized_text.size();) {
        std::size_t e = normalized_text.find('\n', s);
        if (e == std::string::npos) e = normalized_text.size();
        lines.push_back(normalized_text.substr(s, e - s));
        s = e + 1;
    }
    std::size_t motto = 0, date = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (!motto && lines[i].find("CỘNG HÒA") != std::string::npos) motto = i;
        if (!date && lines[i].find(", ngày") != std::string::npos) date = i;
    }
    std::string left, right, rest;
    for (std::size_t i = 0; i < motto; ++i) left += para(lines[i]);
    for (std::size_t i = motto; i <= date; ++i) right += para(lines[i]);
    for (std::size_t i = date + 1; i < lines.size(); ++i) rest += para(lines[i]);
    return docx("<w:tbl><w:tr><w:tc>" + left + "</w:tc><w:tc>" + right + "</w:tc></w:tr></w:tbl>" + rest);
}

}  // namespace vanban::test
