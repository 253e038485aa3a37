# Writes server/openapi.json, the OpenAPI description of the HTTP API:
#   python3 tools/data/gen_openapi.py > server/openapi.json
# The tests (tests/server) check every response against the file, so edit here and regenerate.
import json
def ref(n): return {"$ref": "#/components/schemas/" + n}
def arr(x): return {"type": "array", "items": x}
def obj(props, req=None, extra=False):
    o = {"type": "object", "properties": props, "required": req if req is not None else list(props)}
    if not extra: o["additionalProperties"] = False
    return o
S = {"type": "string"}; NS = {"type": ["string", "null"]}; I = {"type": "integer"}; N = {"type": "number"}; B = {"type": "boolean"}
schemas = {
 "Document": obj({"id": I, "number": NS, "type": NS, "issuer": NS, "date": NS, "title": NS}),
 "Error": obj({"error": obj({"code": {"type": "string", "enum": ["bad_request", "unauthorized", "forbidden", "not_found",
     "method_not_allowed", "conflict", "length_required", "payload_too_large", "uri_too_long", "unsupported_media_type", "internal"]},
     "message": S})}),
 "SearchResult": {"oneOf": [
    obj({"total": I, "ranked_as": {"type": "string", "description": "the query as ranked, its plain words given their most likely diacritics; absent when ranked as typed"},
         "results": arr(obj({"document": ref("Document"), "score": N, "section_path": NS, "snippet": S,
          "highlights": arr({"type": "array", "items": I, "minItems": 2, "maxItems": 2})}))}, ["total", "results"]),
    ref("Candidates")]},
 "Candidates": obj({"candidates": arr(ref("Document"))}),
 "Lookup": obj({"candidates": arr(ref("Document")),
    "cited": {"description": "when no document has the number: what the documents that cite it say of it, or null", "oneOf": [{"type": "null"}, ref("CitedOnly")]}},
    ["candidates"]),
 "CitedOnly": obj({"number": S, "number_key": S, "type": NS, "date": NS, "issuer": NS,
    "in_index": {"description": "always false: the document is known only from its citations", "const": False},
    "cited_by": arr(obj({"document": ref("Document"), "relation": ref("Relation"), "provision": NS}))}),
 "DocumentList": obj({"total": I, "documents": arr(ref("Document"))}),
 "Deadline": {"oneOf": [{"type": "null"}, obj({"text": S, "from": NS, "to": NS})]},
 "Cite": obj({"number": S, "number_key": S, "relation": ref("Relation"), "date": NS,
              "resolved": {"oneOf": [{"type": "null"}, ref("Document")]}}),
 "CitedBy": obj({"document": ref("Document"), "relation": ref("Relation")}),
 # The server serves these two enums from the parser's lists (vanban::all_relations(), the roles of its
 # label table: server/src/vocabulary.cpp); tests/server checks that this file says the same.
 "Relation": {"type": "string", "enum": ["basis", "implements", "amends", "replaces", "repeals", "guides", "mentions"]},
 "Role": {"type": "string", "enum": ["lead", "support", "requested"]},
 "Vocabulary": obj({
    "relations": arr(obj({"id": ref("Relation"), "label": {"description": "Vietnamese label", **S},
                          "short": {"description": "short Vietnamese label (the diagram's edges)", **S}})),
    "roles": arr(obj({"id": ref("Role"), "label": {"description": "Vietnamese label", **S}})),
    "document_types": arr(obj({"name": {"description": "as the type filter and documents name it", **S},
                               "codes": {"description": "type codes of its numbers (KH in 134/KH-UBND), folded to ASCII capitals", **arr(S)}}))}),
 "DocumentDetail": obj({"document": ref("Document"), "source_path": NS, "imported_at": S, "text": S,
    "sections": arr(obj({"path": S, "kind": S, "heading": S, "depth": I, "start": I, "end": I})),
    "tasks": arr(obj({"path": S, "text": S, "start": I, "end": I,
        "agencies": arr(obj({"id": S, "name": S, "role": ref("Role")})), "deadline": ref("Deadline")})),
    "cites": arr(ref("Cite")), "cited_by": arr(ref("CitedBy"))}),
 "References": obj({"document": ref("Document"), "cites": arr(ref("Cite")), "cited_by": arr(ref("CitedBy"))}),
 "Graph": obj({"nodes": arr(ref("Document")), "edges": arr(obj({"from": I, "to": I, "relation": ref("Relation")})),
    "cited": {"description": "numbers the nodes cite that are not in the index: nodes known only by citation",
              **arr(obj({"number": S, "number_key": S, "from": I, "relation": ref("Relation")}))}}),
 "AgencyRef": obj({"id": S, "name": S, "place": NS}),
 "Agency": obj({"id": S, "name": S, "place": NS, "aliases": arr(S),
    "successor": {"description": "for a former body: the body that does its work since the 2025 reorganisation",
                  "oneOf": [{"type": "null"}, ref("AgencyRef")]},
    "predecessors": {"description": "for a current body: the former bodies in the index whose work it took over",
                     **arr(ref("AgencyRef"))}}),
 "AgencyCounts": obj({"agencies": arr(obj({"agency": ref("Agency"), "tasks": obj({"lead": I, "support": I, "requested": I}),
    "inherited_tasks": {"description": "how many of the tasks were given to its former bodies", **I}}))}),
 "Assignments": obj({"query": S, "agencies": arr(obj({"agency": ref("Agency"), "assignments": arr(obj({
    "document": ref("Document"), "path": S, "text": S, "role": ref("Role"), "via_collective": B,
    "collective": S, "former": {"description": "the former body the task was given to (null: the agency itself)",
                                "oneOf": [{"type": "null"}, ref("AgencyRef")]},
    "deadline": ref("Deadline")}, ["document", "path", "text", "role", "via_collective", "former", "deadline"]))}))}),
 "Health": obj({"status": S, "documents": I, "version": S}),
 "ImportResult": obj({"id": I, "status": {"type": "string", "enum": ["added", "replaced", "unchanged"]},
                      "document": ref("Document"),
                      "encoding": {"type": "string", "enum": ["utf-8", "utf-16le", "utf-16be", "windows-1258", "tcvn3", "vni", "viscii"],
                                   "description": "what the body was read as: the charset given, else found from the content"},
                      "warnings": {**arr(S), "description": "lines converted from an old encoding, a text with no header, number or structure"}}),
 "RemoveResult": obj({"id": I, "status": {"type": "string", "enum": ["removed"]}, "document": ref("Document")}),
}
def qp(name, desc, schema=None, required=False):
    return {"name": name, "in": "query", "required": required, "description": desc, "schema": schema or S}
