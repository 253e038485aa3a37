// The HTTP API in-process (server_fixture.h): every endpoint, every error, the OpenAPI description
// checked against the real responses, the page and its modules, imports and their limits.
#include <unicode/unistr.h>

#include "format_makers.h"
#include "server_fixture.h"
#include "vanban/akn.h"
#ifdef VANBAN_TEST_PDF
#include "pdf_maker.h"
#endif

namespace {

TEST_F(Api, Health) {
    Reply r = get("/healthz");
    ASSERT_EQ(r.status, 200);
    EXPECT_EQ(r.content_type, "application/json; charset=utf-8");
    EXPECT_EQ(r.json()->getValue<std::string>("status"), "ok");
    EXPECT_GE(r.json()->getValue<int>("documents"), 20);
    EXPECT_EQ(r.headers.count("X-Request-Id"), 1u);
    conforms(r, "/healthz");
}

TEST_F(Api, SearchRanksThePlanFirstWithHighlights) {
    Reply r = get("/api/search?q=phong+chong+dich");
    ASSERT_EQ(r.status, 200) << r.body;
    conforms(r, "/api/search");
    auto results = r.json()->getArray("results");
    ASSERT_GT(results->size(), 0u);
    auto first = results->getObject(0);
    EXPECT_EQ(first->getObject("document")->getValue<std::string>("number"), "134/KH-UBND");
    auto hl = first->getArray("highlights");
    ASSERT_GT(hl->size(), 0u);
    // Highlights are UTF-16 offsets into the snippet: the highlighted text folds to a query word.
    std::string snippet = first->getValue<std::string>("snippet");
    EXPECT_GT(snippet.size(), 0u);
    // Filters and paging.
    Reply typed = get("/api/search?q=phong%20chong%20dich&type=ke%20hoach&from=2022&to=2022-12&limit=1&offset=0");
    ASSERT_EQ(typed.status, 200) << typed.body;
    EXPECT_EQ(typed.json()->getArray("results")->size(), 1u);
    conforms(typed, "/api/search");
    Reply in_tasks = get("/api/search?q=so+y+te&in=tasks");
    EXPECT_EQ(in_tasks.status, 200);
    conforms(in_tasks, "/api/search");
}

TEST_F(Api, SearchByNumberGivesCandidates) {
    for (const char* target : {"/api/search?q=134%2FKH-UBND", "/api/search?q=kh-ubnd+134"}) {
        Reply r = get(target);
        ASSERT_EQ(r.status, 200) << target;
        conforms(r, "/api/search");
        auto c = r.json()->getArray("candidates");
        ASSERT_EQ(c->size(), 1u) << target;
        EXPECT_EQ(c->getObject(0)->getValue<std::string>("number"), "134/KH-UBND");
    }
    Reply lookup = get("/api/lookup?number=nq+38+cp");
    ASSERT_EQ(lookup.status, 200);
    conforms(lookup, "/api/lookup");
    EXPECT_EQ(lookup.json()->getArray("candidates")->size(), 1u);
    Reply none = get("/api/lookup?number=999/XX-YYY");
    ASSERT_EQ(none.status, 200);
    EXPECT_EQ(none.json()->getArray("candidates")->size(), 0u);
    expect_error(get("/api/lookup"), 400, "/api/lookup");
}

// A number cited but not imported: /api/lookup has no candidates and says what cites it;
// /api/documents/by-number/{number}/references answers with it (in_index false), or with the references
// of the document that has the number; a number neither held nor cited is a 404.
TEST_F(Api, ANumberOnlyCitedIsADocumentOfItsOwn) {
    Reply lookup = get("/api/lookup?number=25-KL%2FTW");
    ASSERT_EQ(lookup.status, 200);
    conforms(lookup, "/api/lookup");
    EXPECT_EQ(lookup.json()->getArray("candidates")->size(), 0u);
    auto cited = lookup.json()->getObject("cited");
    ASSERT_TRUE(cited);
    EXPECT_EQ(cited->getValue<std::string>("number"), "25-KL/TW");
    EXPECT_EQ(cited->getValue<std::string>("type"), "Kết luận");
    EXPECT_GE(cited->getArray("cited_by")->size(), 1u);
    Reply by = get("/api/documents/by-number/25-KL%2FTW/references");
    ASSERT_EQ(by.status, 200) << by.body;
    conforms(by, "/api/documents/by-number/{number}/references");
    EXPECT_FALSE(by.json()->getValue<bool>("in_index"));
    EXPECT_EQ(by.json()->getArray("cited_by")->getObject(0)->getObject("document")->getValue<std::string>("number"), "134/KH-UBND");
    Reply held = get("/api/documents/by-number/134%2FKH-UBND/references");
    ASSERT_EQ(held.status, 200) << held.body;
    conforms(held, "/api/documents/by-number/{number}/references");
    EXPECT_EQ(held.json()->getObject("document")->getValue<std::string>("number"), "134/KH-UBND");
    EXPECT_GT(held.json()->getArray("cites")->size(), 5u);
    expect_error(get("/api/documents/by-number/999%2FXX-YY/references"), 404, "/api/documents/by-number/{number}/references");
    Reply none = get("/api/lookup?number=999/XX-YYY");
    ASSERT_EQ(none.status, 200);
    conforms(none, "/api/lookup");
    EXPECT_TRUE(none.json()->isNull("cited"));
}

TEST_F(Api, QuerySyntaxCannotBeInjected) {
    // An unbalanced quote is the one query error; FTS5 syntax is literal text, never a 500.
    expect_error(get("/api/search?q=%22"), 400, "/api/search");
    expect_error(get("/api/search?q=%22phong+chong"), 400, "/api/search");
    for (const char* q : {"NEAR(", "NEAR(phong%20dich)", "col%3A", "text%3Adich", "title%3A", "dich+AND", "OR",
                          "phong+NOT+dich", "%5Ephong", "%7Btitle%7D", "a%2Bb", "(((", "-dich", "%2A%2A"}) {
        Reply r = get(std::string("/api/search?q=") + q);
        EXPECT_TRUE(r.status == 200 || r.status == 400) << q << ": " << r.status << " " << r.body;
        conforms(r, "/api/search");
    }
    Reply star = get("/api/search?q=%2A");
    EXPECT_EQ(star.status, 400) << star.body;  // nothing to search for
    conforms(star, "/api/search");
}

TEST_F(Api, BadParametersAre400) {
    for (const char* target :
         {"/api/search", "/api/search?q=", "/api/search?q=%20%20", "/api/search?q=dich&limit=101",
          "/api/search?q=dich&limit=0", "/api/search?q=dich&limit=abc", "/api/search?q=dich&offset=-1",
          "/api/search?q=dich&from=2022-13", "/api/search?q=dich&to=yesterday", "/api/search?q=dich&in=body",
          "/api/search?q=dich&colour=red", "/api/search?q=dich&q=dich", "/api/search?q=%FF%FE",
          "/api/search?q=%C3", "/api/search?q=%G1", "/api/search?q=abc%", "/api/search?q=%2",
          "/api/search?q=%ED%A0%80"}) {
        expect_error(get(target), 400, "/api/search");
    }
    expect_error(get("/api/documents?limit=1000"), 400, "/api/documents");
    expect_error(get("/api/documents/1/graph?depth=0"), 400, "/api/documents/{id}/graph");
    expect_error(get("/api/documents/1/graph?depth=6"), 400, "/api/documents/{id}/graph");
    Reply r = get("/api/search?q=%FF");
    EXPECT_NE(r.json()->getObject("error")->getValue<std::string>("message").find("UTF-8"), std::string::npos);
}

TEST_F(Api, Documents) {
    Reply list = get("/api/documents?limit=5");
    ASSERT_EQ(list.status, 200);
    conforms(list, "/api/documents");
    EXPECT_EQ(list.json()->getArray("documents")->size(), 5u);
    EXPECT_GE(list.json()->getValue<int>("total"), 20);
    Reply plans = get("/api/documents?type=K%E1%BA%BF%20ho%E1%BA%A1ch&from=2022&to=2022&limit=100");
    ASSERT_EQ(plans.status, 200);
    auto docs = plans.json()->getArray("documents");
    ASSERT_GT(docs->size(), 0u);
    for (std::size_t i = 0; i < docs->size(); ++i) {
        EXPECT_EQ(docs->getObject(i)->getValue<std::string>("type"), "Kế hoạch");
        EXPECT_EQ(docs->getObject(i)->getValue<std::string>("date").substr(0, 4), "2022");
    }

    Reply found = get("/api/lookup?number=134/KH-UBND");
    std::string id = std::to_string(found.json()->getArray("candidates")->getObject(0)->getValue<int>("id"));
    Reply d = get("/api/documents/" + id);
    ASSERT_EQ(d.status, 200);
    conforms(d, "/api/documents/{id}");
    auto detail = d.json();
    std::vector<std::string> top;
    auto sections = detail->getArray("sections");
    for (std::size_t i = 0; i < sections->size(); ++i) {
        if (sections->getObject(i)->getValue<int>("depth") == 0) top.push_back(sections->getObject(i)->getValue<std::string>("path"));
    }
    EXPECT_EQ(top, (std::vector<std::string>{"I", "II", "III"}));
    // Task offsets are UTF-16 indexes into the text.
    auto tasks = detail->getArray("tasks");
    ASSERT_GT(tasks->size(), 0u);
    EXPECT_LT(tasks->getObject(0)->getValue<int>("start"), tasks->getObject(0)->getValue<int>("end"));
    bool implements38 = false;
    auto cites = detail->getArray("cites");
    for (std::size_t i = 0; i < cites->size(); ++i) {
        auto c = cites->getObject(i);
        if (c->getValue<std::string>("number_key") == "38/NQ-CP" && c->getValue<std::string>("relation") == "implements") {
            implements38 = !c->isNull("resolved");
        }
    }
    EXPECT_TRUE(implements38) << "38/NQ-CP is imported: the citation is resolved";

    Reply refs = get("/api/documents/" + id + "/references");
    ASSERT_EQ(refs.status, 200);
    conforms(refs, "/api/documents/{id}/references");
    Reply graph = get("/api/documents/" + id + "/graph?depth=2");
    ASSERT_EQ(graph.status, 200);
    conforms(graph, "/api/documents/{id}/graph");
    EXPECT_GE(graph.json()->getArray("nodes")->size(), 2u);

    expect_error(get("/api/documents/999999"), 404, "/api/documents/{id}");
    expect_error(get("/api/documents/abc"), 404, "/api/documents/{id}");
    expect_error(get("/api/documents/999999/references"), 404, "/api/documents/{id}/references");
    expect_error(get("/api/documents/999999/graph"), 404, "/api/documents/{id}/graph");
}

TEST_F(Api, AgenciesAndAssignments) {
    Reply a = get("/api/agencies?q=so+y+te");
    ASSERT_EQ(a.status, 200);
    conforms(a, "/api/agencies");
    auto list = a.json()->getArray("agencies");
    std::string hanoi;
    for (std::size_t i = 0; i < list->size(); ++i) {
        std::string id = list->getObject(i)->getObject("agency")->getValue<std::string>("id");
        if (id == "so-y-te@thanh-pho-ha-noi") hanoi = id;
    }
    ASSERT_EQ(hanoi, "so-y-te@thanh-pho-ha-noi");
    Reply r = get("/api/agencies/so-y-te%40thanh-pho-ha-noi/assignments?role=lead");
    ASSERT_EQ(r.status, 200) << r.body;
    conforms(r, "/api/agencies/{id}/assignments");
    auto groups = r.json()->getArray("agencies");
    ASSERT_EQ(groups->size(), 1u);
    auto tasks = groups->getObject(0)->getArray("assignments");
    int block2 = 0;
    for (std::size_t i = 0; i < tasks->size(); ++i) {
        EXPECT_EQ(tasks->getObject(i)->getValue<std::string>("role"), "lead");
        if (tasks->getObject(i)->getValue<std::string>("path").starts_with("III.2")) ++block2;
    }
    EXPECT_GE(block2, 1);
    // CSV: by parameter or by Accept, UTF-8 with a BOM, one row per task plus the header.
    Reply csv = get("/api/agencies/so-y-te%40thanh-pho-ha-noi/assignments?role=lead&format=csv");
    ASSERT_EQ(csv.status, 200);
    EXPECT_EQ(csv.content_type, "text/csv; charset=utf-8");
    EXPECT_TRUE(csv.body.starts_with("\xEF\xBB\xBF" "agency,place,document_id"));
    EXPECT_NE(csv.body.find("Sở Y tế"), std::string::npos);
    std::size_t rows = 0;
    for (std::size_t p = csv.body.find("\r\nSở Y tế"); p != std::string::npos; p = csv.body.find("\r\nSở Y tế", p + 1)) ++rows;
    EXPECT_EQ(rows, tasks->size());
    Reply accept = get("/api/agencies/so-y-te%40thanh-pho-ha-noi/assignments", {{"Accept", "text/csv"}});
    EXPECT_EQ(accept.content_type, "text/csv; charset=utf-8");
    Reply collective = get("/api/agencies/so-y-te%40thanh-pho-ha-noi/assignments?include_collective=1");
    ASSERT_EQ(collective.status, 200);
    EXPECT_GE(collective.json()->getArray("agencies")->getObject(0)->getArray("assignments")->size(), tasks->size());

    expect_error(get("/api/agencies/so-y-te%40thanh-pho-ha-noi/assignments?role=boss"), 400,
                 "/api/agencies/{id}/assignments");
    expect_error(get("/api/agencies/so-y-te%40thanh-pho-ha-noi/assignments?from=2022-99"), 400,
                 "/api/agencies/{id}/assignments");
    expect_error(get("/api/agencies/so-y-te%40thanh-pho-ha-noi/assignments?format=xml"), 400,
                 "/api/agencies/{id}/assignments");
    expect_error(get("/api/agencies/khong-co/assignments"), 404, "/api/agencies/{id}/assignments");
}

// The agency of each group of an assignments (or agencies) answer, by id.
std::map<std::string, Object::Ptr> agencies_by_id(const Object::Ptr& answer) {
    std::map<std::string, Object::Ptr> out;
    auto list = answer->getArray("agencies");
    for (std::size_t i = 0; list && i < list->size(); ++i) {
        auto a = list->getObject(i)->getObject("agency");
        out[a->getValue<std::string>("id")] = list->getObject(i);
    }
    return out;
}

TEST_F(Api, AgenciesAsPeopleTypeThem) {
    // Issue 9 item 7: a body and its place, abbreviated, without diacritics (the fixtures of
    // tests/index/reorganisation.h and 134/KH-UBND of corpus/).
    const std::map<std::string, std::string> typed = {
        {"S%E1%BB%9F+Y+t%E1%BA%BF+H%C3%A0+N%E1%BB%99i", "so-y-te@thanh-pho-ha-noi"},  // Sở Y tế Hà Nội
        {"SYT+H%C3%A0+N%E1%BB%99i", "so-y-te@thanh-pho-ha-noi"},                     // SYT Hà Nội
        {"cong+an+ha+noi", "cong-an-tinh@thanh-pho-ha-noi"},
        {"UBND+tinh+Dong+Thap", "uy-ban-nhan-dan-tinh@tinh-dong-thap"},
    };
    for (const auto& [q, id] : typed) {
        Reply r = get("/api/agencies?q=" + q);
        ASSERT_EQ(r.status, 200) << q;
        conforms(r, "/api/agencies");
        auto found = agencies_by_id(r.json());
        EXPECT_EQ(found.size(), 1u) << q << ": " << r.body.substr(0, 400);
        EXPECT_TRUE(found.count(id)) << q << ": " << r.body.substr(0, 400);
    }
    // The page's look-up box goes on to the agency's own page.
    Reply tasks = get("/api/agencies/uy-ban-nhan-dan-tinh%40tinh-dong-thap/assignments");
    ASSERT_EQ(tasks.status, 200);
    conforms(tasks, "/api/agencies/{id}/assignments");
    auto list = tasks.json()->getArray("agencies")->getObject(0)->getArray("assignments");
    ASSERT_EQ(list->size(), 1u);
    EXPECT_EQ(list->getObject(0)->getObject("document")->getValue<std::string>("number"), "321/KH-BNNMT");
}

TEST_F(Api, ACurrentBodyListsTheTasksOfTheBodiesItTookOver) {
    // Bộ Khoa học và Công nghệ: its own request, and Bộ Thông tin và Truyền thông's, marked.
    Reply r = get("/api/agencies/bo-khoa-hoc-va-cong-nghe/assignments");
    ASSERT_EQ(r.status, 200) << r.body;
    conforms(r, "/api/agencies/{id}/assignments");
    auto group = r.json()->getArray("agencies")->getObject(0);
    auto agency = group->getObject("agency");
    EXPECT_TRUE(agency->isNull("successor"));
    auto predecessors = agency->getArray("predecessors");
    ASSERT_EQ(predecessors->size(), 1u);
    EXPECT_EQ(predecessors->getObject(0)->getValue<std::string>("name"), "Bộ Thông tin và Truyền thông");
    std::map<std::string, std::string> former_by_number;  // number -> former name ("" = its own)
    std::size_t own_tasks = 0;
    auto tasks = group->getArray("assignments");
    for (std::size_t i = 0; i < tasks->size(); ++i) {
        auto t = tasks->getObject(i);
        former_by_number[t->getObject("document")->getValue<std::string>("number")] =
            t->isNull("former") ? "" : t->getObject("former")->getValue<std::string>("name");
        own_tasks += t->isNull("former");
    }
    EXPECT_EQ(former_by_number["45/KH-UBND"], "");
    EXPECT_EQ(former_by_number["88/KH-UBND"], "Bộ Thông tin và Truyền thông");
    // Without the former bodies: its own tasks only.
    Reply own = get("/api/agencies/bo-khoa-hoc-va-cong-nghe/assignments?include_former=0");
    ASSERT_EQ(own.status, 200);
    EXPECT_EQ(own.json()->getArray("agencies")->getObject(0)->getArray("assignments")->size(), own_tasks);
    EXPECT_LT(own_tasks, tasks->size());
    // The CSV names the former body in its own column.
    Reply csv = get("/api/agencies/bo-khoa-hoc-va-cong-nghe/assignments?format=csv");
    EXPECT_NE(csv.body.find(",former_agency,"), std::string::npos);
    EXPECT_NE(csv.body.find(",Bộ Thông tin và Truyền thông,"), std::string::npos) << csv.body;

    // A local body of a merged province: Sở Khoa học và Công nghệ tỉnh Đắk Lắk took over Sở Thông tin
    // và Truyền thông tỉnh Phú Yên (two steps: 01/3/2025, then 01/7/2025).
    Reply local = get("/api/agencies?q=so+khoa+hoc+va+cong+nghe+dak+lak");
    ASSERT_EQ(local.status, 200);
    conforms(local, "/api/agencies");
    auto found = agencies_by_id(local.json());
    ASSERT_TRUE(found.count("so-khoa-hoc-va-cong-nghe@tinh-dak-lak")) << local.body;
    auto counted = found["so-khoa-hoc-va-cong-nghe@tinh-dak-lak"];
    EXPECT_EQ(counted->getValue<int>("inherited_tasks"), 1);
    EXPECT_EQ(counted->getObject("tasks")->getValue<int>("lead"), 2);
    Reply dak_lak = get("/api/agencies/so-khoa-hoc-va-cong-nghe%40tinh-dak-lak/assignments");
    auto rows = dak_lak.json()->getArray("agencies")->getObject(0)->getArray("assignments");
    ASSERT_EQ(rows->size(), 2u);
    EXPECT_EQ(rows->getObject(1)->getObject("former")->getValue<std::string>("name"),
              "Sở Thông tin và Truyền thông tỉnh Phú Yên");

    // A body the index knows only through a former one (no task of its own) has a page too.
    Reply only_former = get("/api/agencies/so-y-te%40tinh-dak-lak/assignments");
    ASSERT_EQ(only_former.status, 200) << only_former.body;
    EXPECT_EQ(only_former.json()->getArray("agencies")->getObject(0)->getObject("agency")->getValue<std::string>("name"),
              "Sở Y tế tỉnh Đắk Lắk");
    expect_error(get("/api/agencies/so-ngoai-vu%40tinh-dien-bien/assignments"), 404, "/api/agencies/{id}/assignments");
    expect_error(get("/api/agencies/bo-khoa-hoc-va-cong-nghe/assignments?include_former=maybe"), 400,
                 "/api/agencies/{id}/assignments");
}

TEST_F(Api, AFormerBodySaysWhatItBecame) {
    Reply r = get("/api/agencies/bo-thong-tin-va-truyen-thong/assignments");
    ASSERT_EQ(r.status, 200) << r.body;
    conforms(r, "/api/agencies/{id}/assignments");
    auto agency = r.json()->getArray("agencies")->getObject(0)->getObject("agency");
    ASSERT_FALSE(agency->isNull("successor"));
    EXPECT_EQ(agency->getObject("successor")->getValue<std::string>("id"), "bo-khoa-hoc-va-cong-nghe");
    EXPECT_EQ(agency->getObject("successor")->getValue<std::string>("name"), "Bộ Khoa học và Công nghệ");
    // Asked by name, a former body of a merged province says it too.
    Reply local = get("/api/agencies?q=S%E1%BB%9F+Y+t%E1%BA%BF+Ph%C3%BA+Y%C3%AAn");  // Sở Y tế Phú Yên
    auto found = agencies_by_id(local.json());
    ASSERT_TRUE(found.count("so-y-te@tinh-phu-yen")) << local.body;
    EXPECT_EQ(found["so-y-te@tinh-phu-yen"]->getObject("agency")->getObject("successor")->getValue<std::string>("id"),
              "so-y-te@tinh-dak-lak");
}

TEST_F(Api, IssuerAndTypeFiltersReadNamesAsPeopleWriteThem) {
    // index.html's own placeholder for the issuer filter.
    for (const char* target : {"/api/search?q=phong+chong+dich&issuer=UBND+H%C3%A0+N%E1%BB%99i",
                               "/api/documents?issuer=UBND+ha+noi&type=KH",
                               "/api/search?q=phong+chong+dich&agency=SYT+ha+noi"}) {
        Reply r = get(target);
        ASSERT_EQ(r.status, 200) << target << " " << r.body;
        bool found = r.body.find("\"134/KH-UBND\"") != std::string::npos;
        EXPECT_TRUE(found) << target << ": " << r.body.substr(0, 300);
    }
    Reply hdnd = get("/api/documents?issuer=H%C4%90ND&limit=100");  // HĐND
    ASSERT_EQ(hdnd.status, 200);
    auto docs = hdnd.json()->getArray("documents");
    for (std::size_t i = 0; i < docs->size(); ++i) {
        std::string issuer = vanban::fold_text(docs->getObject(i)->getValue<std::string>("issuer"));
        EXPECT_NE(issuer.find("hoi dong nhan dan"), std::string::npos) << issuer;
    }
    expect_error(get("/api/search?q=dich&type=bogus"), 400, "/api/search");
    expect_error(get("/api/documents?type=bogus"), 400, "/api/documents");
}

// Issue 9 item 8: the relations the parser emits, the OpenAPI enum (the file and what is served),
// and the labels the page shows (GET /api/vocabulary) are the same list; the page holds no copy.
TEST_F(Api, VocabularyOpenApiAndThePageAgreeWithTheParser) {
    std::vector<std::string> relations;
    for (vanban::Relation rel : vanban::all_relations()) relations.emplace_back(vanban::to_string(rel));
    auto names = [](const Array::Ptr& a) {
        std::vector<std::string> v;
        for (std::size_t i = 0; a && i < a->size(); ++i) v.push_back(a->getElement<std::string>(static_cast<unsigned>(i)));
        return v;
    };
    EXPECT_EQ(names(spec_->getObject("components")->getObject("schemas")->getObject("Relation")->getArray("enum")),
              relations) << "server/openapi.json: run tools/data/gen_openapi.py";
    Reply served = get("/api/openapi.json");
    ASSERT_EQ(served.status, 200);
    EXPECT_EQ(names(served.json()->getObject("components")->getObject("schemas")->getObject("Relation")->getArray("enum")),
              relations);

    Reply r = get("/api/vocabulary");
    ASSERT_EQ(r.status, 200);
    conforms(r, "/api/vocabulary");
    auto vocabulary = r.json();
    auto labels = vocabulary->getArray("relations");
    ASSERT_EQ(labels->size(), relations.size());
    for (std::size_t i = 0; i < labels->size(); ++i) {
        auto l = labels->getObject(i);
        EXPECT_EQ(l->getValue<std::string>("id"), relations[i]);
        EXPECT_NE(l->getValue<std::string>("label"), relations[i]) << relations[i] << " has no Vietnamese label";
        EXPECT_NE(l->getValue<std::string>("short"), relations[i]) << relations[i] << " has no short label";
    }
    auto roles = vocabulary->getArray("roles");
    EXPECT_EQ(names(spec_->getObject("components")->getObject("schemas")->getObject("Role")->getArray("enum")).size(),
              roles->size());
    auto types = vocabulary->getArray("document_types");
    ASSERT_EQ(types->size(), vanban::document_types().size());
    for (std::size_t i = 0; i < types->size(); ++i) {
        EXPECT_EQ(types->getObject(i)->getValue<std::string>("name"), vanban::document_types()[i].name);
    }
    // The page takes its words from there: no relation table in any of its modules, no type list in
    // index.html.
    std::string html = get("/").body;
    for (const auto& [name, js] : page_modules()) {
        for (const auto& rel : relations) {
            EXPECT_EQ(js.find(rel + ":"), std::string::npos) << name << " holds a label of '" << rel << "'";
            EXPECT_EQ(js.find("'" + rel + "'"), std::string::npos) << name << " names the relation '" << rel << "'";
        }
    }
    for (const auto& t : vanban::document_types()) {
        EXPECT_EQ(html.find("<option>" + t.name + "</option>"), std::string::npos) << "index.html lists " << t.name;
    }
    expect_error(get("/api/vocabulary?x=1"), 400, "/api/vocabulary");
}

TEST_F(Api, UnknownPathsAndMethods) {
    for (const char* target : {"/khong-co", "/api", "/api/khong-co", "/documents", "/documents/1/x", "/static/x.js",
                               "/api/documents/1/khong-co", "/agencies/a/b"}) {
        Reply r = get(target);
        EXPECT_EQ(r.status, 404) << target;
        EXPECT_EQ(r.content_type, "application/json; charset=utf-8") << target;
    }
    Poco::Net::HTTPClientSession s("127.0.0.1", server_->port());
    Reply del = request(s, "DELETE", "/api/search?q=dich");
    EXPECT_EQ(del.status, 405);
    EXPECT_EQ(del.headers["Allow"], "GET, HEAD");
    conforms(del, "/api/search", "get");
    std::string body = "x";
    Reply post_search = post("/api/search", body, {{"Content-Type", "text/plain"}});
    EXPECT_EQ(post_search.status, 405);
    Reply put = request(s, "PUT", "/api/documents");
    EXPECT_EQ(put.status, 405);
    EXPECT_EQ(put.headers["Allow"], "GET, POST, HEAD");
}

TEST_F(Api, ThePageAndItsViews) {
    for (const char* target : {"/", "/search?q=phong+chong+dich", "/documents/1", "/agencies/so-y-te%40thanh-pho-ha-noi"}) {
        Reply r = get(target);
        EXPECT_EQ(r.status, 200) << target;
        EXPECT_EQ(r.content_type, "text/html; charset=utf-8") << target;
        EXPECT_NE(r.body.find("/static/app.js"), std::string::npos);
    }
    Reply js = get("/static/app.js");
    EXPECT_EQ(js.status, 200);
    EXPECT_EQ(js.content_type, "text/javascript; charset=utf-8");
    // Every ES module the page imports, followed from app.js, is served as JavaScript.
    auto modules = page_modules();
    EXPECT_GE(modules.size(), 5u);
    EXPECT_TRUE(modules.count("view_document.js"));
    EXPECT_EQ(get("/static/app.css").content_type, "text/css; charset=utf-8");
    Reply spec = get("/api/openapi.json");
    ASSERT_EQ(spec.status, 200);
    EXPECT_EQ(spec.json()->getValue<std::string>("openapi").substr(0, 2), "3.");
}

TEST_F(Api, LimitsOnTheRequest) {
    // A request target over 8 KB: 414. A header line over Poco's limit: 400. Neither kills the server.
    Reply long_uri = get("/api/search?q=" + std::string(9000, 'a'));
    EXPECT_EQ(long_uri.status, 414);
    std::string big_header = "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(70000, 'b') + "\r\n\r\n";
    EXPECT_EQ(raw_status(raw(server_->port(), big_header)), 400);
    std::string many = "GET /healthz HTTP/1.1\r\nHost: x\r\n";
    for (int i = 0; i < 200; ++i) many += "X-H" + std::to_string(i) + ": v\r\n";
    EXPECT_EQ(raw_status(raw(server_->port(), many + "\r\n")), 400);
    EXPECT_EQ(get("/healthz").status, 200);
}

TEST_F(Api, ImportNeedsTheToken) {
    std::map<std::string, std::string> text = {{"Content-Type", "text/plain; charset=utf-8"}};
    std::string doc = std::string(kResolution38) + "\nBổ sung.\n";
    expect_error(post("/api/documents", doc, text), 401, "/api/documents", "post");
    auto wrong = text;
    wrong["Authorization"] = "Bearer s3cret-tokeX";
    expect_error(post("/api/documents", doc, wrong), 401, "/api/documents", "post");
    wrong["Authorization"] = "Bearer s3cret";
    expect_error(post("/api/documents", doc, wrong), 401, "/api/documents", "post");
    wrong["Authorization"] = "Basic czNjcmV0LXRva2Vu";
    expect_error(post("/api/documents", doc, wrong), 401, "/api/documents", "post");

    auto good = text;
    good["Authorization"] = "Bearer s3cret-token";
    auto binary = good;
    binary["Content-Type"] = "application/octet-stream";
    expect_error(post("/api/documents", doc, binary), 415, "/api/documents", "post");
    auto latin = good;
    latin["Content-Type"] = "text/plain; charset=iso-8859-1";
    expect_error(post("/api/documents", doc, latin), 415, "/api/documents", "post");
    // Not UTF-8 and no Vietnamese in any old encoding ("\xFF\xFE" alone would be a UTF-16 BOM).
    expect_error(post("/api/documents", "\xC3\x28 bad \xFF", good), 400, "/api/documents", "post");
    expect_error(post("/api/documents", "   \n", good), 400, "/api/documents", "post");

    // A new document: 201 with its id; the same again: 200 unchanged; then it is searchable.
    std::string fresh =
        "ỦY BAN NHÂN DÂN\nTỈNH NINH BÌNH\n-------\nSố: 77/KH-UBND\nNinh Bình, ngày 2 tháng 6 năm 2025\n\nKẾ HOẠCH\n"
        "Triển khai thí điểm sổ tay điện tử zebraphon\n\nI. NHIỆM VỤ\n1. Sở Y tế chủ trì triển khai.\n\n"
        "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Văn Bình\n";
    Reply added = post("/api/documents", fresh, good);
    ASSERT_EQ(added.status, 201) << added.body;
    conforms(added, "/api/documents", "post");
    EXPECT_EQ(added.json()->getValue<std::string>("status"), "added");
    int id = added.json()->getValue<int>("id");
    EXPECT_EQ(added.headers["Location"], "/api/documents/" + std::to_string(id));
    Reply again = post("/api/documents", fresh, good);
    ASSERT_EQ(again.status, 200);
    EXPECT_EQ(again.json()->getValue<std::string>("status"), "unchanged");
    EXPECT_EQ(again.json()->getValue<int>("id"), id);
    Reply found = get("/api/search?q=zebraphon");
    ASSERT_EQ(found.status, 200);
    ASSERT_EQ(found.json()->getValue<int>("total"), 1);
    EXPECT_EQ(found.json()->getArray("results")->getObject(0)->getObject("document")->getValue<int>("id"), id);
}

// A body in UTF-16 (with its BOM) or in TCVN3 (charset given, or found from the content) is read as
// Unicode; the answer says how it was read.
TEST_F(Api, ImportReadsOldEncodingsAndSaysHow) {
    std::map<std::string, std::string> plain = {{"Content-Type", "text/plain"}, {"Authorization", "Bearer s3cret-token"}};
    const std::string fresh =
        "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ\n-------\nSố: 91/KH-UBND\nQuảng Trị, ngày 3 tháng 6 năm 2025\n\nKẾ HOẠCH\n"
        "Triển khai thí điểm sổ tay điện tử quyphonograph\n\nI. NHIỆM VỤ\n1. Sở Tài chính chủ trì triển khai.\n\n"
        "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nLê Văn Hùng\n";
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(fresh);
    std::string utf16(static_cast<std::size_t>(u.length()) * 2 + 2, '\0');
    utf16.resize(static_cast<std::size_t>(u.extract(0, u.length(), utf16.data(), static_cast<uint32_t>(utf16.size()), "UTF-16LE")));
    Reply added = post("/api/documents", "\xFF\xFE" + utf16, plain);
    ASSERT_EQ(added.status, 201) << added.body;
    conforms(added, "/api/documents", "post");
    EXPECT_EQ(added.json()->getValue<std::string>("encoding"), "utf-16le");
    Reply found = get("/api/search?q=quyphonograph");
    ASSERT_EQ(found.status, 200);
    EXPECT_EQ(found.json()->getValue<int>("total"), 1) << found.body;

    std::string tcvn;
    FILE* p = ::popen(("printf '%s' '" + fresh + "' | iconv -f UTF-8 -t TCVN5712-1").c_str(), "r");
    ASSERT_NE(p, nullptr);
    char buf[4096];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) tcvn.append(buf, n);
    ASSERT_EQ(::pclose(p), 0);
    auto given = plain;
    given["Content-Type"] = "text/plain; charset=tcvn3";
    Reply same = post("/api/documents", tcvn, given);
    ASSERT_EQ(same.status, 200) << same.body;  // the same document (number, issuer, date): replaced in place
    EXPECT_EQ(same.json()->getValue<std::string>("encoding"), "tcvn3");
    EXPECT_EQ(same.json()->getValue<int>("id"), added.json()->getValue<int>("id"));
    Reply found_again = post("/api/documents", tcvn, plain);  // no charset: found from the content
    ASSERT_EQ(found_again.status, 200) << found_again.body;
    EXPECT_EQ(found_again.json()->getValue<std::string>("encoding"), "tcvn3");
    EXPECT_NE(found_again.body.find("read as tcvn3"), std::string::npos) << found_again.body;
    // A page: its document is imported, not its menus or scripts.
    auto html = plain;
    html["Content-Type"] = "text/html; charset=utf-8";
    const std::string page = "<!DOCTYPE html><html><head><script>var n = '12/QĐ-XYZ';</script></head><body>"
                             "<ul class=\"menu\"><li><a href=\"/\">Trang chủ</a></li></ul><div class=\"noidung\"><p>ỦY BAN NHÂN DÂN</p>"
                             "<p>TỈNH QUẢNG TRỊ</p><p>Số: 92/KH-UBND</p><p>Quảng Trị, ngày 4 tháng 6 năm 2025</p><p>KẾ HOẠCH</p>"
                             "<p>Thí điểm sổ tay trang mạng htmlphonograph</p><p>I. NHIỆM VỤ</p><p>1. Sở Nội vụ chủ trì triển khai.</p>"
                             "</div></body></html>";
    Reply from_page = post("/api/documents", page, html);
    ASSERT_EQ(from_page.status, 201) << from_page.body;
    EXPECT_EQ(from_page.json()->getObject("document")->getValue<std::string>("number"), "92/KH-UBND");
    Reply page_found = get("/api/search?q=htmlphonograph");
    ASSERT_EQ(page_found.status, 200);
    EXPECT_EQ(page_found.json()->getValue<int>("total"), 1) << page_found.body;
    EXPECT_EQ(get("/api/search?q=XYZ").json()->getValue<int>("total"), 0);
    auto unknown = plain;
    unknown["Content-Type"] = "text/plain; charset=koi8-r";
    expect_error(post("/api/documents", tcvn, unknown), 415, "/api/documents", "post");
}

