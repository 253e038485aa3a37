// Canonical renderings of a Document: JSON (the CLI's and golden files' contract) and a tree outline.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>
#include <unicode/utf8.h>

#include <sstream>

#include "vanban/parser.h"

namespace vanban {

namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

Object::Ptr make_object() { return new Object(Poco::JSON_PRESERVE_KEY_ORDER); }

// Poco::Dynamic::Var has no "null" constructor; an empty Var renders as null.
Poco::Dynamic::Var opt(const std::optional<std::string>& s) {
    return s ? Poco::Dynamic::Var(*s) : Poco::Dynamic::Var();
}

Poco::Dynamic::Var span_text(const Document& doc, const std::optional<Span>& s) {
    return s ? Poco::Dynamic::Var(std::string(doc.slice(*s))) : Poco::Dynamic::Var();
}

Object::Ptr section_json(const Section& s) {
    Object::Ptr o = make_object();
    o->set("kind", std::string(to_string(s.kind)));
    o->set("label", s.label);
    o->set("heading", s.heading);
    o->set("text", s.text);
    o->set("start", static_cast<Poco::UInt64>(s.span.start));
    o->set("end", static_cast<Poco::UInt64>(s.span.end));
    Array::Ptr children = new Array;
    for (const auto& c : s.children) children->add(section_json(c));
    o->set("children", children);
    return o;
}

Poco::Dynamic::Var period_json(const std::optional<Period>& p) {
    if (!p) return Poco::Dynamic::Var();
    Object::Ptr o = make_object();
    o->set("text", p->text);
    o->set("from", opt(p->from));
    o->set("to", opt(p->to));
    o->set("recurrence", opt(p->recurrence));
    o->set("start", static_cast<Poco::UInt64>(p->span.start));
    o->set("end", static_cast<Poco::UInt64>(p->span.end));
    return o;
}

Object::Ptr task_json(const Task& t) {
    Object::Ptr o = make_object();
    o->set("path", t.path);
    o->set("text", t.text);
    o->set("start", static_cast<Poco::UInt64>(t.span.start));
    o->set("end", static_cast<Poco::UInt64>(t.span.end));
    Array::Ptr agencies = new Array;
    for (const auto& a : t.agencies) {
        Object::Ptr x = make_object();
        x->set("name", a.name);
        x->set("canonical", a.canonical);
        x->set("id", a.id);
        x->set("role", std::string(to_string(a.role)));
        x->set("collective", a.collective);
        x->set("catalogued", a.catalogued);
        agencies->add(x);
    }
    o->set("agencies", agencies);
    o->set("deadline", period_json(t.deadline));
    return o;
}

Object::Ptr reference_json(const Reference& r) {
    Object::Ptr o = make_object();
    o->set("number", r.number.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(r.number));
    o->set("number_key", r.number_key.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(r.number_key));
    o->set("type", opt(r.type));
    o->set("name", opt(r.name));
    o->set("date", opt(r.date));
    o->set("issuer", opt(r.issuer));
    o->set("relation", std::string(to_string(r.relation)));
    o->set("provision", r.provision.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(r.provision));
    o->set("start", static_cast<Poco::UInt64>(r.span.start));
    o->set("end", static_cast<Poco::UInt64>(r.span.end));
    Array::Ptr flags = new Array;
    for (const auto& f : r.flags) flags->add(f);
    o->set("flags", flags);
    return o;
}

}  // namespace

