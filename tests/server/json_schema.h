// A JSON Schema check of the parts server/openapi.json uses (type with null, properties, required,
// additionalProperties: false, items, minItems/maxItems, oneOf, enum, minimum/maximum, pattern not
// checked, $ref into #/components/schemas), so the tests hold the description to the real responses.
#pragma once

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <string>

namespace vanban::test {

inline bool has_type(const Poco::Dynamic::Var& v, const std::string& type) {
    if (type == "null") return v.isEmpty();
    if (v.isEmpty()) return false;
    if (type == "object") return v.type() == typeid(Poco::JSON::Object::Ptr);
    if (type == "array") return v.type() == typeid(Poco::JSON::Array::Ptr);
    if (type == "string") return v.isString();
    if (type == "boolean") return v.type() == typeid(bool);
    if (type == "integer") return v.isInteger() && v.type() != typeid(bool);
    if (type == "number") return v.isNumeric() && v.type() != typeid(bool);
    return false;
}

/// "" when `value` is valid against `schema`, else where and why it is not.
inline std::string validate(const Poco::Dynamic::Var& value, Poco::JSON::Object::Ptr schema,
                            const Poco::JSON::Object::Ptr& root, const std::string& where = "$") {
    using Poco::JSON::Array;
    using Poco::JSON::Object;
    if (schema->has("$ref")) {
        std::string ref = schema->getValue<std::string>("$ref");
        const std::string prefix = "#/components/schemas/";
        auto target = root->getObject("components")->getObject("schemas")->getObject(ref.substr(prefix.size()));
        if (!target) return where + ": unknown $ref " + ref;
        return validate(value, target, root, where);
    }
    if (schema->has("oneOf")) {
        auto options = schema->getArray("oneOf");
        int matches = 0;
        std::string errors;
        for (std::size_t i = 0; i < options->size(); ++i) {
            std::string e = validate(value, options->getObject(static_cast<unsigned>(i)), root, where);
            if (e.empty()) ++matches;
            else errors += (errors.empty() ? "" : " | ") + e;
        }
        if (matches != 1) return where + ": matches " + std::to_string(matches) + " of oneOf (" + errors + ")";
        return "";
    }
    if (schema->has("type")) {
        Poco::Dynamic::Var t = schema->get("type");
        bool ok = false;
        if (t.type() == typeid(Array::Ptr)) {
            auto types = t.extract<Array::Ptr>();
            for (std::size_t i = 0; i < types->size(); ++i) ok = ok || has_type(value, types->getElement<std::string>(static_cast<unsigned>(i)));
        } else {
            ok = has_type(value, t.convert<std::string>());
        }
        if (!ok) return where + ": not of type " + t.toString() + " (" + (value.isEmpty() ? "null" : value.toString()) + ")";
    }
    if (value.isEmpty()) return "";
    if (schema->has("enum")) {
        auto values = schema->getArray("enum");
        bool found = false;
        for (std::size_t i = 0; i < values->size(); ++i) found = found || values->get(static_cast<unsigned>(i)).toString() == value.toString();
        if (!found) return where + ": '" + value.toString() + "' is not in the enum";
    }
    if (schema->has("minimum") && value.isNumeric() && value.convert<double>() < schema->getValue<double>("minimum")) {
        return where + ": below the minimum";
    }
    if (schema->has("maximum") && value.isNumeric() && value.convert<double>() > schema->getValue<double>("maximum")) {
        return where + ": above the maximum";
    }
    if (value.type() == typeid(Object::Ptr)) {
        auto obj = value.extract<Object::Ptr>();
        auto props = schema->getObject("properties");
        if (schema->has("required")) {
            auto req = schema->getArray("required");
            for (std::size_t i = 0; i < req->size(); ++i) {
                std::string name = req->getElement<std::string>(static_cast<unsigned>(i));
                if (!obj->has(name)) return where + ": missing '" + name + "'";
            }
        }
        for (const auto& [name, v] : *obj) {
            if (props && props->has(name)) {
                std::string e = validate(v, props->getObject(name), root, where + "." + name);
                if (!e.empty()) return e;
            } else if (schema->has("additionalProperties") && !schema->getValue<bool>("additionalProperties")) {
                return where + ": undocumented property '" + name + "'";
            }
        }
    }
    if (value.type() == typeid(Array::Ptr)) {
        auto arr = value.extract<Array::Ptr>();
        if (schema->has("minItems") && arr->size() < schema->getValue<std::size_t>("minItems")) return where + ": too few items";
        if (schema->has("maxItems") && arr->size() > schema->getValue<std::size_t>("maxItems")) return where + ": too many items";
        if (schema->has("items")) {
            for (std::size_t i = 0; i < arr->size(); ++i) {
                std::string e = validate(arr->get(static_cast<unsigned>(i)), schema->getObject("items"), root,
                                         where + "[" + std::to_string(i) + "]");
                if (!e.empty()) return e;
            }
        }
    }
    return "";
}

}  // namespace vanban::test