// DELETE takes a document out, with the token, like an import; its page and its search hits go.
TEST_F(Api, ADocumentIsRemovedWithTheToken) {
    std::map<std::string, std::string> good = {{"Content-Type", "text/plain"}, {"Authorization", "Bearer s3cret-token"}};
    const std::string fresh =
        "ỦY BAN NHÂN DÂN\nTỈNH NINH BÌNH\n-------\nSố: 78/KH-UBND\nNinh Bình, ngày 2 tháng 6 năm 2025\n\nKẾ HOẠCH\n"
        "Thí điểm sổ tay removaphon\n\nI. NHIỆM VỤ\n1. Sở Y tế chủ trì triển khai.\n";
    Reply added = post("/api/documents", fresh, good);
    ASSERT_EQ(added.status, 201) << added.body;
    const std::string target = "/api/documents/" + std::to_string(added.json()->getValue<int>("id"));
    ASSERT_EQ(get(target).status, 200);  // cached now
    expect_error(del(target), 401, "/api/documents/{id}", "delete");
    expect_error(del(target, {{"Authorization", "Bearer wrong"}}), 401, "/api/documents/{id}", "delete");
    auto read_only = start([](vanban::ServerOptions& o) { o.read_only = true; });
    expect_error(del(target, {{"Authorization", "Bearer s3cret-token"}}, read_only.get()), 403, "/api/documents/{id}", "delete");
    Reply removed = del(target, {{"Authorization", "Bearer s3cret-token"}});
    ASSERT_EQ(removed.status, 200) << removed.body;
    conforms(removed, "/api/documents/{id}", "delete");
    EXPECT_EQ(removed.json()->getValue<std::string>("status"), "removed");
    EXPECT_EQ(removed.json()->getObject("document")->getValue<std::string>("number"), "78/KH-UBND");
    expect_error(get(target), 404, "/api/documents/{id}");
    EXPECT_EQ(get("/api/search?q=removaphon").json()->getValue<int>("total"), 0);
    expect_error(del(target, {{"Authorization", "Bearer s3cret-token"}}), 404, "/api/documents/{id}", "delete");
    expect_error(del("/api/documents/abc", {{"Authorization", "Bearer s3cret-token"}}), 404, "/api/documents/{id}", "delete");
}

