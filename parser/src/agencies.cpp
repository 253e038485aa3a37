// The agency catalogue and recognizer. Matching is on folded text (lowercase, no diacritics, đ→d),
// so case and old/new tone placement never split one agency into two; spans are mapped back to the
// original through the fold's offset map.
#include "agencies.h"

#include "vanban/parser.h"

#include <algorithm>

#include "text.h"

namespace vanban::detail {

extern const unsigned char kAgenciesTsv[];
extern const std::size_t kAgenciesTsv_size;

namespace {

bool is_word_byte(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '&' || static_cast<unsigned char>(c) >= 0x80;
}

// The first word of a folded phrase, as the index key.
std::string first_word(std::string_view f) {
    std::size_t e = 0;
    while (e < f.size() && is_word_byte(f[e])) ++e;
    return std::string(f.substr(0, e));
}

std::vector<std::string> split(std::string_view s, char sep) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= s.size()) {
        std::size_t p = s.find(sep, start);
        if (p == std::string_view::npos) p = s.size();
        out.emplace_back(s.substr(start, p - start));
        start = p + 1;
    }
    return out;
}

// ASCII slug of a name: "Báo Hà Nội mới" -> "bao-ha-noi-moi".
std::string slug(std::string_view name) {
    std::string f = fold(name), out;
    for (char c : f) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            out += c;
        } else if (!out.empty() && out.back() != '-') {
            out += '-';
        }
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out;
}

bool boundary_after(std::string_view f, std::size_t e) { return e >= f.size() || !is_word_byte(f[e]); }

}  // namespace

AgencyCatalog::AgencyCatalog() {
    std::string_view data(reinterpret_cast<const char*>(kAgenciesTsv), kAgenciesTsv_size);
    for (const auto& raw : split(data, '\n')) {
        std::string_view line = raw;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (trim(line).empty() || trim(line).starts_with('#')) continue;
        auto cols = split(line, '\t');
        if (cols.size() < 3) continue;
        cols.resize(7);
        AgencyEntry e;
        e.id = std::string(trim(cols[0]));
        e.kind = std::string(trim(cols[1]));
        e.name = std::string(trim(cols[2]));
        for (auto& a : split(cols[3], '|')) {
            if (!trim(a).empty()) e.aliases.emplace_back(trim(a));
        }
        e.scope = std::string(trim(cols[4]));
        e.valid = std::string(trim(cols[5]));
        e.successor = std::string(trim(cols[6]));
        if (e.id.empty() || e.name.empty()) continue;
        entries_.push_back(std::move(e));
    }
    for (std::size_t k = 0; k < entries_.size(); ++k) {
        const auto& e = entries_[k];
        std::vector<std::string> phrases{e.name};
        phrases.insert(phrases.end(), e.aliases.begin(), e.aliases.end());
        auto& index = e.kind == "province" ? provinces_ : by_first_word_;
        for (const auto& p : phrases) {
            std::string f = squeeze(fold(p));
            if (f.empty()) continue;
            index[first_word(f)].push_back(Phrase{f, k, is_all_caps(p)});
        }
    }
    for (auto* index : {&by_first_word_, &provinces_}) {
        for (auto& [w, list] : *index) {
            std::stable_sort(list.begin(), list.end(),
                             [](const Phrase& a, const Phrase& b) { return a.folded.size() > b.folded.size(); });
        }
    }
}

const AgencyCatalog& AgencyCatalog::instance() {
    static const AgencyCatalog catalog;
    return catalog;
}

std::optional<AgencyCatalog::Hit> match_in(const AgencyCatalog::Index& index, std::string_view folded, std::size_t i) {
    std::size_t e = i;
    while (e < folded.size() && is_word_byte(folded[e])) ++e;
    if (e == i) return std::nullopt;
    auto it = index.find(folded.substr(i, e - i));
    if (it == index.end()) return std::nullopt;
    for (const auto& p : it->second) {
        if (folded.compare(i, p.folded.size(), p.folded) == 0 && boundary_after(folded, i + p.folded.size())) {
            return AgencyCatalog::Hit{p.entry, p.folded.size(), p.caps_only};
        }
    }
    return std::nullopt;
}

