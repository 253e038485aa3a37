#include "header.h"

#include <algorithm>
#include <span>
#include <unordered_map>

#include "body_grammar.h"
#include "dates.h"
#include "doc_types.h"
#include "numbering.h"
#include "portal_clutter.h"
#include "signature.h"
#include "syllable.h"
#include "text.h"

namespace vanban::detail {

std::optional<TypeHeading> read_type_heading_any_case(std::string_view line);

namespace {

bool is_motto_line(std::string_view s) {
    return fold_starts_with(s, "cong hoa xa hoi") || fold_starts_with(s, "chu nghia viet nam") ||
           fold_starts_with(s, "doc lap - tu do") || fold_starts_with(s, "doc lap-tu do") ||
           fold_starts_with(s, "doc lap – tu do") || fold_starts_with(s, "dang cong san viet nam");
}

// Gazette section titles that are not issuers (portal_clutter.tsv: banner, banner_line).
bool is_section_banner(std::string_view folded) {
    for (auto p : clutter_phrases(ClutterRole::banner)) {
        if (folded.starts_with(p)) return true;
    }
    for (auto p : clutter_phrases(ClutterRole::banner_line)) {
        if (folded == p) return true;
    }
    return false;
}

// A portal's value standing for one it does not show ("Đang cập nhật", "Đã biết": no_value).
bool is_no_value(std::string_view folded) {
    for (auto p : clutter_phrases(ClutterRole::no_value)) {
        if (folded == p) return true;
    }
    return false;
}

// Reads "Số: 134/KH-UBND" (also "Số 25-KL/TW", "Số:134/...", "SỐ: ...", and "Luật số: 51/2024/QH15",
// "Nghị quyết số: 89/2025/UBTVQH15" where the type word comes first). A number wrapped after a
// dash ("01/2022/TTLT-VKSNDTC-" / "TANDTC-BCA") is completed from `next`.
std::optional<DocumentNumber> read_number_line(std::string_view line, std::string_view& rest, std::string_view next = {},
                                              bool* used_next = nullptr) {
    std::size_t at = 0;
    if (!fold_starts_with(line, "so")) {
        auto th = read_type_heading_any_case(line);
        if (!th) return std::nullopt;
        at = th->length;
        while (at < line.size() && line[at] == ' ') ++at;
        if (!fold_starts_with(line.substr(at), "so")) return std::nullopt;
    }
    std::size_t i = at;
    next_cp(line, i);  // S
    next_cp(line, i);  // ố / o
    std::size_t k = i;
    while (k < line.size() && (line[k] == ' ' || line[k] == ':' || line[k] == '.')) ++k;
    if (k == i && !(k < line.size() && line[k] >= '0' && line[k] <= '9')) return std::nullopt;
    std::string_view tail = trim(line.substr(k));
    std::string joined;
    if ((tail.ends_with("-") || tail.ends_with("/")) && !next.empty()) {
        joined = std::string(tail) + std::string(trim(next));
        tail = joined;
    }
    auto n = parse_number(tail);
    if (!n) return std::nullopt;
    std::string_view after = joined.empty() ? trim(line.substr(k + n->text.size())) : std::string_view{};
    // "Luật số: 51/2024/QH15" stands alone (or with its date); "Nghị định số 63/2010/NĐ-CP của Chính
    // phủ: Về ..." is a portal's title line before the header, not the header's number.
    std::string place;
    if (at > 0 && !after.empty() && !read_place_date(after, place)) return std::nullopt;
    if (used_next) *used_next = !joined.empty();
    rest = after;
    return n;
}

// A line in capitals for a title: every word without a digit is in capitals ("VỀ VIỆC THỰC HIỆN
// QUYẾT ĐỊNH SỐ 12/QĐ-TTg": a number's symbol may hold lowercase letters).
bool caps_text(std::string_view l) {
    bool letter = false;
    for (std::size_t i = 0; i < l.size();) {
        std::size_t j = l.find(' ', i);
        if (j == std::string_view::npos) j = l.size();
        std::string_view w = l.substr(i, j - i);
        i = j + 1;
        if (has_any_of(w, "0123456789/")) continue;
        for (std::size_t k = 0; k < w.size();) {
            char32_t cp = next_cp(w, k);
            if (!is_letter(cp)) continue;
            if (is_lower(cp)) return false;
            letter = true;
        }
    }
    return letter;
}

// The address formula of a Công điện: "THỦ TƯỚNG CHÍNH PHỦ điện:", "BỘ TRƯỞNG BỘ Y TẾ điện:".
bool is_address_formula(std::string_view l) {
    if (l.size() > 120) return false;
    std::string f = fold(l);
    return f.ends_with(" dien:") || f.ends_with(" dien :");
}

// A line that opens what follows the title: the address formula of a Công điện, or, in a consolidated
// text, a note naming a document it consolidates ("Quyết định số 142/2008/QĐ-TTg ngày ...").
bool opens_body(std::string_view l, bool consolidated) {
    if (is_address_formula(l)) return true;
    if (!consolidated || !starts_upper(l) || caps_text(l)) return false;
    std::string f = fold(l.substr(0, std::min<std::size_t>(l.size(), 80)));
    for (const auto& t : doc_type_rows()) {
        if (t.name.empty() || !f.starts_with(t.folded)) continue;
        std::string_view r = std::string_view(f).substr(t.folded.size());
        if (r.starts_with(" so ") && r.size() > 4 && r[4] >= '0' && r[4] <= '9') return true;
    }
    return false;
}

bool dangling(std::string_view title);

// True when `next` goes on with a Công văn's subject `subject`: a line in lowercase, or, in the same table
// cell (no blank line before it), a line after a word that cannot end the subject or a short word in
// capitals ("GTGT"); never the header's next element (place and date, "Kính gửi", a number, a marker).
bool continues_subject(const Line& next, std::string_view subject) {
    std::string_view x = trim(next.text);
    if (x.empty() || detect_marker(x) || is_motto_line(x) || fold_starts_with(x, "kinh gui")) return false;
    std::string place;
    if (read_place_date(x, place)) return false;
    if (fold_starts_with(x, "so") && has_digit(x.substr(0, std::min<std::size_t>(x.size(), 12)))) return false;
    if (starts_lower(x)) return true;
    if (next.blank_before) return false;
    if (is_all_caps(x)) return std::count(x.begin(), x.end(), ' ') <= 1 && x.size() < 24;
    return dangling(subject);
}

// A title line that cannot end a title: "... CỦA", "... VÀ", "... về", "...,".
bool dangling(std::string_view title) {
    title = trim(title);
    if (title.empty()) return false;
    if (title.back() == ',' || title.back() == '-') return true;
    std::size_t sp = title.rfind(' ');
    std::string last = fold(sp == std::string_view::npos ? title : title.substr(sp + 1));
    return last == "cua" || last == "va" || last == "ve" || last == "cho" || last == "tai" || last == "trong" ||
           last == "theo" || last == "tren" || last == "voi" || last == "den" || last == "nam" || last == "so";
}

// Drops from the end of `title` a word that begins the authority of the address formula `formula`
// ("THỦ" of "THỦ" / "TƯỚNG CHÍNH PHỦ điện:").
void drop_wrapped_authority(std::string& title, std::string_view formula) {
    static constexpr std::string_view kTitles[] = {"thu tuong", "bo truong", "chu tich", "giam doc", "cuc truong",
                                                   "truong ban", "pho thu tuong"};
    std::size_t sp = title.rfind(' ');
    if (sp == std::string::npos) return;
    std::string_view f = formula;
    std::size_t fe = f.find(' ');
    std::string pair = fold(std::string_view(title).substr(sp + 1)) + " " + fold(f.substr(0, fe));
    for (auto t : kTitles) {
        if (pair == t) {
            title.resize(sp);
            return;
        }
    }
}

bool is_title_stop(std::string_view l, bool have_title, bool title_caps, bool open_end, bool consolidated) {
    if (opens_body(l, consolidated)) return true;
    if (open_end && caps_text(l) == title_caps && !detect_marker(l)) return false;
    // A title in capitals ends where text in normal case begins: the first paragraph ("Ngày 15 tháng 11
    // năm 2025, tại Trụ sở Chính phủ, ..."), a consolidation note.
    if (have_title && title_caps && !caps_text(l) && starts_upper(l)) return true;
    std::string f = fold(l.substr(0, std::min<std::size_t>(l.size(), 40)));
    if (f.starts_with("can cu") || f.starts_with("theo de nghi") || f.starts_with("xet de nghi") ||
        f.starts_with("kinh gui")) {
        return true;
    }
    // "Thực hiện Chỉ thị số ..." opens a plan's preamble; "THỰC HIỆN CHỈ THỊ ..." in capitals is its title.
    if (f.starts_with("thuc hien ") && !is_all_caps(l)) return true;
    if (auto m = detect_marker(l); m && (have_title || m->kind != SectionKind::dash)) return true;
    if (is_position_line(l) || is_authority_line(l) || is_recipients_line(l)) return true;
    std::string place;
    if (read_place_date(l, place)) return true;
    if (have_title && is_all_caps(l) && title_caps &&
        (f.starts_with("uy ban nhan dan") || f.starts_with("hoi dong nhan dan") || f.starts_with("chinh phu") ||
         f.starts_with("quoc hoi") || f.starts_with("ban chap hanh") || f.starts_with("ban thuong vu") ||
         f.starts_with("thuong truc") || f.starts_with("bo truong") || f.starts_with("uy ban thuong vu"))) {
        return true;
    }
    if (have_title && is_all_caps(l) && !title_caps) return true;
    return l.size() > 600;
}

}  // namespace

std::optional<TypeHeading> read_type_heading_any_case(std::string_view line) {
    std::string f = fold(line.substr(0, std::min<std::size_t>(line.size(), 40)));
    for (const auto& t : doc_type_rows()) {
        if (!t.heading) continue;
        if (!f.starts_with(t.folded) || f.size() <= t.folded.size() || f[t.folded.size()] != ' ') continue;
        std::size_t words = 1, i = 0, w = 0;
        for (char c : t.folded) words += c == ' ';
        while (i < line.size() && w < words) {
            while (i < line.size() && line[i] != ' ') ++i;
            ++w;
            if (w < words)
                while (i < line.size() && line[i] == ' ') ++i;
        }
        return TypeHeading{std::string(t.name), i};
    }
    return std::nullopt;
}

std::optional<TypeHeading> read_type_heading(std::string_view line) {
    line = trim(line);
    if (line.empty() || line.size() > 2000) return std::nullopt;
    std::string f = fold(line.substr(0, std::min<std::size_t>(line.size(), 60)));
    for (const auto& t : doc_type_rows()) {
        if (!t.heading || !f.starts_with(t.folded)) continue;
        std::size_t n = t.folded.size();
        if (f.size() > n && f[n] != ' ' && f[n] != ':' && f[n] != '\t') continue;
        // Find the byte length of the type words in the original line (same number of words).
        std::size_t words = 1;
        for (char c : t.folded) words += c == ' ';
        std::size_t i = 0, w = 0;
        while (i < line.size() && w < words) {
            while (i < line.size() && line[i] != ' ') ++i;
            ++w;
            if (w < words)
                while (i < line.size() && line[i] == ' ') ++i;
        }
        std::string_view words_part = line.substr(0, i);
        if (!words_part.empty() && words_part.back() == ':') words_part.remove_suffix(1);
        bool caps = is_all_caps(words_part);
        bool alone = trim(line.substr(i)).empty() || trim(line.substr(i)) == ":";
        // A heading is in capitals; a lone word in normal case ("Kế hoạch") counts too.
        if (!caps && !(alone && line.size() < 40)) continue;
        // "QUYẾT ĐỊNH:" is the enacting formula, not a heading; "VĂN BẢN HỢP NHẤT - BỘ ..." is a
        // gazette's section banner.
        if (line.substr(i).starts_with(":") || line.substr(i).starts_with(" - ")) return std::nullopt;
        return TypeHeading{std::string(t.name), i};
    }
    return std::nullopt;
}

std::string type_from_code(std::string_view type_code) { return std::string(type_for_code(type_code)); }

}  // namespace vanban::detail

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

