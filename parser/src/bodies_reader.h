// The Reader of body names (bodies.cpp has the grammar of a mention): its tokens, the grammar's
// phrase tables, the per-token memo, and the class itself, whose larger steps are defined in
// bodies.cpp (a mention), bodies_names.cpp (places, names, groups) and bodies_output.cpp (what a
// mention adds: catalogued bodies, named bodies, groups, lists). Internal.
#pragma once

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

namespace vanban::detail::reading {

inline bool word_byte(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '&' || c >= 0x80; }

// A folded phrase split into words, for token-wise comparison.
inline std::vector<std::string> words_of_folded(std::string_view f) {
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

    explicit Grammar(const AgencyCatalog& catalog) {
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
        for (const auto& e : catalog.entries()) {
            add_starter(e.name);
            for (const auto& a : e.aliases) add_starter(a);
        }
    }
};


// A token of the folded text: a word (p == 0) or one punctuation character.
struct Tok {
    std::size_t s = 0, e = 0;  // folded [s, e)
    char p = 0;                // ',', ';', ':', '.', '(', ')', '-', '/', '"', or '?' for other marks
    bool cap = false;          // the original word starts with an uppercase letter
    bool caps = false;         // every letter of the original word is uppercase
    bool nl = false;           // a line break stands before it
    bool caps_line = false;    // its line is written in capitals: case says nothing there
};

// The tokens of the folded text `f` of `text` (fm: its fold and map), words and punctuation.
std::vector<Tok> tokenize(std::string_view f, std::string_view text, const Folded& fm);

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
        : text_(text), fm_(fm), home_(home), cat_(catalog_of(home)), g_(cat_.grammar()),
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
    static std::string spelled_out(std::string s);

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
    std::string written(std::size_t a, std::size_t b) const;
    // The first token that starts at or after folded offset fo.
    std::size_t tok_at(std::size_t fo) const {
        auto it = std::lower_bound(toks_.begin(), toks_.end(), fo, [](const Tok& t, std::size_t v) { return t.s < v; });
        return std::min(hi_, static_cast<std::size_t>(it - toks_.begin()));
    }
    // The mention at token i goes on a list of bodies: the last one found ends just before, ", " or
    // " và " between.
    bool coordinated(std::size_t i) const;

    // Only glue (',', ';', "và", "cùng") between original offsets a and b.
    bool glue_between(std::size_t a, std::size_t b) const;

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

    Place read_place(std::size_t t) const;

    // A line that starts at token i with an enumerator ("3.", "b)", "IV.", "- ", "+ "): a new item,
    // where no name goes on.
    bool item_starts(std::size_t i) const;

    // A capitalized word that starts an official name again, after which the name goes on in lowercase:
    // a parent's head noun ("Bộ" in "Đảng ủy Bộ Y tế"), a name's own noun ("Khu" in "Ban Quản lý Khu kinh
    // tế"), or an acronym ("TNHH" in "Công ty TNHH Công nghệ ...").
    bool starts_official_name(std::size_t t) const {
        return head_at(t) || w(t) == "khu" || w(t) == "cum" || (w(t) == "du" && w(t + 1) == "an") ||
               (toks_[t].caps && !caps_at(t) && w(t).size() >= 2);
    }

    // --- names given by the grammar ---
    // The end of the name whose head noun ends at token h (h when nothing after it makes a name).
    std::size_t read_name(std::size_t h, const HeadNoun& head) const;

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

    std::optional<Group> read_group(std::size_t t) const;

    // Names nobody: only generic nouns and qualifiers ("các cơ quan, đơn vị, địa phương có liên quan").
    bool generic_name(std::string_view folded) const;

    // The words of `printed` (abbreviations spelt out) are the words of `full` in order, some left out:
    // "UBND các tỉnh, thành phố" abbreviates "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương".
    static bool abbreviates(std::string_view printed, std::string_view full);

    // --- output ---
    static std::string place_words(const AgencyEntry& province);

    // A local body's name completed with its province ("Sở Y tế" -> "Sở Y tế thành phố Hà Nội"); Party
    // committees are named by the province directly ("Tỉnh ủy" -> "Thành ủy Hà Nội" in a city).
    static std::string local_name(std::string name, const AgencyEntry& province);