std::optional<AgencyCatalog::Hit> AgencyCatalog::match(std::string_view folded, std::size_t i) const {
    return match_in(by_first_word_, folded, i);
}

std::optional<AgencyCatalog::Hit> AgencyCatalog::match_province(std::string_view folded, std::size_t i) const {
    return match_in(provinces_, folded, i);
}

std::optional<std::size_t> AgencyCatalog::find_province(std::string_view text) const {
    std::string f = fold(text);
    for (std::size_t i = 0; i < f.size(); ++i) {
        if (i > 0 && is_word_byte(f[i - 1])) continue;
        if (auto h = match_province(f, i)) return h->entry;
    }
    return std::nullopt;
}

HomePlace home_place(std::string_view issuer, std::string_view issuer_parent, std::string_view place) {
    // A local issuer names its province; a central one (a ministry, the Prime Minister) has none, even
    // though it dates its documents in Hà Nội. Only a document whose issuer is unknown falls back on
    // its place line.
    const auto& cat = AgencyCatalog::instance();
    HomePlace h;
    for (std::string_view s : {issuer, issuer_parent}) {
        if (s.empty()) continue;
        if (auto p = cat.find_province(s)) {
            h.province = p;
            return h;
        }
    }
    if (issuer.empty() && !place.empty()) h.province = cat.find_province(place);
    return h;
}

