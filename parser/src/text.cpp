#include "text.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstring>

#include "places.h"

namespace vanban::detail {

char32_t next_cp_slow(std::string_view s, std::size_t& i) {
    UChar32 c = 0;
    int32_t pos = static_cast<int32_t>(i);
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), pos, static_cast<int32_t>(s.size()), c);
    i = static_cast<std::size_t>(pos);
    return c < 0 ? U'\uFFFD' : static_cast<char32_t>(c);
}

void append_cp(std::string& out, char32_t cp) {
    char buf[4];
    int32_t n = 0;
    UBool err = false;
    U8_APPEND(reinterpret_cast<uint8_t*>(buf), n, 4, static_cast<UChar32>(cp), err);
    if (err) {
        out += "\xEF\xBF\xBD";
        return;
    }
    out.append(buf, static_cast<std::size_t>(n));
}

namespace {

// Base letter of every code point below U+1F00 (Latin-1, Latin Extended, Vietnamese block),
// lowercased, found once by ICU canonical decomposition. 0 means "no ASCII base letter".
// Folding by table keeps comparisons fast; a Transliterator would be 30-80x slower.
const std::array<char, 0x1F00>& fold_table() {
    static const std::array<char, 0x1F00> table = [] {
        std::array<char, 0x1F00> t{};
        UErrorCode status = U_ZERO_ERROR;
        const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
        for (UChar32 c = 0; c < 0x1F00; ++c) {
            if (c < 0x80) {
                t[c] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
                continue;
            }
            if (c == 0x0110 || c == 0x0111) {  // Đ đ: no decomposition, folded by convention
                t[c] = 'd';
                continue;
            }
            icu::UnicodeString d;
            if (U_SUCCESS(status) && nfd->getDecomposition(c, d) && d.length() > 0) {
                UChar32 base = d.char32At(0);
                if (base < 0x80 && u_isalpha(base)) t[c] = static_cast<char>(u_tolower(base));
            }
        }
        return t;
    }();
    return table;
}

// The base letter (tone mark removed, other marks kept) and the tone (0 none, 1-5) of every code point
// below U+1F00, found once by ICU decomposition.
struct Toned {
    char32_t base = 0;
    char tone = 0;
};

const std::array<Toned, 0x1F00>& tone_table() {
    static const std::array<Toned, 0x1F00> table = [] {
        std::array<Toned, 0x1F00> t{};
        UErrorCode status = U_ZERO_ERROR;
        const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
        const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
        for (UChar32 c = 0; c < 0x1F00; ++c) {
            UChar32 lc = u_tolower(c);
            t[c].base = static_cast<char32_t>(lc);
            icu::UnicodeString d;
            if (U_FAILURE(status) || !nfd->getDecomposition(lc, d)) continue;
            icu::UnicodeString rest;
            for (int32_t k = 0; k < d.length(); k = d.moveIndex32(k, 1)) {
                UChar32 m = d.char32At(k);
                switch (m) {
                    case 0x0300: t[c].tone = 1; break;  // huyền
                    case 0x0301: t[c].tone = 2; break;  // sắc
                    case 0x0303: t[c].tone = 3; break;  // ngã
                    case 0x0309: t[c].tone = 4; break;  // hỏi
                    case 0x0323: t[c].tone = 5; break;  // nặng
                    default: rest.append(m);
                }
            }
            icu::UnicodeString composed = nfc->normalize(rest, status);
            if (U_SUCCESS(status) && composed.length() > 0) t[c].base = static_cast<char32_t>(composed.char32At(0));
        }
        return t;
    }();
    return table;
}

}  // namespace

