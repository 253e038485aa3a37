#include "syllable.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>

#include <array>
#include <cstdint>
#include <unordered_set>
#include <string_view>

#include "text.h"

namespace vanban::detail {

std::string toneless(std::string_view word);

namespace {

// Toneless lowercase form of every code point below U+1F00, found once by ICU canonical
// decomposition: tone marks dropped, vowel shapes (circumflex, breve, horn) kept.
const std::array<char32_t, 0x1F00>& toneless_table() {
    static const std::array<char32_t, 0x1F00> table = [] {
        std::array<char32_t, 0x1F00> t{};
        UErrorCode status = U_ZERO_ERROR;
        const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
        const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
        for (UChar32 c = 0; c < 0x1F00; ++c) {
            t[c] = static_cast<char32_t>(u_tolower(c));
            if (c < 0xC0 || U_FAILURE(status)) continue;
            icu::UnicodeString d;
            if (!nfd->getDecomposition(c, d)) continue;
            icu::UnicodeString kept;
            for (int32_t i = 0; i < d.length(); ++i) {
                UChar u = d.charAt(i);
                if (u == 0x300 || u == 0x301 || u == 0x303 || u == 0x309 || u == 0x323) continue;  // tones
                kept.append(u);
            }
            UErrorCode s2 = U_ZERO_ERROR;
            icu::UnicodeString composed = nfc->normalize(kept, s2);
            if (U_SUCCESS(s2) && composed.countChar32() == 1) t[c] = static_cast<char32_t>(u_tolower(composed.char32At(0)));
        }
        return t;
    }();
    return table;
}

// Onsets, longest first.
constexpr std::string_view kOnsets[] = {"ngh", "ch", "gh", "gi", "kh", "ng", "nh", "ph", "qu", "th", "tr", "b", "c",
                                        "d",   "đ",  "g",  "h",  "k",  "l",  "m",  "n",  "p",  "r",  "s",  "t",  "v",
                                        "x",   ""};

// Rhymes of Vietnamese syllables, toneless (the closed list of vần).
constexpr std::string_view kRhymes[] = {
    "a", "ai", "ao", "au", "ay", "âu", "ây", "e", "eo", "ê", "êu", "i", "ia", "iu", "iêu", "o", "oa", "oai", "oay",
    "oao", "oe", "oeo", "oi", "ô", "ôi", "ơ", "ơi", "u", "ua", "uây", "ui", "uê", "uy", "uya", "uyu", "uơ", "ư",
    "ưa", "ưi", "ưu", "ươi", "ươu", "y", "yêu", "uôi", "uêu",
    "an", "ang", "anh", "am", "ap", "at", "ac", "ach", "ăn", "ăng", "ăm", "ăp", "ăt", "ăc", "ân", "âng", "âm", "âp",
    "ât", "âc", "en", "eng", "em", "ep", "et", "ec", "ên", "ênh", "êm", "êp", "êt", "êch", "in", "inh", "im", "ip",
    "it", "ich", "on", "ong", "om", "op", "ot", "oc", "ôn", "ông", "ôm", "ôp", "ôt", "ôc", "ơn", "ơm", "ơp", "ơt",
    "un", "ung", "um", "up", "ut", "uc", "ưn", "ưng", "ưm", "ưt", "ưc", "iên", "iêng", "iêm", "iêp", "iêt", "iêc",
    "uôn", "uông", "uôm", "uôt", "uôc", "ươn", "ương", "ươm", "ươp", "ươt", "ươc", "oan", "oang", "oanh", "oăn",
    "oăng", "oăm", "oăt", "oăc", "oat", "oac", "oach", "oen", "oet", "oem", "uân", "uâng", "uât", "uyên", "uyêt",
    "uynh", "uych", "uyt", "uyn", "yên", "yêt", "yêm", "oong", "ooc", "uênh", "uêch", "uêt", "oam", "oap", "uơn",
    "uyêng", "ên", "uôm", "ưu",
};

// A toneless lowercase word of at most 8 code points, without allocation.
struct Small {
    char32_t cp[8];
    std::size_t n = 0;
    bool ok = true;  // false: too long or not letters only
};

Small small_toneless(std::string_view word);

// Rhymes and onsets packed into integers: 5 bits per letter (the 29 Vietnamese letters, plus f, j, w,
// z as "other"), so membership is a hash lookup on a 64-bit key.
int letter_code(char32_t c) {
    static constexpr std::u32string_view letters = U"aăâbcdđeêghiklmnoôơpqrstuưvxy";
    std::size_t p = letters.find(c);
    return p == std::u32string_view::npos ? 31 : static_cast<int>(p) + 1;
}

std::uint64_t pack(const char32_t* cp, std::size_t n) {
    std::uint64_t k = n;
    for (std::size_t i = 0; i < n; ++i) k = (k << 5) | static_cast<std::uint64_t>(letter_code(cp[i]));
    return k;
}

struct Tables {
    std::unordered_set<std::uint64_t> rhymes, rhyme_prefixes;
    std::vector<std::u32string> onsets;  // longest first, "" last
};

const Tables& tables() {
    static const Tables t = [] {
        Tables t;
        auto to32 = [](std::string_view s) {
            std::u32string out;
            std::size_t i = 0;
            while (i < s.size()) out += next_cp(s, i);
            return out;
        };
        for (auto r : kRhymes) {
            std::u32string u = to32(r);
            t.rhymes.insert(pack(u.data(), u.size()));
            for (std::size_t n = 0; n <= u.size(); ++n) t.rhyme_prefixes.insert(pack(u.data(), n));
        }
        for (auto o : kOnsets) t.onsets.push_back(to32(o));
        return t;
    }();
    return t;
}

bool starts_with(const Small& w, const std::u32string& o) {
    if (o.size() > w.n) return false;
    for (std::size_t i = 0; i < o.size(); ++i) {
        if (w.cp[i] != o[i]) return false;
    }
    return true;
}

bool syllable_of(const Small& w) {
    if (!w.ok || w.n == 0) return false;
    const Tables& t = tables();
    for (const auto& o : t.onsets) {
        if (starts_with(w, o) && t.rhymes.contains(pack(w.cp + o.size(), w.n - o.size()))) return true;
    }
    return false;
}

bool syllable_prefix_of(const Small& w) {
    if (!w.ok) return false;
    const Tables& t = tables();
    for (const auto& o : t.onsets) {
        if (!o.empty() && o.size() >= w.n) {
            bool prefix = true;
            for (std::size_t i = 0; i < w.n; ++i) prefix &= o[i] == w.cp[i];
            if (prefix) return true;
        }
        if (starts_with(w, o) && t.rhyme_prefixes.contains(pack(w.cp + o.size(), w.n - o.size()))) return true;
    }
    return false;
}

bool letters_only(std::string_view s) {
    if (s.empty()) return false;
    std::size_t i = 0;
    while (i < s.size()) {
        if (!is_letter(next_cp(s, i))) return false;
    }
    return true;
}

std::size_t cp_count(std::string_view s) {
    std::size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

bool has_tone_or_shape(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        if (next_cp(s, i) >= 0xC0) return true;
    }
    return false;
}

// A token without its trailing punctuation: "inh," -> "inh".
std::string_view core_of(std::string_view s) {
    while (!s.empty() && std::string_view(",.;:)!?").find(s.back()) != std::string_view::npos) s.remove_suffix(1);
    return s;
}

bool is_onset_only(std::string_view s) {
    Small w = small_toneless(s);
    if (!w.ok) return false;
    for (const auto& o : tables().onsets) {
        if (!o.empty() && o.size() == w.n && starts_with(w, o)) return true;
    }
    return false;
}

bool starts_with_vowel(std::string_view s) {
    if (s.empty()) return false;
    std::string t = toneless(s.substr(0, std::min<std::size_t>(s.size(), 4)));
    std::size_t i = 0;
    char32_t c = next_cp(t, i);
    return std::u32string_view(U"aăâeêioôơuưy").find(c) != std::u32string_view::npos;
}

}  // namespace

std::string toneless(std::string_view word) {
    const auto& table = toneless_table();
    std::string out;
    out.reserve(word.size());
    std::size_t i = 0;
    while (i < word.size()) {
        char32_t cp = next_cp(word, i);
        append_cp(out, cp < 0x1F00 ? table[cp] : static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp))));
    }
    return out;
}

