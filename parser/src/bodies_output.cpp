// What a mention adds (bodies_reader.h): a catalogued body with its place, a body named by the
// grammar, a group, the items of a list ("các Sở: Y tế, Tài chính"), a province's committee; and
// the titled groups merged at the end.
#include "bodies_reader.h"

namespace vanban::detail::reading {

// A canonical name spells out the abbreviations of body names: "UBND cấp xã" -> "Ủy ban nhân dân cấp xã".
std::string Reader::spelled_out(std::string s) {
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

// --- output ---
std::string Reader::place_words(const AgencyEntry& province) {
    return (province.scope.empty() ? std::string("tỉnh") : province.scope) + " " + province.name;
}

// A local body's name completed with its province ("Sở Y tế" -> "Sở Y tế thành phố Hà Nội"); Party
// committees are named by the province directly ("Tỉnh ủy" -> "Thành ủy Hà Nội" in a city).
std::string Reader::local_name(std::string name, const AgencyEntry& province) {
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
std::string Reader::without_unit(std::string s) {
    for (std::string_view unit : {" cấp tỉnh", " tỉnh", " Tỉnh", " TỈNH", " thành phố", " Thành phố", " THÀNH PHỐ", " TP.", " TP"}) {
        if (s.ends_with(unit)) {
            s.resize(s.size() - unit.size());
            break;
        }
    }
    return s;
}

// A catalogue entry written at tokens [a, e), its place after it.
void Reader::add_catalogued(std::size_t head_tok, std::size_t a, std::size_t e, std::size_t entry, const Place& pl, bool titled) {
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
void Reader::add_named(std::size_t head_tok, std::size_t a, std::size_t name_end, const HeadNoun& head, const Place& pl, bool titled) {
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

void Reader::add_group(std::size_t head_tok, std::size_t a, const Group& gr, const Place& pl, bool titled) {
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
std::string Reader::collective_key(std::string_view printed, bool& catalogued) const {
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
bool Reader::read_list(std::size_t head_tok, std::size_t k, std::string_view prefix, bool newspapers, bool titled, std::size_t& next) {
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
void Reader::read_members(std::size_t k, std::size_t& next) {
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
void Reader::add_province_committee(std::size_t head_tok, std::size_t a, std::size_t end, std::size_t province, bool listed) {
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

// "Giám đốc các sở; Thủ trưởng các ban, ngành cấp tỉnh" is one group, "các sở, ban, ngành cấp tỉnh";
// "Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc Chính phủ" is "các Bộ, cơ quan
// ngang bộ, cơ quan thuộc Chính phủ": groups of departments written one title each.
void Reader::merge_titled_groups() {
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

}  // namespace vanban::detail::reading
