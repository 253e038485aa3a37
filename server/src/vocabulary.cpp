// Relations, roles and document types as the API and the page name them. See vocabulary.h.
#include "vocabulary.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/ParseHandler.h>
#include <Poco/JSON/Parser.h>

#include <sstream>

#include "vanban/parser.h"

namespace vanban::detail {

namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

// The Vietnamese labels: the one place the page's words for relations and roles are written.
constexpr RelationLabel kRelationLabels[] = {
    {"basis", "căn cứ", "căn cứ"},
    {"implements", "triển khai, thực hiện", "triển khai"},
    {"amends", "sửa đổi, bổ sung", "sửa đổi"},
    {"replaces", "thay thế", "thay thế"},
    {"repeals", "bãi bỏ", "bãi bỏ"},
    {"guides", "hướng dẫn", "hướng dẫn"},
    {"mentions", "dẫn chiếu", "dẫn chiếu"},
};

struct RoleLabel {
    Role role;
    std::string_view label;
};

constexpr RoleLabel kRoleLabels[] = {
    {Role::lead, "chủ trì"},
    {Role::support, "phối hợp"},
    {Role::requested, "đề nghị"},
};

Object::Ptr make_object() { return new Object(Poco::JSON_PRESERVE_KEY_ORDER); }

std::string render(const Object::Ptr& o) {
    std::ostringstream out;
    o->stringify(out);
    return out.str();
}

}  // namespace

RelationLabel relation_label(std::string_view relation) {
    for (const auto& l : kRelationLabels) {
        if (l.relation == relation) return l;
    }
    return {relation, {}, {}};
}

std::string_view role_label(std::string_view role) {
    for (const auto& l : kRoleLabels) {
        if (to_string(l.role) == role) return l.label;
    }
    return {};
}

std::string vocabulary_json() {
    Object::Ptr o = make_object();
    Array::Ptr relations = new Array;
    for (Relation r : all_relations()) {
        const std::string id(to_string(r));
        RelationLabel l = relation_label(id);
        Object::Ptr x = make_object();
        x->set("id", id);
        x->set("label", l.label.empty() ? id : std::string(l.label));
        x->set("short", l.short_label.empty() ? id : std::string(l.short_label));
        relations->add(x);
    }
    o->set("relations", relations);
    Array::Ptr roles = new Array;
    for (const auto& l : kRoleLabels) {
        Object::Ptr x = make_object();
        x->set("id", std::string(to_string(l.role)));
        x->set("label", std::string(l.label));
        roles->add(x);
    }
    o->set("roles", roles);
    Array::Ptr types = new Array;
    for (const auto& t : document_types()) {
        Object::Ptr x = make_object();
        x->set("name", t.name);
        Array::Ptr codes = new Array;
        for (const auto& c : t.codes) codes->add(c);
        x->set("codes", codes);
        types->add(x);
    }
    o->set("document_types", types);
    return render(o);
}

std::string openapi_json(std::string_view file) {
    Poco::JSON::Parser parser(new Poco::JSON::ParseHandler(true));
    Object::Ptr doc = parser.parse(std::string(file)).extract<Object::Ptr>();
    Object::Ptr schemas = doc->getObject("components")->getObject("schemas");
    Array::Ptr relations = new Array;
    for (Relation r : all_relations()) relations->add(std::string(to_string(r)));
    schemas->getObject("Relation")->set("enum", relations);
    Array::Ptr roles = new Array;
    for (const auto& l : kRoleLabels) roles->add(std::string(to_string(l.role)));
    schemas->getObject("Role")->set("enum", roles);
    return render(doc);
}

}  // namespace vanban::detail