    // A written name without a trailing place unit ("... tỉnh", "... Thành phố").
    static std::string without_unit(std::string s);

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
    void add_catalogued(std::size_t head_tok, std::size_t a, std::size_t e, std::size_t entry, const Place& pl, bool titled);

    // A body named by the grammar at tokens [a, name_end), its place after it.
    void add_named(std::size_t head_tok, std::size_t a, std::size_t name_end, const HeadNoun& head, const Place& pl, bool titled);

    void add_group(std::size_t head_tok, std::size_t a, const Group& gr, const Place& pl, bool titled);

    // The id of a group: the catalogue collective with the same words ("các sở, ngành" is one of
    // cac-so-ban-nganh's aliases), else the slug of its words.
    std::string collective_key(std::string_view printed, bool& catalogued) const;

    // "các Sở: Y tế, Tài chính", "Các Bộ: Quốc phòng, Công an, ...", "các Báo: Hà Nội mới, ...": one
    // mention per item, up to ';', '.', ')' or the end; an item that is no name as a whole may hold two
    // joined by "và" ("Xây dựng và Tài chính"). Returns false (adding nothing) when no item resolves.
    bool read_list(std::size_t head_tok, std::size_t k, std::string_view prefix, bool newspapers, bool titled, std::size_t& next);

    // "(VNPT, Viettel, MobiFone và doanh nghiệp khác)", "(Sở Tài chính, Ban quản lý Khu Kinh tế ...)": the
    // members of the group just added. A complete list stands for the group; an open one ("... khác")
    // adds its members to it.
    void read_members(std::size_t k, std::size_t& next);

    // The People's Committee of the province written at tokens [a, end) as an actor ("tỉnh Đắk Lắk", one
    // of "các tỉnh: A, B"; `listed`: named by the province alone).
    void add_province_committee(std::size_t head_tok, std::size_t a, std::size_t end, std::size_t province, bool listed);

    // Where a mention may start at token i: "các" and up to two titles read ("Các Bộ trưởng, Thủ
    // trưởng ...", "Giám đốc Sở"); t is the token after them, core the one after a plural "các".
    struct At {
        std::size_t i = 0, t = 0;
        const Title* title = nullptr;
        bool titled = false, plural = false;
        std::size_t core = 0;
        bool may_lower = false;  // a lowercase name may follow (after a title, in a line in capitals)
    };
    At start_at(std::size_t i);

    // The mention that starts at token i, if any, in the order the steps below are tried; next is set
    // past it. Each step returns true when it added a mention.
    bool mention_at(std::size_t i, std::size_t& next);
    // 1. Lists after a colon ("các Sở: Y tế, Tài chính"), "Các Bộ Quốc phòng, Công an", "các tỉnh: A, B".
    bool listed_mention(const At& a, std::size_t& next);
    // 2. A catalogue name, with its place, its members or its district's unit. nullopt: no catalogue
    //    name here; false: the name is no body here ("Thuế" without its place), stop.
    std::optional<bool> catalogued_mention(const At& a, std::size_t& next);
    // 3. A head noun and its name: "Kho bạc Nhà nước khu vực XI", "Bệnh viện Hữu nghị Việt Đức".
    bool named_mention(const At& a, std::size_t& next);
    // 4. A group: "các doanh nghiệp viễn thông", "các Bộ, ngành", "Sở, ban, ngành", "báo, đài".
    bool group_mention(const At& a, std::size_t& next);
    // 5. A title standing for its group: "Bộ trưởng, Thủ trưởng cơ quan ngang bộ ...".
    bool implied_group_mention(const At& a, std::size_t& next);
    // 6. A province named as an actor: "tỉnh Đắk Lắk", "thành phố Đà Nẵng".
    bool province_mention(const At& a, std::size_t& next);

    // "Giám đốc các sở; Thủ trưởng các ban, ngành cấp tỉnh" is one group, "các sở, ban, ngành cấp tỉnh";
    // "Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc Chính phủ" is "các Bộ, cơ quan
    // ngang bộ, cơ quan thuộc Chính phủ": groups of departments written one title each.
    void merge_titled_groups();
};

}  // namespace vanban::detail::reading
