// Text utilities shared by the parser's passes: UTF-8 walking, folding for comparisons, casing.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace vanban::detail {

/// ICU's U8_NEXT for what the inline fast path of next_cp leaves: 4-byte and ill-formed sequences.
char32_t next_cp_slow(std::string_view s, std::size_t& i);

/// Decodes the code point at s[i] and advances i. The input must be valid UTF-8
/// (Document::text always is); a stray byte is returned as U+FFFD and skipped.
/// One, two and three-byte sequences (all of Vietnamese) are decoded inline: this is the innermost
/// loop of every scanner.
inline char32_t next_cp(std::string_view s, std::size_t& i) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    unsigned b = p[i];
    if (b < 0x80) {
        ++i;
        return b;
    }
    if (b >= 0xC2 && b < 0xE0 && i + 1 < s.size() && (p[i + 1] & 0xC0) == 0x80) {
        char32_t cp = ((b & 0x1F) << 6) | (p[i + 1] & 0x3F);
        i += 2;
        return cp;
    }
    if ((b & 0xF0) == 0xE0 && i + 2 < s.size() && (p[i + 1] & 0xC0) == 0x80 && (p[i + 2] & 0xC0) == 0x80) {
        char32_t cp = ((b & 0x0F) << 12) | ((p[i + 1] & 0x3F) << 6) | (p[i + 2] & 0x3F);
        if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) {
            i += 3;
            return cp;
        }
    }
    return next_cp_slow(s, i);
}

/// Appends the UTF-8 encoding of cp.
void append_cp(std::string& out, char32_t cp);

/// Folds for comparison: lowercase, Vietnamese diacritics removed, đ -> d. Non-letters are kept
/// as they are, so byte lengths differ but the order of characters is preserved.
/// "Ủy ban" -> "uy ban", "hoà" and "hòa" -> "hoa", "ĐẢNG" -> "dang".
std::string fold(std::string_view s);

/// The spelling of s with tone placement made irrelevant: lowercase, each syllable's letters without
/// tone marks (circumflex, breve, horn and đ kept) followed by its tone. "Uỷ ban" and "ủy ban" agree;
/// "trưởng" and "trường", "bộ" and "bổ", "quận" and "quản" do not. Non-letters are kept.
std::string spelling(std::string_view s);

/// True when s is written without any Vietnamese diacritic ("So Y te"): its spelling says nothing.
bool is_plain_ascii(std::string_view s);

/// A folded copy with a map back to the original: `orig[i]` is the byte offset in the original of the
/// code point that produced folded byte i; `orig[text.size()]` is the original's size. Lets scanners
/// search the folded text and report spans in the original.
struct Folded {
    std::string text;
    std::vector<std::size_t> orig;
};

/// fold() with the offset map.
Folded fold_with_map(std::string_view s);

/// The part of `whole` (a fold of some text T) that covers T's bytes [a, b), with offsets relative to
/// a: the same as fold_with_map(T.substr(a, b - a)) when a and b are code point boundaries, but a copy
/// instead of a second fold.
Folded fold_slice(const Folded& whole, std::size_t a, std::size_t b);

/// ASCII slug of a name, for ids: fold(), every run of other characters one '-', none at either end
/// ("Báo Hà Nội mới" -> "bao-ha-noi-moi").
std::string slug(std::string_view name);

/// Lowercase (ICU simple case mapping, enough for Vietnamese).
std::string lower(std::string_view s);

/// Uppercases the first letter of s.
std::string capitalize_first(std::string_view s);

/// True when the code point is a letter (any script), an uppercase or a lowercase letter: ICU's
/// properties, answered inline for ASCII.
bool is_letter_slow(char32_t cp);
bool is_upper_slow(char32_t cp);
bool is_lower_slow(char32_t cp);
inline bool is_letter(char32_t cp) { return cp < 0x80 ? (cp | 0x20) - U'a' < 26 : is_letter_slow(cp); }
inline bool is_upper(char32_t cp) { return cp < 0x80 ? cp - U'A' < 26 : is_upper_slow(cp); }
inline bool is_lower(char32_t cp) { return cp < 0x80 ? cp - U'a' < 26 : is_lower_slow(cp); }

/// True when s has at least one letter and no lowercase letter ("THÀNH PHỐ HÀ NỘI").
bool is_all_caps(std::string_view s);

/// True when the first letter of s is uppercase.
bool starts_upper(std::string_view s);
/// True when the first letter of s is lowercase.
bool starts_lower(std::string_view s);

/// True when s contains a byte from `set` (ASCII). A table lookup per byte, unlike
/// string_view::find_first_of, which calls memchr once per byte.
bool has_any_of(std::string_view s, std::string_view set);

/// True when s contains an ASCII digit.
bool has_digit(std::string_view s);

/// Trims ASCII white space on both sides.
std::string_view trim(std::string_view s);

/// Collapses runs of spaces into one and trims.
std::string squeeze(std::string_view s);

/// True when fold(s) starts with the already-folded prefix `folded_prefix`.
bool fold_starts_with(std::string_view s, std::string_view folded_prefix);

/// Splits s on '\n' (the views point into s).
std::vector<std::string_view> split_lines(std::string_view s);

/// Puts a name printed in capitals into normal Vietnamese case:
/// "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI" -> "Ủy ban nhân dân Thành phố Hà Nội",
/// "BỘ KẾ HOẠCH VÀ ĐẦU TƯ" -> "Bộ Kế hoạch và Đầu tư". Text not in capitals is returned as is.
std::string normal_case_name(std::string_view caps);

}  // namespace vanban::detail