// Word (.docx and .doc) and PDF bodies, by their Content-Types: read as the document they hold.
TEST_F(Api, ImportReadsWordAndPdfBodies) {
    const std::string text = vanban::test::slurp(vanban::test::corpus_dir() / "cb_chi-thi-so-21-ct-ttg-469580.txt");
    struct Body {
        const char* type;
        std::string bytes;
    };
    std::vector<Body> bodies = {
        {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", vanban::test::as_word_file(vanban::parse(text).text)},
        {"application/msword",
         vanban::test::slurp(vanban::test::corpus_dir().parent_path() / "tests" / "index" / "data" / "cb_chi-thi-so-21-ct-ttg-469580.doc")},
#ifdef VANBAN_TEST_PDF
        {"application/pdf", vanban::test::make_pdf(vanban::test::lines_of(text))},
#endif
    };
    for (const auto& b : bodies) {
        ASSERT_FALSE(b.bytes.empty()) << b.type;
        std::map<std::string, std::string> h = {{"Content-Type", b.type}, {"Authorization", "Bearer s3cret-token"}};
        Reply r = post("/api/documents?name=ct21-" + std::to_string(b.bytes.size()), b.bytes, h);
        ASSERT_TRUE(r.status == 201 || r.status == 200) << b.type << ": " << r.body;
        conforms(r, "/api/documents", "post");
        EXPECT_EQ(r.json()->getObject("document")->getValue<std::string>("number"), "21/CT-TTg") << b.type;
    }
    Reply found = get("/api/search?q=sap+xep+thon+to+dan+pho");
    ASSERT_EQ(found.status, 200);
    EXPECT_GE(found.json()->getValue<int>("total"), 1) << found.body;
    // A damaged one of each: 400 with the reason, nothing written.
    std::map<std::string, std::string> docx = {{"Content-Type", bodies[0].type}, {"Authorization", "Bearer s3cret-token"}};
    expect_error(post("/api/documents", std::string("PK\x03\x04", 4) + "garbage", docx), 400, "/api/documents", "post");
}

// ?format=md: the document as Markdown; another format is a 400.
TEST_F(Api, ADocumentAsMarkdown) {
    Reply list = get("/api/documents?limit=1");
    ASSERT_EQ(list.status, 200);
    const int id = list.json()->getArray("documents")->getObject(0)->getValue<int>("id");
    const std::string target = "/api/documents/" + std::to_string(id);
    Reply md = get(target + "?format=md");
    ASSERT_EQ(md.status, 200) << md.body;
    EXPECT_EQ(md.content_type, "text/markdown; charset=utf-8");
    EXPECT_EQ(md.body.rfind("# ", 0), 0u) << md.body.substr(0, 100);
    EXPECT_NE(md.body.find("- Nguồn: "), std::string::npos);
    expect_error(get(target + "?format=docx"), 400, "/api/documents/{id}");
    EXPECT_EQ(get(target + "?format=json").status, 200);
}

// ?format=akn: Akoma Ntoso that validates, and POSTed back as application/akn+xml it is the same
// document; ?format=csv: its tasks, one row per task and agency, Vietnamese headers with lang=vi.
TEST_F(Api, ADocumentAsAknOrCsvAndAnAknFilePostedBack) {
    Reply found = get("/api/lookup?number=134%2FKH-UBND");
    ASSERT_EQ(found.status, 200) << found.body;
    auto docs = found.json()->getArray("candidates");
    ASSERT_GT(docs->size(), 0u) << found.body;
    const std::string id = std::to_string(docs->getObject(0)->getValue<int>("id"));
    const std::string target = "/api/documents/" + id;
    Reply akn = get(target + "?format=akn");
    ASSERT_EQ(akn.status, 200) << akn.body.substr(0, 300);
    EXPECT_EQ(akn.content_type, "application/akn+xml");
    auto errors = vanban::validate_akn(akn.body);
    EXPECT_TRUE(errors.empty()) << errors.front();
    Reply csv = get(target + "?format=csv&lang=vi");
    ASSERT_EQ(csv.status, 200);
    EXPECT_EQ(csv.content_type, "text/csv; charset=utf-8");
    EXPECT_EQ(csv.body.rfind("\xEF\xBB\xBF\"Số, ký hiệu\",Trích yếu,", 0), 0u) << csv.body.substr(0, 100);
    EXPECT_NE(csv.body.find(",chủ trì,"), std::string::npos);
    expect_error(get(target + "?format=csv&lang=fr"), 400, "/api/documents/{id}");
    expect_error(get(target + "?format=md&lang=vi"), 400, "/api/documents/{id}");
    // The export posted back: the same number, and nothing changes (the same text).
    std::map<std::string, std::string> h = {{"Content-Type", "application/akn+xml"}, {"Authorization", "Bearer s3cret-token"}};
    Reply r = post("/api/documents?name=134.akn.xml", akn.body, h);
    ASSERT_TRUE(r.status == 200 || r.status == 201) << r.body;
    conforms(r, "/api/documents", "post");
    EXPECT_EQ(r.json()->getObject("document")->getValue<std::string>("number"), "134/KH-UBND");
    EXPECT_EQ(r.json()->getValue<std::string>("status"), "unchanged") << r.body;
    // A damaged AKN file: 400 with the reason.
    expect_error(post("/api/documents", "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"><act>", h), 400,
                 "/api/documents", "post");
}

TEST_F(Api, ImportLimitsAndModes) {
    std::map<std::string, std::string> good = {{"Content-Type", "text/plain"}, {"Authorization", "Bearer s3cret-token"}};
    // 21 MB: refused from its Content-Length, before the body is read.
    std::string huge(21u << 20, 'a');
    Reply big = post("/api/documents", huge, good);
    expect_error(big, 413, "/api/documents", "post");
    // The same, chunked: refused once the limit is passed.
    std::string chunked = "POST /api/documents HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
                          "Authorization: Bearer s3cret-token\r\nTransfer-Encoding: chunked\r\n\r\n";
    {
        Poco::Net::StreamSocket s(Poco::Net::SocketAddress("127.0.0.1", server_->port()));
        s.setReceiveTimeout(Poco::Timespan(20, 0));
        s.sendBytes(chunked.data(), static_cast<int>(chunked.size()));
        std::string chunk(1 << 20, 'b');
        std::string frame = "100000\r\n" + chunk + "\r\n";
        try {
            for (int i = 0; i < 22; ++i) s.sendBytes(frame.data(), static_cast<int>(frame.size()));
            s.sendBytes("0\r\n\r\n", 5);
        } catch (const Poco::Exception&) {
            // the server may close while we still send
        }
        char buf[512];
        int n = s.receiveBytes(buf, sizeof buf);
        ASSERT_GT(n, 12);
        EXPECT_EQ(raw_status(std::string(buf, static_cast<std::size_t>(n))), 413);
    }
    // No length at all: 411.
    std::string no_length = "POST /api/documents HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
                            "Authorization: Bearer s3cret-token\r\nConnection: close\r\n\r\nabc";
    EXPECT_EQ(raw_status(raw(server_->port(), no_length)), 411);
    EXPECT_EQ(get("/healthz").status, 200);

    // Read-only: 403 even with the token. No token file: import is off, 403.
    auto read_only = start([](vanban::ServerOptions& o) { o.read_only = true; });
    expect_error(post("/api/documents", "x", good, read_only.get()), 403, "/api/documents", "post");
    EXPECT_EQ(get("/api/search?q=dich", {}, read_only.get()).status, 200);
    auto no_token = start([](vanban::ServerOptions& o) { o.token_file.clear(); });
    expect_error(post("/api/documents", "x", good, no_token.get()), 403, "/api/documents", "post");
    // A token file that is missing: the server does not start.
    EXPECT_THROW(start([](vanban::ServerOptions& o) { o.token_file = "/nonexistent/token"; }), vanban::ServerError);
    // A read-only server on a path with no database: it does not start, and creates nothing.
    const std::string missing = (dir_ / "missing.db").string();
    EXPECT_THROW(start([&](vanban::ServerOptions& o) { o.read_only = true; o.db = missing; }), vanban::IndexError);
    EXPECT_FALSE(std::filesystem::exists(missing));
}

}  // namespace