namespace {

// Writes the fold of the code point just read at out[n]. Keeps out.size() - n >= left (the input bytes
// still to read), which every other write (one byte for at least one read) preserves: out grows in the
// rare case a fold is longer in UTF-8 than what was read (U+023A -> U+2C65, a stray byte -> U+FFFD).
void put_folded(std::string& out, std::size_t& n, char32_t cp, const std::array<char, 0x1F00>& table,
                std::size_t left) {
    if (cp < 0x1F00 && table[cp] != 0) {
        out[n++] = table[cp];
        return;
    }
    char buf[4];
    int32_t len = 0;
    UBool err = false;
    U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, static_cast<UChar32>(u_tolower(static_cast<UChar32>(cp))), err);
    if (err) {
        std::memcpy(buf, "\xEF\xBF\xBD", 3);
        len = 3;
    }
    if (n + static_cast<std::size_t>(len) + left > out.size()) out.resize(n + static_cast<std::size_t>(len) + left);
    std::memcpy(out.data() + n, buf, static_cast<std::size_t>(len));
    n += static_cast<std::size_t>(len);
}

}  // namespace

std::string fold(std::string_view s) {
    static const auto& table = fold_table();
    // Folding shortens or keeps every character but a handful (see put_folded), so the output is
    // written in place into a buffer the size of the input.
    std::string out(s.size(), '\0');
    std::size_t n = 0;
    std::size_t i = 0;
    while (i < s.size()) {
        auto b = static_cast<unsigned char>(s[i]);
        if (b < 0x80) {
            out[n++] = static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b);
            ++i;
            continue;
        }
        char32_t cp = next_cp(s, i);
        if (cp < 0x1F00) {
            if (cp >= 0x300 && cp <= 0x36F) continue;  // stray combining mark
            if (char t = table[cp]) {
                out[n++] = t;
                continue;
            }
        }
        put_folded(out, n, cp, table, s.size() - i);
    }
    out.resize(n);
    return out;
}

std::string spelling(std::string_view s) {
    static const auto& table = tone_table();
    std::string out;
    char tone = 0;
    bool in_word = false;
    std::size_t i = 0;
    auto end_word = [&] {
        if (in_word && tone) out += static_cast<char>('0' + tone);
        in_word = false;
        tone = 0;
    };
    while (i < s.size()) {
        char32_t cp = next_cp(s, i);
        // A combining tone mark (NFD input).
        if (cp == 0x300 || cp == 0x301 || cp == 0x303 || cp == 0x309 || cp == 0x323) {
            tone = cp == 0x300 ? 1 : cp == 0x301 ? 2 : cp == 0x303 ? 3 : cp == 0x309 ? 4 : 5;
            continue;
        }
        if (!is_letter(cp)) {
            end_word();
            append_cp(out, cp);
            continue;
        }
        in_word = true;
        if (cp < 0x1F00) {
            const Toned& t = table[cp];
            if (t.tone) tone = t.tone;
            append_cp(out, t.base);
        } else {
            append_cp(out, static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp))));
        }
    }
    end_word();
    return out;
}

bool is_plain_ascii(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

Folded fold_with_map(std::string_view s) {
    static const auto& table = fold_table();
    Folded f;
    f.text.assign(s.size(), '\0');
    // Appended rather than resized first: the map is eight times the text, and zeroing it first would
    // write it twice.
    f.orig.reserve(s.size() + 1);
    std::size_t n = 0;
    std::size_t i = 0;
    while (i < s.size()) {
        std::size_t start = i;
        auto b = static_cast<unsigned char>(s[i]);
        if (b < 0x80) {
            f.text[n++] = static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b);
            f.orig.push_back(start);
            ++i;
            continue;
        }
        char32_t cp = next_cp(s, i);
        if (cp < 0x1F00) {
            if (cp >= 0x300 && cp <= 0x36F) continue;
            if (char t = table[cp]) {
                f.text[n++] = t;
                f.orig.push_back(start);
                continue;
            }
        }
        std::size_t before = n;
        put_folded(f.text, n, cp, table, s.size() - i);
        for (std::size_t k = before; k < n; ++k) f.orig.push_back(start);
    }
    f.text.resize(n);
    f.orig.push_back(s.size());
    return f;
}

