// A hand-written scanner over the folded text (lowercase, no diacritics), reporting spans in the
// original through the fold's offset map. Invariant: every pattern starts at a word boundary and
// consumes whole tokens, so a match never begins or ends inside a word or a number.
#include "periods.h"

#include <cstdio>

#include "dates.h"
#include "numbering.h"
#include "text.h"

namespace vanban::detail {

namespace {

struct Ymd {
    int y = 0, m = 0, d = 0;
};

class Scanner {
public:
    explicit Scanner(const std::string& f) : f_(f) {}

    // The first byte is tested here, small enough to inline: most positions fail it.
    bool lit(std::size_t& i, std::string_view w) const {
        if (!w.empty() && (i >= f_.size() || f_[i] != w[0])) return false;
        return lit_rest(i, w);
    }
    [[gnu::noinline]] bool lit_rest(std::size_t& i, std::string_view w) const {
        if (f_.compare(i, w.size(), w) != 0) return false;
        std::size_t e = i + w.size();
        // A literal ending in a letter must end a word.
        if (!w.empty() && is_alnum(w.back()) && e < f_.size() && is_alnum(f_[e])) return false;
        i = e;
        return true;
    }
    void sp(std::size_t& i) const {
        while (i < f_.size() && f_[i] == ' ') ++i;
    }
    int num(std::size_t& i, std::size_t max_digits) const {
        std::size_t s = i;
        int v = 0;
        while (i < f_.size() && is_digit(f_[i]) && i - s < max_digits) v = v * 10 + (f_[i++] - '0');
        if (i == s || (i < f_.size() && is_digit(f_[i]))) {
            i = s;
            return -1;
        }
        return v;
    }
    int year(std::size_t& i) const {
        std::size_t s = i;
        int y = num(i, 4);
        if (y < 1945 || y > 2100 || i - s != 4) {
            i = s;
            return -1;
        }
        return y;
    }
    // "15/12/2023", "15-12-2023", "15.12.2023", "15 tháng 12 năm 2023", with an optional "ngày ".
    bool date(std::size_t& i, Ymd& out) const {
        std::size_t s = i;
        if (lit(i, "ngay")) sp(i);
        int d = num(i, 2);
        if (d < 0) return fail(i, s);
        if (i < f_.size() && (f_[i] == '/' || f_[i] == '-' || f_[i] == '.')) {
            char sep = f_[i++];
            int m = num(i, 2);
            if (m < 0 || i >= f_.size() || f_[i] != sep) return fail(i, s);
            ++i;
            int y = year(i);
            if (y < 0 || !iso_date(d, m, y)) return fail(i, s);
            out = {y, m, d};
            return true;
        }
        sp(i);
        if (!lit(i, "thang")) return fail(i, s);
        sp(i);
        int m = num(i, 2);
        sp(i);
        if (m < 0 || !lit(i, "nam")) return fail(i, s);
        sp(i);
        int y = year(i);
        if (y < 0 || !iso_date(d, m, y)) return fail(i, s);
        out = {y, m, d};
        return true;
    }
    // "9/2022", "9 năm 2022", "09-2022" after "tháng".
    bool month_year(std::size_t& i, int& m, int& y) const {
        std::size_t s = i;
        m = num(i, 2);
        if (m < 1 || m > 12) return fail(i, s);
        if (i < f_.size() && (f_[i] == '/' || f_[i] == '-')) {
            ++i;
        } else {
            sp(i);
            if (!lit(i, "nam")) return fail(i, s);
            sp(i);
        }
        y = year(i);
        return y > 0 || fail(i, s);
    }

private:
    static bool is_digit(char c) { return c >= '0' && c <= '9'; }
    static bool is_alnum(char c) {
        return is_digit(c) || (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80;
    }
    static bool fail(std::size_t& i, std::size_t s) {
        i = s;
        return false;
    }
    const std::string& f_;
};

std::string iso(const Ymd& d) { return *iso_date(d.d, d.m, d.y); }

int days_in_month(int y, int m) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : days[m - 1];
}

std::string month_start(int y, int m) { return *iso_date(1, m, y); }
std::string month_end(int y, int m) { return *iso_date(days_in_month(y, m), m, y); }

int quarter_value(const std::string& f, std::size_t& i) {
    static const std::pair<std::string_view, int> q[] = {{"iv", 4}, {"iii", 3}, {"ii", 2}, {"i", 1},
                                                         {"4", 4},  {"3", 3},   {"2", 2},  {"1", 1}};
    for (auto [s, v] : q) {
        if (f.compare(i, s.size(), s) == 0 && (i + s.size() >= f.size() || !std::isalnum(static_cast<unsigned char>(f[i + s.size()])))) {
            i += s.size();
            return v;
        }
    }
    return 0;
}

// A pattern's match at a position: where it ends in the folded text and what it means.
struct Match {
    std::size_t end;
    std::optional<std::string> from, to, recurrence;
};

using Pattern = std::optional<Match> (*)(const Scanner&, const std::string& f, std::size_t i);

// "từ ngày A đến (ngày) B", "từ năm Y1 đến năm Y2".
std::optional<Match> from_to(const Scanner& sc, const std::string&, std::size_t i) {
    std::size_t j = i;
    if (!sc.lit(j, "tu")) return std::nullopt;
    sc.sp(j);
    std::size_t k = j;
    Ymd a, b;
    if (sc.date(k, a)) {
        std::size_t e = k;
        sc.sp(e);
        if (sc.lit(e, "den")) {
            sc.sp(e);
            if (sc.date(e, b)) return Match{e, iso(a), iso(b), std::nullopt};
        }
    }
    k = j;
    if (!sc.lit(k, "nam")) return std::nullopt;
    sc.sp(k);
    int y1 = sc.year(k);
    sc.sp(k);
    if (y1 <= 0 || !sc.lit(k, "den")) return std::nullopt;
    sc.sp(k);
    sc.lit(k, "nam");
    sc.sp(k);
    int y2 = sc.year(k);
    if (y2 < y1) return std::nullopt;
    return Match{k, month_start(y1, 1), month_end(y2, 12), std::nullopt};
}

// "trước ngày D/M/Y", "chậm nhất (là) (trước) (ngày) D/M/Y", "hạn chót D/M/Y"; also before a month,
// a quarter or a year ("trước tháng 9/2022" is due by the end of August).
std::optional<Match> before(const Scanner& sc, const std::string& f, std::size_t i) {
    std::size_t k = i;
    if (!sc.lit(k, "truoc")) {
        k = i;
        if (sc.lit(k, "cham nhat")) {
            sc.sp(k);
            sc.lit(k, "la");
            sc.sp(k);
            sc.lit(k, "truoc");
        } else if (!sc.lit(k, "han chot")) {
            return std::nullopt;
        }
    }
    sc.sp(k);
    Ymd a;
    std::size_t d = k;
    if (sc.date(d, a)) return Match{d, std::nullopt, iso(a), std::nullopt};
    int m = 0, y = 0;
    std::size_t t = k;
    if (sc.lit(t, "thang")) {
        sc.sp(t);
        if (sc.month_year(t, m, y)) {
            int pm = m == 1 ? 12 : m - 1, py = m == 1 ? y - 1 : y;
            return Match{t, std::nullopt, month_end(py, pm), std::nullopt};
        }
    }
    t = k;
    if (sc.lit(t, "quy")) {
        sc.sp(t);
        int q = quarter_value(f, t);
        std::size_t u = t;
        if (q > 0 && u < f.size() && f[u] == '/') {
            ++u;
        } else {
            sc.sp(u);
            sc.lit(u, "nam");
            sc.sp(u);
        }
        y = sc.year(u);
        if (q > 0 && y > 0) {
            int first = (q - 1) * 3 + 1;
            int pm = first == 1 ? 12 : first - 1, py = first == 1 ? y - 1 : y;
            return Match{u, std::nullopt, month_end(py, pm), std::nullopt};
        }
    }
    t = k;
    if (sc.lit(t, "nam")) {
        sc.sp(t);
        y = sc.year(t);
        if (y > 0) return Match{t, std::nullopt, month_end(y - 1, 12), std::nullopt};
    }
    return std::nullopt;
}

// "(trong) quý II/2022", "quý 2 năm 2022": the quarter's three months.
std::optional<Match> quarter(const Scanner& sc, const std::string& f, std::size_t i) {
    std::size_t j = i;
    if (!sc.lit(j, "quy")) return std::nullopt;
    sc.sp(j);
    int q = quarter_value(f, j);
    std::size_t u = j;
    if (q > 0 && u < f.size() && f[u] == '/') {
        ++u;
    } else {
        sc.sp(u);
        if (!sc.lit(u, "nam")) q = 0;
        sc.sp(u);
    }
    int y = q > 0 ? sc.year(u) : -1;
    if (y <= 0) return std::nullopt;
    int first = (q - 1) * 3 + 1;
    return Match{u, month_start(y, first), month_end(y, first + 2), std::nullopt};
}

// "trong tháng 12/2025", "vào tháng 9 năm 2022", "hoàn thành trong năm 2022", "trong năm 2022-2023".
std::optional<Match> within(const Scanner& sc, const std::string& f, std::size_t i) {
    std::size_t j = i;
    if (!sc.lit(j, "trong") && !(j = i, sc.lit(j, "vao")) && !(j = i, sc.lit(j, "hoan thanh"))) return std::nullopt;
    sc.sp(j);
    int m = 0, y = 0;
    std::size_t t = j;
    if (sc.lit(t, "thang")) {
        sc.sp(t);
        if (sc.month_year(t, m, y)) return Match{t, month_start(y, m), month_end(y, m), std::nullopt};
    }
    t = j;
    if (!sc.lit(t, "nam")) return std::nullopt;
    sc.sp(t);
    y = sc.year(t);
    if (y <= 0) return std::nullopt;
    if (t < f.size() && (f[t] == '-' || f[t] == ' ')) {
        std::size_t v = t;
        sc.sp(v);
        if (v < f.size() && f[v] == '-') {
            ++v;
            sc.sp(v);
            int y2 = sc.year(v);
            if (y2 >= y) return Match{v, month_start(y, 1), month_end(y2, 12), std::nullopt};
        }
    }
    return Match{t, month_start(y, 1), month_end(y, 12), std::nullopt};
}

// "giai đoạn 2022-2023", "(N) năm 2022-2023", "thời gian 2 năm 2022 – 2023".
std::optional<Match> years_range(const Scanner& sc, const std::string& f, std::size_t i) {
    std::size_t k = i;
    if (!sc.lit(k, "giai doan") && !(k = i, sc.lit(k, "nam"))) return std::nullopt;
    sc.sp(k);
    int y1 = sc.year(k);
    std::size_t u = k;
    sc.sp(u);
    if (y1 <= 0 || u >= f.size() || (f[u] != '-' && f.compare(u, 3, "\xe2\x80\x93") != 0)) return std::nullopt;
    u += f[u] == '-' ? 1 : 3;
    sc.sp(u);
    int y2 = sc.year(u);
    if (y2 < y1) return std::nullopt;
    return Match{u, month_start(y1, 1), month_end(y2, 12), std::nullopt};
}

// "dịp nghỉ lễ 30/4, 01/5/2022": day/month pairs ending with a year, from the first to the last.
std::optional<Match> occasion(const Scanner& sc, const std::string& f, std::size_t i) {
    std::size_t j = i;
    if (!sc.lit(j, "dip")) return std::nullopt;
    std::size_t k = j, limit = std::min(f.size(), j + 40);
    while (k < limit && !(f[k] >= '0' && f[k] <= '9')) ++k;
    std::vector<std::pair<int, int>> dm;
    int yy = -1;
    std::size_t e = k;
    while (e < f.size()) {
        std::size_t t = e;
        int d = sc.num(t, 2);
        if (d < 0 || t >= f.size() || f[t] != '/') break;
        ++t;
        int mm = sc.num(t, 2);
        if (mm < 0) break;
        dm.emplace_back(d, mm);
        e = t;
        if (t < f.size() && f[t] == '/') {
            ++t;
            yy = sc.year(t);
            if (yy > 0) e = t;
            break;
        }
        std::size_t n = t;
        if (n < f.size() && f[n] == ',') ++n;
        sc.sp(n);
        if (sc.lit(n, "va")) sc.sp(n);
        if (n < f.size() && f[n] >= '0' && f[n] <= '9') {
            e = n;
            continue;
        }
        break;
    }
    if (yy <= 0 || dm.empty()) return std::nullopt;
    auto first = iso_date(dm.front().first, dm.front().second, yy);
    auto last = iso_date(dm.back().first, dm.back().second, yy);
    if (!first || !last) return std::nullopt;
    return Match{e, first, last, std::nullopt};
}

// "hằng năm", "định kỳ hằng quý", "thường xuyên", "định kỳ 6 tháng": a recurrence, no dates. Not after
// words it qualifies instead: "chi thường xuyên", "kinh phí thường xuyên" is recurrent spending;
// "Nghị quyết hằng năm", "kế hoạch hằng năm" qualify a document. Neither says when a task is due.
std::optional<Match> recurrence(const Scanner& sc, const std::string& f, std::size_t i) {
    static const std::pair<std::string_view, std::string_view> rec[] = {
        {"hang nam", "yearly"},   {"hang quy", "quarterly"}, {"hang thang", "monthly"},
        {"hang tuan", "weekly"},  {"hang ngay", "daily"},    {"thuong xuyen", "ongoing"},
        {"dinh ky hang nam", "yearly"}, {"dinh ky hang quy", "quarterly"}, {"dinh ky hang thang", "monthly"},
    };
    std::string_view lead_in = std::string_view(f).substr(0, i);
    while (!lead_in.empty() && lead_in.back() == ' ') lead_in.remove_suffix(1);
    bool qualifier = lead_in.ends_with("chi") || lead_in.ends_with("kinh phi") || lead_in.ends_with("du toan") ||
                     lead_in.ends_with("nghi quyet") || lead_in.ends_with("ke hoach") || lead_in.ends_with("quyet dinh") ||
                     lead_in.ends_with("chuong trinh") || lead_in.ends_with("ngan sach");
    if (!qualifier) {
        for (auto [w, r] : rec) {
            std::size_t k = i;
            if (sc.lit(k, w)) return Match{k, std::nullopt, std::nullopt, std::string(r)};
        }
    }
    std::size_t k = i;
    if (!sc.lit(k, "dinh ky")) return std::nullopt;
    sc.sp(k);
    int n = sc.num(k, 2);
    sc.sp(k);
    if (n <= 0 || !sc.lit(k, "thang")) return std::nullopt;
    char buf[24];
    std::snprintf(buf, sizeof buf, "%d months", n);
    return Match{k, std::nullopt, std::nullopt, std::string(buf)};
}

// Tried in this order at each word start; the first that matches wins.
constexpr Pattern kPatterns[] = {from_to, before, quarter, within, years_range, occasion, recurrence};

}  // namespace

std::vector<Period> find_periods(std::string_view s, std::size_t base) {
    return find_periods(s, fold_with_map(s), base);
}

std::vector<Period> find_periods(std::string_view s, const Folded& fm, std::size_t base) {
    std::vector<Period> out;
    const std::string& f = fm.text;
    Scanner sc(f);
    for (std::size_t i = 0; i < f.size(); ++i) {
        if (i > 0 && std::isalnum(static_cast<unsigned char>(f[i - 1]))) continue;
        // Every pattern starts with one of these letters (từ, trước, chậm, hạn, quý, trong, vào, hoàn,
        // giai đoạn, năm, dịp, hằng, định kỳ, thường xuyên).
        if (std::string_view("tchqvgnd").find(f[i]) == std::string_view::npos) continue;
        for (Pattern pattern : kPatterns) {
            auto m = pattern(sc, f, i);
            if (!m) continue;
            Period p;
            p.span = Span{base + fm.orig[i], base + fm.orig[m->end]};
            p.text = std::string(s.substr(fm.orig[i], fm.orig[m->end] - fm.orig[i]));
            p.from = std::move(m->from);
            p.to = std::move(m->to);
            p.recurrence = std::move(m->recurrence);
            out.push_back(std::move(p));
            i = m->end - 1;
            break;
        }
    }
    return out;
}

std::optional<Period> pick_deadline(const std::vector<Period>& found) {
    for (const auto& p : found) {
        if (p.from || p.to) return p;
    }
    if (!found.empty()) return found.front();
    return std::nullopt;
}

}  // namespace vanban::detail