Header read_header(const std::vector<Line>& lines, const PortalMeta& portal, Document& doc) {
    Header h;
    std::vector<std::string> caps_before;
    bool anchor_seen = false;  // motto or number line passed: no more issuer lines
    std::size_t limit = std::min<std::size_t>(lines.size(), 60);
    std::size_t i = 0;
    std::optional<TypeHeading> heading;
    std::string title;
    bool vv_title = false;
    bool addressed = false;  // "Kính gửi:" before any heading: the form of a công văn
    std::string glued;  // outlives `t`, which may point into it
    std::size_t motto_at = lines.size();  // first motto line within `limit`, found when first needed
    bool motto_seen = false;
    std::optional<std::pair<std::string, std::string>> early_date;  // date and place met before the header
    for (; i < limit; ++i) {
        std::string_view t = trim(lines[i].text);
        if (t.empty()) continue;
        if (is_motto_line(t)) {
            motto_seen = true;
            continue;
        }
        std::string_view rest;
        if (!doc.number) {
            std::string_view next = i + 1 < lines.size() ? std::string_view(lines[i + 1].text) : std::string_view{};
            // "Số:" alone, the number on the next line (a wrapped table cell).
            std::string fs = fold(t);
            if ((fs == "so:" || fs == "so") && !next.empty()) {
                glued = std::string(t) + " " + std::string(next);
                t = glued;
                ++i;
                next = i + 1 < lines.size() ? std::string_view(lines[i + 1].text) : std::string_view{};
            }
            bool used_next = false;
            if (auto n = read_number_line(t, rest, next, &used_next)) {
                doc.number = *n;
                h.number_line = i;
                if (used_next) ++i;
                anchor_seen = true;
                std::string place;
                if (!rest.empty() && !doc.date) {
                    if (auto d = read_place_date(rest, place)) doc.date = *d, doc.place = place;
                }
                // A Công văn's subject may follow in the same cell: "V/v ...", "Về ...".
                if (fold_starts_with(rest, "v/v")) {
                    title = std::string(trim(rest.substr(3)));
                    if (title.starts_with(':')) title = std::string(trim(std::string_view(title).substr(1)));
                    vv_title = true;
                } else if (fold_starts_with(rest, "ve ") && starts_upper(rest)) {
                    title = std::string(rest);
                    vv_title = true;
                }
                while (vv_title && i + 1 < limit && continues_subject(lines[i + 1], title)) title += ' ' + lines[++i].text;
                continue;
            }
        }
        if (!doc.date) {
            std::string place;
            auto d = read_place_date(t, place);
            // A place name wrapped before its date: "Tây" / "Ninh, ngày 01 tháng 12 năm 2025".
            if (!d && t.size() < 24 && t.find(' ') == std::string_view::npos && starts_upper(t) && !is_all_caps(t) &&
                i + 1 < limit && !lines[i + 1].blank_before) {
                glued = std::string(t) + " " + lines[i + 1].text;
                if ((d = read_place_date(glued, place))) t = glued, ++i;
            }
            if (d) {
                // A place and date before anything of the header (issuer, motto, number) is a page's,
                // not the document's; it serves only when the header has none.
                if (!anchor_seen && !motto_seen && caps_before.empty()) {
                    if (!early_date) early_date = std::make_pair(*d, place);
                    continue;
                }
                doc.date = *d;
                if (!place.empty()) doc.place = place;
                anchor_seen = true;
                continue;
            }
        }
        // A Công văn's subject: "V/v ...", or "Về ..." on the line under the number.
        bool ve_subject = !vv_title && doc.number && h.number_line + 1 == i && fold_starts_with(t, "ve ") && starts_upper(t) &&
                          !is_all_caps(t);
        if (fold_starts_with(t, "v/v") || ve_subject) {
            std::string_view v = ve_subject ? t : trim(t.substr(3));
            if (v.starts_with(':')) v = trim(v.substr(1));
            title = std::string(v);
            vv_title = true;
            if (title.empty() && i + 1 < limit && !detect_marker(lines[i + 1].text)) title = lines[++i].text;
            // The subject may wrap over the next lines of its cell: "V/v tuyên truyền chủ trương, chính sách
            // của" / "Đảng, Nhà nước.", "V/v thuế suất thuế" / "GTGT".
            while (i + 1 < limit && continues_subject(lines[i + 1], title)) title += ' ' + lines[++i].text;
            continue;
        }
        if ((heading = read_type_heading(t))) break;
        std::string f = fold(t.substr(0, std::min<std::size_t>(t.size(), 30)));
        if (f.starts_with("kinh gui")) addressed = true;
        if (f.starts_with("can cu") || f.starts_with("kinh gui")) break;
        if (t.size() > 300) {
            // Text before the header (a portal's title line) is passed over when the motto follows.
            if (motto_at == lines.size()) {
                motto_at = limit;
                for (std::size_t k = 0; k < limit; ++k) {
                    if (is_motto_line(trim(lines[k].text))) {
                        motto_at = k;
                        break;
                    }
                }
            }
            bool header_ahead = caps_before.empty() && !anchor_seen && motto_at > i && motto_at <= i + 8;
            if (!header_ahead) break;
            continue;
        }
        if (auto m = detect_marker(t); m && m->kind != SectionKind::dash) break;
        if (!anchor_seen && is_all_caps(t) && t.size() < 160 && !is_section_banner(fold(t))) {
            caps_before.emplace_back(t);
            if (caps_before.size() > 12) caps_before.erase(caps_before.begin());
        }
    }
    read_issuer(caps_before, doc);
    if (!doc.date && early_date) {
        doc.date = early_date->first;
        if (!early_date->second.empty()) doc.place = early_date->second;
    }

    std::size_t end = i;
    if (heading) {
        doc.type = heading->type;
        std::string_view t = trim(lines[i].text);
        std::string first = std::string(trim(t.substr(heading->length)));
        if (!first.empty() && first[0] == ':') first = std::string(trim(std::string_view(first).substr(1)));
        if (!vv_title) title = first;
        std::size_t j = i + 1;
        bool consolidated = doc.number && type_from_code(doc.number->type_code) == "Văn bản hợp nhất";
        bool caps = title.empty() ? false : caps_text(title);
        int taken = 0;
        while (j < lines.size() && taken < 6) {
            std::string_view l = trim(lines[j].text);
            bool have = !title.empty();
            if (!have) caps = caps_text(l);
            if (is_title_stop(l, have, caps, have && dangling(title), consolidated)) {
                // "... TẠI KHU VỰC TRUNG BỘ THỦ" / "TƯỚNG CHÍNH PHỦ điện:": the formula's first word was
                // wrapped onto the title's last line.
                if (is_address_formula(l)) drop_wrapped_authority(title, l);
                break;
            }
            if (have && lines[j].blank_before && !(caps && is_all_caps(l)) && !starts_lower(l)) break;
            if (have && !caps && is_all_caps(l)) break;
            if (vv_title) break;
            if (!title.empty()) title += ' ';
            title += l;
            ++j;
            ++taken;
            if (!caps && l.size() > 250) break;
        }
        end = j;
    } else if (!vv_title) {
        end = i;  // no heading: the preamble starts where the header scan stopped
    } else {
        end = i;
    }
    // A consolidated text printed without a number of its own names, in the first note under its title,
    // the document it consolidates: "Luật Thuế thu nhập cá nhân số 109/2025/QH15 ngày 10 tháng 12 năm
    // 2025 của Quốc hội, có hiệu lực ...". That number is the header's until the consolidation stamp
    // at the end says otherwise (read_consolidation).
    if (!doc.number && heading && end < lines.size()) {
        std::string_view l = trim(lines[end].text);
        if (fold_starts_with(l, fold(heading->type)) && !caps_text(l)) {
            // The first "số <digit>" within the note's opening words.
            for (std::size_t k = 1; k + 4 < l.size() && k < 160; ++k) {
                if (l[k - 1] != ' ' || !fold_starts_with(l.substr(k, 6), "so ")) continue;
                std::size_t d = l.find(' ', k) + 1;
                if (d < l.size() && l[d] >= '0' && l[d] <= '9') {
                    if (auto n = parse_number(l.substr(d, std::min<std::size_t>(l.size() - d, 60)))) doc.number = *n;
                }
                break;
            }
        }
    }
    h.title_end = end;
    // "V/V CHỦ ĐỘNG PHÒNG, TRÁNH ..." under a Công điện's heading: "V/v" abbreviates "về việc" and is
    // not part of the subject, as in a Công văn.
    if (fold_starts_with(title, "v/v ") || fold_starts_with(title, "v/v:")) {
        title = std::string(trim(std::string_view(title).substr(4)));
        if (title.starts_with(':')) title = std::string(trim(std::string_view(title).substr(1)));
    }
    if (!title.empty()) doc.title = squeeze(title);

    // A header block displaced from the top (a portal's chunks out of order): a number line next to the
    // national motto or a place-and-date line, anywhere in the document.
    if (!doc.number) {
        for (std::size_t k = 0; k < lines.size(); ++k) {
            std::string_view rest;
            auto n = read_number_line(trim(lines[k].text), rest);
            if (!n) continue;
            bool header_like = false;
            std::string place;
            for (std::size_t m = k > 3 ? k - 3 : 0; m < lines.size() && m <= k + 3; ++m) {
                std::string_view l = trim(lines[m].text);
                if (is_motto_line(l)) header_like = true;
                if (auto d = read_place_date(l, place)) {
                    header_like = true;
                    if (!doc.date) doc.date = *d, doc.place = place;
                }
            }
            if (header_like) {
                doc.number = *n;
                // The issuer printed above it ("CHÍNH PHỦ" / "Số: 75/2021/NĐ-CP").
                if (!doc.issuer) {
                    std::vector<std::string> caps;
                    for (std::size_t m = k > 3 ? k - 3 : 0; m < k; ++m) {
                        std::string_view l = trim(lines[m].text);
                        if (is_all_caps(l) && l.size() < 160 && !is_motto_line(l) && !is_position_line(l) &&
                            !is_authority_line(l)) {
                            caps.emplace_back(l);
                        } else {
                            caps.clear();
                        }
                    }
                    read_issuer(caps, doc);
                }
                break;
            }
        }
    }
    // A number with the VBHN code is a consolidated text, whatever heading it carries: the heading
    // names the type of the document it consolidates.
    if (doc.number && type_from_code(doc.number->type_code) == "Văn bản hợp nhất" && doc.type != "Văn bản hợp nhất") {
        if (doc.type) doc.consolidates = *doc.type;
        doc.type = "Văn bản hợp nhất";
    }
    // Fallbacks: the number's type code, then the portal's attribute block.
    if (!doc.type && doc.number) {
        std::string t = type_from_code(doc.number->type_code);
        if (vv_title && t != "Công văn") {
            // A letter with a subject line ("V/v ...") is a Công văn whatever its number's symbol: in
            // "5282/CT-CS" the CT is the Cục Thuế, not a Chỉ thị. The code goes back to the issuer's part.
            doc.type = "Công văn";
            if (!doc.number->type_code.empty()) {
                doc.number->issuer_code = doc.number->type_code + "-" + doc.number->issuer_code;
                doc.number->type_code.clear();
            }
        } else if (!t.empty()) {
            doc.type = t;
        } else if (!doc.number->year && doc.number->type_code.empty()) {
            doc.type = "Công văn";
        }
    }
    if (!doc.type && (vv_title || addressed)) doc.type = "Công văn";
    if (!doc.number) {
        if (auto it = portal.find("so hieu"); it != portal.end()) {
            if (auto n = parse_number(it->second)) doc.number = *n;
        }
    }
    if (!doc.type) {
        if (auto it = portal.find("loai van ban"); it != portal.end()) doc.type = it->second;
    }
    if (!doc.date) {
        if (auto it = portal.find("ngay ban hanh"); it != portal.end()) {
            std::size_t s = 0, e = 0;
            if (auto d = find_numeric_date(it->second, s, e)) doc.date = *d;
        }
    }
    // The issuer, for a page whose header was lost: the block's issuing body ("Cơ quan ban hành"), or its
    // "Nơi ban hành" when that names a body ("Bộ Tài chính", "Cục Thuế") rather than a province; a
    // province with a number of a People's Committee or Council ("4001/UBND-ĐT") names that body.
    if (!doc.issuer) {
        std::string body;
        if (auto it = portal.find("co quan ban hanh"); it != portal.end()) body = it->second;
        if (auto it = portal.find("noi ban hanh"); body.empty() && it != portal.end()) {
            std::string f = fold(it->second);
            bool province = f.starts_with("tinh ") || f.starts_with("thanh pho ");
            std::string code = doc.number ? number_key(doc.number->issuer_code) : std::string();
            if (!province) {
                body = it->second;
            } else if (code.starts_with("UBND")) {
                body = "Ủy ban nhân dân " + (f.starts_with("tinh ") ? lower(it->second.substr(0, 5)) + it->second.substr(5) : it->second);
            } else if (code.starts_with("HDND")) {
                body = "Hội đồng nhân dân " + (f.starts_with("tinh ") ? lower(it->second.substr(0, 5)) + it->second.substr(5) : it->second);
            }
        }
        std::string fb = fold(body);
        if (!body.empty() && !is_no_value(fb)) {
            doc.issuer = body;
            doc.issuers = {body};
        }
    }
    if (!doc.title) {
        if (auto it = portal.find("title"); it != portal.end()) {
            std::string_view d = it->second;
            std::size_t p = d.find(" về việc ");
            if (p == std::string_view::npos) p = d.find(" về ");
            if (p != std::string_view::npos) doc.title = capitalize_first(trim(d.substr(p + 1)));
        }
    }
    return h;
}

}  // namespace vanban::detail