Folded fold_slice(const Folded& whole, std::size_t a, std::size_t b) {
    auto first = std::lower_bound(whole.orig.begin(), whole.orig.end() - 1, a);
    auto last = std::lower_bound(first, whole.orig.end() - 1, b);
    auto ia = static_cast<std::size_t>(first - whole.orig.begin());
    auto ib = static_cast<std::size_t>(last - whole.orig.begin());
    Folded f;
    f.text = whole.text.substr(ia, ib - ia);
    f.orig.reserve(ib - ia + 1);
    f.orig.assign(first, last);
    for (auto& o : f.orig) o -= a;
    f.orig.push_back(b - a);
    return f;
}

std::string slug(std::string_view name) {
    std::string out;
    for (char c : fold(name)) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            out += c;
        } else if (!out.empty() && out.back() != '-') {
            out += '-';
        }
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out;
}

std::string lower(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        char32_t cp = next_cp(s, i);
        append_cp(out, static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp))));
    }
    return out;
}

std::string capitalize_first(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    bool done = false;
    while (i < s.size()) {
        char32_t cp = next_cp(s, i);
        if (!done && is_letter(cp)) {
            cp = static_cast<char32_t>(u_toupper(static_cast<UChar32>(cp)));
            done = true;
        }
        append_cp(out, cp);
    }
    return out;
}

bool is_letter_slow(char32_t cp) { return u_isalpha(static_cast<UChar32>(cp)); }
bool is_upper_slow(char32_t cp) { return u_isupper(static_cast<UChar32>(cp)); }
bool is_lower_slow(char32_t cp) { return u_islower(static_cast<UChar32>(cp)); }

bool is_all_caps(std::string_view s) {
    bool letter = false;
    std::size_t i = 0;
    while (i < s.size()) {
        char32_t cp = next_cp(s, i);
        if (is_lower(cp)) return false;
        if (is_letter(cp)) letter = true;
    }
    return letter;
}

bool starts_upper(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        char32_t cp = next_cp(s, i);
        if (is_letter(cp)) return is_upper(cp);
    }
    return false;
}

bool starts_lower(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        char32_t cp = next_cp(s, i);
        if (is_letter(cp)) return is_lower(cp);
        if (cp >= '0' && cp <= '9') return false;
    }
    return false;
}

bool has_any_of(std::string_view s, std::string_view set) {
    bool table[256] = {};
    for (char c : set) table[static_cast<unsigned char>(c)] = true;
    for (char c : s) {
        if (table[static_cast<unsigned char>(c)]) return true;
    }
    return false;
}

bool has_digit(std::string_view s) {
    for (char c : s) {
        if (c >= '0' && c <= '9') return true;
    }
    return false;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n')) s.remove_suffix(1);
    return s;
}

std::string squeeze(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : trim(s)) {
        if (c == ' ' || c == '\t') {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += c;
        }
    }
    return out;
}

bool fold_starts_with(std::string_view s, std::string_view folded_prefix) {
    // Fold code point by code point and stop at the first difference: no allocation.
    static const auto& table = fold_table();
    std::size_t i = 0, k = 0;
    while (k < folded_prefix.size()) {
        if (i >= s.size()) return false;
        unsigned char b = static_cast<unsigned char>(s[i]);
        if (b < 0x80) {
            char c = static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b);
            if (c != folded_prefix[k]) return false;
            ++i, ++k;
            continue;
        }
        char32_t cp = next_cp(s, i);
        if (cp >= 0x300 && cp <= 0x36F) continue;
        if (cp < 0x1F00 && table[cp] != 0) {
            if (table[cp] != folded_prefix[k]) return false;
            ++k;
            continue;
        }
        std::string one;
        append_cp(one, static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp))));
        if (folded_prefix.compare(k, one.size(), one) != 0) return false;
        k += one.size();
    }
    return true;
}

std::vector<std::string_view> split_lines(std::string_view s) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (start <= s.size()) {
        std::size_t nl = s.find('\n', start);
        if (nl == std::string_view::npos) {
            out.push_back(s.substr(start));
            break;
        }
        out.push_back(s.substr(start, nl - start));
        start = nl + 1;
    }
    return out;
}