namespace {

// Reads a place after a local body's name: "tỉnh Quảng Ngãi", "thành phố Hà Nội", "TP. Hồ Chí Minh",
// "Hà Nội", or "Thành phố"/"tỉnh" alone (the document's own province). Advances e past what it read.
std::optional<std::size_t> read_place_suffix(const AgencyCatalog& cat, std::string_view f, std::size_t& e,
                                             const HomePlace& home) {
    std::size_t k = e;
    while (k < f.size() && f[k] == ' ') ++k;
    std::size_t unit_end = k;
    bool unit = false;
    for (std::string_view u : {"thanh pho ", "tinh ", "tp. ", "tp "}) {
        if (f.compare(k, u.size(), u) == 0) {
            unit = true;
            unit_end = k + u.size();
            break;
        }
    }
    std::size_t n = unit ? unit_end : k;
    while (n < f.size() && f[n] == ' ') ++n;
    if (auto p = cat.match_province(f, n)) {
        e = n + p->length;
        return p->entry;
    }
    // "Thành phố" / "tỉnh" without a name: the document's own province.
    for (std::string_view u : {"thanh pho", "tinh"}) {
        if (f.compare(k, u.size(), u) == 0 && boundary_after(f, k + u.size())) {
            e = k + u.size();
            return home.province;
        }
    }
    return home.province;
}

std::string place_words(const AgencyEntry& province) {
    std::string unit = province.scope.empty() ? "tỉnh" : province.scope;
    return unit + " " + province.name;
}

// A local body's name completed with its province: "Sở Y tế" -> "Sở Y tế thành phố Hà Nội";
// Party committees are named by the province directly: "Ban Dân vận Tỉnh ủy" -> "Ban Dân vận Thành ủy
// Hà Nội" in a centrally governed city; "Thanh tra tỉnh" -> "Thanh tra thành phố Hà Nội".
std::string local_name(std::string name, const AgencyEntry& province) {
    bool city = province.scope == "thành phố";
    for (std::string_view unit : {" tỉnh", " Tỉnh", " thành phố", " Thành phố"}) {
        if (name.ends_with(unit)) name.resize(name.size() - unit.size());
    }
    std::size_t p = name.find("Tỉnh ủy");
    if (p != std::string::npos) {
        if (city) name.replace(p, std::string_view("Tỉnh ủy").size(), "Thành ủy");
        return name + " " + province.name;
    }
    return name + " " + place_words(province);
}

// Items of a list after a colon: "YT, TC, XD, TT&TT, GD&ĐT" or "Y tế, Xây dựng và Tài chính",
// up to ';', '.', a closing parenthesis or the end. Returns folded [start, end) of each item.
std::vector<std::pair<std::size_t, std::size_t>> list_items(std::string_view f, std::size_t k) {
    std::vector<std::pair<std::size_t, std::size_t>> items;
    std::size_t end = k;
    while (end < f.size() && f[end] != ';' && f[end] != ')' && !(f[end] == '.' && (end + 1 >= f.size() || f[end + 1] == ' '))) ++end;
    std::size_t s = k;
    while (s < end) {
        while (s < end && f[s] == ' ') ++s;
        std::size_t e = s;
        while (e < end && f[e] != ',') ++e;
        std::size_t te = e;
        while (te > s && f[te - 1] == ' ') --te;
        if (te > s) items.emplace_back(s, te);
        s = e < end ? e + 1 : e;
    }
    return items;
}

// The catalogue entry of the provincial People's Committee.
std::size_t uy_ban_entry(const AgencyCatalog& cat) {
    static const std::size_t index = [&] {
        for (std::size_t k = 0; k < cat.entries().size(); ++k) {
            if (cat.entries()[k].id == "uy-ban-nhan-dan-tinh") return k;
        }
        return std::size_t{0};
    }();
    return index;
}

// Heads of bodies named by their task ("Ban Chỉ đạo ...") and the words that end such a name (verbs,
// prepositions): returns the folded end of the name, or i when none starts at i.
std::size_t read_generic_body(std::string_view f, std::size_t i, std::string_view text, const Folded& fm) {
    if (i >= f.size() || std::string_view("vbtlh").find(f[i]) == std::string_view::npos) return i;
    static constexpr std::string_view heads[] = {"van phong ban chi dao ", "ban chi dao ", "ban quan ly ", "trung tam ",
                                                 "vien ", "lien minh hop tac xa", "hiep hoi ", "hoi "};
    std::size_t e = i;
    bool hit = false;
    for (auto h : heads) {
        if (f.compare(i, h.size(), h) == 0) {
            e = i + h.size();
            hit = true;
            break;
        }
    }
    if (!hit) return i;
    static constexpr std::string_view stops[] = {
        "chi", "co", "chu", "phoi", "thuc", "tham", "to", "va", "bao", "de", "theo", "xin", "trien", "xay", "huong",
        "kiem", "tong", "tiep", "day", "phu", "trinh", "cac", "nhu", "voi", "cua", "tai", "la", "khi", "duoc", "thi",
        "can", "dam", "nang", "lam", "giam", "tang", "cham", "ra", "quan", "thong", "dieu", "phat", "nghien", "tim",
        "danh", "rut", "cap", "tu", "den", "tren", "ngay", "trong", "ve", "khan", "sap"};
    std::size_t last = e;
    int words = 0;
    if (f[e - 1] != ' ') return e;  // "Liên minh Hợp tác xã" is a whole name
    while (e < f.size() && words < 12) {
        std::size_t ws = e;
        while (e < f.size() && f[e] != ' ' && f[e] != ',' && f[e] != ';' && f[e] != '.' && f[e] != '(' && f[e] != ':' &&
               f[e] != ')') {
            ++e;
        }
        std::string_view w = f.substr(ws, e - ws);
        // "và" inside a name ("các khu chế xuất và công nghiệp Cần Thơ") is followed by a lowercase word;
        // before a capitalized one it joins two bodies ("... và Sở Xây dựng").
        if (w == "va" && e + 1 < f.size() && !starts_upper(text.substr(fm.orig[e + 1], 4))) {
            last = e;
            ++words;
            ++e;
            continue;
        }
        // A name goes on over its own words; "quản lý" inside "Ban Quản lý" was consumed by the head.
        if (w.empty() || (words > 0 && std::find(std::begin(stops), std::end(stops), w) != std::end(stops))) break;
        last = e;
        ++words;
        if (e >= f.size() || f[e] != ' ') break;
        ++e;
    }
    return words > 0 ? last : i;
}

// "... khu vực XII", "... khu vực 12": a regional branch's number after its name.
std::size_t read_region(std::string_view f, std::size_t e) {
    std::size_t k = e;
    while (k < f.size() && f[k] == ' ') ++k;
    if (f.compare(k, 7, "khu vuc") == 0) {
        k += 7;
        while (k < f.size() && f[k] == ' ') ++k;
    } else if (!(e >= 7 && f.compare(e - 7, 7, "khu vuc") == 0)) {
        return e;
    }
    std::size_t n = k;
    while (n < f.size() && (std::string_view("ivxlc0123456789").find(f[n]) != std::string_view::npos)) ++n;
    if (n == k || (n < f.size() && is_word_byte(f[n]))) return e;
    return n;
}

}  // namespace

