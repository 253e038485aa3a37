// decode(): which encoding a file is in, and its text (decode.h). The order: a file of another kind is
// named; a BOM decides; UTF-16 without one shows by its NUL bytes; valid UTF-8 is UTF-8 (its lines
// pasted from a legacy document converted); anything else is read in each legacy encoding and the
// reading with the most well-formed Vietnamese syllables wins, if it has enough of them.
#include "vanban/decode.h"

#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>

#include "encodings.h"
#include "docx.h"
#include "html.h"
#include "pdf.h"
#include "vanban/akn.h"

namespace vanban {

using detail::convert;
using detail::vietnamese_score;

namespace {

// A file of another kind, by its first bytes: what to tell the user, or "".
std::string other_kind(std::string_view b) {
    if (b.starts_with("\xD0\xCF\x11\xE0")) return "it is an old Office document (.doc, .xls): vanban::read_document reads .doc through antiword";
    if (b.starts_with("\x89PNG") || b.starts_with("\xFF\xD8\xFF") || b.starts_with("GIF8")) return "it is an image";
    return "";
}

// Binary data: many NUL or control bytes in the first 64 KiB (a stray one in a text is tolerated).
bool looks_binary(std::string_view b) {
    std::size_t n = std::min<std::size_t>(b.size(), 65536), control = 0;
    for (std::size_t i = 0; i < n; ++i) {
        unsigned char c = static_cast<unsigned char>(b[i]);
        if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') || c == 0x7F) ++control;
    }
    return n > 0 && control * 100 > n;
}

// UTF-16 without a BOM: ASCII characters (spaces, digits, most letters of a Vietnamese text's
// syllables) have a NUL high byte, at odd offsets in little-endian, even ones in big-endian.
std::optional<Encoding> utf16_by_nuls(std::string_view b) {
    std::size_t n = std::min<std::size_t>(b.size(), 8192) & ~std::size_t{1};
    if (n < 16) return std::nullopt;
    std::size_t even = 0, odd = 0;
    for (std::size_t i = 0; i < n; i += 2) {
        even += b[i] == '\0';
        odd += b[i + 1] == '\0';
    }
    std::size_t pairs = n / 2;
    if (odd * 4 > pairs && even * 20 < pairs) return Encoding::utf16le;
    if (even * 4 > pairs && odd * 20 < pairs) return Encoding::utf16be;
    return std::nullopt;
}

bool only_whitespace(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; });
}

// The Latin-1 letters Vietnamese Unicode text uses; others (©, ¬, ®, µ, ö, ñ, æ ...) are how a TCVN3 or
// VNI text reads once pasted into a Unicode one. «, », °, ·, ×, § and µ ("50 µg") are ordinary signs.
bool unusual_latin1(char32_t c) {
    static constexpr std::u32string_view kVietnamese = U"ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý«»°·×§µ";
    return c >= 0xA1 && c <= 0xFF && kVietnamese.find(c) == std::u32string_view::npos;
}

// A line of a Unicode text that holds a legacy text pasted in: two or more unusual Latin-1 letters.
bool may_be_pasted(std::string_view line) {
    int unusual = 0;
    for (std::size_t i = 0; i < line.size();) {
        unsigned char b = static_cast<unsigned char>(line[i]);
        if (b != 0xC2 && b != 0xC3) {
            ++i;
            continue;
        }
        UChar32 c;
        U8_NEXT(line.data(), i, line.size(), c);
        if (c >= 0 && unusual_latin1(static_cast<char32_t>(c)) && ++unusual >= 2) return true;
    }
    return false;
}

// The Windows-1252 bytes a line was read from, or nullopt when it holds a character Windows-1252 has no
// byte for (then it was not a legacy text read as Windows-1252).
std::optional<std::string> windows1252_bytes(std::string_view line) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(line.data(), static_cast<int32_t>(line.size())));
    std::string out(static_cast<std::size_t>(u.length()) + 1, '\0');
    int32_t n = u.extract(0, u.length(), out.data(), static_cast<uint32_t>(out.size()), "windows-1252");
    out.resize(static_cast<std::size_t>(std::max(n, 0)));
    // A character without a byte comes out as a substitute: the bytes do not read back as the line.
    icu::UnicodeString back(out.data(), static_cast<int32_t>(out.size()), "windows-1252");
    if (back != u) return std::nullopt;
    return out;
}