std::string to_json(const Document& doc, std::string_view source) {
    Object::Ptr o = make_object();
    if (!source.empty()) o->set("source", std::string(source));
    if (doc.number) {
        o->set("number", doc.number->text);
        o->set("number_key", doc.number->key);
        Object::Ptr parts = make_object();
        parts->set("seq", doc.number->seq);
        parts->set("year", doc.number->year ? Poco::Dynamic::Var(*doc.number->year) : Poco::Dynamic::Var());
        parts->set("type_code", doc.number->type_code.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(doc.number->type_code));
        parts->set("issuer_code", doc.number->issuer_code.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(doc.number->issuer_code));
        o->set("number_parts", parts);
    } else {
        o->set("number", Poco::Dynamic::Var());
        o->set("number_key", Poco::Dynamic::Var());
        o->set("number_parts", Poco::Dynamic::Var());
    }
    o->set("type", opt(doc.type));
    o->set("issuer", opt(doc.issuer));
    o->set("issuer_parent", opt(doc.issuer_parent));
    Array::Ptr issuers = new Array;
    for (const auto& i : doc.issuers) issuers->add(i);
    o->set("issuers", issuers);
    o->set("place", opt(doc.place));
    o->set("date", opt(doc.date));
    o->set("title", opt(doc.title));
    o->set("consolidates", opt(doc.consolidates));
    o->set("preamble", span_text(doc, doc.preamble));
    o->set("closing", span_text(doc, doc.closing));
    Array::Ptr bases = new Array;
    for (const auto& b : doc.bases) {
        Object::Ptr x = make_object();
        x->set("text", b.text);
        x->set("start", static_cast<Poco::UInt64>(b.span.start));
        x->set("end", static_cast<Poco::UInt64>(b.span.end));
        bases->add(x);
    }
    o->set("bases", bases);
    Array::Ptr signers = new Array;
    for (const auto& s : doc.signers) {
        Object::Ptr x = make_object();
        x->set("name", s.name);
        Array::Ptr cap = new Array;
        for (const auto& c : s.capacity) cap->add(c);
        x->set("capacity", cap);
        signers->add(x);
    }
    o->set("signers", signers);
    Array::Ptr recipients = new Array;
    for (const auto& r : doc.recipients) recipients->add(r);
    o->set("recipients", recipients);
    Array::Ptr sections = new Array;
    for (const auto& s : doc.sections) sections->add(section_json(s));
    o->set("sections", sections);
    Array::Ptr tasks = new Array;
    for (const auto& t : doc.tasks) tasks->add(task_json(t));
    o->set("tasks", tasks);
    Array::Ptr refs = new Array;
    for (const auto& r : doc.references) refs->add(reference_json(r));
    o->set("references", refs);
    o->set("period", period_json(doc.period));
    Array::Ptr diags = new Array;
    for (const auto& d : doc.diagnostics) {
        Object::Ptr x = make_object();
        x->set("message", d.message);
        x->set("start", static_cast<Poco::UInt64>(d.span.start));
        x->set("end", static_cast<Poco::UInt64>(d.span.end));
        diags->add(x);
    }
    o->set("diagnostics", diags);
    std::ostringstream out;
    o->stringify(out, 2);
    return out.str();
}

namespace {

void tree_section(const Document& doc, const Section& s, int depth, std::ostringstream& out) {
    (void)doc;
    out << std::string(static_cast<std::size_t>(depth) * 2, ' ');
    switch (s.kind) {
        case SectionKind::dash: out << "- "; break;
        case SectionKind::plus: out << "+ "; break;
        case SectionKind::article: out << "Điều " << s.label << ". "; break;
        case SectionKind::chapter: out << "Chương " << s.label << ". "; break;
        case SectionKind::part: out << "Phần " << s.label << ". "; break;
        case SectionKind::section: out << "Mục " << s.label << ". "; break;
        case SectionKind::subsection: out << "Tiểu mục " << s.label << ". "; break;
        case SectionKind::letter: out << s.label << (s.label.starts_with("(") ? " " : ") "); break;
        case SectionKind::appendix: break;
        default: out << s.label << ". "; break;
    }
    std::string h = s.heading;
    if (h.size() > 100) {
        int32_t cut = 100;
        U8_SET_CP_START(reinterpret_cast<const uint8_t*>(h.data()), 0, cut);
        h = h.substr(0, static_cast<std::size_t>(cut)) + "…";
    }
    out << h << '\n';
    for (const auto& c : s.children) tree_section(doc, c, depth + 1, out);
}

}  // namespace

std::string to_tree(const Document& doc) {
    std::ostringstream out;
    auto field = [&](const char* name, const std::optional<std::string>& v) {
        out << name << ": " << (v ? *v : "-") << '\n';
    };
    field("number", doc.number ? std::optional<std::string>(doc.number->text) : std::nullopt);
    field("type", doc.type);
    field("issuer", doc.issuer);
    field("place", doc.place);
    field("date", doc.date);
    field("title", doc.title);
    out << "bases: " << doc.bases.size() << '\n';
    for (const auto& s : doc.signers) {
        out << "signer: " << s.name;
        for (const auto& c : s.capacity) out << " | " << c;
        out << '\n';
    }
    out << "recipients: " << doc.recipients.size() << '\n';
    for (const auto& s : doc.sections) tree_section(doc, s, 0, out);
    return out.str();
}

}  // namespace vanban
