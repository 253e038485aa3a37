// What a mention is read from (bodies_reader.h): places ("tỉnh Đắk Lắk", "các tỉnh: A, B", "khu
// vực XI"), names given by the grammar, groups ("các sở, ban, ngành"), and the glue between bodies.
#include "bodies_reader.h"

namespace vanban::detail::reading {

// A line that starts at token i with an enumerator ("3.", "b)", "IV.", "- ", "+ "): a new item,
// where no name goes on.
bool Reader::item_starts(std::size_t i) const {
    if (i >= hi_ || !toks_[i].nl) return false;
    if (punct(i, '-') || punct(i, '+') || punct(i, '*') || punct(i, '(')) return true;
    if (!word(i) || !(punct(i + 1, '.') || punct(i + 1, ')'))) return false;
    std::string_view x = w(i);
    return x.size() <= 5 && (std::all_of(x.begin(), x.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; }) ||
                             std::all_of(x.begin(), x.end(), [](char c) { return std::string_view("ivxlc").find(c) != std::string_view::npos; }) ||
                             x.size() == 1 || x == "dieu");
}

// The mention at token i goes on a list of bodies: the last one found ends just before, ", " or
// " và " between.
bool Reader::coordinated(std::size_t i) const {
    if (out_.empty() || out_.back().end > tok_start(i) || out_.back().place_only) return false;
    if (tok_start(i) - out_.back().end > 8) return false;  // ", và " at most
    std::string g = fold(text_.substr(out_.back().end, tok_start(i) - out_.back().end));
    std::string_view t = trim(g);
    return t == "," || t == "va" || t == ", va" || t == ";";
}

// Only glue (',', ';', "và", "cùng") between original offsets a and b.
bool Reader::glue_between(std::size_t a, std::size_t b) const {
    if (b < a || b - a > 16) return false;
    std::string g = fold(text_.substr(a, b - a));
    for (char& c : g) {
        if (c == ',' || c == ';' || c == '\n') c = ' ';
    }
    std::string_view t = trim(g);
    return t.empty() || t == "va";
}

// The written text of tokens [a, b), spaces squeezed, line breaks as spaces.
std::string Reader::written(std::size_t a, std::size_t b) const {
    if (a >= b || a >= hi_) return {};
    b = std::min(b, hi_);
    std::string s(text_.substr(tok_start(a), tok_end(b - 1) - tok_start(a)));
    std::replace(s.begin(), s.end(), '\n', ' ');
    return squeeze(s);
}

Reader::Place Reader::read_place(std::size_t t) const {
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

// --- names given by the grammar ---
// The end of the name whose head noun ends at token h (h when nothing after it makes a name).
std::size_t Reader::read_name(std::size_t h, const HeadNoun& head) const {
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

std::optional<Reader::Group> Reader::read_group(std::size_t t) const {
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
bool Reader::generic_name(std::string_view folded) const {
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
bool Reader::abbreviates(std::string_view printed, std::string_view full) {
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

}  // namespace vanban::detail::reading