namespace {

Small small_toneless(std::string_view word) {
    const auto& table = toneless_table();
    Small w;
    std::size_t i = 0;
    while (i < word.size()) {
        char32_t cp = next_cp(word, i);
        if (w.n == 8 || !is_letter(cp)) {
            w.ok = false;
            return w;
        }
        w.cp[w.n++] = cp < 0x1F00 ? table[cp] : static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp)));
    }
    return w;
}

}  // namespace

bool is_syllable(std::string_view word) { return syllable_of(small_toneless(word)); }

bool is_syllable_prefix(std::string_view word) { return syllable_prefix_of(small_toneless(word)); }

int join_fragments(std::string& line, SyllableCache* cache) {
    // Fast path: nothing to do unless some short word is not a syllable, or is a lone vowel with a
    // diacritic (the middle of "nhi ệ m").
    {
        bool candidate = false;
        std::size_t i = 0;
        while (i < line.size() && !candidate) {
            while (i < line.size() && line[i] == ' ') ++i;
            std::size_t j = line.find(' ', i);
            if (j == std::string::npos) j = line.size();
            std::string_view tok = core_of(std::string_view(line).substr(i, j - i));
            if (!tok.empty() && cp_count(tok) <= 4) {
                auto check = [&] {
                    Small w = small_toneless(tok);
                    return w.ok && (!syllable_of(w) || (w.n == 1 && has_tone_or_shape(tok)));
                };
                if (cache) {
                    auto it = cache->find(tok);
                    if (it == cache->end()) it = cache->emplace(std::string(tok), check()).first;
                    candidate = it->second;
                } else {
                    candidate = check();
                }
            }
            i = j;
        }
        if (!candidate) return 0;
    }
    std::vector<std::string> toks;
    std::size_t i = 0;
    while (i <= line.size()) {
        std::size_t sp = line.find(' ', i);
        if (sp == std::string::npos) sp = line.size();
        toks.push_back(line.substr(i, sp - i));
        i = sp + 1;
    }
    int joins = 0;
    // Pass 1: a lone vowel with a diacritic between two fragments that make one syllable with it:
    // "nhi ệ m" -> "nhiệm". Three random words almost never make one syllable.
    std::vector<std::string> a;
    for (std::size_t k = 0; k < toks.size(); ++k) {
        if (k + 2 < toks.size() && cp_count(toks[k + 1]) == 1 && has_tone_or_shape(toks[k + 1]) && letters_only(toks[k]) &&
            letters_only(toks[k + 2]) && is_syllable(toks[k] + toks[k + 1] + toks[k + 2]) &&
            !(is_onset_only(toks[k + 2]) && k + 3 < toks.size() && starts_with_vowel(toks[k + 3]))) {
            a.push_back(toks[k] + toks[k + 1] + toks[k + 2]);
            k += 2;
            joins += 2;
            continue;
        }
        a.push_back(toks[k]);
    }
    // Pass 2: a fragment that is not a syllable joins the fragments after it while they still build
    // one ("Qu ả ng" -> "Quảng", "T HÀNH" -> "THÀNH"), else the fragment before it ("Cá c" -> "Các").
    // A fragment may carry trailing punctuation ("M inh,"): it ends the syllable.
    std::vector<std::string> out;
    for (std::size_t k = 0; k < a.size(); ++k) {
        const std::string& cur = a[k];
        if (!letters_only(cur) || is_syllable(cur) || cp_count(cur) > 4) {
            out.push_back(cur);
            continue;
        }
        std::string acc = cur;
        std::size_t best_end = k;
        std::string best;
        for (std::size_t j = k + 1; j < a.size() && j <= k + 3; ++j) {
            std::string_view core = core_of(a[j]);
            if (!letters_only(core)) break;
            // A consonant fragment before a vowel is that vowel's onset, not this syllable's coda:
            // "C HÍ M I NH" -> "CHÍ MINH", not "CHÍM INH".
            if (j > k + 1 && is_onset_only(a[j]) && j + 1 < a.size() && starts_with_vowel(a[j + 1]) &&
                is_syllable_prefix(a[j] + std::string(core_of(a[j + 1])))) {
                break;
            }
            std::string cand = acc + std::string(core);
            if (!is_syllable_prefix(cand)) break;
            acc = cand;
            if (is_syllable(acc)) {
                best = acc + std::string(std::string_view(a[j]).substr(core.size()));
                best_end = j;
            }
            if (core.size() != a[j].size()) break;  // punctuation ends the word
        }
        if (best_end > k) {
            out.push_back(best);
            joins += static_cast<int>(best_end - k);
            k = best_end;
            continue;
        }
        if (!out.empty() && letters_only(out.back()) && is_syllable(out.back() + cur)) {
            out.back() += cur;
            ++joins;
            continue;
        }
        out.push_back(cur);
    }
    if (joins == 0) return 0;
    std::string joined;
    for (const auto& t : out) {
        if (!joined.empty()) joined += ' ';
        joined += t;
    }
    line = std::move(joined);
    return joins;
}

}  // namespace vanban::detail
