// JSON renderings of index results (the CLI's --json and the HTTP API share them).
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <sstream>

#include "vanban/index.h"
#include "vanban/render.h"

namespace vanban {

namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

Object::Ptr make_object() { return new Object(Poco::JSON_PRESERVE_KEY_ORDER); }

Poco::Dynamic::Var or_null(const std::string& s) { return s.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(s); }

Object::Ptr doc_json(const DocumentRef& d) {
    Object::Ptr o = make_object();
    o->set("id", static_cast<Poco::Int64>(d.id));
    o->set("number", or_null(d.number));
    o->set("type", or_null(d.type));
    o->set("issuer", or_null(d.issuer));
    o->set("date", or_null(d.date));
    o->set("title", or_null(d.title));
    return o;
}

std::string render(const Object::Ptr& o, int indent) {
    std::ostringstream out;
    o->stringify(out, static_cast<unsigned>(indent));
    return out.str();
}

}  // namespace

std::string to_json(const DocumentRef& doc, int indent) { return render(doc_json(doc), indent); }

std::string to_json(const SearchResult& result, int indent) {
    Object::Ptr o = make_object();
    if (!result.candidates.empty()) {
        Array::Ptr c = new Array;
        for (const auto& d : result.candidates) c->add(doc_json(d));
        o->set("candidates", c);
        return render(o, indent);
    }
    o->set("total", static_cast<Poco::Int64>(result.total));
    if (!result.ranked_as.empty()) o->set("ranked_as", result.ranked_as);
    Array::Ptr results = new Array;
    for (const auto& h : result.results) {
        Object::Ptr r = make_object();
        r->set("document", doc_json(h.document));
        r->set("score", h.score);
        r->set("section_path", or_null(h.section_path));
        r->set("snippet", h.snippet);
        Array::Ptr hl = new Array;
        for (auto [a, b] : h.highlights) {
            Array::Ptr pair = new Array;
            pair->add(a);
            pair->add(b);
            hl->add(pair);
        }
        r->set("highlights", hl);
        results->add(r);
    }
    o->set("results", results);
    return render(o, indent);
}

namespace {

Object::Ptr refs_json(const References& refs) {
    Object::Ptr o = make_object();
    o->set("document", doc_json(refs.document));
    Array::Ptr cites = new Array;
    for (const auto& c : refs.cites) {
        Object::Ptr x = make_object();
        x->set("number", c.number);
        x->set("number_key", c.number_key);
        x->set("relation", c.relation);
        x->set("date", or_null(c.date));
        x->set("resolved", c.resolved ? Poco::Dynamic::Var(doc_json(*c.resolved)) : Poco::Dynamic::Var());
        cites->add(x);
    }
    o->set("cites", cites);
    Array::Ptr by = new Array;
    for (const auto& c : refs.cited_by) {
        Object::Ptr x = make_object();
        x->set("document", doc_json(c.document));
        x->set("relation", c.relation);
        by->add(x);
    }
    o->set("cited_by", by);
    return o;
}

}  // namespace

std::string to_json(const References& refs, int indent) { return render(refs_json(refs), indent); }

std::string to_json(const CitedOnly& cited, int indent) {
    Object::Ptr o = make_object();
    o->set("number", cited.number);
    o->set("number_key", cited.number_key);
    o->set("type", or_null(cited.type));
    o->set("date", or_null(cited.date));
    o->set("issuer", or_null(cited.issuer));
    o->set("in_index", false);
    Array::Ptr by = new Array;
    for (const auto& c : cited.cited_by) {
        Object::Ptr x = make_object();
        x->set("document", doc_json(c.document));
        x->set("relation", c.relation);
        x->set("provision", or_null(c.provision));
        by->add(x);
    }
    o->set("cited_by", by);
    return render(o, indent);
}

namespace {

Poco::Dynamic::Var deadline_json(const std::optional<Deadline>& deadline) {
    if (!deadline) return Poco::Dynamic::Var();
    Object::Ptr d = make_object();
    d->set("text", deadline->text);
    d->set("from", or_null(deadline->from));
    d->set("to", or_null(deadline->to));
    return d;
}

Object::Ptr agency_ref_json(const AgencyRef& a) {
    Object::Ptr o = make_object();
    o->set("id", a.id);
    o->set("name", a.name);
    o->set("place", or_null(a.place));
    return o;
}

Object::Ptr agency_json(const Agency& a) {
    Object::Ptr o = make_object();
    o->set("id", a.id);
    o->set("name", a.name);
    o->set("place", or_null(a.place));
    Array::Ptr aliases = new Array;
    for (const auto& x : a.aliases) aliases->add(x);
    o->set("aliases", aliases);
    o->set("successor", a.successor ? Poco::Dynamic::Var(agency_ref_json(*a.successor)) : Poco::Dynamic::Var());
    Array::Ptr predecessors = new Array;
    for (const auto& p : a.predecessors) predecessors->add(agency_ref_json(p));
    o->set("predecessors", predecessors);
    return o;
}

}  // namespace

