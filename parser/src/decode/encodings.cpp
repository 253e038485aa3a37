// Converters (encodings.h). ICU where it has the encoding, glibc's iconv where only it has it, and
// VNI-Windows (which no library converts: it is a font encoding, a letter followed by mark bytes)
// through Windows-1252 and the rule of its sequences.
#include "encodings.h"

#include <iconv.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <cerrno>
#include <memory>

#include "../syllable.h"

namespace vanban::detail {

namespace {

std::string nfc_utf8(const icu::UnicodeString& u) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    icu::UnicodeString n = U_SUCCESS(status) ? nfc->normalize(u, status) : u;
    std::string out;
    (U_SUCCESS(status) ? n : u).toUTF8String(out);
    return out;
}

icu::UnicodeString icu_decode(std::string_view bytes, const char* codepage) {
    return icu::UnicodeString(bytes.data(), static_cast<int32_t>(bytes.size()), codepage);
}

// glibc's iconv from `codepage` to UTF-8; a byte it refuses becomes U+FFFD.
std::string iconv_decode(std::string_view bytes, const char* codepage) {
    iconv_t cd = iconv_open("UTF-8", codepage);
    if (cd == reinterpret_cast<iconv_t>(-1)) {
        throw DecodeError(std::string("this system's iconv cannot read ") + codepage + " (glibc's gconv modules are missing)");
    }
    std::unique_ptr<void, int (*)(iconv_t)> guard(cd, iconv_close);
    std::string out;
    out.reserve(bytes.size() * 2);
    char buf[8192];
    char* in = const_cast<char*>(bytes.data());
    std::size_t in_left = bytes.size();
    while (in_left > 0) {
        char* o = buf;
        std::size_t o_left = sizeof buf;
        std::size_t rc = iconv(cd, &in, &in_left, &o, &o_left);
        out.append(buf, static_cast<std::size_t>(o - buf));
        if (rc == static_cast<std::size_t>(-1)) {
            if (errno == E2BIG) continue;
            out += "\xEF\xBF\xBD";  // EILSEQ or EINVAL: one byte that does not convert
            ++in;
            --in_left;
        }
    }
    char* o = buf;
    std::size_t o_left = sizeof buf;
    iconv(cd, nullptr, nullptr, &o, &o_left);
    out.append(buf, static_cast<std::size_t>(o - buf));
    return out;
}

// VNI-Windows: letters typed as a base letter and mark bytes, shown by the VNI fonts. The marks, as
// Windows-1252 characters (lowercase and uppercase forms), and the combining marks they stand for.
struct VniMark {
    char16_t lower, upper;
    const char16_t* combining;
    bool breve, circumflex;  // the mark holds a breve (after a only) or a circumflex (after a, e, o)
};
constexpr VniMark kVniMarks[] = {
    {u'ù', u'Ù', u"\u0301", false, false}, {u'ø', u'Ø', u"\u0300", false, false}, {u'û', u'Û', u"\u0309", false, false},
    {u'õ', u'Õ', u"\u0303", false, false}, {u'ï', u'Ï', u"\u0323", false, false},
    {u'â', u'Â', u"\u0302", false, true},  {u'á', u'Á', u"\u0302\u0301", false, true},
    {u'à', u'À', u"\u0302\u0300", false, true}, {u'å', u'Å', u"\u0302\u0309", false, true},
    {u'ã', u'Ã', u"\u0302\u0303", false, true}, {u'ä', u'Ä', u"\u0302\u0323", false, true},
    {u'ê', u'Ê', u"\u0306", true, false},  {u'é', u'É', u"\u0306\u0301", true, false},
    {u'è', u'È', u"\u0306\u0300", true, false}, {u'ú', u'Ú', u"\u0306\u0309", true, false},
    {u'ü', u'Ü', u"\u0306\u0303", true, false}, {u'ë', u'Ë', u"\u0306\u0323", true, false},
};
// Letters VNI writes as one byte: ơ ư đ, and i and ỵ with their tones.
constexpr std::pair<char16_t, char16_t> kVniSingles[] = {
    {u'ô', u'ơ'}, {u'Ô', u'Ơ'}, {u'ö', u'ư'}, {u'Ö', u'Ư'}, {u'ñ', u'đ'}, {u'Ñ', u'Đ'}, {u'æ', u'ỉ'},
    {u'Æ', u'Ỉ'}, {u'ó', u'ĩ'}, {u'Ó', u'Ĩ'}, {u'ò', u'ị'}, {u'Ò', u'Ị'}, {u'î', u'ỵ'}, {u'Î', u'Ỵ'},
};

std::string vni_decode(std::string_view bytes) {
    icu::UnicodeString in = icu_decode(bytes, "windows-1252");
    icu::UnicodeString out;
    for (int32_t i = 0; i < in.length(); ++i) {
        char16_t c = in.charAt(i);
        for (auto [from, to] : kVniSingles) {
            if (c == from) {
                c = to;
                break;
            }
        }
        out.append(c);
        // A vowel takes the marks after it: a tone; a circumflex or breve, alone or with a tone.
        char16_t base = static_cast<char16_t>(u_tolower(c));
        bool vowel = base == u'a' || base == u'e' || base == u'o' || base == u'u' || base == u'y' || base == u'ơ' ||
                     base == u'ư';
        if (!vowel || i + 1 >= in.length()) continue;
        char16_t next = in.charAt(i + 1);
        for (const auto& m : kVniMarks) {
            if (next != m.lower && next != m.upper) continue;
            if (m.breve && base != u'a') break;
            if (m.circumflex && base != u'a' && base != u'e' && base != u'o') break;
            out.append(icu::UnicodeString(m.combining));
            ++i;
            break;
        }
    }
    return nfc_utf8(out);
}

bool is_ascii_separator(unsigned char c) {
    return c <= ' ' || (c < 0x80 && !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')));
}

}  // namespace

std::string convert(std::string_view bytes, Encoding e) {
    switch (e) {
        case Encoding::utf8: return nfc_utf8(icu::UnicodeString::fromUTF8(icu::StringPiece(bytes.data(), static_cast<int32_t>(bytes.size()))));
        case Encoding::utf16le: return nfc_utf8(icu_decode(bytes, "UTF-16LE"));
        case Encoding::utf16be: return nfc_utf8(icu_decode(bytes, "UTF-16BE"));
        case Encoding::windows1258: return nfc_utf8(icu_decode(bytes, "windows-1258"));
        case Encoding::tcvn3: return nfc_utf8(icu::UnicodeString::fromUTF8(iconv_decode(bytes, "TCVN5712-1")));
        case Encoding::viscii: return nfc_utf8(icu::UnicodeString::fromUTF8(iconv_decode(bytes, "VISCII")));
        case Encoding::vni: return vni_decode(bytes);
    }
    return std::string(bytes);
}

double vietnamese_score(std::string_view s, std::size_t* counted) {
    std::size_t words = 0, good = 0;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && is_ascii_separator(static_cast<unsigned char>(s[i]))) ++i;
        std::size_t start = i;
        bool non_ascii = false;
        while (i < s.size() && !is_ascii_separator(static_cast<unsigned char>(s[i]))) {
            non_ascii |= static_cast<unsigned char>(s[i]) >= 0x80;
            ++i;
        }
        if (!non_ascii || i == start) continue;
        std::string_view w = s.substr(start, i - start);
        // Digits around a word are not part of it ("2022)": the separators took the bracket).
        while (!w.empty() && w.front() >= '0' && w.front() <= '9') w.remove_prefix(1);
        while (!w.empty() && w.back() >= '0' && w.back() <= '9') w.remove_suffix(1);
        if (w.empty()) continue;
        // Typographic quotes and dashes glued to a word in any encoding: not counted against it.
        for (std::string_view q : {"\u201C", "\u201D", "\u2018", "\u2019", "\u2013", "\u2026"}) {
            while (w.starts_with(q)) w.remove_prefix(q.size());
            while (w.ends_with(q)) w.remove_suffix(q.size());
        }
        if (w.empty()) continue;
        bool letters_only = true;
        for (std::size_t k = 0; k < w.size();) {
            UChar32 c;
            U8_NEXT(w.data(), k, w.size(), c);
            if (c < 0 || !u_isalpha(c)) {
                letters_only = false;
                break;
            }
        }
        ++words;
        if (letters_only && is_syllable(w)) ++good;
    }
    if (counted) *counted = words;
    return words == 0 ? 0.0 : static_cast<double>(good) / static_cast<double>(words);
}

std::size_t first_invalid_utf8(std::string_view b) {
    for (std::size_t i = 0; i < b.size();) {
        UChar32 c;
        std::size_t at = i;
        U8_NEXT(b.data(), i, b.size(), c);
        if (c < 0) return at;
    }
    return std::string_view::npos;
}

}  // namespace vanban::detail