// Lines of a Unicode text pasted from a TCVN3 or VNI document, converted where the conversion reads
// as Vietnamese; a warning for a line that looks pasted but converts to nothing better.
void repair_pasted_lines(Decoded& d) {
    std::string out;
    std::size_t line_no = 0;
    bool changed = false;
    for (std::size_t s = 0; s <= d.text.size();) {
        std::size_t e = d.text.find('\n', s);
        if (e == std::string::npos) e = d.text.size();
        std::string_view line = std::string_view(d.text).substr(s, e - s);
        ++line_no;
        std::string fixed(line);
        if (may_be_pasted(line)) {
            std::size_t counted = 0;
            double now = vietnamese_score(line, &counted);
            std::optional<std::string> raw = windows1252_bytes(line);
            std::string best;
            double best_score = now;
            const char* best_name = "";
            for (Encoding e2 : {Encoding::tcvn3, Encoding::vni}) {
                if (!raw) break;
                std::string c = convert(*raw, e2);
                double sc = vietnamese_score(c);
                if (sc > best_score) best_score = sc, best = std::move(c), best_name = e2 == Encoding::tcvn3 ? "TCVN3" : "VNI";
            }
            if (!best.empty() && best_score >= 0.8 && best_score >= now + 0.3) {
                fixed = std::move(best);
                changed = true;
                d.warnings.push_back("line " + std::to_string(line_no) + " was in " + best_name + " and is converted");
            } else if (now < 0.5 && counted >= 2) {
                d.warnings.push_back("line " + std::to_string(line_no) +
                                     " looks like text in an old encoding pasted into Unicode; it is left as it is");
            }
        }
        out += fixed;
        if (e < d.text.size()) out += '\n';
        s = e + 1;
    }
    if (changed) d.text = std::move(out);
}

}  // namespace

std::string_view to_string(Encoding e) {
    switch (e) {
        case Encoding::utf8: return "utf-8";
        case Encoding::utf16le: return "utf-16le";
        case Encoding::utf16be: return "utf-16be";
        case Encoding::windows1258: return "windows-1258";
        case Encoding::tcvn3: return "tcvn3";
        case Encoding::vni: return "vni";
        case Encoding::viscii: return "viscii";
    }
    return "utf-8";
}

