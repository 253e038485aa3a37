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
#include "bodies_reader.h"

namespace vanban::detail {

namespace reading {

namespace {

char punct_of(char32_t cp) {
    if ((cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212) return '-';
    if ((cp >= 0x2018 && cp <= 0x201F) || cp == 0xAB || cp == 0xBB) return '"';
    if (cp == 0x2026) return '.';
    return 0;
}

}  // namespace

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

Reader::At Reader::start_at(std::size_t i) {
    At a;
    a.i = i;
    a.t = i;
    // "Các Bộ trưởng, Thủ trưởng ...": "các" before a title.
    if (w(a.t) == "cac" && title_at(a.t + 1)) ++a.t;
    for (int n = 0; n < 2; ++n) {
        const Title* tt = nullptr;
        std::size_t len = title_at(a.t, &tt);
        if (!len) break;
        // "Giám đốc Sở", "Bộ trưởng Bộ Y tế": a title is followed by its body.
        a.title = tt;
        a.titled = true;
        a.t += len;
        // "Giám đốc: Trung tâm Phục vụ hành chính công tỉnh, Trung tâm Công báo - Tin học tỉnh".
        if (punct(a.t, ':') && word(a.t + 1)) ++a.t;
    }
    a.plural = w(a.t) == "cac";
    a.core = a.plural ? a.t + 1 : a.t;
    a.may_lower = a.titled || caps_at(a.t);
    return a;
}

bool Reader::mention_at(std::size_t i, std::size_t& next) {
    At a = start_at(i);
    if (listed_mention(a, next)) return true;
    if (auto decided = catalogued_mention(a, next)) return *decided;
    return named_mention(a, next) || group_mention(a, next) || implied_group_mention(a, next) ||
           province_mention(a, next);
}

bool Reader::listed_mention(const At& a, std::size_t& next) {
    auto [i, t, title, titled, plural, core, may_lower] = a;
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
    return false;
}

std::optional<bool> Reader::catalogued_mention(const At& a, std::size_t& next) {
    auto [i, t, title, titled, plural, core, may_lower] = a;
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
    return std::nullopt;
}

bool Reader::named_mention(const At& a, std::size_t& next) {
    auto [i, t, title, titled, plural, core, may_lower] = a;
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
    return false;
}

bool Reader::group_mention(const At& a, std::size_t& next) {
    auto [i, t, title, titled, plural, core, may_lower] = a;
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
    return false;
}

bool Reader::implied_group_mention(const At& a, std::size_t& next) {
    auto [i, t, title, titled, plural, core, may_lower] = a;
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
    return false;
}

bool Reader::province_mention(const At& a, std::size_t& next) {
    auto [i, t, title, titled, plural, core, may_lower] = a;
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

}  // namespace reading

const reading::Grammar& AgencyCatalog::grammar() const {
    std::call_once(grammar_once_, [this] { grammar_ = std::make_shared<const reading::Grammar>(*this); });
    return *grammar_;
}

std::vector<FoundAgency> find_agencies(std::string_view text, const HomePlace& home) {
    return find_agencies(text, fold_with_map(text), home);
}

std::vector<FoundAgency> find_agencies(std::string_view text, const Folded& fm, const HomePlace& home) {
    return reading::Reader(text, fm, home).run();
}

}  // namespace vanban::detail