std::vector<FoundAgency> find_agencies(std::string_view text, const HomePlace& home) {
    return find_agencies(text, fold_with_map(text), home);
}

std::vector<FoundAgency> find_agencies(std::string_view text, const Folded& fm, const HomePlace& home) {
    const auto& cat = AgencyCatalog::instance();
    std::vector<FoundAgency> out;
    // A name may run over a line break left by a page's layout ("Chánh Văn phòng" / "Ủy ban nhân dân
    // tỉnh"): line breaks count as spaces here (same length, so the offset map still holds).
    std::string f = fm.text;
    std::replace(f.begin(), f.end(), '\n', ' ');
    auto written = [&](std::size_t a, std::size_t b) {
        std::string w(text.substr(fm.orig[a], fm.orig[b] - fm.orig[a]));
        std::replace(w.begin(), w.end(), '\n', ' ');
        return squeeze(w);
    };
    auto add_local = [&](const AgencyEntry& e, std::size_t a, std::size_t b, std::optional<std::size_t> prov) {
        FoundAgency fa;
        fa.start = fm.orig[a];
        fa.end = fm.orig[b];
        fa.name = written(a, b);
        fa.collective = e.kind == "collective";
        fa.catalogued = true;
        if (prov) {
            const AgencyEntry& p = cat.entries()[*prov];
            fa.canonical = local_name(e.name, p);
            fa.id = (fa.collective ? "collective:" : "") + e.id + "@" + p.id;
        } else {
            fa.canonical = e.name;
            fa.id = (fa.collective ? "collective:" : "") + e.id;
        }
        out.push_back(std::move(fa));
    };
    for (std::size_t i = 0; i < f.size();) {
        if (!is_word_byte(f[i]) || (i > 0 && is_word_byte(f[i - 1]))) {
            ++i;
            continue;
        }
        // Lists: "các sở: YT, TC, XD" / "Giám đốc các Sở: Y tế, Xây dựng" / "các Báo: Hà Nội mới, Kinh tế và Đô thị".
        bool listed = false;
        for (std::string_view head : {"cac so:", "so:", "cac bao:", "bao:", "cac bo:", "bo:", "cac bo "}) {
            if (f[i] != head[0]) continue;
            if (f.compare(i, head.size(), head) != 0) continue;
            // "Các Bộ Quốc phòng, Công an ...": a list without a colon, when its first item names a ministry.
            if (head == "cac bo ") {
                auto first = cat.match(std::string_view(f), i + 4);
                if (!first || cat.entries()[first->entry].kind != "ministry") continue;
            }
            bool newspapers = head.find("bao") != std::string_view::npos;
            std::string prefix = head.find("bo") != std::string_view::npos ? "bo " : "so ";
            std::size_t k = i + head.size();
            auto items = list_items(f, k);
            for (std::size_t n = 0; n < items.size(); ++n) {
                auto [a, b] = items[n];
                // A name with a comma inside ("Văn hóa, Thể thao và Du lịch") spans several items.
                if (!newspapers) {
                    for (std::size_t m = n + 1; m < items.size() && m <= n + 2; ++m) {
                        std::string joined = prefix + std::string(std::string_view(f).substr(a, items[m].second - a));
                        auto hj = cat.match(joined, 0);
                        bool whole = hj && hj->length == joined.size();
                        // The last item may run on into the sentence ("... và Du lịch theo chức năng").
                        bool runs_on = hj && hj->length > prefix.size() + (items[m].first - a) &&
                                       hj->length < joined.size() && joined[hj->length] == ' ';
                        if (whole || runs_on) {
                            b = whole ? items[m].second : a + hj->length - prefix.size();
                            n = m;
                            if (runs_on) break;
                        }
                    }
                }
                std::string_view item = std::string_view(f).substr(a, b - a);
                if (newspapers) {
                    FoundAgency fa;
                    fa.start = fm.orig[a];
                    fa.end = fm.orig[b];
                    fa.name = written(a, b);
                    fa.canonical = "Báo " + fa.name;
                    fa.id = "bao-" + slug(fa.name);
                    out.push_back(std::move(fa));
                    continue;
                }
                // "Y tế" -> "sở y tế"; an abbreviation "YT" -> an alias of a local body. An item
                // that is no name as a whole may hold two joined by "và" ("Xây dựng và Tài chính").
                auto resolve = [&](std::size_t ia, std::size_t ib) {
                    std::string_view it = std::string_view(f).substr(ia, ib - ia);
                    std::string probe = prefix + std::string(it);
                    std::optional<AgencyCatalog::Hit> h = cat.match(probe, 0);
                    // The last item may run on into the sentence: "Các Bộ: Quốc phòng, Công an chủ động ...".
                    if (h && h->length < probe.size() && probe[h->length] == ' ') {
                        ib = ia + h->length - prefix.size();
                    } else if (!(h && h->length == probe.size())) {
                        h = cat.match(it, 0);
                        if (h && h->length != it.size()) h.reset();
                    }
                    if (!h) return false;
                    const AgencyEntry& e = cat.entries()[h->entry];
                    if (e.kind == "local") {
                        add_local(e, ia, ib, home.province);
                    } else if (e.kind != "province") {
                        out.push_back(FoundAgency{fm.orig[ia], fm.orig[ib], written(ia, ib), e.name, e.id, e.kind == "collective", true});
                    }
                    return true;
                };
                if (resolve(a, b)) continue;
                std::size_t va = item.find(" va ");
                if (va != std::string_view::npos) {
                    resolve(a, a + va);
                    resolve(a + va + 4, b);
                }
            }
            i = k;
            while (i < f.size() && f[i] != ';' && !(f[i] == '.' && (i + 1 >= f.size() || f[i + 1] == ' '))) ++i;
            listed = true;
            break;
        }
        if (listed) continue;
        auto h = cat.match(f, i);
        // An abbreviation matches only text printed in capitals: "TU" is Tỉnh ủy, "tự" is a word.
        if (h && h->caps_only && !is_all_caps(text.substr(fm.orig[i], fm.orig[i + h->length] - fm.orig[i]))) h.reset();
        // Names of bodies are written with a capital ("Sở Y tế", "Thuế tỉnh"); "thuế thu nhập" is not
        // one. Collectives start with "các", "UBND", ... and are exempt.
        if (h && cat.entries()[h->entry].kind != "collective" && !starts_upper(text.substr(fm.orig[i], 4))) h.reset();
        if (h) {
            const AgencyEntry& e = cat.entries()[h->entry];
            std::size_t end = i + h->length;
            if (e.kind == "local" || e.kind == "collective") {
                std::size_t before = end;
                std::optional<std::size_t> prov = read_place_suffix(cat, f, end, home);
                // A one-word name ("Thuế") is a body only with its place ("Thuế tỉnh Cà Mau").
                bool one_word = std::string_view(f).substr(i, h->length).find(' ') == std::string_view::npos;
                if (one_word && end == before) {
                    i = end;
                    continue;
                }
                add_local(e, i, end, prov);
            } else {
                std::size_t region = read_region(f, end);
                if (region != end) {
                    std::string name = written(i, region);
                    FoundAgency fa{fm.orig[i], fm.orig[region], name, name, e.id + "-" + slug(std::string_view(f).substr(end, region - end)), false};
                    out.push_back(std::move(fa));
                    i = region;
                    continue;
                }
                FoundAgency fa{fm.orig[i], fm.orig[end], written(i, end), e.name, e.id, false, true};
                out.push_back(std::move(fa));
            }
            i = end;
            continue;
        }
        // "tỉnh Đắk Lắk cần tiếp tục thực hiện ...": a province named as an actor stands for its People's
        // Committee (whether it is one is decided by the caller from the words around it).
        for (std::string_view unit : {"tinh ", "thanh pho "}) {
            if (f.compare(i, unit.size(), unit) != 0) continue;
            if (auto p = cat.match_province(f, i + unit.size())) {
                std::size_t end = i + unit.size() + p->length;
                const AgencyEntry& ubnd = cat.entries()[uy_ban_entry(cat)];
                add_local(ubnd, i, end, p->entry);
                i = end;
                listed = true;
            }
            break;
        }
        if (listed) continue;
        // Bodies named by their task or territory, not in the catalogue: "Ban Chỉ đạo phòng chống dịch
        // Covid-19 Thành phố", "Ban Quản lý Khu kinh tế Đông Nam", "Trung tâm Chuyển đổi số Thành phố",
        // "Viện Nghiên cứu phát triển Thành phố", "Văn phòng Ban Chỉ đạo phòng thủ dân sự quốc gia".
        std::size_t generic_end = read_generic_body(f, i, text, fm);
        // "Hội Nông dân", "Hội Liên hiệp Phụ nữ": the word after "Hội" is capitalized too ("Hội nghị" is no body).
        if (generic_end > i && f.compare(i, 4, "hoi ") == 0 && !starts_upper(text.substr(fm.orig[i + 4], 4))) generic_end = i;
        if (std::size_t end = generic_end; end > i && starts_upper(text.substr(fm.orig[i], 4))) {
            std::string written_name = written(i, end);
            std::string fname = fold(written_name);
            bool national = fname.find("quoc gia") != std::string::npos || fname.find("trung uong") != std::string::npos ||
                            fname.find("viet nam") != std::string::npos;
            // The issuer's province, also when the name carries a place of its own ("Ban quản lý Khu
            // kinh tế Phú Yên" in a Đắk Lắk document after the merger keeps "Phú Yên" as part of its name).
            std::optional<std::size_t> prov;
            if (!national) prov = home.province;
            if (!prov && !national) {
                std::size_t k = end;
                if (auto named = read_place_suffix(cat, f, k, HomePlace{}); named) prov = named;
            }
            FoundAgency fa;
            fa.start = fm.orig[i];
            fa.end = fm.orig[end];
            fa.name = written_name;
            // The canonical name carries the place once: "... Thành phố" -> "... thành phố Hà Nội".
            std::string base = written(i, end);
            if (prov) {
                const AgencyEntry& p = cat.entries()[*prov];
                std::string fb = fold(base);
                std::string fp = fold(p.name);
                // Only the issuer's own province is dropped from the name before the place is added.
                if (fb.ends_with(" " + fp)) {
                    // Drop the province's words from the end of the written name.
                    std::size_t words = static_cast<std::size_t>(std::count(fp.begin(), fp.end(), ' ')) + 1;
                    for (std::size_t w = 0; w < words; ++w) {
                        std::size_t sp = base.rfind(' ');
                        if (sp == std::string::npos) break;
                        base.resize(sp);
                    }
                }
                for (std::string_view suffix : {" Thành phố", " thành phố", " tỉnh", " Tỉnh", " TP"}) {
                    if (base.ends_with(suffix)) base.resize(base.size() - suffix.size());
                }
                fa.canonical = base + " " + place_words(p);
                fa.id = slug(base) + "@" + p.id;
            } else {
                fa.canonical = base;
                fa.id = slug(base);
            }
            out.push_back(std::move(fa));
            i = end;
            continue;
        }
        while (i < f.size() && is_word_byte(f[i])) ++i;
    }
    return out;
}

}  // namespace vanban::detail

namespace vanban {

const std::vector<CatalogAgency>& agency_catalog() {
    static const std::vector<CatalogAgency> catalog = [] {
        std::vector<CatalogAgency> out;
        for (const auto& e : detail::AgencyCatalog::instance().entries()) {
            out.push_back(CatalogAgency{e.id, e.kind, e.name, e.aliases, e.scope, e.successor});
        }
        return out;
    }();
    return catalog;
}

}  // namespace vanban
