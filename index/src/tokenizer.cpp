// The FTS5 tokenizer "vi" (v1 tokenizer API of SQLite 3.40).
//
// Every word is indexed twice at the same position: its folded form ("dinh": no diacritics, đ -> d)
// and, when different, its exact form ("định", lowercase, old tone placement "hoà" unified to "hòa")
// with FTS5_TOKEN_COLOCATED. Words are composed (NFC) and case-folded first. A query word typed without diacritics is folded and matches every
// accented form; one typed with diacritics is kept exact, and the search layer adds its folded form
// as an alternative, so exact matches rank first. Offsets are byte offsets into the original input,
// computed while scanning (no rescanning): the tokenizer is linear in the input.
#include <sqlite3.h>
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <functional>
#include <new>
#include <string>

#include "vanban/fts.h"
#include "vanban/index_errors.h"
#include "vanban/parser.h"
#include "words.h"

namespace vanban {

namespace detail {
void register_vi_snippet(fts5_api* api);  // snippet.cpp
void register_vi_bm25(fts5_api* api);     // rank.cpp
}

namespace {

bool is_word_cp(UChar32 c) { return u_isalnum(c) || (c >= 0x300 && c <= 0x36F); }

// is_word_cp for the ASCII range, by table.
constexpr auto kAsciiWord = [] {
    std::array<bool, 128> t{};
    for (int c = 0; c < 128; ++c) t[static_cast<std::size_t>(c)] = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    return t;
}();

void append(std::string& out, UChar32 c) {
    char buf[4];
    int32_t n = 0;
    UBool err = false;
    U8_APPEND(reinterpret_cast<uint8_t*>(buf), n, 4, c, err);
    if (!err) out.append(buf, static_cast<std::size_t>(n));
}

// Old-style tone placement on the first vowel of "oa", "oe", "uy" moved to the second ("hoà" ->
// "hòa", "uỷ" -> "ủy"), as the Ministry of Education's 2018 convention writes them. Lowercase input.
std::string unify_tones(std::string s) {
    struct Pair {
        const char* old_form;
        const char* new_form;
    };
    static const Pair pairs[] = {
        {"oà", "òa"}, {"oá", "óa"}, {"oả", "ỏa"}, {"oã", "õa"}, {"oạ", "ọa"}, {"oè", "òe"}, {"oé", "óe"},
        {"oẻ", "ỏe"}, {"oẽ", "õe"}, {"oẹ", "ọe"}, {"uỳ", "ùy"}, {"uý", "úy"}, {"uỷ", "ủy"}, {"uỹ", "ũy"},
        {"uỵ", "ụy"},
    };
    // Only at the end of a syllable: "hoà" but not "hoàn" (where the mark belongs on "à").
    if (s.size() < 3) return s;
    // The o/u comes before a 2-byte accented vowel ("oà") or a 3-byte one ("oạ").
    char before = s[s.size() - 3];
    char before3 = s.size() >= 4 ? s[s.size() - 4] : 0;
    if (before != 'o' && before != 'u' && before3 != 'o' && before3 != 'u') return s;
    for (const auto& p : pairs) {
        std::string_view old_form = p.old_form;
        if (std::string_view(s).ends_with(old_form)) {
            s.replace(s.size() - old_form.size(), old_form.size(), p.new_form);
            break;
        }
    }
    return s;
}

struct ViTokenizer {};

int vi_create(void*, const char**, int, Fts5Tokenizer** out) {
    try {
        *out = reinterpret_cast<Fts5Tokenizer*>(new ViTokenizer);
        return SQLITE_OK;
    } catch (const std::bad_alloc&) {
        return SQLITE_NOMEM;
    }
}

void vi_delete(Fts5Tokenizer* t) { delete reinterpret_cast<ViTokenizer*>(t); }

int vi_tokenize(Fts5Tokenizer*, void* ctx, int flags, const char* text, int n,
                int (*token)(void*, int, const char*, int, int, int)) noexcept {
    try {
        const auto* p = reinterpret_cast<const uint8_t*>(text);
        int32_t i = 0;
        bool query = (flags & FTS5_TOKENIZE_QUERY) != 0;
        bool aux = (flags & FTS5_TOKENIZE_AUX) != 0;
        while (i < n) {
            int32_t start = i;
            // ASCII (most bytes of a Vietnamese text: spaces, punctuation, unaccented letters) is
            // classified by table; the rest by ICU.
            if (p[i] < 0x80) {
                if (!kAsciiWord[p[i++]]) continue;
            } else {
                UChar32 c = 0;
                U8_NEXT(p, i, n, c);
                if (c < 0 || !is_word_cp(c)) continue;
            }
            // A word: a run of letters, digits and combining marks.
            int32_t end = i;
            while (end < n) {
                if (p[end] < 0x80) {
                    if (!kAsciiWord[p[end]]) break;
                    ++end;
                    continue;
                }
                int32_t k = end;
                UChar32 d = 0;
                U8_NEXT(p, k, n, d);
                if (d < 0 || !is_word_cp(d)) break;
                end = k;
            }
            i = end;
            if (aux) {
                // For auxiliary functions (snippets, highlights) only the positions and offsets count:
                // one token per word, no folding. The same words count as when indexing: a word of
                // combining marks alone is folded to tell (most fold to nothing and are no token).
                bool base = false;
                for (int32_t k = start; k < end && !base;) {
                    UChar32 d = 0;
                    U8_NEXT(p, k, end, d);
                    base = d < 0x300 || d > 0x36F;
                }
                if (!base && word_forms(std::string_view(text + start, static_cast<std::size_t>(end - start))).folded.empty()) {
                    continue;
                }
                int rc = token(ctx, 0, text + start, end - start, start, end);
                if (rc != SQLITE_OK) return rc;
                continue;
            }
            WordForms forms = word_forms(std::string_view(text + start, static_cast<std::size_t>(end - start)));
            if (forms.folded.empty()) continue;
            if (query) {
                // A query word keeps its diacritics (exact form) when it has them.
                const std::string& q = forms.exact.empty() ? forms.folded : forms.exact;
                int rc = token(ctx, 0, q.data(), static_cast<int>(q.size()), start, end);
                if (rc != SQLITE_OK) return rc;
                continue;
            }
            int rc = token(ctx, 0, forms.folded.data(), static_cast<int>(forms.folded.size()), start, end);
            if (rc != SQLITE_OK) return rc;
            if (!forms.exact.empty()) {
                rc = token(ctx, FTS5_TOKEN_COLOCATED, forms.exact.data(), static_cast<int>(forms.exact.size()), start, end);
                if (rc != SQLITE_OK) return rc;
            }
        }
        return SQLITE_OK;
    } catch (const std::bad_alloc&) {
        return SQLITE_NOMEM;
    } catch (...) {
        return SQLITE_ERROR;
    }
}

}  // namespace

WordForms word_forms(std::string_view word) {
    WordForms f;
    // Most syllables of a text are plain ASCII ("thanh", "UBND", "2022"): lowercase is all there is.
    if (std::all_of(word.begin(), word.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
        f.folded.resize(word.size());
        std::transform(word.begin(), word.end(), f.folded.begin(),
                       [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
        return f;
    }
    // Decomposed input (NFD, or tone marks typed as separate combining characters) is composed
    // first; most words have no combining mark and skip the normalizer.
    std::string composed;
    bool combining = false;
    for (std::size_t k = 0; k + 1 < word.size(); ++k) {
        auto b0 = static_cast<unsigned char>(word[k]), b1 = static_cast<unsigned char>(word[k + 1]);
        combining |= b0 == 0xCC || (b0 == 0xCD && b1 < 0xB0);  // U+0300..U+036F
    }
    if (combining) {
        UErrorCode status = U_ZERO_ERROR;
        const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
        if (U_SUCCESS(status)) {
            icu::StringByteSink<std::string> sink(&composed);
            nfc->normalizeUTF8(0, icu::StringPiece(word.data(), static_cast<int32_t>(word.size())), sink, nullptr,
                               status);
        }
        if (U_SUCCESS(status)) word = composed;
    }
    std::string lower;
    const auto* p = reinterpret_cast<const uint8_t*>(word.data());
    auto n = static_cast<int32_t>(word.size());
    for (int32_t i = 0; i < n;) {
        UChar32 c = 0;
        U8_NEXT(p, i, n, c);
        if (c < 0) continue;
        append(lower, u_foldCase(c, U_FOLD_CASE_DEFAULT));
    }
    f.folded = fold_text(lower);
    std::string exact = unify_tones(std::move(lower));
    if (exact != f.folded) f.exact = std::move(exact);
    return f;
}

namespace detail {

void each_word(std::string_view text, const std::function<void(const WordForms&, std::size_t, std::size_t)>& on_word) {
    // The tokenizer's own words: the folded token, then the exact one (colocated) when it differs.
    struct Pending {
        const std::function<void(const WordForms&, std::size_t, std::size_t)>* on_word;
        WordForms forms;
        std::size_t base = 0, start = 0, end = 0;
        bool open = false;
        void flush() {
            if (open) (*on_word)(forms, start, end);
            open = false;
        }
    } pending{&on_word, {}, 0, 0, 0, false};
    auto token = [](void* ctx, int flags, const char* t, int n, int start, int end) -> int {
        auto* p = static_cast<Pending*>(ctx);
        if (flags & FTS5_TOKEN_COLOCATED) {
            p->forms.exact.assign(t, static_cast<std::size_t>(n));
            return SQLITE_OK;
        }
        p->flush();
        p->forms.folded.assign(t, static_cast<std::size_t>(n));
        p->forms.exact.clear();
        p->start = p->base + static_cast<std::size_t>(start), p->end = p->base + static_cast<std::size_t>(end);
        p->open = true;
        return SQLITE_OK;
    };
    for (std::size_t at = 0; at < text.size();) {
        // The tokenizer takes an int length: a text beyond 1 GB goes in pieces cut at a space.
        std::size_t n = std::min<std::size_t>(text.size() - at, 1u << 30);
        if (at + n < text.size()) {
            std::size_t space = text.rfind(' ', at + n);
            if (space != std::string_view::npos && space > at) n = space - at;
        }
        pending.base = at;
        vi_tokenize(nullptr, &pending, FTS5_TOKENIZE_DOCUMENT, text.data() + at, static_cast<int>(n), token);
        pending.flush();
        at += n;
    }
}

}  // namespace detail

void register_vi_tokenizer(void* handle) {
    auto* db = static_cast<sqlite3*>(handle);
    sqlite3_stmt* stmt = nullptr;
    fts5_api* api = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) != SQLITE_OK) {
        throw IndexError(std::string("FTS5 is not available: ") + sqlite3_errmsg(db), sqlite3_errcode(db));
    }
    sqlite3_bind_pointer(stmt, 1, reinterpret_cast<void*>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(stmt);
    sqlite3_finalize(stmt);
    if (!api) throw IndexError("FTS5 is not available in this SQLite", SQLITE_ERROR);
    static fts5_tokenizer tokenizer = {vi_create, vi_delete, vi_tokenize};
    int rc = api->xCreateTokenizer(api, "vi", nullptr, &tokenizer, nullptr);
    if (rc != SQLITE_OK) throw IndexError("cannot register the vi tokenizer", rc);
    detail::register_vi_snippet(api);
    detail::register_vi_bm25(api);
}

}  // namespace vanban
