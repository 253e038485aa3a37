// vanban::parse: the passes in order. bytes -> normalize -> clean -> header -> zones -> body tree.
//
// Zones of a cleaned document, in order (each may be empty):
//   header (issuer, number, place/date, type, title) | preamble (bases) | body (numbered tree) |
//   closing (unnumbered paragraphs after the last section) | signature and recipients |
//   attached documents (appendices, regulations "ban hành kèm theo"), each a top-level section.
#include <algorithm>
#include <cstdio>

#include "agencies.h"
#include "assignments.h"
#include "body.h"
#include "citations.h"
#include "periods.h"
#include "clean.h"
#include "dates.h"
#include "header.h"
#include "normalize.h"
#include "numbering.h"
#include "signature.h"
#include "text.h"
#include "vanban/parser.h"
#include "zones.h"

namespace vanban {

using namespace detail;

namespace {

bool is_consolidation_stamp(std::string_view line) {
    line = trim(line);
    // "XÁC THỰC VĂN BẢN HỢP NHẤT" is 25 letters, 30-40 bytes in UTF-8.
    return line.size() >= 25 && line.size() <= 48 && fold(line) == "xac thuc van ban hop nhat";
}

// "Căn cứ ...", also as a list item ("- Căn cứ Điều lệ Đảng;" in Party documents).
bool is_basis_start(std::string_view line) {
    line = trim(line);
    if (line.starts_with("- ") || line.starts_with("+ ")) line = trim(line.substr(2));
    return fold_starts_with(line, "can cu");
}

// True when `next` goes on with the basis on `prev`: a list member in lowercase after ';' or ':' ("Căn
// cứ các Nghị định của Chính phủ: số 63/2010/NĐ-CP ...;" / "số 118/2025/NĐ-CP ..."), or a line wrapped
// where `prev` is left open (no ';', '.' or ':' at its end) in lowercase or after a word that cannot
// end a basis ("của", "ngày", "số").
bool continues_basis(std::string_view prev, std::string_view next) {
    prev = trim(prev);
    next = trim(next);
    if (prev.empty() || next.empty() || prev.ends_with('.')) return false;
    if (is_basis_start(next) || fold_starts_with(next, "theo de nghi") || fold_starts_with(next, "xet de nghi") ||
        detect_marker(next) || is_all_caps(next)) {
        return false;
    }
    if (starts_lower(next)) return true;
    if (prev.ends_with(';') || prev.ends_with(':')) return false;
    std::size_t sp = prev.rfind(' ');
    std::string last = fold(sp == std::string_view::npos ? prev : prev.substr(sp + 1));
    return last == "cua" || last == "ngay" || last == "so" || last == "ve" || last == "va" || last == "tai" ||
           last == "nam" || last == "thang" || last == "theo" || last == "cho" || last == "voi" || last == "duoc";
}

// Paragraphs that close a document's body rather than continue its last item.
bool is_closing_cue(std::string_view line) {
    std::string f = fold(line.substr(0, std::min<std::size_t>(line.size(), 200)));
    static constexpr std::string_view starts[] = {"tren day la", "tren day ", "trong qua trinh", "(noi dung",
                                                  "noi dung ke hoach nay", "yeu cau cac", "de nghi cac"};
    for (auto s : starts) {
        if (f.starts_with(s)) return true;
    }
    if (!starts_upper(line)) return false;
    // "<issuer> đề nghị / yêu cầu / thông báo ..." within the first words.
    std::string head = f.substr(0, std::min<std::size_t>(f.size(), 90));
    return head.find(" de nghi ") != std::string::npos || head.find(" yeu cau ") != std::string::npos ||
           head.find(" thong bao y kien") != std::string::npos || head.find(" thong bao de ") != std::string::npos ||
           head.find(" thong bao ket luan") != std::string::npos;
}

// Where the body ends: the recipients list, a signature (authority lines then a name), or the
// consolidation stamp of a consolidated text.
std::size_t find_body_end(const std::vector<Line>& lines, std::size_t from) {
    for (std::size_t i = from; i < lines.size(); ++i) {
        std::string_view t = trim(lines[i].text);
        if (is_recipients_line(t) || is_authority_line(t)) return i;
        if (is_consolidation_stamp(t)) {
            // The issuer and "Số: .../VBHN-..." lines printed just above the stamp belong to it.
            std::size_t j = i;
            while (j > from && j + 3 > i && (is_all_caps(lines[j - 1].text) || fold_starts_with(lines[j - 1].text, "so"))) --j;
            return j;
        }
        if (is_position_line(t)) {
            for (std::size_t k = i + 1; k < lines.size() && k <= i + 4; ++k) {
                if (is_name_line(lines[k].text) && !is_position_line(lines[k].text)) return i;
                bool junk = lines[k].text.size() <= 3;  // a stray footnote mark "[" between title and name
                if (!is_all_caps(lines[k].text) && !junk) break;
            }
        }
        // A table cell gluing the position and the name: "CHỦ TỊCH Đặng Văn Minh".
        if (std::string_view caps = leading_caps(t); !caps.empty() && caps.size() < t.size() && is_position_line(caps) &&
                                                     is_name_line(t.substr(caps.size()))) {
            return i;
        }
    }
    return lines.size();
}

// A consolidated text (văn bản hợp nhất) takes its number, date, issuer and signer from the
// authentication block at its end.
void read_consolidation(const std::vector<Line>& lines, std::size_t body_end, Document& doc) {
    std::size_t stamp = lines.size();
    for (std::size_t i = body_end; i < lines.size(); ++i) {
        if (is_consolidation_stamp(lines[i].text)) {
            stamp = i;
            break;
        }
    }
    if (stamp == lines.size()) return;
    // The consolidated document's own type and number become `consolidates`.
    if (doc.type && *doc.type != "Văn bản hợp nhất") {
        std::string what = *doc.type;
        if (doc.number) what += " " + doc.number->text;
        doc.consolidates = what;
    }
    doc.type = "Văn bản hợp nhất";
    // A number printed at the top with the VBHN code is the consolidated text's own; any other
    // number at the top belongs to the document it consolidates.
    bool own_number = doc.number && type_from_code(doc.number->type_code) == "Văn bản hợp nhất";
    if (!own_number) doc.number.reset();
    std::vector<std::string> caps;
    bool dated = false;
    for (std::size_t i = stamp > 6 ? stamp - 6 : 0; i < stamp + 8 && i < lines.size(); ++i) {
        std::string_view t = trim(lines[i].text);
        if (i < stamp) {
            if (fold_starts_with(t, "so")) {
                std::size_t k = 2;
                while (k < t.size() && (t[k] == ' ' || t[k] == ':' || static_cast<unsigned char>(t[k]) >= 0x80)) ++k;
                if (auto n = parse_number(t.substr(k))) doc.number = *n;
            } else if (is_all_caps(t) && !is_position_line(t)) {
                caps.emplace_back(t);
            }
        } else if (!dated) {
            // The first place-and-date line after the stamp dates the consolidation.
            std::string place;
            if (auto d = read_place_date(t, place)) {
                doc.date = *d;
                if (!place.empty()) doc.place = place;
                dated = true;
            }
        }
    }
    if (!caps.empty()) {
        // Lines that name no body (a recipients list printed just above the stamp) leave the header's.
        Document block;
        read_issuer(caps, block);
        if (block.issuer) {
            doc.issuer = std::move(block.issuer);
            doc.issuer_parent = std::move(block.issuer_parent);
            doc.issuers = std::move(block.issuers);
        }
    }
}

// The document's period of implementation: a section "Thời gian thực hiện" (or a sentence
// "Thực hiện trong thời gian ..."), else a period in the title ("giai đoạn 2026-2030").
std::optional<Period> find_period_in_sections(const Document& doc, const std::vector<Section>& sections) {
    for (const auto& s : sections) {
        if (fold_starts_with(s.heading, "thoi gian") || fold_starts_with(s.text, "thuc hien trong thoi gian")) {
            std::size_t from = s.span.start;
            auto found = find_periods(doc.slice(s.span), from);
            for (auto& p : found) {
                if (p.from && p.to) return p;
            }
        }
        if (auto p = find_period_in_sections(doc, s.children)) return p;
    }
    return std::nullopt;
}

std::optional<Period> find_document_period(const Document& doc) {
    if (auto p = find_period_in_sections(doc, doc.sections)) return p;
    if (doc.title) {
        for (auto& p : find_periods(*doc.title)) {
            if (p.from && p.to) {
                p.span = Span{0, 0};  // the title may not be in the text (a portal's description)
                std::size_t at = doc.text.find(p.text);
                if (at != std::string::npos) p.span = Span{at, at + p.text.size()};
                return p;
            }
        }
    }
    return std::nullopt;
}

}  // namespace

namespace detail {

Zones find_zones(const std::vector<Line>& lines, std::size_t title_end) {
    Zones z;
    z.title_end = title_end;
    // Body: from the first numbered heading after the title.
    z.body_end = find_body_end(lines, title_end);
    z.body_start = z.body_end;
    for (std::size_t i = title_end; i < z.body_end; ++i) {
        auto m = detect_marker(lines[i].text);
        if ((m && m->kind != SectionKind::dash && m->kind != SectionKind::plus) || is_appendix_heading(lines, i)) {
            z.body_start = i;
            break;
        }
    }
    if (z.body_start == z.body_end) {
        // No numbered heading: a bulleted body, if any.
        for (std::size_t i = title_end; i < z.body_end; ++i) {
            if (detect_marker(lines[i].text)) {
                z.body_start = i;
                break;
            }
        }
    }
    // Closing: the unnumbered paragraphs at the end of the body that close the document.
    z.closing_start = z.body_end;
    if (z.body_start < z.body_end) {
        std::size_t j = z.body_end;
        while (j > z.body_start + 1 && !detect_marker(lines[j - 1].text) && !is_appendix_heading(lines, j - 1)) --j;
        for (std::size_t k = j; k < z.body_end; ++k) {
            if (is_closing_cue(lines[k].text)) {
                z.closing_start = k;
                break;
            }
        }
    }
    // Signature and recipients, then attached documents.
    z.attach = lines.size();
    for (std::size_t i = z.body_end; i < lines.size(); ++i) {
        if (is_appendix_heading(lines, i)) {
            z.attach = i;
            break;
        }
    }
    return z;
}

void read_zones(Document& doc, const std::vector<Line>& lines, const std::vector<std::size_t>& offsets, const Zones& z) {
    auto line_end = [&](std::size_t i) { return offsets[i] + lines[i].text.size(); };
    doc.header = Span{0, z.title_end > 0 ? line_end(z.title_end - 1) : 0};
    // Preamble and bases.
    if (z.title_end < z.body_start && z.body_start <= lines.size()) {
        std::size_t pe = z.body_start;
        doc.preamble = Span{offsets[z.title_end], line_end(pe - 1)};
        for (std::size_t i = z.title_end; i < pe; ++i) {
            if (!is_basis_start(lines[i].text)) continue;
            // A basis wrapped onto the next line ("... ngày 09 tháng 6 năm 2025 của" / "Chính phủ về ...").
            std::size_t j = i;
            while (j + 1 < pe && continues_basis(lines[j].text, lines[j + 1].text)) ++j;
            Span span{offsets[i], line_end(j)};
            std::string text(doc.slice(span));
            std::replace(text.begin(), text.end(), '\n', ' ');
            doc.bases.push_back(Basis{std::move(text), span});
            i = j;
        }
    }
    if (z.closing_start < z.body_end) doc.closing = Span{offsets[z.closing_start], line_end(z.body_end - 1)};
    if (z.body_start < z.closing_start) doc.sections = build_sections(lines, offsets, z.body_start, z.closing_start);
    read_signature_zone(lines, z.body_end, z.attach, doc.signers, doc.recipients);
    read_consolidation(lines, z.body_end, doc);
    if (z.attach < lines.size()) {
        auto more = build_sections(lines, offsets, z.attach, lines.size());
        for (auto& s : more) doc.sections.push_back(std::move(s));
    }
}

void read_content(Document& doc, const ParseOptions& options) {
    Folded folded = fold_with_map(doc.text);
    doc.references = find_references(doc, folded);
    doc.tasks = find_tasks(doc, folded, options.catalog ? *options.catalog : AgencyCatalog::builtin());
    doc.period = find_document_period(doc);
}

void add_missing_fields(Document& doc) {
    if (!doc.number) doc.diagnostics.push_back(Diagnostic{"no document number found", Span{0, 0}});
    if (!doc.date) doc.diagnostics.push_back(Diagnostic{"no date of issue found", Span{0, 0}});
}

std::vector<std::size_t> join_lines(const std::vector<Line>& lines, std::string& text) {
    std::vector<std::size_t> offsets;
    offsets.reserve(lines.size());
    for (const auto& l : lines) {
        if (!text.empty()) text += '\n';
        offsets.push_back(text.size());
        text += l.text;
    }
    return offsets;
}

}  // namespace detail

Document parse(std::string_view utf8, const ParseOptions& options) {
    Document doc;
    Normalized norm = normalize(utf8);
    Cleaned cleaned = clean(norm.text);
    const std::vector<Line>& lines = cleaned.lines;

    // The normalized text: one line per paragraph.
    std::vector<std::size_t> offsets = join_lines(lines, doc.text);
    Header h = read_header(lines, cleaned.portal, doc);
    read_zones(doc, lines, offsets, find_zones(lines, h.title_end));

    // Laws and Standing Committee resolutions have no place-and-date line: they are dated by the
    // sentence that records their passing ("... thông qua ngày 27 tháng 11 năm 2024.").
    if (!doc.date) {
        for (std::size_t i = lines.size(); i-- > 0;) {
            std::string f = fold(lines[i].text);
            std::size_t p = f.find("thong qua ngay");
            if (p == std::string::npos) continue;
            std::size_t s = 0, e = 0;
            if (auto d = find_written_date(lines[i].text, s, e)) {
                doc.date = *d;
                break;
            }
        }
    }
    read_content(doc, options);

    // Diagnostics: invalid bytes (each became U+FFFD, found again in order in the final text).
    std::size_t search = 0;
    for (const auto& bad : norm.invalid) {
        char msg[96];
        std::snprintf(msg, sizeof msg, "invalid UTF-8 byte 0x%02X at input offset %zu", bad.byte, bad.offset);
        std::size_t at = doc.text.find("\xEF\xBF\xBD", search);
        Span span{0, 0};
        if (at != std::string::npos) {
            span = Span{at, at + 3};
            search = at + 3;
        }
        doc.diagnostics.push_back(Diagnostic{msg, span});
    }
    add_missing_fields(doc);
    return doc;
}

std::string_view to_string(Role role) {
    switch (role) {
        case Role::lead: return "lead";
        case Role::support: return "support";
        case Role::requested: return "requested";
    }
    return "lead";
}

std::string_view to_string(Relation relation) {
    switch (relation) {
        case Relation::basis: return "basis";
        case Relation::implements: return "implements";
        case Relation::amends: return "amends";
        case Relation::replaces: return "replaces";
        case Relation::repeals: return "repeals";
        case Relation::guides: return "guides";
        case Relation::mentions: return "mentions";
    }
    return "mentions";
}

const std::vector<Relation>& all_relations() {
    static const std::vector<Relation> all{Relation::basis,   Relation::implements, Relation::amends, Relation::replaces,
                                           Relation::repeals, Relation::guides,     Relation::mentions};
    return all;
}

std::string_view to_string(SectionKind kind) {
    switch (kind) {
        case SectionKind::part: return "part";
        case SectionKind::chapter: return "chapter";
        case SectionKind::section: return "section";
        case SectionKind::subsection: return "subsection";
        case SectionKind::article: return "article";
        case SectionKind::roman: return "roman";
        case SectionKind::arabic: return "arabic";
        case SectionKind::decimal: return "decimal";
        case SectionKind::letter: return "letter";
        case SectionKind::dash: return "dash";
        case SectionKind::plus: return "plus";
        case SectionKind::appendix: return "appendix";
    }
    return "unknown";
}

}  // namespace vanban