std::string to_json(const AssignmentResult& result, int indent) {
    Object::Ptr o = make_object();
    o->set("query", result.query);
    Array::Ptr agencies = new Array;
    for (const auto& g : result.agencies) {
        Object::Ptr x = make_object();
        x->set("agency", agency_json(g.agency));
        Array::Ptr list = new Array;
        for (const auto& a : g.assignments) {
            Object::Ptr t = make_object();
            t->set("document", doc_json(a.document));
            t->set("path", a.path);
            t->set("text", a.text);
            t->set("role", a.role);
            t->set("via_collective", a.via_collective);
            if (a.via_collective) t->set("collective", a.collective);
            t->set("former", a.former ? Poco::Dynamic::Var(agency_ref_json(*a.former)) : Poco::Dynamic::Var());
            t->set("deadline", deadline_json(a.deadline));
            list->add(t);
        }
        x->set("assignments", list);
        agencies->add(x);
    }
    o->set("agencies", agencies);
    return render(o, indent);
}

std::string to_json(const AgencyAssignments& assignments, int indent) {
    AssignmentResult r;
    r.query = assignments.agency.id;
    r.agencies.push_back(assignments);
    return to_json(r, indent);
}

std::string to_json(const DocumentList& list, int indent) {
    Object::Ptr o = make_object();
    o->set("total", static_cast<Poco::Int64>(list.total));
    Array::Ptr docs = new Array;
    for (const auto& d : list.documents) docs->add(doc_json(d));
    o->set("documents", docs);
    return render(o, indent);
}

std::string to_json(const std::vector<AgencyCount>& agencies, int indent) {
    Object::Ptr o = make_object();
    Array::Ptr list = new Array;
    for (const auto& c : agencies) {
        Object::Ptr x = make_object();
        x->set("agency", agency_json(c.agency));
        Object::Ptr roles = make_object();
        roles->set("lead", static_cast<Poco::Int64>(c.lead));
        roles->set("support", static_cast<Poco::Int64>(c.support));
        roles->set("requested", static_cast<Poco::Int64>(c.requested));
        x->set("tasks", roles);
        x->set("inherited_tasks", static_cast<Poco::Int64>(c.inherited));
        list->add(x);
    }
    o->set("agencies", list);
    return render(o, indent);
}

std::string to_json(const DocumentDetail& detail, int indent) {
    Object::Ptr o = make_object();
    o->set("document", doc_json(detail.document));
    o->set("source_path", or_null(detail.source_path));
    o->set("imported_at", detail.imported_at);
    o->set("text", detail.text);
    Array::Ptr sections = new Array;
    for (const auto& s : detail.sections) {
        Object::Ptr x = make_object();
        x->set("path", s.path);
        x->set("kind", s.kind);
        x->set("heading", s.heading);
        x->set("depth", s.depth);
        x->set("start", s.start);
        x->set("end", s.end);
        sections->add(x);
    }
    o->set("sections", sections);
    Array::Ptr tasks = new Array;
    for (const auto& t : detail.tasks) {
        Object::Ptr x = make_object();
        x->set("path", t.path);
        x->set("text", t.text);
        x->set("start", t.start);
        x->set("end", t.end);
        Array::Ptr agencies = new Array;
        for (const auto& a : t.agencies) {
            Object::Ptr y = make_object();
            y->set("id", a.id);
            y->set("name", a.name);
            y->set("role", a.role);
            agencies->add(y);
        }
        x->set("agencies", agencies);
        x->set("deadline", deadline_json(t.deadline));
        tasks->add(x);
    }
    o->set("tasks", tasks);
    // The references, without repeating the document.
    Object::Ptr refs = refs_json(detail.references);
    o->set("cites", refs->getArray("cites"));
    o->set("cited_by", refs->getArray("cited_by"));
    return render(o, indent);
}

std::string to_json(const Graph& graph, int indent) {
    Object::Ptr o = make_object();
    Array::Ptr nodes = new Array;
    for (const auto& n : graph.nodes) nodes->add(doc_json(n));
    o->set("nodes", nodes);
    Array::Ptr edges = new Array;
    for (const auto& e : graph.edges) {
        Object::Ptr x = make_object();
        x->set("from", static_cast<Poco::Int64>(e.from));
        x->set("to", static_cast<Poco::Int64>(e.to));
        x->set("relation", e.relation);
        edges->add(x);
    }
    o->set("edges", edges);
    Array::Ptr cited = new Array;
    for (const auto& c : graph.cited) {
        Object::Ptr x = make_object();
        x->set("number", c.number);
        x->set("number_key", c.number_key);
        x->set("from", static_cast<Poco::Int64>(c.from));
        x->set("relation", c.relation);
        cited->add(x);
    }
    o->set("cited", cited);
    return render(o, indent);
}

}  // namespace vanban
