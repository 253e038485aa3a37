// The recognizer of body names in running text: bodies of every kind, catalogued or not.
//
// A mention is read left to right over the folded text's tokens (words and punctuation):
//
//   mention := title* ["các"] core place?
//   core    := catalogue name or alias            "Sở Y tế", "UBND", "các sở, ban, ngành", "SYT"
//            | head-noun name                      "Kho bạc Nhà nước khu vực XI", "Bệnh viện Bạch Mai"
//            | group                               "các doanh nghiệp viễn thông", "báo, đài"
//            | head-noun ":" items                 "các Sở: Y tế, Tài chính" (one mention per item)
//   place   := "tỉnh"/"thành phố" [province] | province | "cấp tỉnh"/"cấp xã" | "khu vực" N
//            | "các tỉnh[, thành phố]" [":"] province ("," province)*   (one mention per province)
//
// A name given by the grammar goes on over capitalized words (a parent body included: "Ủy ban Kiểm
// tra Tỉnh ủy", "Đảng ủy Bộ Y tế"), lowercase words that are not name stops (body_grammar.cpp), "và"
// before a capitalized word that starts no new body, and a dash between capitalized words. The title
// of a head belongs to the body ("Giám đốc Sở Y tế" is Sở Y tế); a title alone may name a group
// ("Bộ trưởng, Thủ trưởng cơ quan ngang bộ, ..." is "các Bộ, cơ quan ngang bộ, ..."). Names are matched
// on folded text, so case and tone placement never matter, except where case is the only sign: a
// head noun in running text is capitalized ("Sở", not "sở"; "Phòng" of a body, not "Phòng, chống").
#include "agencies.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include <unicode/uchar.h>

#include "body_grammar.h"
#include "text.h"
#include "vanban/parser.h"

namespace vanban::detail {

namespace {

bool word_byte(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '&' || c >= 0x80; }

// A folded phrase split into words, for token-wise comparison.
std::vector<std::string> words_of_folded(std::string_view f) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < f.size()) {
        while (i < f.size() && !word_byte(static_cast<unsigned char>(f[i]))) ++i;
        std::size_t s = i;
        while (i < f.size() && word_byte(static_cast<unsigned char>(f[i]))) ++i;
        if (i > s) out.emplace_back(f.substr(s, i - s));
    }
    return out;
}


// The grammar's phrase tables, indexed by first word; built once.
// Hashing that takes string_view keys without building a string.
struct ViewHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

// A phrase is looked up by its folded words, then its spelling is compared (empty: any spelling).
template <class T>
struct PhraseIndex {
    struct Entry {
        std::vector<std::string> words;    // folded
        const T* item;
        std::vector<std::string> spelled;  // spelling() of each word; empty: any spelling
    };
    std::unordered_map<std::string, std::vector<Entry>, ViewHash, std::equal_to<>> by_first;
    int slot = 0;  // its place in Grammar::slots

    void add(std::string_view written, const T* item, bool by_spelling = true) {
        auto words = words_of_folded(fold(written));
        if (words.empty()) return;
        auto& list = by_first[words.front()];
        std::vector<std::string> spelled;
        if (by_spelling) {
            std::string sp = spelling(written);
            std::size_t i = 0;
            while (i < sp.size()) {
                std::size_t e = sp.find(' ', i);
                if (e == std::string::npos) e = sp.size();
                if (e > i) spelled.push_back(sp.substr(i, e - i));
                i = e + 1;
            }
            if (spelled.size() != words.size()) spelled.clear();  // punctuation inside: fold alone decides
        }
        list.push_back(Entry{std::move(words), item, std::move(spelled)});
        std::stable_sort(list.begin(), list.end(), [](const Entry& a, const Entry& b) { return a.words.size() > b.words.size(); });
    }
};

struct Grammar {
    PhraseIndex<HeadNoun> heads;
    PhraseIndex<Title> titles;
    PhraseIndex<GroupNoun> groups;
    PhraseIndex<std::string_view> stops;
    PhraseIndex<std::string_view> generic;
    PhraseIndex<std::string_view> false_nouns;
    // Every first word of the six indexes above -> its entries in each (slot order: heads, titles,
    // groups, stops, generic, false_nouns), so a token is hashed once for all of them.
    using Slots = std::array<const void*, 6>;
    std::unordered_map<std::string, Slots, ViewHash, std::equal_to<>> slots;

    // Every folded word a mention can begin with (a starter: first words of titles, heads, group nouns,
    // "các", the place units, and the catalogue's names and aliases), with what may follow it: a
    // starter that is a phrase by itself (or whose phrase does not start with two plain words) may be
    // followed by anything, any other only by the second word of one of its phrases. Most starters met
    // in running text ("phối hợp", "cấp tỉnh", "nhà nước") are then passed over without reading.
    struct Follow {
        bool any = false;
        std::unordered_set<std::string, ViewHash, std::equal_to<>> seconds;
    };
    std::unordered_map<std::string, Follow, ViewHash, std::equal_to<>> follows;
    // The starters as spelled (spelling()): most words of running text are not among them ("có" is
    // not "cơ", "số" is not "sở"), so a text with diacritics is looked up by spelling.
    std::unordered_set<std::string, ViewHash, std::equal_to<>> spelled_starters;

    Grammar() {
        for (const auto& h : head_nouns()) heads.add(h.written, &h);
        for (const auto& t : vanban::detail::titles()) titles.add(t.lower, &t);
        for (const auto& g : group_nouns()) groups.add(g.written, &g);
        for (const auto& s : name_stops()) stops.add(s, &s);
        for (const auto& s : generic_qualifiers()) generic.add(s, &s, false);
        for (const auto& s : vanban::detail::false_nouns()) false_nouns.add(s, &s);
        int k = 0;
        auto fill = [&](auto& index) {
            index.slot = k;
            for (const auto& [w, list] : index.by_first) slots[w][static_cast<std::size_t>(k)] = &list;
            ++k;
        };
        fill(heads);
        fill(titles);
        fill(groups);
        fill(stops);
        fill(generic);
        fill(false_nouns);
        auto add_starter = [&](std::string_view written) {
            std::string folded = fold(written);
            auto words = words_of_folded(folded);
            if (words.empty()) return;
            // Two words of [a-z0-9&] with one space between them, then the end or a space: a token-wise
            // match needs that second word. Anything else (one word, punctuation, a hyphen, other
            // characters) lets every continuation through.
            auto plain = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '&'; };
            std::string_view fv = folded;
            std::size_t a = 0;
            while (a < fv.size() && plain(fv[a])) ++a;
            std::size_t b = a + 1;
            while (b < fv.size() && plain(fv[b])) ++b;
            bool two = a == words.front().size() && a < fv.size() && fv[a] == ' ' && b > a + 1 && (b == fv.size() || fv[b] == ' ');
            Follow& f = follows[words.front()];
            if (two) {
                f.seconds.insert(std::string(fv.substr(a + 1, b - a - 1)));
            } else {
                f.any = true;
            }
            std::string sp = spelling(written);
            std::size_t e = 0;
            while (e < sp.size() && sp[e] != ' ' && sp[e] != ',' && sp[e] != ':' && sp[e] != '-') ++e;
            spelled_starters.insert(sp.substr(0, e));
        };
        for (const auto& h : head_nouns()) add_starter(h.written);
        for (const auto& t : vanban::detail::titles()) add_starter(t.lower);
        for (const auto& g : group_nouns()) add_starter(g.written);
        for (const char* w : {"các", "tỉnh", "thành phố", "tp"}) add_starter(w);
        for (const auto& e : AgencyCatalog::instance().entries()) {
            add_starter(e.name);
            for (const auto& a : e.aliases) add_starter(a);
        }
    }
};

const Grammar& grammar() {
    static const Grammar g;
    return g;
}

// A token of the folded text: a word (p == 0) or one punctuation character.
struct Tok {
    std::size_t s = 0, e = 0;  // folded [s, e)
    char p = 0;                // ',', ';', ':', '.', '(', ')', '-', '/', '"', or '?' for other marks
    bool cap = false;          // the original word starts with an uppercase letter
    bool caps = false;         // every letter of the original word is uppercase
    bool nl = false;           // a line break stands before it
    bool caps_line = false;    // its line is written in capitals: case says nothing there
};