namespace {

std::vector<std::string> words_of(std::string_view s) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : s) {
        if (c == ' ') {
            if (!cur.empty()) out.push_back(std::move(cur)), cur.clear();
        } else {
            cur += c;
        }
    }
    if (!cur.empty()) out.push_back(std::move(cur));
    return out;
}

// Words after which the next word begins the proper part of an agency's name
// ("Bộ Kế hoạch", "Sở Y tế", "Ban Tuyên giáo"). Folded.
bool is_kind_word(const std::vector<std::string>& folded, std::size_t i, std::size_t& len) {
    static const char* const two[] = {"tong cuc", "van phong", "hoc vien", "chi cuc", "thanh tra",
                                      "dai hoc", "trung tam"};
    static const char* const one[] = {"bo", "so", "ban", "cuc", "vu", "vien", "truong", "hoi", "dai", "bao", "phong", "kho"};
    if (i + 1 < folded.size()) {
        std::string pair = folded[i] + " " + folded[i + 1];
        for (const char* t : two) {
            if (pair == t) {
                len = 2;
                return true;
            }
        }
    }
    for (const char* o : one) {
        if (folded[i] == o) {
            len = 1;
            return true;
        }
    }
    return false;
}

}  // namespace

std::string normal_case_name(std::string_view caps) {
    if (!is_all_caps(caps)) return std::string(caps);
    std::vector<std::string> words = words_of(lower(squeeze(caps)));
    std::vector<std::string> folded;
    folded.reserve(words.size());
    for (const auto& w : words) folded.push_back(fold(w));
    std::vector<bool> cap(words.size(), false);
    std::vector<bool> cap_after_dash(words.size(), false);
    if (!words.empty()) cap[0] = true;

    // Abbreviations stay in capitals.
    static const char* const abbreviations[] = {"ubnd", "hdnd", "mttq", "tw", "tp", "bcd", "dbqh", "covid-19", "vn", "ctcp", "tnhh"};
    std::vector<bool> keep_caps(words.size(), false);
    for (std::size_t i = 0; i < words.size(); ++i) {
        for (const char* a : abbreviations) {
            if (folded[i] == a) keep_caps[i] = true;
        }
    }
    // Proper names: places and the names of state and Party bodies, matched on whole words.
    struct ProperName {
        std::vector<std::string> folded;
        std::vector<bool> upper;
    };
    static const std::vector<ProperName> names = [] {
        std::vector<ProperName> out;
        for (std::string_view name : proper_names()) {
            ProperName p;
            p.folded = words_of(fold(name));
            for (const auto& w : words_of(name)) p.upper.push_back(starts_upper(w));
            out.push_back(std::move(p));
        }
        return out;
    }();
    for (std::size_t i = 0; i < words.size(); ++i) {
        for (const auto& name : names) {
            const auto& nw = name.folded;
            if (i + nw.size() > words.size() || folded[i] != nw[0]) continue;
            bool match = true;
            for (std::size_t k = 1; k < nw.size() && match; ++k) match = folded[i + k] == nw[k];
            if (!match) continue;
            // Capitalize the words the canonical spelling capitalizes.
            for (std::size_t k = 0; k < nw.size(); ++k) {
                if (name.upper[k]) cap[i + k] = true;
            }
        }
    }
    // "thành phố" before a city name is part of the name: "Thành phố Hà Nội".
    for (std::size_t i = 0; i + 2 < words.size(); ++i) {
        if (folded[i] == "thanh" && folded[i + 1] == "pho" && cap[i + 2]) cap[i] = true;
    }
    // A place named after its administrative unit: every syllable of the name is capitalized (Nghị định
    // 30/2020/NĐ-CP, Phụ lục II: "quận Hoàn Kiếm", "phường Ba Đình", "đặc khu Phú Quốc"), up to a
    // word that ends the name. Not "xã hội", nor a Party committee ("Quận ủy", "Tỉnh ủy").
    for (std::size_t i = 0; i + 1 < words.size(); ++i) {
        std::size_t len = 0;
        const std::string& a = folded[i];
        const std::string b = i + 1 < words.size() ? folded[i + 1] : "";
        // A Party committee is a name of its own: "Tỉnh ủy", "Thành ủy", "Huyện ủy", "Đảng ủy".
        if (b == "uy" && (a == "tinh" || a == "thanh" || a == "huyen" || a == "quan" || a == "thi" || a == "dang")) {
            cap[i] = true;
        }
        if ((a == "thi" && (b == "xa" || b == "tran")) || (a == "dac" && b == "khu")) len = 2;
        else if (a == "quan" || a == "huyen" || a == "phuong" || a == "xa" || a == "tinh") len = 1;
        if (len == 0 || i + len >= words.size() || words[i + len - 1].back() == ',') continue;
        if (folded[i + len] == "uy" && a != "xa") ++len;  // "Huyện ủy Gia Lâm": the name follows "ủy"
        if (i + len >= words.size()) continue;
        const std::string& next = folded[i + len];
        if (next == "uy" || next == "hoi" || next == "doi" || next == "va" || next == "ly" || next == "tri" ||
            next == "le" || next == "bo" || next == "thanh" || next == "dan" || next == "vien") {
            continue;  // "Tỉnh ủy", "xã hội", "quân đội"-like words and common nouns, not a name
        }
        for (std::size_t j = i + len; j < words.size(); ++j) {
            static const char* const stops[] = {"va", "ve", "cua", "tai", "tren", "cho", "thuoc", "trong", "theo", "nam"};
            bool stop = false;
            for (const char* w : stops) stop |= folded[j] == w;
            if (stop || words[j] == "-") break;
            cap[j] = true;
            if (words[j].back() == ',') break;
        }
    }
    // After an agency kind word, each coordinated part of the name starts with a capital:
    // "Bộ Lao động - Thương binh và Xã hội", "Sở Văn hóa, Thể thao và Du lịch".
    for (std::size_t i = 0; i + 1 < words.size(); ++i) {
        std::size_t len = 0;
        bool at_name_start = i == 0 || folded[i - 1] == "va" || words[i - 1] == "-" || words[i - 1].back() == ',';
        if (!at_name_start || !is_kind_word(folded, i, len) || i + len >= words.size()) continue;
        cap[i] = true;
        std::size_t j = i + len;
        cap[j] = true;
        // "Lao động-Thương binh": a hyphen inside a word joins two parts of the name.
        for (; j < words.size(); ++j) {
            static const char* const stops[] = {"ve", "cua", "tai", "tren", "cho", "thuoc", "trong", "doi", "voi", "quoc"};
            bool stop = false;
            for (const char* w : stops) stop |= folded[j] == w;
            if (stop) break;
            if (words[j].find('-') != std::string::npos && words[j] != "-") cap_after_dash[j] = true;
            if (j + 1 >= words.size()) break;
            if (folded[j] == "va" || words[j] == "-" || words[j].back() == ',') cap[j + 1] = true;
            std::size_t l2 = 0;
            if (is_kind_word(folded, j + 1, l2)) break;
        }
    }
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i) out += ' ';
        if (keep_caps[i]) {
            std::string up;
            std::size_t k = 0;
            while (k < words[i].size()) append_cp(up, static_cast<char32_t>(u_toupper(static_cast<UChar32>(next_cp(words[i], k)))));
            out += up;
        } else {
            std::string w = cap[i] ? capitalize_first(words[i]) : words[i];
            if (cap_after_dash[i]) {
                std::size_t d = w.find('-');
                w = w.substr(0, d + 1) + capitalize_first(std::string_view(w).substr(d + 1));
            }
            out += w;
        }
    }
    return out;
}

}  // namespace vanban::detail

namespace vanban {

std::string fold_text(std::string_view utf8) { return detail::fold(utf8); }

}  // namespace vanban
