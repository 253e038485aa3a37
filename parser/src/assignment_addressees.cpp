// A document's speakers (the issuer and those who speak for it, never assignees) and addressees
// (a Công điện's address block, the body a conclusion is sent to) (assignment_parts.h).
#include "assignment_parts.h"

#include <algorithm>

namespace vanban::detail::tasks {

namespace {

// The ids of a name (the issuer, the speaker of a conclusion) as the recognizer resolves them.
void add_ids(std::string_view name, const HomePlace& home, std::vector<std::string>& ids) {
    for (const auto& a : find_agencies(name, home)) ids.push_back(a.id);
}

}  // namespace

// Who speaks in the document: the issuer; for the Government's documents (the Prime Minister, the
// Government, its Office) the Prime Minister and the Government; for a conclusion, whoever's
// conclusion it conveys ("Kết luận của Phó Thủ tướng Chính phủ ...", "... của Thường trực Thành ủy").
std::vector<std::string> speakers_of(const Document& doc, const HomePlace& home) {
    std::vector<std::string> ids;
    for (const auto& i : doc.issuers) add_ids(i, home, ids);
    if (doc.issuer) add_ids(*doc.issuer, home, ids);
    bool government = std::any_of(ids.begin(), ids.end(), [](const std::string& id) {
        return id == "thu-tuong-chinh-phu" || id == "chinh-phu" || id == "van-phong-chinh-phu";
    });
    if (government) {
        ids.emplace_back("thu-tuong-chinh-phu");
        ids.emplace_back("chinh-phu");
    }
    // The body a signer signs for ("TM. ỦY BAN NHÂN DÂN"): the issuer, also when the header was lost.
    for (const auto& signer : doc.signers) {
        for (const auto& c : signer.capacity) {
            std::string f = fold(c.substr(0, std::min<std::size_t>(c.size(), 8)));
            if (f.starts_with("tm.") || f.starts_with("t/m") || f.starts_with("tm ")) {
                std::size_t dot = c.find_first_of(". ");
                if (dot != std::string::npos) add_ids(normal_case_name(trim(std::string_view(c).substr(dot + 1))), home, ids);
            }
        }
    }
    if (doc.title) {
        Folded tf = fold_with_map(*doc.title);
        // Only the body the cue names, not the places of the meeting after it ("... tại Thành phố Hồ Chí Minh").
        for (std::string_view cue : {"ket luan cua ", "y kien chi dao cua "}) {
            std::size_t p = tf.text.find(cue);
            if (p == std::string::npos) continue;
            auto found = find_agencies(std::string_view(*doc.title).substr(tf.orig[p + cue.size()]), home);
            if (!found.empty() && found.front().head_start == 0) ids.push_back(found.front().id);
        }
    }
    return ids;
}

// The addressees of a Công điện: the block after "THỦ TƯỚNG CHÍNH PHỦ điện:" ("- Chủ tịch Ủy ban nhân dân
// các tỉnh ...;", "- Các Bộ: ..."), before the body. And of a Thông báo: "... thông báo để Ủy ban nhân dân
// tỉnh Phú Thọ và các Bộ, cơ quan liên quan biết, thực hiện".
// The address block of a telegram or a letter, before the body: the lines after "THỦ TƯỚNG CHÍNH PHỦ
// điện:" or "Kính gửi:" ("Kính gửi: Sở Y tế" on one line, or "- Bảo hiểm xã hội thành phố Hà Nội;" lines
// below it). Empty when there is none.
Span address_block(const Document& doc) {
    std::size_t body = doc.sections.empty() ? doc.text.size() : doc.sections.front().span.start;
    for (std::size_t a = 0; a < body && a < doc.text.size();) {
        std::size_t e = doc.text.find('\n', a);
        if (e == std::string::npos) e = doc.text.size();
        std::string_view line = std::string_view(doc.text).substr(a, e - a);
        std::string f = fold(line.substr(0, std::min<std::size_t>(line.size(), 200)));
        std::string_view t = trim(f);
        bool telegram = t.ends_with("dien:");
        bool letter = t.starts_with("kinh gui");
        if (telegram || letter) {
            std::size_t p = e + 1;
            if (letter) {
                // "Kính gửi: Sở Y tế;" on one line.
                std::size_t colon = line.find(':');
                if (colon != std::string_view::npos && !trim(line.substr(colon + 1)).empty()) p = a + colon + 1;
            }
            std::size_t q = std::max(p, e + 1);
            while (q < body && q < doc.text.size() && (doc.text[q] == '-' || doc.text[q] == '+')) {
                std::size_t n = doc.text.find('\n', q);
                q = n == std::string::npos ? doc.text.size() : n + 1;
            }
            std::size_t end = std::min(q, doc.text.size());
            while (end > p && (doc.text[end - 1] == '\n' || doc.text[end - 1] == ' ')) --end;
            return end > p ? Span{p, end} : Span{};
        }
        a = e + 1;
    }
    return {};
}

// The addressees of a Công điện or a letter: its address block. And of a Thông báo: "... thông báo để Ủy
// ban nhân dân tỉnh Phú Thọ và các Bộ, cơ quan liên quan biết, thực hiện".
std::vector<AgencyMention> addressees_of(const Document& doc, const Folded& folded, const Env& env, std::vector<Span>& blocks) {
    std::vector<AgencyMention> out;
    std::string t = doc.type ? fold(*doc.type) : "";
    if (Span s = address_block(doc); s.end > s.start) {
        blocks.push_back(s);
        for (const auto& a : env.mentions_in(s.start, s.end)) {
            if (a.generic || env.speaks(a)) continue;
            add_unique(out, mention_of(a, Role::lead, s.start));
        }
        return out;
    }
    if (t == "thong bao" || t == "ket luan") {
        std::size_t from = doc.closing ? doc.closing->start : (doc.sections.empty() ? 0 : doc.sections.back().span.start);
        std::size_t to = doc.closing ? doc.closing->end : (doc.sections.empty() ? 0 : doc.sections.back().span.end);
        Folded zf = fold_slice(folded, from, to);
        std::size_t p = zf.text.rfind("thong bao de ");
        if (p == std::string::npos) p = zf.text.rfind("thong bao den ");
        if (p == std::string::npos) return out;
        std::size_t b = zf.text.find("biet", p);
        if (b == std::string::npos) return out;
        std::size_t s = zf.orig[p], e = zf.orig[b];
        // The body a conclusion is sent to ("Ủy ban nhân dân tỉnh Phú Thọ"); groups ("các bộ, cơ quan và
        // địa phương") are informed, and own no point that names nobody.
        for (const auto& a : env.mentions_in(from + s, from + e)) {
            if (a.generic || a.collective || env.speaks(a)) continue;
            add_unique(out, mention_of(a, Role::lead, from + s));
        }
    }
    return out;
}

}  // namespace vanban::detail::tasks
