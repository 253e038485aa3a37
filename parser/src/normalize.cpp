#include "normalize.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include "text.h"

namespace vanban::detail {

namespace {

// Cyrillic letters that look like Latin ones, and the Latin letter they stand for.
char32_t latin_lookalike(char32_t cp) {
    switch (cp) {
        case U'А': return U'A'; case U'В': return U'B'; case U'Е': return U'E'; case U'К': return U'K';
        case U'М': return U'M'; case U'Н': return U'H'; case U'О': return U'O'; case U'Р': return U'P';
        case U'С': return U'C'; case U'Т': return U'T'; case U'Х': return U'X'; case U'І': return U'I';
        case U'Ј': return U'J'; case U'Ѕ': return U'S'; case U'а': return U'a'; case U'е': return U'e';
        case U'о': return U'o'; case U'р': return U'p'; case U'с': return U'c'; case U'у': return U'y';
        case U'х': return U'x'; case U'і': return U'i'; case U'ј': return U'j'; case U'ѕ': return U's';
        default: return 0;
    }
}

bool is_cyrillic(char32_t cp) { return cp >= 0x400 && cp <= 0x4FF; }

// Replaces Cyrillic look-alikes in words that are not genuinely Cyrillic: a word is rewritten when
// it contains a Latin letter, or when every Cyrillic letter in it has a Latin look-alike.
void fix_lookalikes(std::u32string& s) {
    std::size_t i = 0;
    while (i < s.size()) {
        if (!is_letter(s[i])) {
            ++i;
            continue;
        }
        std::size_t j = i;
        bool cyr = false, latin = false, all_lookalike = true;
        while (j < s.size() && (is_letter(s[j]) || (s[j] >= 0x300 && s[j] <= 0x36F))) {
            if (is_cyrillic(s[j])) {
                cyr = true;
                if (!latin_lookalike(s[j])) all_lookalike = false;
            } else if (s[j] < 0x250 && is_letter(s[j])) {
                latin = true;
            }
            ++j;
        }
        if (cyr && (latin || all_lookalike)) {
            for (std::size_t k = i; k < j; ++k) {
                if (char32_t l = latin_lookalike(s[k])) s[k] = l;
            }
        }
        i = j;
    }
}

bool is_space_like(char32_t cp) {
    return cp == '\t' || cp == 0x0B || cp == 0x0C || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
           cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

bool is_dropped(char32_t cp) {
    return cp == 0xFEFF || cp == 0x00AD || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0x180E ||
           (cp < 0x20 && cp != '\n') || cp == 0x7F || (cp >= 0x80 && cp < 0xA0);
}

}  // namespace

std::string to_nfc(std::string_view utf8) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) return std::string(utf8);
    // Fast path: text already in NFC (the common case) is returned as is.
    if (nfc->isNormalizedUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())), status) &&
        U_SUCCESS(status)) {
        return std::string(utf8);
    }
    status = U_ZERO_ERROR;
    std::string out;
    out.reserve(utf8.size());
    icu::StringByteSink<std::string> sink(&out);
    nfc->normalizeUTF8(0, icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())), sink, nullptr, status);
    if (U_FAILURE(status)) return std::string(utf8);
    return out;
}

std::string to_nfd(std::string_view utf8) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    if (U_FAILURE(status)) return std::string(utf8);
    std::string out;
    icu::StringByteSink<std::string> sink(&out);
    nfd->normalizeUTF8(0, icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())), sink, nullptr, status);
    return U_FAILURE(status) ? std::string(utf8) : out;
}

// True when the bytes are valid UTF-8 that needs nothing but NFC: no CR, no control or zero-width
// characters, no special spaces, no BOM, no Cyrillic. Most documents are; they skip the slow path.
bool already_clean(std::string_view bytes) {
    const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
    const auto size = static_cast<int32_t>(bytes.size());
    int32_t i = 0;
    while (i < size) {
        uint8_t b = data[i];
        if (b < 0x80) {
            if ((b < 0x20 && b != '\n') || b == 0x7F) return false;
            ++i;
            continue;
        }
        // Vietnamese letters and combining marks (U+00C0..U+03FF: lead bytes C3..CF; U+1E00..U+1EFF:
        // E1 B8..BB) are none of the characters below: skip them without decoding.
        if (b >= 0xC3 && b <= 0xCF && i + 1 < size && (data[i + 1] & 0xC0) == 0x80) {
            i += 2;
            continue;
        }
        if (b == 0xE1 && i + 2 < size && data[i + 1] >= 0xB8 && data[i + 1] <= 0xBB && (data[i + 2] & 0xC0) == 0x80) {
            i += 3;
            continue;
        }
        UChar32 c = 0;
        U8_NEXT(data, i, size, c);
        if (c < 0) return false;
        auto cp = static_cast<char32_t>(c);
        if (is_space_like(cp) || is_dropped(cp) || is_cyrillic(cp) || cp == 0x2028 || cp == 0x2029 || cp == 0x85) return false;
    }
    return true;
}

Normalized normalize(std::string_view bytes) {
    Normalized result;
    if (already_clean(bytes)) {
        result.text = to_nfc(bytes);
        return result;
    }
    std::u32string cps;
    cps.reserve(bytes.size());
    bool has_cyrillic = false;
    const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
    const auto size = static_cast<int32_t>(bytes.size());
    int32_t i = 0;
    while (i < size) {
        int32_t start = i;
        UChar32 c = 0;
        U8_NEXT(data, i, size, c);
        if (c < 0) {
            result.invalid.push_back({static_cast<std::size_t>(start), data[start]});
            cps.push_back(U'\uFFFD');
            continue;
        }
        auto cp = static_cast<char32_t>(c);
        if (cp == '\r') {
            if (i < size && data[i] == '\n') ++i;
            cps.push_back('\n');
        } else if (cp == 0x2028 || cp == 0x2029 || cp == 0x85) {
            cps.push_back('\n');
        } else if (is_space_like(cp)) {
            cps.push_back(' ');
        } else if (is_dropped(cp)) {
            continue;
        } else {
            if (is_cyrillic(cp)) has_cyrillic = true;
            cps.push_back(cp);
        }
    }
    if (has_cyrillic) fix_lookalikes(cps);
    std::string utf8;
    utf8.reserve(bytes.size());
    for (char32_t cp : cps) append_cp(utf8, cp);
    result.text = to_nfc(utf8);
    return result;
}

}  // namespace vanban::detail