def eqp(name, desc, *values):  # an optional string parameter with these values (schema before description)
    return {"name": name, "in": "query", "required": False, "schema": {"type": "string", "enum": list(values)}, "description": desc}
date = {"type": "string", "pattern": "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"}
limit = qp("limit", "results per page (default 20)", {"type": "integer", "minimum": 1, "maximum": 100})
offset = qp("offset", "results to skip (default 0)", {"type": "integer", "minimum": 0})
idp = {"name": "id", "in": "path", "required": True, "schema": {"type": "integer", "minimum": 1}}
type_param = qp("type", "a document type of /api/vocabulary: its name, diacritics optional (Kế hoạch, ke hoach), or a"
                " type code of its numbers (KH); another value is a 400")
issuer_param = qp("issuer", "part of the issuer's name, or a body as people write it (UBND Hà Nội, HĐND tỉnh Đồng Tháp, Bộ TTTT)")
def json_resp(desc, schema): return {"description": desc, "content": {"application/json": {"schema": schema}}}
def err(*codes, said={}):  # said: descriptions of this endpoint's own, by code
    names = {400: "bad parameter, invalid UTF-8 or percent-encoding, bad query syntax", 401: "no or wrong bearer token",
             403: "import is off (read-only, or no token file)", 404: "no such document, agency or path",
             405: "method not allowed", 411: "no Content-Length", 413: "body over the limit (default 20 MB)",
             414: "request target too long", 415: "body not text/plain or text/html, or a charset that is not supported",
             500: "internal error (logged with its request id)"}
    return {str(c): json_resp(said[c] if c in said else names[c], ref("Error")) for c in codes}
