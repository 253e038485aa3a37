// vanban::to_akn: a Document as Akoma Ntoso 3.0 XML, written with libxml2's text writer. Every line of
// the document's text goes into one element, in order (a p, or a hierarchy's num and heading), so
// that read_akn (read.cpp) finds the same lines; the markup around them says what each zone and
// line is. The mapping: docs/AKN.md.
#include <libxml/xmlwriter.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <map>
#include <set>
#include <stdexcept>

#include "../dates.h"
#include "../doc_types.h"
#include "../numbering.h"
#include "../text.h"
#include "../zones.h"
#include "names.h"
#include "vanban/akn.h"

namespace vanban {


namespace {

using namespace detail;

// A name for IRIs and eIds: iri_part() ("30/2020/NĐ-CP" -> "30-2020-nd-cp"), never empty.
std::string iri_part(std::string_view s) {
    std::string out = slug(s);
    return out.empty() ? "x" : out;
}

using Attrs = std::vector<std::pair<std::string, std::string>>;

// Types whose documents are normative (văn bản quy phạm pháp luật) even without a year in the number.
bool normative_type(std::string_view type) {
    static const std::set<std::string> kTypes{"hien phap", "bo luat", "luat", "phap lenh", "lenh", "van ban hop nhat"};
    return kTypes.count(fold(type)) > 0;
}

// A normative document's number carries its year ("số/năm/ký hiệu", Nghị định 30/2020/NĐ-CP, Điều 15):
// 30/2020/NĐ-CP is one, 134/KH-UBND is not.
bool is_act(const std::optional<DocumentNumber>& number, std::string_view type) {
    return (number && number->year) || normative_type(type);
}

// The subtype part of a work IRI: the number's type code ("nd"), else the type's first code, else the
// type's name ("luat"), else "vb".
std::string subtype(const std::optional<DocumentNumber>& number, std::string_view type) {
    if (number && !number->type_code.empty()) return iri_part(number->type_code);
    if (!type.empty()) {
        const std::string f = fold(type);
        for (const DocTypeRow& row : doc_type_rows()) {
            if (row.folded == f && !row.codes[0].empty()) return iri_part(row.codes[0]);
        }
        return iri_part(type);
    }
    return "vb";
}

std::uint32_t fnv1a(std::string_view s) {
    std::uint32_t h = 2166136261u;
    for (unsigned char c : s) h = (h ^ c) * 16777619u;
    return h;
}

std::string work_iri(const std::optional<DocumentNumber>& number, std::string_view type, std::string_view date,
                     std::string_view unnumbered) {
    char hash[16];
    std::snprintf(hash, sizeof hash, "%08x", fnv1a(unnumbered));
    std::string id = number ? iri_part(number->text) : "khong-so-" + std::string(hash);
    return "/akn/vn/" + std::string(is_act(number, type) ? "act" : "doc") + "/" + subtype(number, type) + "/" +
           (date.empty() ? std::string("nd") : std::string(date)) + "/" + id;
}

// XML 1.0 allows tab, LF, CR and U+0020 upward (less the surrogates, U+FFFE, U+FFFF); anything else in
// the text is written as U+FFFD.
std::string xml_safe(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            out += "\xEF\xBF\xBD";
        } else if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBF &&
                   (static_cast<unsigned char>(s[i + 2]) == 0xBE || static_cast<unsigned char>(s[i + 2]) == 0xBF)) {
            out += "\xEF\xBF\xBD";
            i += 2;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

// libxml2's text writer into memory. Elements are written as blocks (on their own indented line) or
// inline (inside mixed content, where whitespace would be text).
class Xml {
public:
    Xml() : buffer_(xmlBufferCreate()) {
        if (!buffer_ || !(writer_ = xmlNewTextWriterMemory(buffer_, 0))) throw std::bad_alloc();
        check(xmlTextWriterStartDocument(writer_, nullptr, "UTF-8", nullptr));
    }
    ~Xml() {
        if (writer_) xmlFreeTextWriter(writer_);
        xmlBufferFree(buffer_);
    }
    Xml(const Xml&) = delete;
    Xml& operator=(const Xml&) = delete;

    void block(const std::string& name, const Attrs& attrs = {}) {
        if (!open_.empty()) open_.back() = true;
        indent();
        start(name, attrs);
        open_.push_back(false);
    }
    void end_block() {
        bool had_blocks = open_.back();
        open_.pop_back();
        if (had_blocks) indent();
        check(xmlTextWriterEndElement(writer_));
    }
    void empty_block(const std::string& name, const Attrs& attrs) {
        block(name, attrs);
        end_block();
    }
    void start(const std::string& name, const Attrs& attrs = {}) {
        check(xmlTextWriterStartElement(writer_, BAD_CAST name.c_str()));
        for (const auto& [k, v] : attrs) {
            check(xmlTextWriterWriteAttribute(writer_, BAD_CAST k.c_str(), BAD_CAST xml_safe(v).c_str()));
        }
    }
    void end() { check(xmlTextWriterEndElement(writer_)); }
    void text(std::string_view s) {
        if (!s.empty()) check(xmlTextWriterWriteString(writer_, BAD_CAST xml_safe(s).c_str()));
    }
    void raw(const char* s) { check(xmlTextWriterWriteRaw(writer_, BAD_CAST s)); }
    std::string finish() {
        check(xmlTextWriterEndDocument(writer_));
        check(xmlTextWriterFlush(writer_));
        return std::string(reinterpret_cast<const char*>(xmlBufferContent(buffer_)), xmlBufferLength(buffer_));
    }

private:
    void indent() {
        if (open_.empty()) return;  // the root, right after the XML declaration's line
        std::string s = "\n" + std::string(2 * open_.size(), ' ');
        raw(s.c_str());
    }
    static void check(int rc) {
        if (rc < 0) throw std::runtime_error("the Akoma Ntoso writer failed (libxml2)");
    }

    xmlBufferPtr buffer_;
    xmlTextWriterPtr writer_ = nullptr;
    std::vector<bool> open_;  // per open block: has it block children (then its end tag is indented)
};

// An inline element over [start, end) of the document's text. Marks nest when one holds another;
// one that overlaps another partly is left out. `order` breaks ties: lower is outer.
struct Mark {
    std::size_t start, end;
    int order;
    std::string name;
    Attrs attrs;
};

class Writer {
public:
    Writer(const Document& doc, const AknOptions& options) : doc_(doc), options_(options) {
        std::size_t at = 0;
        while (at <= doc.text.size() && !doc.text.empty()) {
            std::size_t nl = doc.text.find('\n', at);
            if (nl == std::string::npos) nl = doc.text.size();
            starts_.push_back(at);
            ends_.push_back(nl);
            lines_.push_back(Line{doc.text.substr(at, nl - at), false});
            at = nl + 1;
        }
        std::size_t title_end = 0;
        while (title_end < lines_.size() && starts_[title_end] < doc.header.end) ++title_end;
        zones_ = find_zones(lines_, title_end);
        act_ = is_act(doc.number, doc.type.value_or(""));
        work_ = akn_work_iri(doc);
    }

    std::string write() {
        collect_references();
        collect_marks();
        xml_.block("akomaNtoso", {{"xmlns", akn::kNamespace}});
        const std::string name = doc_.type ? iri_part(*doc_.type) : "van-ban";
        xml_.block(act_ ? "act" : "doc", {{"name", name}});
        meta(work_, "!main");
        preface();
        preamble_and_body();
        conclusions();
        attachments();
        xml_.end_block();
        xml_.end_block();
        return xml_.finish();
    }

private:
    // --- lines and zones ---

    std::size_t line_of(std::size_t offset) const {
        auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
        return it == starts_.begin() ? 0 : static_cast<std::size_t>(it - starts_.begin() - 1);
    }
    std::string_view line(std::size_t i) const { return lines_[i].text; }

    // The top-level sections of the body (before the signature) and of the attachments (after it).
    bool in_attachments(const Section& s) const { return line_of(s.span.start) >= zones_.attach; }

    // --- meta ---

    void meta(const std::string& work, const std::string& component) {
        const std::string date = doc_.date.value_or("");
        const std::string generated = options_.generated.empty() ? "1970-01-01" : options_.generated;
        xml_.block("meta");
        xml_.block("identification", {{"source", "#vanban"}});
        auto core = [&](const std::string& uri, const std::string& this_iri, bool manifestation) {
            xml_.empty_block("FRBRthis", {{"value", this_iri}});
            xml_.empty_block("FRBRuri", {{"value", uri}});
            if (manifestation) {
                xml_.empty_block("FRBRdate", {{"date", generated}, {"name", "Generation"}});
                xml_.empty_block("FRBRauthor", {{"href", "#vanban"}});
                return;
            }
            xml_.empty_block("FRBRdate", {{"date", date.empty() ? generated : date}, {"name", date.empty() ? "unknown" : "Generation"}});
            if (issuer_ids_.empty()) xml_.empty_block("FRBRauthor", {{"href", "#issuer_unknown"}});
            for (const auto& id : issuer_ids_) xml_.empty_block("FRBRauthor", {{"href", "#" + id}});
        };
        xml_.block("FRBRWork");
        core(work, work + "/" + component, false);
        xml_.empty_block("FRBRcountry", {{"value", "vn"}});
        if (doc_.type) xml_.empty_block("FRBRsubtype", {{"value", iri_part(*doc_.type)}, {"showAs", *doc_.type}});
        if (doc_.number) xml_.empty_block("FRBRnumber", {{"value", doc_.number->text}});
        if (doc_.title) xml_.empty_block("FRBRname", {{"value", *doc_.title}});
        xml_.end_block();
        xml_.block("FRBRExpression");
        core(work + "/vie@", work + "/vie@/" + component, false);
        xml_.empty_block("FRBRlanguage", {{"language", "vie"}});
        xml_.end_block();
        xml_.block("FRBRManifestation");
        core(work + "/vie@.akn", work + "/vie@/" + component + ".xml", true);
        xml_.end_block();
        xml_.end_block();  // identification
        if (component != "!main") {
            xml_.end_block();
            return;
        }
        xml_.block("references", {{"source", "#vanban"}});
        xml_.empty_block("TLCOrganization", {{"eId", "vanban"}, {"href", "/ontology/organization/vanban"}, {"showAs", "vanban"}});
        if (issuer_ids_.empty()) {
            xml_.empty_block("TLCOrganization", {{"eId", "issuer_unknown"}, {"href", "/ontology/organization/vn/unknown"},
                                                 {"showAs", "(không rõ cơ quan ban hành)"}});
        }
        for (const auto& [eid, tlc] : tlcs_) xml_.empty_block(tlc.element, {{"eId", eid}, {"href", tlc.href}, {"showAs", tlc.show}});
        xml_.end_block();
        xml_.block("proprietary", {{"source", "#vanban"}});
        Attrs own{{"xmlns:vb", akn::kVanbanNamespace}};
        if (doc_.number) {  // the parts as the header read them (a code may be read otherwise alone)
            own.emplace_back("number_key", doc_.number->key);
            own.emplace_back("number_seq", doc_.number->seq);
            if (doc_.number->year) own.emplace_back("number_year", std::to_string(*doc_.number->year));
            own.emplace_back("number_type_code", doc_.number->type_code);
            own.emplace_back("number_issuer_code", doc_.number->issuer_code);
        }
        if (doc_.place) own.emplace_back("place", *doc_.place);
        if (doc_.issuer_parent) own.emplace_back("issuer_parent", *doc_.issuer_parent);
        if (doc_.consolidates) own.emplace_back("consolidates", *doc_.consolidates);
        if (!options_.source.empty()) own.emplace_back("source", options_.source);
        xml_.empty_block("vb:document", own);
        xml_.end_block();
        xml_.end_block();  // meta
    }

    struct Tlc {
        std::string element, href, show;
    };

    // The TLCs: issuers, the agencies tasks name, signers and their capacities, the place.
    void collect_references() {
        for (std::size_t i = 0; i < doc_.issuers.size() || (i == 0 && doc_.issuer); ++i) {
            const std::string& name = i < doc_.issuers.size() ? doc_.issuers[i] : *doc_.issuer;
            std::string eid = "issuer_" + std::to_string(i + 1);
            issuer_ids_.push_back(eid);
            tlcs_[eid] = Tlc{"TLCOrganization", "/ontology/organization/vn/" + iri_part(name), name};
        }
        if (doc_.issuer_parent) {
            tlcs_["issuer_parent"] = Tlc{"TLCOrganization", "/ontology/organization/vn/" + iri_part(*doc_.issuer_parent), *doc_.issuer_parent};
        }
        for (const Task& t : doc_.tasks) {
            for (const AgencyMention& a : t.agencies) {
                tlcs_.emplace("org_" + iri_part(a.id), Tlc{"TLCOrganization", "/ontology/organization/vn/" + iri_part(a.id), a.canonical});
            }
        }
        for (std::size_t i = 0; i < doc_.signers.size(); ++i) {
            const Signer& s = doc_.signers[i];
            tlcs_["person_" + std::to_string(i + 1)] = Tlc{"TLCPerson", "/ontology/person/vn/" + iri_part(s.name), s.name};
            for (const std::string& c : s.capacity) tlcs_.emplace("role_" + iri_part(c), Tlc{"TLCRole", "/ontology/role/vn/" + iri_part(c), c});
        }
        if (doc_.place) tlcs_.emplace("loc_" + iri_part(*doc_.place), Tlc{"TLCLocation", "/ontology/location/vn/" + iri_part(*doc_.place), *doc_.place});
    }

    // --- inline marks ---

    void mark(std::size_t start, std::size_t end, int order, std::string name, Attrs attrs = {}) {
        if (start < end && end <= doc_.text.size()) marks_.push_back(Mark{start, end, order, std::move(name), std::move(attrs)});
    }

    // The first `n` code points of s, in bytes.
    static std::size_t code_points(std::string_view s, std::size_t n) {
        std::size_t i = 0;
        while (i < s.size() && n > 0) {
            ++i;
            while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
            --n;
        }
        return i;
    }
    static std::size_t count_code_points(std::string_view s) {
        std::size_t n = 0;
        for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
        return n;
    }

    void collect_marks() {
        preface_marks();
        for (const Reference& r : doc_.references) mark(r.span.start, r.span.end, 2, "ref", {{"href", akn_work_iri(r)}});
        std::set<std::pair<std::size_t, std::size_t>> seen;
        for (const Task& t : doc_.tasks) {
            for (const AgencyMention& a : t.agencies) {
                if (!seen.insert({a.span.start, a.span.end}).second) continue;
                mark(a.span.start, a.span.end, 3, "organization", {{"refersTo", "#org_" + iri_part(a.id)}});
            }
        }
        signature_marks();
        // Every citation keeps its ref: a mark that overlaps one partly (an agency's name running into
        // a cited title, a title line cut across a reference) gives way.
        std::vector<std::pair<std::size_t, std::size_t>> refs;
        for (const Mark& m : marks_) {
            if (m.name == "ref") refs.emplace_back(m.start, m.end);
        }
        std::sort(refs.begin(), refs.end());
        std::erase_if(marks_, [&](const Mark& m) {
            if (m.name == "ref") return false;
            auto it = std::lower_bound(refs.begin(), refs.end(), std::make_pair(m.end, std::size_t{0}));
            while (it != refs.begin()) {
                --it;
                if (it->second <= m.start) {
                    if (it->first + 4096 < m.start) break;  // refs are short: none further back reaches m
                    continue;
                }
                const bool nested = (it->first <= m.start && m.end <= it->second) || (m.start <= it->first && it->second <= m.end);
                if (!nested) return true;
            }
            return false;
        });
        std::sort(marks_.begin(), marks_.end(), [](const Mark& a, const Mark& b) {
            if (a.start != b.start) return a.start < b.start;
            if (a.end != b.end) return a.end > b.end;
            return a.order < b.order;
        });
    }

    void preface_marks() {
        const std::size_t n = zones_.title_end;
        const std::string issuer = fold(doc_.issuer.value_or("") + " " + doc_.issuer_parent.value_or(""));
        std::size_t number_line = n;
        if (doc_.number) {
            for (std::size_t i = 0; i < n; ++i) {
                std::size_t at = line(i).find(doc_.number->text);
                if (at == std::string_view::npos) continue;
                mark(starts_[i] + at, starts_[i] + at + doc_.number->text.size(), 0, "docNumber");
                number_line = i;
                break;
            }
        }
        bool typed = false;
        for (std::size_t i = 0; i < n; ++i) {
            std::string_view t = trim(line(i));
            const std::size_t lead = static_cast<std::size_t>(t.data() - line(i).data());
            const std::size_t at = starts_[i] + lead;
            if (t.empty()) continue;
            // The issuer's lines, above the number: "ỦY BAN NHÂN DÂN" / "THÀNH PHỐ HÀ NỘI".
            if (i < number_line && is_all_caps(t) && fold(t).size() >= 3 && issuer.find(fold(t)) != std::string::npos) {
                mark(at, at + t.size(), 0, "docAuthority");
                continue;
            }
            std::size_t ds = 0, de = 0;
            if (doc_.date) {
                if (auto d = find_written_date(t, ds, de); d && *d == *doc_.date) {
                    mark(at + ds, at + de, 0, "docDate", {{"date", *d}});
                    if (doc_.place) {
                        std::size_t p = t.substr(0, ds).find(*doc_.place);
                        if (p != std::string_view::npos) {
                            mark(at + p, at + p + doc_.place->size(), 0, "location", {{"refersTo", "#loc_" + iri_part(*doc_.place)}});
                        }
                    }
                    continue;
                }
            }
            if (!typed && doc_.type && (number_line == n || i > number_line)) {
                const std::string ft = fold(*doc_.type);
                const std::size_t cps = count_code_points(*doc_.type);
                const std::size_t len = code_points(t, cps);
                if (fold(t.substr(0, len)) == ft && (len == t.size() || t[len] == ' ')) {
                    typed = true;
                    mark(at, at + len, 0, "docType");
                    std::string_view rest = trim(t.substr(len));
                    if (!rest.empty() && doc_.title && fold(*doc_.title).find(fold(rest)) != std::string::npos) {
                        const std::size_t r = static_cast<std::size_t>(rest.data() - t.data());
                        mark(at + r, at + r + rest.size(), 0, "docTitle");
                    }
                    continue;
                }
            }
            if (typed && doc_.title && fold(*doc_.title).find(fold(t)) != std::string::npos) mark(at, at + t.size(), 0, "docTitle");
        }
    }

    // Each signer's capacity lines and name in the signature zone, in order.
    void signature_marks() {
        std::size_t from = zones_.body_end < starts_.size() ? starts_[zones_.body_end] : doc_.text.size();
        const std::size_t to = zones_.attach < starts_.size() ? starts_[zones_.attach] : doc_.text.size();
        for (std::size_t i = 0; i < doc_.signers.size(); ++i) {
            const Signer& s = doc_.signers[i];
            auto find = [&](const std::string& what, const std::string& element, const std::string& ref) {
                if (what.empty()) return;
                std::size_t at = doc_.text.find(what, from);
                if (at == std::string::npos || at + what.size() > to) return;
                mark(at, at + what.size(), 0, "signature");
                mark(at, at + what.size(), 1, element, {{"refersTo", ref}});
                from = at + what.size();
            };
            for (const std::string& c : s.capacity) find(c, "role", "#role_" + iri_part(c));
            find(s.name, "person", "#person_" + std::to_string(i + 1));
        }
    }

    // Writes [a, b) of the text with the marks that lie wholly inside it.
    void inline_text(std::size_t a, std::size_t b) {
        auto it = std::lower_bound(marks_.begin(), marks_.end(), a, [](const Mark& m, std::size_t at) { return m.start < at; });
        std::vector<std::size_t> open;  // ends of the open marks
        std::size_t pos = a;
        auto close_to = [&](std::size_t limit) {
            while (!open.empty() && open.back() <= limit) {
                xml_.text(std::string_view(doc_.text).substr(pos, open.back() - pos));
                pos = open.back();
                open.pop_back();
                xml_.end();
            }
        };
        for (; it != marks_.end() && it->start < b; ++it) {
            const Mark& m = *it;
            if (m.end > b || m.start < pos) continue;
            close_to(m.start);
            if (!open.empty() && m.end > open.back()) continue;  // overlaps the open mark partly
            xml_.text(std::string_view(doc_.text).substr(pos, m.start - pos));
            pos = m.start;
            xml_.start(m.name, m.attrs);
            open.push_back(m.end);
        }
        close_to(b);
        xml_.text(std::string_view(doc_.text).substr(pos, b - pos));
    }

    void paragraph(std::size_t i) {
        xml_.block("p");
        inline_text(starts_[i], ends_[i]);
        xml_.end_block();
    }
    void paragraphs(std::size_t from, std::size_t to) {
        for (std::size_t i = from; i < to; ++i) paragraph(i);
    }

    // --- zones ---

    void preface() {
        if (zones_.title_end == 0) return;
        xml_.block("preface");
        paragraphs(0, zones_.title_end);
        xml_.end_block();
    }

    // The lines of the preamble: the bases, each run of them a <citations>, and the other lines.
    void preamble_lines(std::size_t from, std::size_t to) {
        std::size_t i = from;
        std::size_t b = 0;
        while (i < to) {
            while (b < doc_.bases.size() && line_of(doc_.bases[b].span.start) < i) ++b;
            if (b < doc_.bases.size() && line_of(doc_.bases[b].span.start) == i) {
                xml_.block("citations");
                while (b < doc_.bases.size() && line_of(doc_.bases[b].span.start) == i && i < to) {
                    const std::size_t last = std::min(line_of(doc_.bases[b].span.end == 0 ? 0 : doc_.bases[b].span.end - 1), to - 1);
                    xml_.block("citation");
                    paragraphs(i, last + 1);
                    xml_.end_block();
                    i = last + 1;
                    ++b;
                }
                xml_.end_block();
                continue;
            }
            paragraph(i);
            ++i;
        }
    }

    void preamble_and_body() {
        const Zones& z = zones_;
        std::vector<const Section*> body;
        for (const Section& s : doc_.sections) {
            if (!in_attachments(s)) body.push_back(&s);
        }
        // Without sections, the preamble ends with the last basis and the rest is the body's text.
        std::size_t preamble_end = z.body_start;
        if (body.empty()) {
            preamble_end = z.title_end;
            for (const Basis& b : doc_.bases) preamble_end = std::max(preamble_end, line_of(b.span.end - 1) + 1);
            preamble_end = std::min(preamble_end, z.body_end);
        }
        if (z.title_end < preamble_end) {
            xml_.block("preamble");
            preamble_lines(z.title_end, preamble_end);
            xml_.end_block();
        }
        xml_.block(act_ ? "body" : "mainBody");
        if (!body.empty()) {
            for (const Section* s : body) section(*s, "", "");
        } else if (act_) {
            xml_.block("hcontainer", {{"eId", "hcontainer_1"}, {"name", "content"}});
            xml_.block("content");
            paragraphs(preamble_end, z.body_end);
            xml_.end_block();
            xml_.end_block();
        } else if (preamble_end < z.body_end) {
            paragraphs(preamble_end, z.body_end);
        } else {
            xml_.block("p");
            xml_.end_block();
        }
        xml_.end_block();
    }

    void conclusions() {
        const Zones& z = zones_;
        const bool closing = z.closing_start < z.body_end && !doc_.sections.empty();
        if (!closing && z.body_end >= z.attach) return;
        xml_.block("conclusions");
        if (closing) {
            xml_.block("container", {{"name", "closing"}});
            paragraphs(z.closing_start, z.body_end);
            xml_.end_block();
        }
        paragraphs(z.body_end, z.attach);
        xml_.end_block();
    }

    void attachments() {
        std::vector<const Section*> parts;
        for (const Section& s : doc_.sections) {
            if (in_attachments(s)) parts.push_back(&s);
        }
        if (parts.empty()) return;
        xml_.block("attachments");
        for (std::size_t i = 0; i < parts.size(); ++i) {
            const std::string n = std::to_string(i + 1);
            xml_.block("attachment", {{"eId", "att_" + n}});
            xml_.block("doc", {{"name", "appendix"}});
            meta(work_, "!att_" + n);
            xml_.block("mainBody");
            section(*parts[i], "att_" + n, "");
            xml_.end_block();
            xml_.end_block();
            xml_.end_block();
        }
        xml_.end_block();
    }

    // --- the body's hierarchy ---

    // The element of a section, given its parent's element: an Arabic or decimal item is a paragraph
    // (khoản) in an article and a subparagraph in a paragraph, elsewhere a plan's item (hcontainer).
    static const char* element_for(const Section& s, std::string_view parent) {
        switch (s.kind) {
            case SectionKind::part: return "part";
            case SectionKind::chapter: return "chapter";
            case SectionKind::section: return "section";
            case SectionKind::subsection: return "subsection";
            case SectionKind::article: return "article";
            case SectionKind::letter: return "point";
            case SectionKind::dash:
            case SectionKind::plus: return "indent";
            case SectionKind::arabic:
            case SectionKind::decimal:
                return parent == "article" ? "paragraph" : parent == "paragraph" ? "subparagraph" : "hcontainer";
            case SectionKind::roman:
            case SectionKind::appendix: return "hcontainer";
        }
        return "hcontainer";
    }

    static const char* abbreviation(std::string_view element) {
        static const std::map<std::string_view, const char*> kAbbr{
            {"part", "part"},   {"chapter", "chp"}, {"section", "sec"},     {"subsection", "subsec"}, {"article", "art"},
            {"paragraph", "para"}, {"subparagraph", "subpara"}, {"point", "point"}, {"indent", "indent"}, {"hcontainer", "hcontainer"}};
        auto it = kAbbr.find(element);
        return it == kAbbr.end() ? "hcontainer" : it->second;
    }

    // eIds by the AKN naming convention (art_5__para_2__point_a), made unique where labels repeat.
    std::string eid_for(const std::string& parent, const char* element, const Section& s) {
        std::string num = s.label.empty() ? std::to_string(++ordinals_[parent + "/" + element]) : iri_part(s.label);
        std::string id = (parent.empty() ? "" : parent + "__") + abbreviation(element) + "_" + num;
        std::string unique = id;
        for (int k = 2; !eids_.insert(unique).second; ++k) unique = id + "-" + std::to_string(k);
        return unique;
    }

    void section(const Section& s, const std::string& parent_eid, std::string_view parent) {
        const char* element = element_for(s, parent);
        const std::string eid = eid_for(parent_eid, element, s);
        Attrs attrs{{"eId", eid}, {"class", std::string(to_string(s.kind))}};
        if (std::string_view(element) == "hcontainer") attrs.emplace_back("name", std::string(to_string(s.kind)));
        xml_.block(element, attrs);

        const std::size_t first = line_of(s.span.start);
        const std::size_t last = line_of(s.span.end == 0 ? 0 : s.span.end - 1);
        const std::size_t children = s.children.empty() ? last + 1 : line_of(s.children.front().span.start);
        const std::size_t after = s.children.empty() ? last + 1 : line_of(s.children.back().span.end - 1) + 1;

        // The heading line: "Điều 5." as num, what follows as heading; a label printed without the one
        // space after it is left in the heading, so that the line reads back as it was.
        std::string_view l0 = line(first);
        std::size_t len = 0;
        if (s.kind != SectionKind::appendix) {
            if (auto m = detect_marker(l0)) len = m->length;
        }
        std::string_view num = l0.substr(0, len);
        while (!num.empty() && num.back() == ' ') num.remove_suffix(1);
        const bool exact = len == l0.size() || l0.substr(0, len) == std::string(num) + " ";
        if (!exact) num = {};
        const std::size_t rest = num.empty() ? 0 : len;
        // A heading wrapped onto the next line, or a chapter's title printed under its label.
        std::size_t next = first + 1;
        const bool merged = next < children && next <= last && !trim(line(next)).empty() &&
                            s.heading.ends_with(std::string(trim(line(next)))) && s.text.find(trim(line(next))) == std::string::npos;
        if (!num.empty()) {
            xml_.block("num");
            inline_text(starts_[first], starts_[first] + num.size());
            if (rest == l0.size()) xml_.start("eol"), xml_.end();  // the label alone on its line
            xml_.end_block();
        }
        if (rest < l0.size() || merged) {
            xml_.block("heading");
            if (rest < l0.size()) inline_text(starts_[first] + rest, ends_[first]);
            if (merged) {
                if (rest < l0.size()) xml_.start("eol"), xml_.end();
                inline_text(starts_[next], ends_[next]);
            }
            xml_.end_block();
        }
        std::size_t own = merged ? next + 1 : next;
        if (s.children.empty()) {
            xml_.block("content");
            paragraphs(own, last + 1);
            xml_.end_block();
        } else {
            if (own < children) {
                xml_.block("intro");
                paragraphs(own, children);
                xml_.end_block();
            }
            for (const Section& c : s.children) section(c, eid, element);
            if (after <= last) {
                xml_.block("wrapUp");
                paragraphs(after, last + 1);
                xml_.end_block();
            }
        }
        xml_.end_block();
    }

    const Document& doc_;
    const AknOptions& options_;
    std::vector<Line> lines_;
    std::vector<std::size_t> starts_, ends_;
    Zones zones_;
    bool act_ = false;
    std::string work_;
    std::vector<std::string> issuer_ids_;
    std::map<std::string, Tlc> tlcs_;
    std::vector<Mark> marks_;
    std::set<std::string> eids_;
    std::map<std::string, int> ordinals_;
    Xml xml_;
};

}  // namespace

std::string akn_work_iri(const Document& doc) {
    return work_iri(doc.number, doc.type.value_or(""), doc.date.value_or(""), doc.title.value_or(doc.text.substr(0, 200)));
}

std::string akn_work_iri(const Reference& ref) {
    std::optional<DocumentNumber> number = ref.number.empty() ? std::nullopt : parse_number(ref.number);
    if (!number && !ref.name) return work_iri(std::nullopt, ref.type.value_or(""), ref.date.value_or(""), ref.number);
    if (!number) {
        // A reference by name ("Luật Đất đai", "Hiến pháp"): the name stands for the number.
        std::string type = ref.type.value_or(*ref.name);
        return "/akn/vn/" + std::string(normative_type(type) || normative_type(*ref.name) ? "act" : "doc") + "/" +
               subtype(std::nullopt, type) + "/" + ref.date.value_or("nd") + "/" + iri_part(*ref.name);
    }
    return work_iri(number, ref.type.value_or(""), ref.date.value_or(""), ref.number);
}

std::string to_akn(const Document& doc, const AknOptions& options) { return Writer(doc, options).write(); }

}  // namespace vanban