char punct_of(char32_t cp) {
    if ((cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212) return '-';
    if ((cp >= 0x2018 && cp <= 0x201F) || cp == 0xAB || cp == 0xBB) return '"';
    if (cp == 0x2026) return '.';
    return 0;
}

std::vector<Tok> tokenize(std::string_view f, std::string_view text, const Folded& fm) {
    std::vector<Tok> toks;
    toks.reserve(f.size() / 4 + 4);  // about one token per five bytes of running text
    std::size_t i = 0;
    bool nl = false;
    bool caps = false;  // the current line is in capitals
    while (i < f.size()) {
        auto c = static_cast<unsigned char>(f[i]);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            nl = nl || c == '\n';
            ++i;
            continue;
        }
        if (nl || toks.empty()) {
            // A new line: is it written in capitals?
            std::size_t ls = fm.orig[i];
            std::size_t le = text.find('\n', ls);
            caps = is_all_caps(text.substr(ls, le == std::string_view::npos ? std::string_view::npos : le - ls));
        }
        std::size_t before = toks.size();
        if (c >= 0x80) {
            std::size_t j = i;
            char32_t cp = next_cp(f, j);
            if (char p = punct_of(cp); p || !(is_letter(cp) || u_isdigit(static_cast<UChar32>(cp)))) {
                toks.push_back(Tok{i, j, p ? p : '?'});
                toks.back().nl = nl;
                toks.back().caps_line = caps;
                nl = false;
                i = j;
                continue;
            }
        } else if (!word_byte(c)) {
            toks.push_back(Tok{i, i + 1, static_cast<char>(c)});
            toks.back().nl = nl;
            toks.back().caps_line = caps;
            nl = false;
            ++i;
            continue;
        }
        std::size_t s = i;
        while (i < f.size()) {
            auto b = static_cast<unsigned char>(f[i]);
            if (b < 0x80) {
                // "covid-19", "nn-ptnt": a hyphen between two word characters is part of the word.
                if (b == '-' && i > s && i + 1 < f.size() && word_byte(static_cast<unsigned char>(f[i + 1])) &&
                    static_cast<unsigned char>(f[i + 1]) < 0x80) {
                    ++i;
                    continue;
                }
                if (!word_byte(b)) break;
                ++i;
                continue;
            }
            std::size_t j = i;
            char32_t cp = next_cp(f, j);
            if (punct_of(cp) || !(is_letter(cp) || u_isdigit(static_cast<UChar32>(cp)))) break;
            i = j;
        }
        Tok t{s, i, 0};
        std::string_view o = text.substr(fm.orig[s], fm.orig[i] - fm.orig[s]);
        // Case of the first letter (ASCII without a look-up); "all capitals" only for a capitalized word.
        auto b0 = static_cast<unsigned char>(o.empty() ? 0 : o[0]);
        t.cap = b0 < 0x80 ? (b0 >= 'A' && b0 <= 'Z') : starts_upper(o);
        t.caps = t.cap && (o.size() == 1 || is_all_caps(o));
        t.caps_line = caps;
        toks.push_back(t);
        if (toks.size() > before) toks[before].nl = nl;
        nl = false;
    }
    return toks;
}

// What a Reader looks up per token, once: the catalogue's match, the spelling, the grammar's entries.
// A document is read in many short spans, so the tables are kept between the Readers of one thread
// rather than allocated and cleared for each: an entry holds when its stamp is the current Reader's.
struct TokenMemo {
    std::vector<std::uint32_t> cat_stamp, spelled_stamp, slots_stamp;
    std::vector<std::optional<AgencyCatalog::Hit>> cat_hits;
    std::vector<std::string> spelled;
    std::vector<const Grammar::Slots*> slots;
    std::uint32_t stamp = 0;
    bool busy = false;

    void begin(std::size_t tokens) {
        if (cat_stamp.size() < tokens) {
            cat_stamp.resize(tokens, 0);
            spelled_stamp.resize(tokens, 0);
            slots_stamp.resize(tokens, 0);
            cat_hits.resize(tokens);
            spelled.resize(tokens);
            slots.resize(tokens, nullptr);
        }
        if (++stamp == 0) {  // wrapped: forget every entry
            std::fill(cat_stamp.begin(), cat_stamp.end(), 0);
            std::fill(spelled_stamp.begin(), spelled_stamp.end(), 0);
            std::fill(slots_stamp.begin(), slots_stamp.end(), 0);
            stamp = 1;
        }
    }
};

// The thread's memo while no other Reader of the thread holds it, else one of the Reader's own (also
// for a very long span, so that a thread does not keep tables the size of the longest text it read).
class MemoLease {
public:
    explicit MemoLease(std::size_t tokens) {
        thread_local TokenMemo shared;
        if (!shared.busy && tokens <= (std::size_t{1} << 18)) {
            memo_ = &shared;
        } else {
            own_ = std::make_unique<TokenMemo>();
            memo_ = own_.get();
        }
        memo_->busy = true;
        memo_->begin(tokens);
    }
    ~MemoLease() { memo_->busy = false; }
    MemoLease(const MemoLease&) = delete;
    MemoLease& operator=(const MemoLease&) = delete;
    TokenMemo& operator*() const { return *memo_; }

private:
    std::unique_ptr<TokenMemo> own_;
    TokenMemo* memo_ = nullptr;
};

// The reader of one piece of text: its tokens, the catalogue, and the mentions found so far.
class Reader {
public:
    Reader(std::string_view text, const Folded& fm, const HomePlace& home)
        : text_(text), fm_(fm), home_(home), cat_(AgencyCatalog::instance()), g_(grammar()),
          toks_(tokenize(fm.text, text, fm)), lease_(toks_.size()), memo_(*lease_) {
        f_ = fm.text;
        std::replace(f_.begin(), f_.end(), '\n', ' ');
        plain_ = is_plain_ascii(text);
        hi_ = toks_.size();
        fv_ = f_;
    }

    std::vector<FoundAgency> run() {
        for (std::size_t i = lo_; i < hi_;) {
            std::size_t next = i;
            if (word(i) && may_start(i) && mention_at(i, next) && next > i) {
                i = next;
                continue;
            }
            ++i;
        }
        merge_titled_groups();
        for (auto& a : out_) a.canonical = spelled_out(a.canonical);
        return std::move(out_);
    }

    // A canonical name spells out the abbreviations of body names: "UBND cấp xã" -> "Ủy ban nhân dân cấp xã".
    static std::string spelled_out(std::string s) {
        static constexpr std::pair<std::string_view, std::string_view> kAbbreviations[] = {
            {"UBND", "Ủy ban nhân dân"}, {"HĐND", "Hội đồng nhân dân"}, {"MTTQ", "Mặt trận Tổ quốc"}};
        for (auto [abbr, full] : kAbbreviations) {
            std::size_t p = s.find(abbr);
            while (p != std::string::npos) {
                std::size_t e = p + abbr.size();
                bool word = (p == 0 || s[p - 1] == ' ' || s[p - 1] == ',') && (e == s.size() || s[e] == ' ' || s[e] == ',');
                if (word) s.replace(p, abbr.size(), full);
                p = s.find(abbr, word ? p + full.size() : e);
            }
        }
        return s;
    }

private:
    std::string_view text_;
    const Folded& fm_;
    const HomePlace& home_;
    const AgencyCatalog& cat_;
    const Grammar& g_;
    std::string f_;
    std::string_view fv_;          // the folded text read (f_)
    std::vector<Tok> toks_;
    MemoLease lease_;
    TokenMemo& memo_;
    std::size_t lo_ = 0, hi_ = 0;  // the tokens read: all of them
    bool plain_ = false;  // written without diacritics: spelling tells nothing

    std::vector<FoundAgency> out_;

    // The catalogue's longest name or alias at token i, looked up once.
    std::optional<AgencyCatalog::Hit> cat_at(std::size_t i) const {
        if (i >= hi_) return std::nullopt;
        if (memo_.cat_stamp[i] != memo_.stamp) {
            memo_.cat_hits[i] = cat_.match(fv_, toks_[i].s);
            memo_.cat_stamp[i] = memo_.stamp;
        }
        return memo_.cat_hits[i];
    }

    // The spelling of token i (spelling(): tone placement aside), computed once.
    const std::string& spelled(std::size_t i) const {
        static const std::string none;
        if (!word(i)) return none;
        std::string& sp = memo_.spelled[i];
        if (memo_.spelled_stamp[i] != memo_.stamp) {
            sp = spelling(text_.substr(tok_start(i), tok_end(i) - tok_start(i)));
            memo_.spelled_stamp[i] = memo_.stamp;
        }
        return sp;
    }