common = (400, 404, 405, 414, 500)
paths = {
 "/healthz": {"get": {"summary": "Health and document count", "responses": {"200": json_resp("ok", ref("Health")), **err(*common)}}},
 "/api/search": {"get": {"summary": "Full-text search; a query that is a document number returns candidates",
    "parameters": [qp("q", "words (all required), \"quoted phrase\", prefix*, OR; or a document number", required=True),
        type_param, issuer_param,
        qp("agency", "part of the name of an agency with tasks in the document, or the body it names (SYT Hà Nội)"), qp("from", "date from", date), qp("to", "date to", date),
        qp("in", "where to search", {"type": "string", "enum": ["title", "text", "tasks"]}), limit, offset],
    "responses": {"200": json_resp("results, or candidates for a number", ref("SearchResult")), **err(*common)}}},
 "/api/lookup": {"get": {"summary": "Documents with this number", "parameters": [qp("number", "as typed: 134/KH-UBND, kh-ubnd 134, nq 38 cp", required=True)],
    "responses": {"200": json_resp("the documents; none: what cites the number, when anything does", ref("Lookup")), **err(*common)}}},
 "/api/documents": {
   "get": {"summary": "Documents, newest first", "parameters": [type_param, issuer_param,
        qp("from", "date from", date), qp("to", "date to", date), limit, offset],
    "responses": {"200": json_resp("a page of documents", ref("DocumentList")), **err(*common)}},
   "post": {"summary": "Import one document (its text)", "security": [{"bearer": []}],
    "parameters": [qp("name", "a name identifying the document when it has no number (a later POST with the same name replaces it)")],
    "requestBody": {"required": True, "content": {**{t: {"schema": S} for t in ("text/plain", "text/html")},
        **{t: {"schema": {"type": "string", "format": "binary"}} for t in ("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/pdf", "application/msword", "application/akn+xml")}}},
    "responses": {"201": json_resp("added", ref("ImportResult")), "200": json_resp("unchanged, or replaced (same number, issuer and date)", ref("ImportResult")),
        **err(400, 401, 403, 404, 405, 411, 413, 414, 415, 500)}}},
 "/api/documents/{id}": {
   "get": {"summary": "A document: metadata, text, outline, tasks, references, cited by", "parameters": [idp,
        eqp("format", "json (default); md: the document as Markdown (text/markdown); csv: its tasks, one row per task and agency"
            " (text/csv, UTF-8 with a BOM); akn: Akoma Ntoso 3.0 XML (application/akn+xml, docs/AKN.md)", "json", "md", "csv", "akn"),
        eqp("lang", "with format=csv: the column headers and words in English (default) or Vietnamese", "en", "vi")],
    "responses": {"200": {"description": "the document", "content": {"application/json": {"schema": ref("DocumentDetail")},
        "text/markdown": {"schema": S},
        "text/csv": {"schema": S, "example": "\ufeffnumber,title,issuer,date,path,agency,agency_id,role,deadline_from,deadline_to,deadline,text\r\n"},
        "application/akn+xml": {"schema": S}}}, **err(*common)}},
   "delete": {"summary": "Remove a document with its sections, tasks, assignments and citations (one transaction);"
                         " citations of it elsewhere become unresolved again", "security": [{"bearer": []}], "parameters": [idp],
    "responses": {"200": json_resp("removed", ref("RemoveResult")), **err(400, 401, 403, 404, 405, 500, said={
        400: "the id is not a number", 403: "the server is read-only, or has no token file", 404: "no document with that id"})}}},
 "/api/documents/{id}/references": {"get": {"summary": "What it cites and what cites it", "parameters": [idp],
    "responses": {"200": json_resp("references", ref("References")), **err(*common)}}},
 "/api/documents/by-number/{number}/references": {"get": {
    "summary": "What the document with this number cites and what cites it; a number cited but not imported: what cites it",
    "parameters": [{"name": "number", "in": "path", "required": True, "schema": S,
                    "description": "as typed, percent-encoded (38%2FNQ-CP); the exact number wins over leading zeros"}],
    "responses": {"200": json_resp("references, or the cited-only document (in_index false)",
                                   {"oneOf": [ref("References"), ref("CitedOnly")]}),
        **err(400, 404, 405, 409, 414, 500, said={404: "no document with this number, and none cites it",
                                                  409: "several documents have this number: ask by id"})}}},
 "/api/documents/{id}/graph": {"get": {"summary": "The citation graph around it", "parameters": [idp,
        qp("depth", "citation steps (default 1)", {"type": "integer", "minimum": 1, "maximum": 5})],
    "responses": {"200": json_resp("nodes and edges", ref("Graph")), **err(*common)}}},
 "/api/agencies": {"get": {"summary": "Agencies with tasks (their own or their former bodies'), with counts by role",
    "parameters": [qp("q", "name, alias or abbreviation, diacritics optional, alone or with a province (SYT Hà Nội, UBND tinh Dong Thap)")],
    "responses": {"200": json_resp("agencies", ref("AgencyCounts")), **err(*common)}}},
 "/api/agencies/{id}/assignments": {"get": {"summary": "The tasks of one agency; CSV with Accept: text/csv or format=csv",
    "parameters": [{"name": "id", "in": "path", "required": True, "schema": S, "description": "agency id, such as so-y-te@thanh-pho-ha-noi"},
        qp("role", "role", ref("Role")), qp("from", "deadline from", date), qp("to", "deadline to", date),
        qp("include_collective", "add tasks addressed to collectives that include it", {"type": "string", "enum": ["1", "0", "true", "false"]}),
        qp("include_former", "add the tasks of the former bodies it took over (default 1)", {"type": "string", "enum": ["1", "0", "true", "false"]}),
        qp("format", "json (default) or csv", {"type": "string", "enum": ["json", "csv"]}),
        eqp("lang", "with CSV: the column headers and words in English (default) or Vietnamese (the page downloads with vi)", "en", "vi")],
    "responses": {"200": {"description": "the agency and its tasks", "content": {"application/json": {"schema": ref("Assignments")},
        "text/csv": {"schema": {"type": "string"}, "example": "\ufeffagency,place,document_id,number,title,issuer,date,path,role,via_collective,former_agency,deadline_from,deadline_to,deadline,text\r\n"}}},
        **err(*common)}}},
 "/api/vocabulary": {"get": {"summary": "Relations, roles and document types, with their Vietnamese labels (what the page shows)",
    "responses": {"200": json_resp("the lists", ref("Vocabulary")), **err(*common)}}},
 "/api/openapi.json": {"get": {"summary": "This description", "responses": {"200": {"description": "OpenAPI 3.1", "content": {"application/json": {}}}}}},
}
doc = {"openapi": "3.1.0", "info": {"title": "vanban", "version": "0.1.0",
   "description": "Vietnamese legal and administrative documents: search, cross-references, assignments by agency. "
                  "Every error is {\"error\": {\"code\", \"message\"}}; unknown query parameters are a 400."},
   "servers": [{"url": "/"}], "paths": paths,
   "components": {"schemas": schemas, "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}}}
print(json.dumps(doc, ensure_ascii=False, indent=1))
