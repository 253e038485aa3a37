// The issuer block of a header (header.h: read_issuer): the lines above the national motto cut into
// bodies by the grammar of their names, the issuer and its parent told apart.
#include <algorithm>
#include <span>
#include <unordered_map>

#include "body_grammar.h"
#include "header.h"
#include "syllable.h"
#include "text.h"

namespace vanban::detail {

namespace {

// ---- The issuer block -------------------------------------------------------------------------
//
// The capitals lines above the number (Nghị định 30/2020/NĐ-CP, Phụ lục I: the superior body over the
// issuing body) arrive wrapped anywhere: a portal's table cell breaks "ỦY BAN NHÂN" / "DÂN TỈNH PHÚ
// THỌ" and "CHỦ TỊCH ỦY" / "BAN NHÂN DÂN", and unwrapping may glue a superior to its unit on one line
// ("CỤC THUẾ THUẾ TỈNH VĨNH LONG", "BAN CHẤP HÀNH TRUNG ƯƠNG BAN TUYÊN GIÁO VÀ DÂN VẬN"). So the block
// is read as one run of words and cut into bodies by the grammar of their names: a body begins with a
// head noun, and a new body begins only where the words so far already make a complete name (a head
// noun and at least one word of its own) and the head noun is not bound to the word before it ("ỦY
// BAN", "CƠ SỞ", "NỘI VỤ"). Invariant: every word of the block belongs to exactly one body, in order.

enum class HeadKind {
    unit,   // a unit under a superior, also inside a line: "BỘ TÀI CHÍNH TỔNG CỤC THUẾ"
    line,   // a body that begins a new one at the start of a line only: "BỘ Y TẾ" / "BỆNH VIỆN ..."
    first,  // a body whose name also ends other names ("Văn phòng Chính phủ", "Ủy ban Thường vụ Quốc
            // hội", "Ban Thường vụ Tỉnh ủy"), or a head's title: it begins only the block
};

// The words a body begins with are the body grammar's head nouns (head_nouns(), body_grammar.cpp) and the
// few issuer words below. How a head cuts is the kind and the length of the longest entry of kCuts or
// kIssuerWords its words begin with: "ủy ban nhân dân" cuts as "ủy ban" (a line, whose two words make
// "ỦY BAN NHÂN DÂN" a name already), "chi cục hải quan" as "chi cục" (a unit). A head noun that begins
// with no entry ("nhà xuất bản", "thông tấn xã") cuts as a line, its own words the head.
struct Cut {
    std::string_view written;  // lowercase, with diacritics
    HeadKind kind;
};

// Head nouns of head_nouns(), written as there (tests/parser/rule_tables_test.cpp holds them to it).
constexpr Cut kCuts[] = {
    {"tổng cục", HeadKind::unit},     {"chi cục", HeadKind::unit},      {"cục", HeadKind::unit},
    {"ban", HeadKind::unit},          {"văn phòng", HeadKind::unit},    {"trung tâm", HeadKind::unit},
    {"chi nhánh", HeadKind::unit},    {"kho bạc", HeadKind::unit},      {"bệnh viện", HeadKind::unit},
    {"học viện", HeadKind::unit},
    {"bộ tư lệnh", HeadKind::line},   {"bộ chỉ huy", HeadKind::line},   {"bộ", HeadKind::line},
    {"vụ", HeadKind::line},           {"phòng", HeadKind::line},        {"viện", HeadKind::line},
    {"trường", HeadKind::line},       {"đại học", HeadKind::line},      {"ủy ban", HeadKind::line},
    {"hội đồng", HeadKind::line},     {"thanh tra", HeadKind::line},    {"công an", HeadKind::line},
    {"tòa án", HeadKind::line},       {"ngân hàng", HeadKind::line},    {"tập đoàn", HeadKind::line},
    {"tổng công ty", HeadKind::line}, {"công ty", HeadKind::line},      {"liên đoàn", HeadKind::line},
    {"đoàn", HeadKind::line},         {"đài", HeadKind::line},          {"báo", HeadKind::line},
    {"đảng ủy", HeadKind::line},      {"hải quan", HeadKind::line},     {"thuế", HeadKind::line},
    {"quân khu", HeadKind::line},
    {"tỉnh ủy", HeadKind::first},     {"thành ủy", HeadKind::first},    {"huyện ủy", HeadKind::first},
    {"quận ủy", HeadKind::first},     {"thị ủy", HeadKind::first},      {"hội", HeadKind::first},
};

// Words that begin an issuer's name in a header and are no head nouns of the grammar (the test holds them
// out of head_nouns(): one the grammar takes up goes from here):
// - "Thuế" with the unit of its place, a unit even inside a line ("CỤC THUẾ THUẾ TỈNH VĨNH LONG"), where
//   the head noun "Thuế" alone begins a body at a line's start only;
// - heads that running text reads otherwise: "Sở" (through the catalogue and as a group noun), "Đảng bộ",
//   "Tổng Liên đoàn", and the first words of head nouns for names the grammar does not list ("BẢO HIỂM
//   TIỀN GỬI VIỆT NAM", "KIỂM TOÁN", "MẶT TRẬN"). As head nouns they would change the bodies found in
//   running text: with "sở", "đảng bộ" and "tổng liên đoàn" in head_nouns(), the tasks of 21 documents of
//   ../shared/corpus change (3 goldens of corpus/ among them); without "sở", of 1;
// - a standing body ("THƯỜNG TRỰC HĐND") and the abbreviations "UBND", "HĐND";
// - names that stand alone and heads' titles that sign for a body ("CHÍNH PHỦ", "THỦ TƯỚNG CHÍNH PHỦ").
constexpr Cut kIssuerWords[] = {
    {"thuế tỉnh", HeadKind::unit},  {"thuế thành phố", HeadKind::unit}, {"thuế cơ sở", HeadKind::unit},
    {"thuế khu vực", HeadKind::unit}, {"sở", HeadKind::unit},
    {"đảng bộ", HeadKind::line},    {"tổng liên đoàn", HeadKind::line}, {"bảo hiểm", HeadKind::line},
    {"kiểm toán", HeadKind::line},  {"mặt trận", HeadKind::line},       {"thường trực", HeadKind::line},
    {"ubnd", HeadKind::line},       {"hđnd", HeadKind::line},
    {"chính phủ", HeadKind::first}, {"quốc hội", HeadKind::first},      {"thủ tướng", HeadKind::first},
    {"chủ tịch", HeadKind::first},
};

struct Head {
    std::vector<std::string> words;  // folded
    HeadKind kind;
    std::size_t own;  // the words of the entry that gives its cut: they do not yet make a name
};

std::vector<std::string> folded_words(std::string_view written) {
    std::vector<std::string> out;
    std::string f = fold(written);
    for (std::size_t i = 0; i < f.size();) {
        std::size_t j = f.find(' ', i);
        if (j == std::string::npos) j = f.size();
        if (j > i) out.push_back(f.substr(i, j - i));
        i = j + 1;
    }
    return out;
}

// Every head (head nouns and issuer words) by its first folded word, longest first.
using HeadIndex = std::unordered_map<std::string, std::vector<Head>>;

const HeadIndex& issuer_head_index() {
    static const HeadIndex index = [] {
        std::vector<std::pair<std::vector<std::string>, HeadKind>> cuts;
        for (std::span<const Cut> table : {std::span<const Cut>(kCuts), std::span<const Cut>(kIssuerWords)}) {
            for (const Cut& c : table) cuts.emplace_back(folded_words(c.written), c.kind);
        }
        HeadIndex m;
        auto add = [&](std::string_view written) {
            Head h{folded_words(written), HeadKind::line, 0};
            if (h.words.empty()) return;
            h.own = h.words.size();
            std::size_t best = 0;
            for (const auto& [words, kind] : cuts) {
                bool prefix = words.size() <= h.words.size() && std::equal(words.begin(), words.end(), h.words.begin());
                if (prefix && words.size() > best) best = words.size(), h.kind = kind, h.own = words.size();
            }
            auto& list = m[h.words.front()];
            for (const auto& x : list) {
                if (x.words == h.words) return;
            }
            list.push_back(std::move(h));
        };
        for (const HeadNoun& h : head_nouns()) add(h.written);
        for (const Cut& c : kIssuerWords) add(c.written);
        for (auto& [first, list] : m) {
            std::stable_sort(list.begin(), list.end(), [](const Head& a, const Head& b) { return a.words.size() > b.words.size(); });
        }
        return m;
    }();
    return index;
}

}  // namespace

std::vector<IssuerCut> issuer_cuts() {
    std::vector<IssuerCut> out;
    for (const Cut& c : kCuts) out.push_back({c.written, true, c.kind == HeadKind::first});
    for (const Cut& c : kIssuerWords) out.push_back({c.written, false, c.kind == HeadKind::first});
    return out;
}

namespace {

// A head noun that is part of the word before it: "ỦY BAN", "CƠ SỞ", "NỘI VỤ", "MÔI TRƯỜNG".
constexpr std::pair<std::string_view, std::string_view> kBound[] = {
    {"uy", "ban"},       {"truong", "ban"}, {"co", "so"},       {"tru", "so"},       {"quoc", "phong"},
    {"van", "phong"},    {"thuong", "vu"},  {"nhiem", "vu"},    {"dich", "vu"},      {"cong", "vu"},
    {"noi", "vu"},       {"ngoai", "vu"},   {"phuc", "vu"},     {"moi", "truong"},   {"thi", "truong"},
    {"hien", "truong"},  {"xa", "hoi"},     {"quoc", "hoi"},    {"dai", "hoi"},      {"tong", "cuc"},
    {"chi", "cuc"},      {"dang", "bo"},    {"can", "bo"},      {"toan", "bo"},      {"hoc", "vien"},
    {"benh", "vien"},    {"thu", "vien"},   {"tong", "cong"},   {"tong", "lien"},    {"bo", "truong"},
};

struct IssuerWord {
    std::string text;
    std::string folded;
    bool line_start = false;
};

bool is_dash_word(std::string_view w) { return w == "-" || w == "–" || w == "—"; }

// The longest head that begins words[k...], or nullptr.
const Head* head_at(const std::vector<IssuerWord>& words, std::size_t k) {
    const HeadIndex& index = issuer_head_index();
    auto it = index.find(words[k].folded);
    if (it == index.end()) return nullptr;
    for (const Head& h : it->second) {
        bool match = k + h.words.size() <= words.size();
        for (std::size_t n = 1; match && n < h.words.size(); ++n) match = words[k + n].folded == h.words[n];
        if (match) return &h;
    }
    return nullptr;
}

bool bound_to_previous(const std::vector<IssuerWord>& words, std::size_t k) {
    if (k == 0) return false;
    for (const auto& [before, head] : kBound) {
        if (words[k - 1].folded == before && words[k].folded == head) return true;
    }
    return false;
}

// Strips rules and marks around a capitals line ("CHÍNH PHỦ-------", "**SỞ Y TẾ**", "——-", "\_\_\_")
// and tells whether it ends with a joining dash ("VIỆN KIỂM SÁT NHÂN DÂN TỐI CAO -").
std::string strip_rules(std::string_view raw, bool& dash_end) {
    std::string line = squeeze(raw);
    dash_end = line.ends_with(" -") || line.ends_with(" –");
    auto rule_char_at_end = [&] {
        if (line.empty()) return false;
        char c = line.back();
        if (c == '-' || c == '_' || c == '*' || c == '=' || c == '~' || c == '\\') return true;
        return line.ends_with("—") || line.ends_with("–");
    };
    while (rule_char_at_end()) {
        if (line.ends_with("—") || line.ends_with("–")) {
            line.resize(line.size() - 3);
        } else {
            line.pop_back();
        }
    }
    std::size_t lead = 0;
    while (lead < line.size() && (line[lead] == '*' || line[lead] == '_' || line[lead] == '\\')) ++lead;
    return squeeze(std::string_view(line).substr(lead));
}

// Normal case for an issuer name: normal_case_name() plus the spellings of head nouns it does not
// know ("Ủy ban", "Hội đồng" keep their second word in lowercase; a body named after a head's title is
// capitalized: "Chủ tịch Ủy ban nhân dân"; "khu vực XI" keeps its numeral).
std::string issuer_case(std::string_view caps) {
    // "BỘ LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI": an en or em dash joining the parts of a name is the hyphen
    // normal_case_name() knows.
    std::string hyphenated(caps);
    for (std::string_view dash : {" – ", " — "}) {
        for (std::size_t p = hyphenated.find(dash); p != std::string::npos; p = hyphenated.find(dash, p)) {
            hyphenated.replace(p, dash.size(), " - ");
        }
    }
    std::string name = normal_case_name(hyphenated);
    std::vector<std::string> w;
    for (std::size_t i = 0; i < name.size();) {
        std::size_t j = name.find(' ', i);
        if (j == std::string::npos) j = name.size();
        w.emplace_back(name.substr(i, j - i));
        i = j + 1;
    }
    std::vector<std::string> f;
    for (const auto& x : w) f.push_back(fold(x));
    for (std::size_t i = 0; i + 1 < w.size(); ++i) {
        bool pair_head = (f[i] == "uy" && f[i + 1] == "ban") || (f[i] == "hoi" && f[i + 1] == "dong");
        if (!pair_head) continue;
        w[i + 1] = lower(w[i + 1]);
        if (i == 2 && f[0] == "chu" && f[1] == "tich") w[i] = capitalize_first(w[i]);
    }
    // "Bộ Tư lệnh Hải quân", "Bộ Chỉ huy Quân sự tỉnh X": the command's own name starts with a capital.
    for (std::size_t i = 0; i + 3 < w.size(); ++i) {
        bool command = f[i] == "bo" && ((f[i + 1] == "tu" && f[i + 2] == "lenh") || (f[i + 1] == "chi" && f[i + 2] == "huy"));
        if (command) w[i + 3] = capitalize_first(w[i + 3]);
    }
    for (std::size_t i = 0; i + 2 < w.size(); ++i) {
        if (f[i] != "khu" || f[i + 1] != "vuc") continue;
        bool roman = !f[i + 2].empty() && f[i + 2].find_first_not_of("ivxlc") == std::string::npos;
        if (!roman && f[i + 2].find_first_not_of("0123456789") != std::string::npos) continue;
        w[i] = lower(w[i]);
        w[i + 1] = lower(w[i + 1]);
        if (roman) {
            std::string up;
            for (char c : f[i + 2]) up += static_cast<char>(c - 32);
            w[i + 2] = up;
        }
    }
    std::string out;
    for (const auto& x : w) {
        if (!out.empty()) out += ' ';
        out += x;
    }
    return out;
}

// A unit printed under its superior is known by a longer name (Hướng dẫn 36-HD/VPTW for Party bodies):
// "Văn phòng" under "Ban Chấp hành Trung ương" is "Văn phòng Trung ương Đảng", "Ban Tổ chức" there is
// "Ban Tổ chức Trung ương", "Ban Tuyên giáo" under "Tỉnh ủy Hà Nam" is "Ban Tuyên giáo Tỉnh ủy Hà
// Nam", a bare "Văn phòng" under "Ủy ban nhân dân tỉnh X" is "Văn phòng Ủy ban nhân dân tỉnh X".
std::string complete_unit(const std::string& unit, const std::string& parent) {
    std::string fu = fold(unit), fp = fold(parent);
    // "ĐẢNG BỘ TỈNH HÀ TĨNH" over "TỈNH ỦY": the committee of that organisation, "Tỉnh ủy Hà Tĩnh"; its
    // "BAN CHẤP HÀNH" or "BAN THƯỜNG VỤ" is the Party organisation's ("Ban Chấp hành Đảng bộ tỉnh ...").
    if (fp.starts_with("dang bo ")) {
        static constexpr std::pair<std::string_view, std::string_view> kCommittees[] = {
            {"tinh uy", "tinh "}, {"thanh uy", "thanh pho "}, {"huyen uy", "huyen "}, {"quan uy", "quan "}, {"thi uy", "thi xa "}};
        for (auto [committee, level] : kCommittees) {
            if (fu != committee) continue;
            std::string_view rest = std::string_view(fp).substr(8);
            if (!rest.starts_with(level)) break;
            // The place, as printed in the parent (the same number of words from its end).
            std::size_t place_words = static_cast<std::size_t>(std::count(rest.begin(), rest.end(), ' ')) + 1 -
                                      static_cast<std::size_t>(std::count(level.begin(), level.end(), ' '));
            std::size_t p = parent.size();
            for (std::size_t w = 0; w < place_words && p != std::string::npos; ++w) p = parent.rfind(' ', p - 1);
            return p == std::string::npos ? unit : unit + parent.substr(p);
        }
        if (fu == "ban chap hanh" || fu == "ban thuong vu" || fu == "uy ban kiem tra") return unit + " " + parent;
        return unit;
    }
    // A standing committee under its council: "Thường trực Hội đồng nhân dân tỉnh X".
    if (fu == "thuong truc") return unit + " " + parent;
    if (fp == "ban chap hanh trung uong") {
        if (fu == "van phong") return "Văn phòng Trung ương Đảng";
        if ((fu.starts_with("ban ") || fu.starts_with("uy ban kiem tra")) && fu.find("trung uong") == std::string::npos) {
            return unit + " Trung ương";
        }
        return unit;
    }
    bool party = fp.starts_with("tinh uy") || fp.starts_with("thanh uy") || fp.starts_with("huyen uy") ||
                 fp.starts_with("quan uy") || fp.starts_with("thi uy") || fp.starts_with("dang uy");
    if (party && (fu == "van phong" || fu.starts_with("ban ") || fu == "uy ban kiem tra") &&
        fu.find(fp) == std::string::npos) {
        return unit + " " + parent;
    }
    if (fu == "van phong") return unit + " " + parent;
    return unit;
}

}  // namespace

void read_issuer(const std::vector<std::string>& caps_lines, Document& doc) {
    std::vector<IssuerWord> words;
    std::vector<std::string> seen_lines;
    bool motto_cut = false;  // the previous line ended with the start of the motto
    for (const auto& raw : caps_lines) {
        // A list item or a clause is not an issuer line ("- C29, C51, C46;" of a recipients list).
        std::string_view r = trim(raw);
        if (r.starts_with("- ") || r.starts_with("+ ") || r.starts_with("• ") || has_any_of(r, ";:")) continue;
        // The national motto glued to the issuer by a text extraction ("ỦY BAN NHÂN DÂN TỈNH X CỘNG HÒA XÃ
        // HỘI CHỦ NGHĨA VIỆT NAM"), or its end on the next line ("... CỘNG HÒA XÃ" / "HỘI CHỦ NGHĨA VIỆT
        // NAM"): not part of a name.
        std::string cut_line;
        {
            static constexpr std::string_view kMotto = "cong hoa xa hoi chu nghia viet nam";
            Folded fl = fold_with_map(r);
            std::string_view f = fl.text;
            bool suffix = f.size() < kMotto.size() && kMotto.ends_with(f) && kMotto[kMotto.size() - f.size() - 1] == ' ';
            if (suffix && (motto_cut || std::count(f.begin(), f.end(), ' ') >= 2)) {
                motto_cut = false;
                continue;
            }
            motto_cut = false;
            std::size_t p = f.find(" cong hoa");
            if (p != std::string_view::npos && kMotto.starts_with(f.substr(p + 1, std::min(f.size() - p - 1, kMotto.size())))) {
                cut_line = std::string(r.substr(0, fl.orig[p]));
                motto_cut = f.size() - p - 1 < kMotto.size();
                r = cut_line;
            }
        }
        bool dash_end = false;
        std::string line = strip_rules(r, dash_end);
        if (line.empty()) continue;
        // Syllables split by stray spaces ("B Ộ LAO ĐỘNG - THƯƠNG BINH V À X Ã HỘI"): a lone letter
        // is joined to its neighbour where that makes a syllable.
        bool lone_letter = false;
        for (std::size_t i = 0; i < line.size() && !lone_letter;) {
            std::size_t j = line.find(' ', i);
            if (j == std::string::npos) j = line.size();
            std::size_t k = i;
            if (j > i) {
                char32_t cp = next_cp(line, k);
                lone_letter = k == j && is_letter(cp);
            }
            i = j + 1;
        }
        if (lone_letter) join_fragments(line);
        // A gazette may print the issuer block twice ("CHÍNH PHỦ" / "CHÍNH PHỦ").
        std::string fl = fold(line);
        if (std::find(seen_lines.begin(), seen_lines.end(), fl) != seen_lines.end()) continue;
        seen_lines.push_back(std::move(fl));
        bool first = true;
        for (std::size_t i = 0; i < line.size();) {
            std::size_t j = line.find(' ', i);
            if (j == std::string::npos) j = line.size();
            IssuerWord w;
            w.text = line.substr(i, j - i);
            w.folded = fold(w.text);
            w.line_start = first;
            first = false;
            words.push_back(std::move(w));
            i = j + 1;
        }
        if (dash_end && !words.empty() && !is_dash_word(words.back().text)) words.push_back({"-", "-", false});
    }
    if (words.empty()) return;

    // Cut the run into bodies (see the block comment above).
    struct Body {
        std::size_t start, end;  // word range
        bool joint_before;       // joined to the previous body by a dash, as a co-issuer
    };
    std::vector<Body> bodies{{0, 0, false}};
    const Head* head = head_at(words, 0);
    std::size_t own_from = head ? head->own : 1;  // words that do not yet make the current body a name
    auto complete = [&](std::size_t k) {
        std::size_t s = bodies.back().start;
        if (k <= s + own_from) return false;
        const std::string& last = words[k - 1].folded;
        return last != "va" && !is_dash_word(last) && last != "&" && !last.ends_with(",");
    };
    for (std::size_t k = 1; k < words.size(); ++k) {
        bool after_dash = is_dash_word(words[k - 1].text);
        if (is_dash_word(words[k].text)) continue;
        const Head* h = head_at(words, k);
        if (!h || bound_to_previous(words, k)) continue;
        std::size_t end = after_dash ? k - 1 : k;
        bool split = false, joint = false;
        if (after_dash) {
            // "BỘ TÀI CHÍNH - BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI": co-issuers; "... - SỞ Y TẾ": a unit.
            split = complete(end);
            joint = split && h->kind != HeadKind::unit;
        } else if (h->kind == HeadKind::unit) {
            split = complete(k);
        } else if (h->kind == HeadKind::line) {
            split = words[k].line_start && complete(k);
        } else {
            // A Party organisation above its committee: "ĐẢNG BỘ TỈNH X" / "TỈNH ỦY".
            split = words[k].line_start && complete(k) && words[bodies.back().start].folded == "dang" &&
                    bodies.back().start + 1 < words.size() && words[bodies.back().start + 1].folded == "bo";
        }
        if (!split) continue;
        bodies.back().end = end;
        bodies.push_back({k, 0, joint});
        own_from = h->own;
    }
    bodies.back().end = words.size();

    std::vector<std::string> names;
    bool joint = false;
    for (const auto& b : bodies) {
        std::string caps;
        for (std::size_t k = b.start; k < b.end; ++k) {
            if (k + 1 == b.end && is_dash_word(words[k].text)) break;
            if (!caps.empty()) caps += ' ';
            caps += words[k].text;
        }
        if (caps.empty()) continue;
        std::string n = issuer_case(caps);
        // A gazette may print the issuer block twice.
        bool seen = false;
        for (const auto& x : names) seen |= fold(x) == fold(n);
        if (seen) continue;
        joint |= b.joint_before && !names.empty();
        names.push_back(n);
    }
    if (names.empty()) return;
    auto first_word = [](const std::string& s) { return fold(s.substr(0, s.find(' '))); };
    // Two ministries are co-issuers; a command under its ministry ("Bộ Tư lệnh", "Bộ Chỉ huy", "Bộ Tổng
    // Tham mưu" under "Bộ Quốc phòng") is a unit.
    auto command = [](const std::string& s) {
        std::string f = fold(s);
        return f.starts_with("bo tu lenh") || f.starts_with("bo chi huy") || f.starts_with("bo tong tham muu");
    };
    joint |= names.size() >= 2 && first_word(names[0]) == "bo" && first_word(names[1]) == "bo" && !command(names[1]);
    if (joint) {
        doc.issuers = names;
        doc.issuer = names[0];
        return;
    }
    std::string issuer = names.back();
    if (names.size() >= 2) {
        doc.issuer_parent = names[names.size() - 2];
        issuer = complete_unit(issuer, *doc.issuer_parent);
    }
    doc.issuer = issuer;
    doc.issuers = {issuer};
}

}  // namespace vanban::detail