    // A mention may begin at token i: its word (by spelling where the text has diacritics) begins a
    // title, a head or group noun, a place unit or a catalogue name.
    bool may_start(std::size_t i) const {
        auto it = g_.follows.find(w(i));
        if (it == g_.follows.end()) return false;
        if (!it->second.any && (!word(i + 1) || !it->second.seconds.contains(w(i + 1)))) return false;
        return plain_ || g_.spelled_starters.contains(spelled(i));
    }

    // --- tokens ---
    bool word(std::size_t i) const { return i < hi_ && toks_[i].p == 0; }
    bool punct(std::size_t i, char c) const { return i < hi_ && toks_[i].p == c; }
    std::string_view w(std::size_t i) const {
        return word(i) ? std::string_view(f_).substr(toks_[i].s, toks_[i].e - toks_[i].s) : std::string_view{};
    }
    bool cap(std::size_t i) const { return word(i) && (toks_[i].cap || toks_[i].caps_line); }
    bool caps_at(std::size_t i) const { return i < hi_ && toks_[i].caps_line; }
    std::size_t tok_start(std::size_t i) const { return fm_.orig[i < toks_.size() ? toks_[i].s : f_.size()]; }
    std::size_t tok_end(std::size_t i) const { return fm_.orig[toks_[i].e]; }
    // The written text of tokens [a, b), spaces squeezed, line breaks as spaces.
    std::string written(std::size_t a, std::size_t b) const {
        if (a >= b || a >= hi_) return {};
        b = std::min(b, hi_);
        std::string s(text_.substr(tok_start(a), tok_end(b - 1) - tok_start(a)));
        std::replace(s.begin(), s.end(), '\n', ' ');
        return squeeze(s);
    }
    // The first token that starts at or after folded offset fo.
    std::size_t tok_at(std::size_t fo) const {
        auto it = std::lower_bound(toks_.begin(), toks_.end(), fo, [](const Tok& t, std::size_t v) { return t.s < v; });
        return std::min(hi_, static_cast<std::size_t>(it - toks_.begin()));
    }
    // The mention at token i goes on a list of bodies: the last one found ends just before, ", " or
    // " và " between.
    bool coordinated(std::size_t i) const {
        if (out_.empty() || out_.back().end > tok_start(i) || out_.back().place_only) return false;
        if (tok_start(i) - out_.back().end > 8) return false;  // ", và " at most
        std::string g = fold(text_.substr(out_.back().end, tok_start(i) - out_.back().end));
        std::string_view t = trim(g);
        return t == "," || t == "va" || t == ", va" || t == ";";
    }

    // Only glue (',', ';', "và", "cùng") between original offsets a and b.
    bool glue_between(std::size_t a, std::size_t b) const {
        if (b < a || b - a > 16) return false;
        std::string g = fold(text_.substr(a, b - a));
        for (char& c : g) {
            if (c == ',' || c == ';' || c == '\n') c = ' ';
        }
        std::string_view t = trim(g);
        return t.empty() || t == "va";
    }

    // The longest phrase of `index` at token i whose folded words and spelling agree with the text
    // ("trong" is not "trồng", "bộ" is not "bổ"); in a text written without diacritics, any spelling.
    // The grammar's entries for token i's word, looked up once per token (null: none).
    const Grammar::Slots* slots_at(std::size_t i) const {
        static const Grammar::Slots none{};
        if (memo_.slots_stamp[i] != memo_.stamp) {
            auto it = g_.slots.find(w(i));
            memo_.slots[i] = it == g_.slots.end() ? &none : &it->second;
            memo_.slots_stamp[i] = memo_.stamp;
        }
        return memo_.slots[i];
    }

    template <class T>
    const typename PhraseIndex<T>::Entry* phrase_at(const PhraseIndex<T>& index, std::size_t i) const {
        if (!word(i)) return nullptr;
        const auto* list = static_cast<const std::vector<typename PhraseIndex<T>::Entry>*>(
            (*slots_at(i))[static_cast<std::size_t>(index.slot)]);
        if (!list) return nullptr;
        for (const auto& e : *list) {
            bool ok = true;
            for (std::size_t k = 0; k < e.words.size() && ok; ++k) ok = word(i + k) && w(i + k) == e.words[k];
            if (!ok) continue;
            if (e.spelled.empty()) return &e;
            if (plain_ || e.spelled.empty()) return &e;
            bool same = true;
            for (std::size_t k = 0; k < e.spelled.size() && same; ++k) same = spelled(i + k) == e.spelled[k];
            if (same) return &e;
        }
        return nullptr;
    }

    bool stop_at(std::size_t i) const { return phrase_at(g_.stops, i) != nullptr; }

    // A head noun at i, unless the words there only begin like one ("trường hợp", "hội nghị").
    const PhraseIndex<HeadNoun>::Entry* head_at(std::size_t i) const {
        const auto* h = phrase_at(g_.heads, i);
        if (!h) return nullptr;
        const auto* f = phrase_at(g_.false_nouns, i);
        return f && f->words.size() > h->words.size() ? nullptr : h;
    }

    // A title of a head at i: its length in tokens (0 if none).
    std::size_t title_at(std::size_t i, const Title** which = nullptr) const {
        const auto* e = phrase_at(g_.titles, i);
        if (!e) return 0;
        if (which) *which = e->item;
        return e->words.size();
    }


    // --- places ---
    struct Place {
        std::size_t start = 0, end = 0;      // tokens [start, end)
        std::vector<std::size_t> provinces;  // catalogue entries; several for "các tỉnh: A, B"
        bool printed = false;                // a place is written
        bool home = false;                   // written as "tỉnh"/"Thành phố"/"cấp tỉnh": the document's own
        bool region = false;                 // "khu vực XI"
        bool national = false;               // "Trung ương"
    };

    std::optional<std::size_t> province_at(std::size_t i, std::size_t& end) const {
        if (!word(i)) return std::nullopt;
        auto h = cat_.match_province(fv_, toks_[i].s);
        if (!h) return std::nullopt;
        end = tok_at(toks_[i].s + h->length);
        return h->entry;
    }

    bool unit_at(std::size_t i, std::size_t& len) const {
        if (w(i) == "tinh") return len = 1, true;
        if (w(i) == "thanh" && w(i + 1) == "pho") return len = 2, true;
        if (w(i) == "tp") return len = punct(i + 1, '.') ? 2 : 1, true;
        return false;
    }
    bool unit_at(std::size_t i) const {
        std::size_t len = 0;
        return unit_at(i, len);
    }

    Place read_place(std::size_t t) const {
        Place pl;
        pl.start = pl.end = t;
        std::size_t len = 0, end = 0;
        // "cấp tỉnh", "cấp xã": a level in the document's own province.
        if (w(t) == "cap" && (w(t + 1) == "tinh" || w(t + 1) == "xa" || w(t + 1) == "huyen")) {
            pl.end = t + 2;
            pl.printed = pl.home = true;
            return pl;
        }
        if ((w(t) == "trung" && w(t + 1) == "uong") || w(t) == "tw") {
            pl.end = t + (w(t) == "tw" ? 1 : 2);
            pl.printed = pl.national = true;
            return pl;
        }
        // "khu vực XI", "khu vực 8": a regional branch (2025).
        if (w(t) == "khu" && w(t + 1) == "vuc" && word(t + 2)) {
            std::string_view n = w(t + 2);
            if (std::all_of(n.begin(), n.end(), [](char c) { return std::string_view("ivxlc0123456789").find(c) != std::string_view::npos; })) {
                pl.end = t + 3;
                pl.printed = pl.region = true;
                return pl;
            }
        }
        // "các tỉnh: Khánh Hòa, Đắk Lắk, Gia Lai", "các tỉnh, thành phố: Hà Tĩnh, ...".
        if (w(t) == "cac" && w(t + 1) == "tinh") {
            std::size_t k = t + 2;
            if (punct(k, ',') && w(k + 1) == "thanh" && w(k + 2) == "pho") k += 3;
            if (punct(k, ':')) ++k;
            std::vector<std::size_t> list;
            std::size_t last = k;
            while (auto p = province_at(k, end)) {
                if (!cap(k)) break;
                list.push_back(*p);
                last = end;
                if (punct(end, ',') || w(end) == "va") {
                    k = end + 1;
                    while (punct(k, '-')) ++k;  // a list wrapped onto a bullet line: "Gia Lai,\n- Đắk Lắk"
                    if (w(k) == "va") ++k;
                    if (unit_at(k, len)) k += len;
                    continue;
                }
                break;
            }
            if (!list.empty()) {
                pl.end = last;
                pl.provinces = std::move(list);
                pl.printed = true;
            }
            return pl;
        }
        std::size_t k = t;
        bool unit = unit_at(t, len);
        if (unit) k = t + len;
        if (auto p = province_at(k, end); p && (unit || cap(k))) {
            pl.end = end;
            pl.provinces.push_back(*p);
            pl.printed = true;
            return pl;
        }
        if (unit) {
            pl.end = t + len;
            pl.printed = pl.home = true;
        }
        return pl;
    }

