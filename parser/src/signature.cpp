#include "signature.h"

#include "text.h"

namespace vanban::detail {

namespace {

// Positions that head a signature, folded. Longer first where one is a prefix of another.
constexpr std::string_view kPositions[] = {
    "pho chu tich", "chu tich", "pho thu tuong", "thu tuong", "bo truong", "thu truong", "pho chanh van phong",
    "chanh van phong", "pho giam doc", "giam doc", "tong giam doc", "pho bi thu", "bi thu", "pho truong ban",
    "truong ban", "pho chu nhiem", "chu nhiem", "tong cuc truong", "pho tong cuc truong", "cuc truong",
    "pho cuc truong", "vu truong", "pho vu truong", "chanh an", "vien truong", "tong kiem toan", "thong doc",
    "pho thong doc", "chanh thanh tra", "tong thanh tra", "pho tong thanh tra", "truong phong", "tong bi thu",
    "chu tich nuoc", "truong doan", "thu ky", "tong thu ky", "pho tong thu ky", "chanh thanh tra", "hieu truong",
    "tu lenh", "chinh uy", "pho truong phong", "chi cuc truong", "tong biên tap", "truong ban chi dao",
    "uy vien", "giam doc so", "pho giam doc so", "tm.", "kt.",
};

constexpr std::string_view kAuthority[] = {"tm.", "kt.", "q.", "tl.", "tuq.", "t/l", "t/m", "k/t", "t.m.", "k.t.",
                                           "thua lenh", "ky thay", "thay mat", "thua uy quyen", "tm ", "kt ", "tl "};

}  // namespace

bool is_authority_line(std::string_view line) {
    std::string f = fold(line.substr(0, std::min<std::size_t>(line.size(), 24)));
    for (auto a : kAuthority) {
        if (f.starts_with(a) && f.size() > a.size()) {
            char next = f[a.size()];
            if (next == ' ' || a.back() == ' ' || (a.back() == '.' && next != '.')) return is_all_caps(line.substr(0, std::min<std::size_t>(line.size(), 40)));
        }
    }
    return false;
}

bool is_position_line(std::string_view line) {
    if (!is_all_caps(line) || line.size() > 160) return false;
    std::string f = fold(line);
    for (auto p : kPositions) {
        if (f.starts_with(p) && (f.size() == p.size() || f[p.size()] == ' ')) return true;
    }
    return false;
}

bool is_name_line(std::string_view line, bool allow_caps) {
    line = trim(line);
    if (line.empty() || line.size() > 60) return false;
    int words = 0;
    std::size_t i = 0;
    bool word_start = true;
    bool caps = is_all_caps(line);
    if (caps && !allow_caps) return false;
    while (i < line.size()) {
        char32_t cp = next_cp(line, i);
        if (cp == ' ') {
            word_start = true;
            continue;
        }
        if (!is_letter(cp) && cp != '.' && cp != '-') return false;
        if (word_start) {
            if (!is_upper(cp)) return false;
            ++words;
            word_start = false;
        }
    }
    return words >= 2 && words <= 6;
}

bool is_recipients_line(std::string_view line) {
    std::string f = fold(line.substr(0, std::min<std::size_t>(line.size(), 20)));
    return f.starts_with("noi nhan") || f.starts_with("noi gui");
}

void read_signature_zone(const std::vector<Line>& lines, std::size_t begin, std::size_t end,
                         std::vector<Signer>& signers, std::vector<std::string>& recipients) {
    bool in_recipients = false;
    std::vector<std::string> capacity;
    for (std::size_t i = begin; i < end; ++i) {
        std::string_view t = trim(lines[i].text);
        if (t.empty()) continue;
        if (is_recipients_line(t)) {
            in_recipients = true;
            std::size_t colon = t.find(':');
            std::string_view rest = colon == std::string_view::npos ? std::string_view{} : trim(t.substr(colon + 1));
            if (!rest.empty()) recipients.emplace_back(rest);
            continue;
        }
        bool authority = is_authority_line(t) || is_position_line(t);
        if (authority) {
            in_recipients = false;
            capacity.push_back(squeeze(t));
            continue;
        }
        if (!capacity.empty() && is_name_line(t, true)) {
            signers.push_back(Signer{squeeze(t), std::move(capacity)});
            capacity.clear();
            continue;
        }
        if (!capacity.empty() && is_all_caps(t) && t.size() < 120) {
            // A continuation of the authority lines ("TM. ỦY BAN NHÂN DÂN" wrapped over two lines).
            capacity.push_back(squeeze(t));
            continue;
        }
        if (in_recipients) {
            std::string_view r = t;
            if (r.starts_with("- ") || r.starts_with("– ") || r.starts_with("+ ")) r = trim(r.substr(r.find(' ')));
            else if (r.starts_with("-") || r.starts_with("–")) r = trim(r.substr(r.starts_with("-") ? 1 : 3));
            if (r == ";" || r.empty()) continue;
            // "- Lưu\n: VT, KGVX." : a line split before its colon belongs to the previous entry.
            if ((r.starts_with(":") || r.starts_with(";")) && !recipients.empty()) {
                recipients.back() += std::string(r);
                continue;
            }
            recipients.emplace_back(r);
        }
    }
}

}  // namespace vanban::detail