std::optional<Encoding> encoding_from_name(std::string_view name) {
    std::string n;
    for (char c : name) {
        if (c != '-' && c != '_' && c != ' ') n += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    static constexpr std::pair<std::string_view, Encoding> kNames[] = {
        {"utf8", Encoding::utf8},          {"utf16", Encoding::utf16le},         {"utf16le", Encoding::utf16le},
        {"utf16be", Encoding::utf16be},    {"windows1258", Encoding::windows1258}, {"cp1258", Encoding::windows1258},
        {"tcvn3", Encoding::tcvn3},        {"tcvn", Encoding::tcvn3},            {"abc", Encoding::tcvn3},
        {"tcvn57121", Encoding::tcvn3},    {"vni", Encoding::vni},               {"vniwindows", Encoding::vni},
        {"viscii", Encoding::viscii},
    };
    for (auto [k, e] : kNames) {
        if (n == k) return e;
    }
    return std::nullopt;
}

namespace {

// The bytes of a text (or of an HTML page's source) as UTF-8: given, by BOM, UTF-16 by its NULs, UTF-8,
// else the legacy encoding that reads most as Vietnamese.
Decoded decode_text(std::string_view bytes, const DecodeOptions& options) {
    Decoded d;
    std::string_view body = bytes;
    std::optional<Encoding> bom;
    if (body.starts_with("\xEF\xBB\xBF")) bom = Encoding::utf8, body.remove_prefix(3);
    else if (body.starts_with("\xFF\xFE")) bom = Encoding::utf16le, body.remove_prefix(2);
    else if (body.starts_with("\xFE\xFF")) bom = Encoding::utf16be, body.remove_prefix(2);
    if (options.encoding) {
        d.encoding = *options.encoding;
        // "utf-16" given for a big-endian file with its BOM: the BOM says which.
        if (bom && d.encoding == Encoding::utf16le && *bom == Encoding::utf16be) d.encoding = *bom;
        if (bom && *bom != d.encoding) body = bytes;  // not a BOM of that encoding: its bytes are text
        if (d.encoding == Encoding::utf8) {
            if (std::size_t bad = detail::first_invalid_utf8(body); bad != std::string_view::npos) {
                std::size_t at = bad + (bytes.size() - body.size());
                throw DecodeError("the text is not valid UTF-8 at byte " + std::to_string(at), at);
            }
        }
        d.text = convert(body, d.encoding);
    } else if (auto u16 = bom && *bom != Encoding::utf8 ? bom : utf16_by_nuls(body)) {
        d.encoding = *u16;
        d.text = convert(body, d.encoding);
    } else if (std::size_t bad = detail::first_invalid_utf8(body); bad == std::string_view::npos) {
        if (looks_binary(body)) throw DecodeError("it looks like binary data, not text");
        d.text = std::string(body);
        repair_pasted_lines(d);
    } else {
        // Not UTF-8: the legacy encoding whose reading is most Vietnamese. The first 16 KiB decide
        // (a few thousand words: far more than the score needs, and each candidate is read in full).
        std::string_view sample = body.substr(0, 16384);
        double best = -1, second = -1;
        for (Encoding e : {Encoding::tcvn3, Encoding::vni, Encoding::viscii, Encoding::windows1258}) {
            std::size_t counted = 0;
            double sc = vietnamese_score(convert(sample, e), &counted);
            if (counted < 3) sc = 0;
            if (sc > best) {
                second = best;
                best = sc;
                d.encoding = e;
            } else if (sc > second) {
                second = sc;
            }
        }
        if (best < 0.6) {
            if (looks_binary(body)) throw DecodeError("it looks like binary data, not text");
            throw DecodeError("the text is not valid UTF-8 (byte " + std::to_string(bad + (bytes.size() - body.size())) +
                                  ") and does not read as Vietnamese in TCVN3, VNI, VISCII or Windows-1258; give --encoding if you know it",
                              bad + (bytes.size() - body.size()));
        }
        d.confidence = best;
        d.text = convert(body, d.encoding);
        if (best - second < 0.1) {
            d.warnings.push_back("the encoding " + std::string(to_string(d.encoding)) + " was chosen with little margin; give --encoding if the text looks wrong");
        }
    }
    return d;
}

}  // namespace

std::string_view to_string(Format f) {
    switch (f) {
        case Format::html: return "html";
        case Format::docx: return "docx";
        case Format::pdf: return "pdf";
        case Format::doc: return "doc";
        case Format::akn: return "akn";
        case Format::text: break;
    }
    return "text";
}

Decoded decode(std::string_view bytes, const DecodeOptions& options) {
    if (bytes.empty()) throw DecodeError("the file is empty");
    if (options.format == Format::doc) throw DecodeError("a .doc file is read by vanban::read_document (through antiword)");
    if (options.format ? *options.format == Format::akn : looks_like_akn(bytes)) {
        throw DecodeError("an Akoma Ntoso file is read by vanban::read_akn (as vanban::read_document does), not decoded as text");
    }
    if (std::string why = other_kind(bytes); !why.empty()) throw DecodeError(why);
    if (options.format ? *options.format == Format::pdf : bytes.starts_with("%PDF-")) {
        Decoded d;
        d.format = Format::pdf;
        d.text = detail::pdf_to_text(bytes);
        return d;
    }
    if (options.format ? *options.format == Format::docx : detail::looks_like_zip(bytes)) {
        Decoded d;
        d.format = Format::docx;
        d.text = detail::docx_to_text(bytes);
        if (only_whitespace(d.text)) throw DecodeError("the Word file holds no text");
        return d;
    }
    bool html = options.format ? *options.format == Format::html : detail::looks_like_html(bytes);
    if (!html) {
        Decoded d = decode_text(bytes, options);
        if (only_whitespace(d.text)) throw DecodeError("the file holds only whitespace");
        return d;
    }
    // A page: the charset it declares, unless given or untrue (a page saved as UTF-8 that still
    // declares its old charset); else found from the content as for a text.
    DecodeOptions o = options;
    if (!o.encoding) {
        if (auto declared = encoding_from_name(detail::declared_charset(bytes))) {
            bool untrue = *declared == Encoding::utf8 && detail::first_invalid_utf8(bytes) != std::string_view::npos;
            if (!untrue) o.encoding = declared;
        }
    }
    Decoded d = decode_text(bytes, o);
    d.text = detail::html_to_text(d.text);
    d.format = Format::html;
    if (only_whitespace(d.text)) throw DecodeError("the page holds no text");
    return d;
}

}  // namespace vanban