    // A line that starts at token i with an enumerator ("3.", "b)", "IV.", "- ", "+ "): a new item,
    // where no name goes on.
    bool item_starts(std::size_t i) const {
        if (i >= hi_ || !toks_[i].nl) return false;
        if (punct(i, '-') || punct(i, '+') || punct(i, '*') || punct(i, '(')) return true;
        if (!word(i) || !(punct(i + 1, '.') || punct(i + 1, ')'))) return false;
        std::string_view x = w(i);
        return x.size() <= 5 && (std::all_of(x.begin(), x.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; }) ||
                                 std::all_of(x.begin(), x.end(), [](char c) { return std::string_view("ivxlc").find(c) != std::string_view::npos; }) ||
                                 x.size() == 1 || x == "dieu");
    }

    // A capitalized word that starts an official name again, after which the name goes on in lowercase:
    // a parent's head noun ("Bộ" in "Đảng ủy Bộ Y tế"), a name's own noun ("Khu" in "Ban Quản lý Khu kinh
    // tế"), or an acronym ("TNHH" in "Công ty TNHH Công nghệ ...").
    bool starts_official_name(std::size_t t) const {
        return head_at(t) || w(t) == "khu" || w(t) == "cum" || (w(t) == "du" && w(t + 1) == "an") ||
               (toks_[t].caps && !caps_at(t) && w(t).size() >= 2);
    }

    // --- names given by the grammar ---
    // The end of the name whose head noun ends at token h (h when nothing after it makes a name).
    std::size_t read_name(std::size_t h, const HeadNoun& head) const {
        std::size_t t = h;
        int lowercase = 0;
        int caps_run = 0;  // capitalized words in a row: a proper name ("Bạch Mai") ends before a lowercase word
        bool any = false;
        while (t < hi_) {
            if (item_starts(t)) break;
            if (word(t)) {
                if (w(t) == "va") {
                    // "Sở Giáo dục và Đào tạo": "và" inside a name; "và Sở Tài chính" joins two bodies.
                    // Right after the head ("Báo và Phát thanh, Truyền hình") "và" can only go on with the name.
                    if (cap(t + 1) && !head_at(t + 1) && !title_at(t + 1) && w(t + 1) != "cac" &&
                        (!any || !cat_at(t + 1)) && !unit_at(t + 1)) {
                        t += 2;
                        any = true;
                        caps_run = 1;
                        continue;
                    }
                    break;
                }
                std::size_t end = 0;
                if (unit_at(t) || w(t) == "cap" || (w(t) == "khu" && w(t + 1) == "vuc")) break;
                if (cap(t)) {
                    // A new paragraph that opens with a verb ends the name ("25. Đề nghị Ban Dân vận Thành
                    // ủy" / "Tiếp tục phát huy ..."); a name wrapped over two lines goes on.
                    if (toks_[t].nl && stop_at(t)) break;
                    // A province ends the name (it is its place): "Sở Y tế Hà Nội".
                    if (any && province_at(t, end)) break;
                    if (caps_at(t) && stop_at(t)) break;
                    any = true;
                    // A parent in the catalogue is read whole ("Cục Lãnh sự Bộ Ngoại giao": "giao" is no verb there).
                    if (head_at(t)) {
                        if (auto h = cat_at(t); h && !h->caps_only) {
                            t = tok_at(toks_[t].s + h->length);
                            caps_run = 0;
                            continue;
                        }
                    }
                    caps_run = starts_official_name(t) ? 0 : caps_run + 1;
                    ++t;
                    continue;
                }
                if (w(t) == "cac" || stop_at(t)) break;
                if (!any && !head.lowercase_ok) break;
                // Official names capitalize the first word after the head and go on in lowercase ("Sở Giáo
                // dục và Đào tạo", "Trung tâm Phục vụ hành chính công"); a proper name written in capitals
                // throughout ("Bệnh viện Bạch Mai") ends before a lowercase word.
                if (caps_run >= 2 && !has_digit(w(t))) break;
                if (++lowercase > 6) break;
                caps_run = 0;
                any = true;
                ++t;
                continue;
            }
            // "Trung tâm Công báo - Tin học", "Tập đoàn Công nghiệp-Năng lượng", "... - Bộ Xây dựng".
            if (any && punct(t, '-') && cap(t + 1)) {
                caps_run = starts_official_name(t + 1) ? 0 : caps_run + 1;
                t += 2;
                continue;
            }
            break;
        }
        return any ? t : h;
    }

    // --- groups ---
    struct Group {
        std::size_t end = 0;
        bool generic = true;
        int nouns = 0;
        std::string first;           // the first noun, folded
        bool administrative = true;  // departments only: sở, ban, ngành, bộ, cơ quan (ngang bộ), đoàn thể
        bool qualified_inside = false;  // a qualifier stands before the last noun ("bổ sung, ban hành")
        bool any_generic = false;       // some noun names nobody alone ("cơ quan", "tổ chức")
        bool qualified = false;         // some qualifier is written ("các doanh nghiệp viễn thông")
        bool places_only = true;        // every noun is a unit ("xã, phường", "tỉnh, thành phố")
        bool related = false;           // closed by "(có) liên quan"
    };

    // A noun of a group at i (a group noun or a head noun): its length; `generic` if it names nobody alone.
    std::size_t noun_at(std::size_t i, bool& generic) const {
        const auto* gn = phrase_at(g_.groups, i);
        const auto* hn = head_at(i);
        std::size_t gl = gn ? gn->words.size() : 0, hl = hn ? hn->words.size() : 0;
        if (const auto* f = phrase_at(g_.false_nouns, i); f && f->words.size() > std::max(gl, hl)) return 0;
        generic = gl >= hl && gn && gn->item->generic;
        return std::max(gl, hl);
    }

    // A capitalized head followed by a capitalized word starts a named body ("Sở Tư pháp"), not a noun.
    bool starts_named_body(std::size_t i) const {
        const auto* hn = head_at(i);
        if (!hn || !cap(i)) return false;
        std::size_t h = i + hn->words.size();
        return cap(h) && !unit_at(h);
    }

    std::optional<Group> read_group(std::size_t t) const {
        Group gr;
        static constexpr std::string_view admin[] = {"bo", "so", "ban", "nganh", "co quan", "co quan ngang bo", "doan the"};
        while (true) {
            bool generic = false;
            std::size_t len = noun_at(t, generic);
            if (!len) break;
            std::string noun;
            for (std::size_t k = 0; k < len; ++k) noun += (k ? " " : "") + std::string(w(t + k));
            if (gr.nouns == 0) gr.first = noun;
            if (std::find(std::begin(admin), std::end(admin), noun) == std::end(admin)) gr.administrative = false;
            static constexpr std::string_view units[] = {"tinh", "thanh pho", "quan", "huyen", "xa", "phuong", "thi xa",
                                                         "thi tran", "dac khu"};
            if (std::find(std::begin(units), std::end(units), noun) == std::end(units)) gr.places_only = false;
            ++gr.nouns;
            gr.generic = gr.generic && generic;
            gr.any_generic = gr.any_generic || generic;
            t += len;
            bool closed = false;
            // Qualifiers: "thanh tra", "viễn thông", "chính trị - xã hội", "của Quốc hội", "Trung ương".
            int words = 0;
            while (t < hi_ && words < 8 && !item_starts(t)) {
                // "có liên quan", "khác": the group ends with them.
                if (const auto* q = phrase_at(g_.generic, t)) {
                    gr.related = gr.related || q->words.back() == "quan";
                    t += q->words.size();
                    closed = true;
                    break;
                }
                if ((w(t) == "cua" || w(t) == "thuoc" || (w(t) == "truc" && w(t + 1) == "thuoc")) && word(t + 1)) {
                    std::size_t k = t + (w(t) == "truc" ? 2 : 1);
                    if (auto h = cat_at(k); h && cap(k)) {
                        t = tok_at(toks_[k].s + h->length);
                        if (unit_at(t) || w(t) == "cap") t = read_place(t).end;
                        gr.generic = false;
                        ++words;
                        continue;
                    }
                    if ((w(k) == "chinh" && w(k + 1) == "phu") || (w(k) == "quoc" && w(k + 1) == "hoi") ||
                        (w(k) == "mat" && w(k + 1) == "tran")) {
                        t = k + 2;
                        gr.generic = false;
                        ++words;
                        continue;
                    }
                    break;
                }
                if (punct(t, '-') && word(t + 1) && !cap(t + 1) && words > 0) {
                    ++t;
                    continue;
                }
                if (!word(t)) break;
                if (cap(t) && !caps_at(t)) {
                    std::string_view x = w(t);
                    // "Trung ương", "Chính phủ", "Quốc hội", "Đảng": words of a qualifier.
                    if ((x == "chinh" && w(t + 1) == "phu") || (x == "quoc" && w(t + 1) == "hoi")) {
                        t += 2;
                        gr.generic = false;
                        ++words;
                        continue;
                    }
                    if (x == "dang") {
                        ++t;
                        gr.generic = false;
                        continue;
                    }
                    break;
                }
                if (unit_at(t) || w(t) == "cap" || w(t) == "cac" || w(t) == "va" || w(t) == "tw") break;
                if (w(t) == "trung" && w(t + 1) == "uong") break;
                if (stop_at(t)) break;
                gr.generic = false;
                gr.qualified = true;
                ++t;
                ++words;
            }
            if (closed) break;
            // ", ban, ngành" / "và địa phương": the group goes on; ", các ..." or ", Sở Tư pháp" start anew.
            if ((punct(t, ',') || w(t) == "va") && word(t + 1) && w(t + 1) != "cac" && !item_starts(t + 1)) {
                bool g2 = false;
                if (noun_at(t + 1, g2) && !starts_named_body(t + 1) && !title_at(t + 1)) {
                    // "..., Ủy ban nhân dân các xã, phường": a capitalized body of the catalogue starts anew.
                    auto h = cat_at(t + 1);
                    if (!h || (cat_.entries()[h->entry].kind == "collective" && !cap(t + 1))) {
                        if (words > 0) gr.qualified_inside = true;
                        ++t;
                        continue;
                    }
                }
            }
            break;
        }
        if (gr.nouns == 0) return std::nullopt;
        gr.end = t;
        return gr;
    }

    // Names nobody: only generic nouns and qualifiers ("các cơ quan, đơn vị, địa phương có liên quan").
    bool generic_name(std::string_view folded) const {
        auto words = words_of_folded(folded);
        auto match = [&](const auto& index, std::size_t i) -> std::size_t {
            auto it = index.by_first.find(words[i]);
            if (it == index.by_first.end()) return 0;
            for (const auto& e : it->second) {
                bool ok = i + e.words.size() <= words.size();
                for (std::size_t k = 0; k < e.words.size() && ok; ++k) ok = words[i + k] == e.words[k];
                if (ok) return e.words.size();
            }
            return 0;
        };
        for (std::size_t i = 0; i < words.size();) {
            if (words[i] == "cac" || words[i] == "va") {
                ++i;
                continue;
            }
            if (std::size_t n = match(g_.generic, i)) {
                i += n;
                continue;
            }
            auto it = g_.groups.by_first.find(words[i]);
            std::size_t n = 0;
            if (it != g_.groups.by_first.end()) {
                for (const auto& e : it->second) {
                    bool ok = i + e.words.size() <= words.size();
                    for (std::size_t k = 0; k < e.words.size() && ok; ++k) ok = words[i + k] == e.words[k];
                    if (ok) {
                        if (e.item->generic) n = e.words.size();
                        break;
                    }
                }
            }
            if (!n) return false;
            i += n;
        }
        return true;
    }

    // The words of `printed` (abbreviations spelt out) are the words of `full` in order, some left out:
    // "UBND các tỉnh, thành phố" abbreviates "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương".
    static bool abbreviates(std::string_view printed, std::string_view full) {
        auto expand = [](std::string_view s) {
            std::vector<std::string> out;
            for (auto& w : words_of_folded(fold(s))) {
                if (w == "ubnd") {
                    for (const char* x : {"uy", "ban", "nhan", "dan"}) out.emplace_back(x);
                } else if (w == "hdnd") {
                    for (const char* x : {"hoi", "dong", "nhan", "dan"}) out.emplace_back(x);
                } else if (w == "mttq") {
                    for (const char* x : {"mat", "tran", "to", "quoc"}) out.emplace_back(x);
                } else if (w == "tw") {
                    out.emplace_back("trung"), out.emplace_back("uong");
                } else {
                    out.push_back(w);
                }
            }
            return out;
        };
        auto p = expand(printed), f = expand(full);
        if (p.size() >= f.size()) return false;
        std::size_t j = 0;
        for (const auto& w : p) {
            while (j < f.size() && f[j] != w) ++j;
            if (j == f.size()) return false;
            ++j;
        }
        return true;
    }

    // --- output ---
    static std::string place_words(const AgencyEntry& province) {
        return (province.scope.empty() ? std::string("tỉnh") : province.scope) + " " + province.name;
    }

    // A local body's name completed with its province ("Sở Y tế" -> "Sở Y tế thành phố Hà Nội"); Party
    // committees are named by the province directly ("Tỉnh ủy" -> "Thành ủy Hà Nội" in a city).
    static std::string local_name(std::string name, const AgencyEntry& province) {
        bool city = province.scope == "thành phố";
        name = without_unit(std::move(name));
        std::size_t p = name.find("Tỉnh ủy");
        if (p != std::string::npos) {
            if (city) name.replace(p, std::string_view("Tỉnh ủy").size(), "Thành ủy");
            return name + " " + province.name;
        }
        return name + " " + place_words(province);
    }

    // A written name without a trailing place unit ("... tỉnh", "... Thành phố").
    static std::string without_unit(std::string s) {
        for (std::string_view unit : {" cấp tỉnh", " tỉnh", " Tỉnh", " TỈNH", " thành phố", " Thành phố", " THÀNH PHỐ", " TP.", " TP"}) {
            if (s.ends_with(unit)) {
                s.resize(s.size() - unit.size());
                break;
            }
        }
        return s;
    }

    FoundAgency base(std::size_t head_tok, std::size_t a, std::size_t b, bool titled) const {
        FoundAgency fa;
        fa.head_start = tok_start(head_tok);
        fa.start = tok_start(a);
        fa.end = tok_end(b - 1);
        fa.name = written(a, b);
        fa.titled = titled;
        return fa;
    }

    // A catalogue entry written at tokens [a, e), its place after it.
    void add_catalogued(std::size_t head_tok, std::size_t a, std::size_t e, std::size_t entry, const Place& pl, bool titled) {
        const AgencyEntry& en = cat_.entries()[entry];
        bool local = en.kind == "local" || en.kind == "collective";
        bool collective = en.kind == "collective";
        std::size_t b = std::max(pl.end, e);
        auto one = [&](std::optional<std::size_t> prov, bool distributed) {
            FoundAgency fa = base(head_tok, a, b, titled);
            fa.collective = collective;
            fa.catalogued = true;
            fa.entry = static_cast<int>(entry);
            fa.place_printed = pl.printed && !pl.home;
            if (distributed) fa.name = written(a, e) + " " + cat_.entries()[*prov].name;
            if (collective) {
                fa.generic = generic_name(fold(fa.name));
                std::string fn = fold(fa.name);
                fa.related = fn.ends_with("lien quan");
                // A short form of the catalogue's name ("UBND các tỉnh, thành phố") is named in full.
                if (abbreviates(fa.name, en.name)) fa.name_full = en.name;
            }
            std::string shown = fa.name_full.empty() ? fa.name : fa.name_full;
            if (local && prov) {
                const AgencyEntry& p = cat_.entries()[*prov];
                if (collective) {
                    fa.canonical = fa.place_printed ? shown : without_unit(shown) + " " + place_words(p);
                    if (!fa.place_printed) fa.completion = " " + place_words(p);
                } else {
                    fa.canonical = local_name(en.name, p);
                }
                fa.id = (collective ? "collective:" : "") + en.id + "@" + p.id;
            } else if (local) {
                // No province known: the name as written ("Ủy ban nhân dân cấp tỉnh" in a national document).
                fa.canonical = collective || pl.printed ? shown : en.name;
                fa.id = (collective ? "collective:" : "") + en.id;
            } else if (pl.region) {
                fa.canonical = fa.name;
                fa.id = en.id + "-" + slug(written(pl.start, pl.end));
                fa.catalogued = false;
            } else {
                fa.canonical = en.name;
                fa.id = en.id;
            }
            out_.push_back(std::move(fa));
        };
        if (pl.provinces.size() > 1 || (!pl.provinces.empty() && w(pl.start) == "cac")) {
            // "Bí thư tỉnh ủy, Chủ tịch UBND các tỉnh: A, B": the bodies before the list, written without a
            // place and joined to it by glue, are distributed over it too.
            std::vector<FoundAgency> before;
            while (!out_.empty() && out_.back().entry >= 0 && !out_.back().place_printed && !out_.back().collective &&
                   cat_.entries()[static_cast<std::size_t>(out_.back().entry)].kind == "local" &&
                   glue_between(out_.back().end, tok_start(head_tok))) {
                before.insert(before.begin(), std::move(out_.back()));
                out_.pop_back();
            }
            for (std::size_t p : pl.provinces) {
                for (const auto& x : before) {
                    FoundAgency copy = x;
                    const AgencyEntry& xe = cat_.entries()[static_cast<std::size_t>(x.entry)];
                    const AgencyEntry& pe = cat_.entries()[p];
                    copy.name = x.name + " " + pe.name;
                    copy.canonical = local_name(xe.name, pe);
                    copy.id = xe.id + "@" + pe.id;
                    copy.place_printed = true;
                    out_.push_back(std::move(copy));
                }
                one(p, true);
                out_.back().place_printed = true;
            }
        } else {
            one(local ? (pl.provinces.empty() ? home_.province : std::optional<std::size_t>(pl.provinces.front())) : std::nullopt, false);
        }
    }

    // A body named by the grammar at tokens [a, name_end), its place after it.
    void add_named(std::size_t head_tok, std::size_t a, std::size_t name_end, const HeadNoun& head, const Place& pl, bool titled) {
        FoundAgency fa = base(head_tok, a, std::max(pl.end, name_end), titled);
        std::string bare = without_unit(written(a, name_end));
        std::optional<std::size_t> prov;
        if (!pl.provinces.empty()) {
            prov = pl.provinces.front();
        } else if (pl.home || (!head.national && !pl.region && !pl.national)) {
            prov = home_.province;
        }
        fa.place_printed = pl.printed && !pl.home;
        fa.canonical = fa.name;
        // The document's province completes a local body's name that writes no place of its own
        // ("Ban Quản lý Khu kinh tế" -> "... tỉnh Đồng Tháp"), or writes only "tỉnh"/"Thành phố".
        if (prov && pl.provinces.empty() && !pl.region && !pl.national) {
            fa.completion = " " + place_words(cat_.entries()[*prov]);
            fa.canonical = without_unit(fa.name) + fa.completion;
        }
        fa.id = slug(pl.region || pl.national ? fa.name : bare) + (prov ? "@" + cat_.entries()[*prov].id : "");
        out_.push_back(std::move(fa));
    }

    void add_group(std::size_t head_tok, std::size_t a, const Group& gr, const Place& pl, bool titled) {
        FoundAgency fa = base(head_tok, a, std::max(pl.end, gr.end), titled);
        fa.collective = true;
        fa.generic = gr.generic;
        fa.related = gr.related;
        fa.group_first = gr.first;
        fa.administrative = gr.administrative;
        fa.place_printed = pl.printed && !pl.home;
        std::string printed = written(a, gr.end);
        std::string fp = fold(printed);
        bool national = pl.national || gr.first == "bo" || gr.first == "pho thu tuong" || fp.find("trung uong") != std::string::npos ||
                        fp.find("chinh phu") != std::string::npos || fp.find("quoc hoi") != std::string::npos;
        // The group's province: written, else the document's; none for a national group.
        const AgencyEntry* prov = nullptr;
        if (!pl.provinces.empty()) {
            prov = &cat_.entries()[pl.provinces.front()];
        } else if (home_.province) {
            prov = &cat_.entries()[*home_.province];
        }
        if (national) prov = nullptr;
        fa.canonical = fa.name;
        if (prov && !fa.place_printed) {
            fa.completion = " " + place_words(*prov);
            fa.canonical = without_unit(fa.name) + fa.completion;
        }
        fa.id = "collective:" + collective_key(printed, fa.catalogued) + (prov ? "@" + prov->id : "");
        out_.push_back(std::move(fa));
    }

    // The id of a group: the catalogue collective with the same words ("các sở, ngành" is one of
    // cac-so-ban-nganh's aliases), else the slug of its words.
    std::string collective_key(std::string_view printed, bool& catalogued) const {
        std::string key = squeeze(fold(printed));
        if (!key.starts_with("cac ")) key = "cac " + key;
        for (std::string_view k : {std::string_view(key), std::string_view(key).substr(4)}) {
            if (auto h = cat_.match(k, 0); h && h->length == k.size() && cat_.entries()[h->entry].kind == "collective") {
                catalogued = true;
                return cat_.entries()[h->entry].id;
            }
        }
        catalogued = false;
        return slug(key);
    }

    // "các Sở: Y tế, Tài chính", "Các Bộ: Quốc phòng, Công an, ...", "các Báo: Hà Nội mới, ...": one
    // mention per item, up to ';', '.', ')' or the end; an item that is no name as a whole may hold two
    // joined by "và" ("Xây dựng và Tài chính"). Returns false (adding nothing) when no item resolves.
    bool read_list(std::size_t head_tok, std::size_t k, std::string_view prefix, bool newspapers, bool titled, std::size_t& next) {
        if (k >= hi_) return false;
        std::size_t fk = toks_[k].s;
        std::string_view f = fv_;
        std::size_t end = fk;
        while (end < f.size() && f[end] != ';' && f[end] != ')' && f[end] != ':' &&
               !(f[end] == '.' && (end + 1 >= f.size() || f[end + 1] == ' '))) {
            ++end;
        }
        std::vector<std::pair<std::size_t, std::size_t>> items;
        for (std::size_t s = fk; s < end;) {
            while (s < end && f_[s] == ' ') ++s;
            std::size_t e = s;
            while (e < end && f_[e] != ',') ++e;
            std::size_t te = e;
            while (te > s && f_[te - 1] == ' ') --te;
            if (te > s) items.emplace_back(s, te);
            s = e < end ? e + 1 : e;
        }
        std::size_t before = out_.size();
        std::size_t last_end = fk;
        auto push = [&](std::size_t ia, std::size_t ib, std::string canonical, std::string id, bool collective, bool catalogued,
                        int entry) {
            FoundAgency fa;
            fa.head_start = tok_start(head_tok);
            fa.start = fm_.orig[ia];
            fa.end = fm_.orig[ib];
            std::string wn(text_.substr(fa.start, fa.end - fa.start));
            std::replace(wn.begin(), wn.end(), '\n', ' ');
            fa.name = squeeze(wn);
            fa.canonical = std::move(canonical);
            fa.id = std::move(id);
            fa.collective = collective;
            fa.catalogued = catalogued;
            fa.entry = entry;
            fa.titled = titled;
            fa.place_printed = true;
            out_.push_back(std::move(fa));
            last_end = std::max(last_end, ib);
        };
        auto resolve = [&](std::size_t ia, std::size_t ib) {
            std::string_view it = std::string_view(f_).substr(ia, ib - ia);
            std::string probe = std::string(prefix) + std::string(it);
            std::optional<AgencyCatalog::Hit> h = cat_.match(probe, 0);
            // The last item may run on into the sentence: "Các Bộ: Quốc phòng, Công an chủ động ...".
            if (h && h->length < probe.size() && probe[h->length] == ' ') {
                ib = ia + h->length - prefix.size();
            } else if (!(h && h->length == probe.size())) {
                h = cat_.match(it, 0);
                if (h && h->length != it.size()) h.reset();
            }
            if (!h) return false;
            const AgencyEntry& e = cat_.entries()[h->entry];
            if (e.kind == "province") return false;
            if (e.kind == "local") {
                if (home_.province) {
                    const AgencyEntry& p = cat_.entries()[*home_.province];
                    push(ia, ib, local_name(e.name, p), e.id + "@" + p.id, false, true, static_cast<int>(h->entry));
                } else {
                    push(ia, ib, e.name, e.id, false, true, static_cast<int>(h->entry));
                }
            } else {
                push(ia, ib, e.name, e.id, e.kind == "collective", true, static_cast<int>(h->entry));
            }
            return true;
        };
        for (std::size_t n = 0; n < items.size(); ++n) {
            auto [a, b] = items[n];
            if (newspapers) {
                std::string nm = squeeze(std::string(text_.substr(fm_.orig[a], fm_.orig[b] - fm_.orig[a])));
                push(a, b, "Báo " + nm, "bao-" + slug(nm), false, false, -1);
                continue;
            }
            // A name with a comma inside ("Văn hóa, Thể thao và Du lịch") spans several items.
            for (std::size_t m = n + 1; m < items.size() && m <= n + 2; ++m) {
                std::string joined = std::string(prefix) + std::string(std::string_view(f_).substr(a, items[m].second - a));
                auto hj = cat_.match(joined, 0);
                bool whole = hj && hj->length == joined.size();
                bool runs_on = hj && hj->length > prefix.size() + (items[m].first - a) && hj->length < joined.size() &&
                               joined[hj->length] == ' ';
                if (whole || runs_on) {
                    b = whole ? items[m].second : a + hj->length - prefix.size();
                    n = m;
                    if (runs_on) break;
                }
            }
            if (resolve(a, b)) continue;
            std::string_view item = std::string_view(f_).substr(a, b - a);
            std::size_t va = item.find(" va ");
            if (va != std::string_view::npos) {
                resolve(a, a + va);
                resolve(a + va + 4, b);
            }
        }
        if (out_.size() == before) return false;
        next = tok_at(last_end);
        return true;
    }

    // "(VNPT, Viettel, MobiFone và doanh nghiệp khác)", "(Sở Tài chính, Ban quản lý Khu Kinh tế ...)": the
    // members of the group just added. A complete list stands for the group; an open one ("... khác")
    // adds its members to it.
    void read_members(std::size_t k, std::size_t& next) {
        if (!punct(k, '(') || !cap(k + 1)) return;
        std::size_t group = out_.size() - 1;
        std::size_t before = out_.size();
        bool open = false;
        std::size_t t = k + 1;
        while (t < hi_ && !punct(t, ')')) {
            std::size_t n = t;
            if (w(t) == "va" || punct(t, ',')) {
                ++t;
                continue;
            }
            if (!cap(t)) {
                // "... và doanh nghiệp khác", "v.v.": an open list.
                std::size_t e = t;
                while (e < hi_ && !punct(e, ')') && !punct(e, ',') && e < t + 6) ++e;
                for (std::size_t x = t; x < e; ++x) open = open || w(x) == "khac";
                if (!open) break;
                t = e;
                continue;
            }
            if (mention_at(t, n) && n > t) {
                t = n;
                continue;
            }
            // A name with no head noun (a brand): capitalized words up to the next comma.
            std::size_t e = t;
            while (cap(e) && e < t + 4) ++e;
            if (e == t || !(punct(e, ',') || punct(e, ')') || w(e) == "va")) break;
            FoundAgency fa = base(t, t, e, false);
            fa.canonical = fa.name;
            fa.id = slug(fa.name);
            out_.push_back(std::move(fa));
            t = e;
        }
        if (!punct(t, ')') || out_.size() == before) {
            out_.resize(before);
            return;
        }
        for (std::size_t m = before; m < out_.size(); ++m) out_[m].listed = true;
        if (!open) out_.erase(out_.begin() + static_cast<std::ptrdiff_t>(group));
        next = t + 1;
    }

    // The People's Committee of the province written at tokens [a, end) as an actor ("tỉnh Đắk Lắk", one
    // of "các tỉnh: A, B"; `listed`: named by the province alone).
    void add_province_committee(std::size_t head_tok, std::size_t a, std::size_t end, std::size_t province, bool listed) {
        static const std::size_t committee = [&] {
            for (std::size_t k = 0; k < cat_.entries().size(); ++k) {
                if (cat_.entries()[k].id == "uy-ban-nhan-dan-tinh") return k;
            }
            return std::size_t{0};
        }();
        const AgencyEntry& e = cat_.entries()[committee];
        const AgencyEntry& p = cat_.entries()[province];
        FoundAgency fa = base(head_tok, a, end, false);
        if (listed) fa.name = e.name + " " + p.name;
        fa.canonical = local_name(e.name, p);
        fa.id = e.id + "@" + p.id;
        fa.catalogued = true;
        fa.entry = static_cast<int>(committee);
        fa.place_only = true;
        fa.place_printed = true;
        out_.push_back(std::move(fa));
    }

    bool mention_at(std::size_t i, std::size_t& next) {
        std::size_t t = i;
        const Title* title = nullptr;
        bool titled = false;
        // "Các Bộ trưởng, Thủ trưởng ...": "các" before a title.
        if (w(t) == "cac" && title_at(t + 1)) ++t;
        for (int n = 0; n < 2; ++n) {
            const Title* tt = nullptr;
            std::size_t len = title_at(t, &tt);
            if (!len) break;
            // "Giám đốc Sở", "Bộ trưởng Bộ Y tế": a title is followed by its body.
            title = tt;
            titled = true;
            t += len;
            // "Giám đốc: Trung tâm Phục vụ hành chính công tỉnh, Trung tâm Công báo - Tin học tỉnh".
            if (punct(t, ':') && word(t + 1)) ++t;
        }
        bool plural = w(t) == "cac";
        std::size_t core = plural ? t + 1 : t;
        bool may_lower = titled || caps_at(t);

        // 1. Lists after a colon: "các Sở: Y tế, Tài chính", "Các Bộ: Quốc phòng, ...", "các Báo: ...";
        //    "Các Bộ Quốc phòng, Công an" without one when the first item names a ministry.
        if ((plural || cap(core) || may_lower) && (w(core) == "so" || w(core) == "bo" || w(core) == "bao")) {
            bool newspapers = w(core) == "bao";
            std::string prefix = w(core) == "bo" ? "bo " : "so ";
            if (punct(core + 1, ':') && read_list(i, core + 2, prefix, newspapers, titled, next)) return true;
            if (plural && w(core) == "bo" && word(core + 1)) {
                auto first = cat_at(core);
                if (first && cat_.entries()[first->entry].kind == "ministry" && read_list(i, core + 1, prefix, false, titled, next)) {
                    return true;
                }
            }
        }
        // "các tỉnh: Đắk Lắk, Khánh Hòa, Gia Lai": the People's Committees of the provinces listed.
        if (!titled && w(t) == "cac" && w(t + 1) == "tinh") {
            Place pl = read_place(t);
            if (!pl.provinces.empty()) {
                for (std::size_t p : pl.provinces) add_province_committee(i, t, pl.end, p, true);
                next = pl.end;
                return true;
            }
        }
        // 2. A catalogue name (aliases of collectives start with "các").
        if (word(t)) {
            if (auto h = cat_at(t)) {
                std::size_t e = tok_at(toks_[t].s + h->length);
                const AgencyEntry& en = cat_.entries()[h->entry];
                bool ok = true;
                if (h->caps_only) {
                    for (std::size_t k = t; k < e && ok; ++k) ok = toks_[k].caps;
                }
                if (en.kind != "collective" && !cap(t) && !may_lower) ok = false;
                // "Đảng ủy Bộ Y tế", "Hội Nông dân Việt Nam": a capitalized word after the name makes it
                // longer than the catalogue's; the grammar reads it.
                bool longer = cap(e) && !unit_at(e) && en.kind != "collective" && head_at(t) && !caps_at(t) &&
                              !(toks_[e].nl && stop_at(e)) &&
                              ((en.scope != "district" && en.scope != "commune") || head_at(e)) &&
                              !(e > t && punct(e - 1, ')'));
                if (longer) {
                    std::size_t end = 0;
                    if (province_at(e, end)) longer = false;
                }
                // "Các Sở, ngành, đơn vị": a group that goes on past the catalogue's alias is read whole.
                if (ok && en.kind == "collective" && !longer) {
                    if (auto gr = read_group(core); gr && gr->end > e && (plural || !gr->qualified_inside)) {
                        Place pl = read_place(gr->end);
                        add_group(i, t, *gr, pl, titled);
                        next = std::max(pl.end, gr->end);
                        read_members(next, next);
                        return true;
                    }
                }
                if (ok && !longer) {
                    Place pl = read_place(e);
                    bool one_word = e == t + 1;
                    if (one_word && !pl.printed && (en.kind == "local" || en.kind == "collective") && !h->caps_only &&
                        en.name.find(' ') == std::string::npos) {
                        // "Thuế" is a body only with its place ("Thuế tỉnh Cà Mau").
                        next = e;
                        return false;
                    }
                    // "Ủy ban nhân dân các tỉnh, thành phố từ Hà Tĩnh đến Lâm Đồng".
                    std::size_t pe = pl.end;
                    std::size_t end = 0;
                    if (en.kind == "collective" && w(pe) == "tu" && province_at(pe + 1, end) && w(end) == "den") {
                        std::size_t end2 = 0;
                        if (province_at(end + 1, end2)) {
                            pl.end = end2;
                            pl.printed = true;
                        }
                    }
                    // "UBND huyện Gia Lâm", "Ủy ban nhân dân xã Bát Tràng": a district's or commune's body
                    // is named by its unit ("Gia Lâm"), which the catalogue does not hold.
                    if (en.kind == "local" && (en.scope == "district" || en.scope == "commune") && !pl.printed && cap(e)) {
                        std::size_t u = e;
                        while (u < e + 4 && cap(u) && !head_at(u) && !title_at(u) && !unit_at(u) && !stop_at(u)) ++u;
                        if (u > e) {
                            Place up = read_place(u);
                            FoundAgency fa = base(i, t, std::max(up.end, u), titled);
                            std::optional<std::size_t> prov = up.provinces.empty() ? home_.province
                                                                                    : std::optional<std::size_t>(up.provinces.front());
                            std::string unit = slug(written(e, u));
                            fa.canonical = fa.name;
                            if (prov && up.provinces.empty()) {
                                fa.completion = " " + place_words(cat_.entries()[*prov]);
                                fa.canonical = fa.name + fa.completion;
                            }
                            fa.id = en.id + "-" + unit + (prov ? "@" + cat_.entries()[*prov].id : "");
                            fa.catalogued = false;  // its kind is the catalogue's, the body is not
                            fa.entry = static_cast<int>(h->entry);
                            fa.place_printed = true;
                            out_.push_back(std::move(fa));
                            next = std::max(up.end, u);
                            return true;
                        }
                    }
                    add_catalogued(i, t, e, h->entry, pl, titled);
                    next = std::max(pl.end, e);
                    if (en.kind == "collective") read_members(next, next);
                    return true;
                }
            }
        }
        // 3. A head noun and its name: "Kho bạc Nhà nước khu vực XI", "Bệnh viện Hữu nghị Việt Đức".
        // In a text in capitals, case tells nothing: a head noun counts only where a name may begin,
        // after a title or punctuation ("NHIỆM VỤ VÀ GIẢI PHÁP" has no "Vụ" in it).
        bool may_begin = !caps_at(t) || titled || t == lo_ || !word(t - 1) || toks_[t].nl;
        if (!plural && (cap(t) || may_lower) && may_begin) {
            if (const auto* hp = head_at(t)) {
                const HeadNoun& head = *hp->item;
                std::size_t h = t + hp->words.size();
                std::size_t ne = read_name(h, head);
                Place pl = read_place(ne);
                if (ne > h || (head.bare_ok && pl.printed)) {
                    add_named(i, t, ne, head, pl, titled);
                    next = std::max(pl.end, ne);
                    return true;
                }
            }
        }
        // 4. A group: "các doanh nghiệp viễn thông", "các Bộ, ngành", "Sở, ban, ngành", "báo, đài",
        //    "Thủ trưởng cơ quan ngang bộ".
        // (A group is read only where one may stand: after "các" or a title, on a list of bodies, or where
        //  a noun is followed by another.)
        bool g_noun = false;
        std::size_t glen = noun_at(core, g_noun);
        bool may_group = glen && (plural || titled || coordinated(i) || punct(core + glen, ',') || w(core + glen) == "va" ||
                                  (cap(core) && word(core + glen)));
        if (auto gr = may_group ? read_group(core) : std::nullopt; gr && (plural || titled || gr->nouns >= 2 || coordinated(i))) {
            // With "các", a group. After a title, a group unless it is a bare head ("Giám đốc Sở" is the
            // issuer's own Sở, "Thủ trưởng cơ quan ngang bộ" a group). Otherwise, a list of specific nouns
            // written like a name ("Sở, ban, ngành"), or one that goes on a list of bodies ("Ủy ban nhân
            // dân phường, xã, đặc khu, báo, đài và ..."); "cơ quan, tổ chức nhà nước" or "bổ sung, ban
            // hành" are running text.
            Place pl = read_place(gr->end);
            // Units name bodies only in the plural ("các xã, phường"); "tỉnh, thành phố" after a body is its place.
            bool ok = plural;
            bool units_only = !plural && gr->places_only;
            // "lãnh đạo tỉnh" are a province's leaders, not a body: "lãnh đạo" names one only before "các"
            // or a capitalized name ("lãnh đạo các Bộ, ngành").
            bool loose = title && (title->lower == "lãnh đạo" || title->lower == "đồng chí" || title->lower == "các đồng chí");
            if (!ok && titled && (!loose || cap(core))) ok = gr->nouns >= 2 || gr->qualified || !head_at(core);
            if (!ok) ok = (cap(core) && gr->nouns >= 2 && !gr->any_generic && !gr->qualified_inside) || coordinated(i);
            // "Cấp ủy Thành phố": a kind of body with its place.
            if (!ok) ok = cap(core) && gr->nouns == 1 && pl.printed && !gr->any_generic && !head_at(core);
            if (ok && !units_only) {
                add_group(i, t, *gr, pl, titled);
                next = std::max(pl.end, gr->end);
                read_members(next, next);
                return true;
            }
        }
        // 5. A title standing for its group: "Bộ trưởng, Thủ trưởng cơ quan ngang bộ ...".
        if (title && !title->implies.empty() && (t >= hi_ || punct(t, ',') || punct(t, ';') || w(t) == "va")) {
            FoundAgency fa = base(i, i, t, true);
            fa.name = std::string(title->implies);
            fa.canonical = "các " + fa.name;
            fa.collective = true;
            fa.administrative = true;
            fa.group_first = fold(title->implies);
            bool catalogued = false;
            fa.id = "collective:" + collective_key(fa.canonical, catalogued);
            fa.catalogued = catalogued;
            out_.push_back(std::move(fa));
            next = t;
            return true;
        }
        // 6. A province named as an actor: "tỉnh Đắk Lắk", "thành phố Đà Nẵng", "các tỉnh: Đắk Lắk, Khánh
        //    Hòa" (their People's Committees; whether they act is for the caller to decide from the words
        //    around them).
        std::size_t len = 0;
        if (!titled && unit_at(t, len)) {
            std::size_t end = 0;
            if (auto p = province_at(t + len, end); p && cap(t + len)) {
                add_province_committee(i, t, end, *p, false);
                next = end;
                return true;
            }
        }
        return false;
    }

    // "Giám đốc các sở; Thủ trưởng các ban, ngành cấp tỉnh" is one group, "các sở, ban, ngành cấp tỉnh";
    // "Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc Chính phủ" is "các Bộ, cơ quan
    // ngang bộ, cơ quan thuộc Chính phủ": groups of departments written one title each.
    void merge_titled_groups() {
        for (std::size_t k = 0; k + 1 < out_.size();) {
            FoundAgency& a = out_[k];
            const FoundAgency& b = out_[k + 1];
            if (a.collective && b.collective && a.titled && b.titled && a.administrative && b.administrative && !a.generic &&
                glue_between(a.end, b.head_start)) {
                std::string tail = b.name;
                if (fold_starts_with(tail, "cac ")) tail = tail.substr(tail.find(' ') + 1);
                std::string head = a.canonical.starts_with("các ") && !fold_starts_with(a.name, "cac ") ? a.canonical : a.name;
                a.name = head + ", " + tail;
                a.end = b.end;
                a.place_printed = b.place_printed;
                a.completion = b.completion;
                a.canonical = a.completion.empty() ? a.name : without_unit(a.name) + a.completion;
                bool national = a.group_first == "bo";
                bool catalogued = false;
                std::string id = collective_key(a.name, catalogued);
                std::size_t at = b.id.find('@');
                a.id = "collective:" + id + (at != std::string::npos && !national ? b.id.substr(at) : "");
                a.catalogued = catalogued;
                out_.erase(out_.begin() + static_cast<std::ptrdiff_t>(k + 1));
                continue;
            }
            ++k;
        }
    }
};

}  // namespace

std::vector<FoundAgency> find_agencies(std::string_view text, const HomePlace& home) {
    return find_agencies(text, fold_with_map(text), home);
}

std::vector<FoundAgency> find_agencies(std::string_view text, const Folded& fm, const HomePlace& home) {
    return Reader(text, fm, home).run();
}

}  // namespace vanban::detail
