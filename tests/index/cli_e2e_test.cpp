// End to end: the real `vanban` binary imports corpus/ (the seeds and the real and portal documents
// copied there) and small fixtures into a temporary database, then answers searches and references.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/wait.h>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>
#include <Poco/Path.h>
#include <Poco/DateTime.h>
#include <Poco/Zip/Compress.h>

#include <array>
#include <functional>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "corpus_files.h"
#include "reorganisation.h"
#include "vanban/akn.h"
#include "vanban/parser.h"

namespace {

namespace fs = std::filesystem;

struct Outcome {
    int status = -1;
    std::string out;  // stdout and stderr together
};

std::string shell_quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

using vanban::test::kResolution38;

// A district plan that implements 134/KH-UBND.
const char* const kDistrictPlan =
    "ỦY BAN NHÂN DÂN\nQUẬN BA ĐÌNH\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "---------------\nSố: 201/KH-UBND\nBa Đình, ngày 10 tháng 5 năm 2022\n\nKẾ HOẠCH\n"
    "Thực hiện Kế hoạch số 134/KH-UBND ngày 29/4/2022 của UBND Thành phố Hà Nội\n\n"
    "Thực hiện Kế hoạch số 134/KH-UBND ngày 29/4/2022 của UBND Thành phố Hà Nội về triển khai Nghị quyết "
    "38/NQ-CP, UBND quận Ba Đình ban hành Kế hoạch thực hiện như sau:\n\nI. NHIỆM VỤ\n"
    "1. Phòng Y tế quận chủ trì theo dõi tình hình dịch bệnh.\n\n"
    "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Văn Anh\n";

class Cli : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = fs::temp_directory_path() / ("vanban-e2e-" + std::to_string(::getpid()));
        fs::remove_all(dir_);
        fs::create_directories(dir_ / "later");
        db_ = (dir_ / "test.db").string();
        first_import_ = run({"import", vanban::test::corpus_dir().string()});
    }
    static void TearDownTestSuite() { fs::remove_all(dir_); }

    static Outcome run(const std::vector<std::string>& args) { return run_on(db_, args); }
    static Outcome run_on(const std::string& db, const std::vector<std::string>& args) {
        std::string cmd = shell_quote(VANBAN_CLI);
        for (const auto& a : args) cmd += " " + shell_quote(a);
        if (!db.empty()) cmd += " --db " + shell_quote(db);  // "": a command without a database (parse)
        cmd += " 2>&1";
        Outcome r;
        FILE* p = ::popen(cmd.c_str(), "r");
        if (!p) return r;
        std::array<char, 4096> buf;
        std::size_t n;
        while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
        int st = ::pclose(p);
        r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
        return r;
    }
    static Poco::JSON::Object::Ptr json(const std::vector<std::string>& args) {
        Outcome r = run(args);
        EXPECT_EQ(r.status, 0) << r.out;
        try {
            return Poco::JSON::Parser().parse(r.out).extract<Poco::JSON::Object::Ptr>();
        } catch (const std::exception& e) {
            ADD_FAILURE() << "not JSON: " << e.what() << "\n" << r.out;
            return new Poco::JSON::Object;
        }
    }
    static std::string write(const std::string& name, const std::string& text) {
        fs::path p = dir_ / name;
        std::ofstream(p, std::ios::binary) << text;
        return p.string();
    }
    static std::int64_t rows(const std::string& table) {
        sqlite3* db = nullptr;
        sqlite3_open_v2(db_.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
        sqlite3_stmt* s = nullptr;
        std::int64_t n = -1;
        if (sqlite3_prepare_v2(db, ("SELECT count(*) FROM " + table).c_str(), -1, &s, nullptr) == SQLITE_OK &&
            sqlite3_step(s) == SQLITE_ROW) {
            n = sqlite3_column_int64(s, 0);
        }
        sqlite3_finalize(s);
        sqlite3_close(db);
        return n;
    }
    static std::string first_number(const std::string& query) {
        auto o = json({"search", query, "--json"});
        auto results = o->getArray("results");
        if (!results || results->size() == 0) return "";
        return results->getObject(0)->getObject("document")->optValue<std::string>("number", "");
    }

    static std::string first_number_with(const std::vector<std::string>& options) {
        std::vector<std::string> args = {"search", "phong chong dich", "--json"};
        args.insert(args.end(), options.begin(), options.end());
        auto results = json(args)->getArray("results");
        if (!results || results->size() == 0) return "";
        return results->getObject(0)->getObject("document")->optValue<std::string>("number", "");
    }

    static inline fs::path dir_;
    static inline std::string db_;
    static inline Outcome first_import_;
};

TEST_F(Cli, ImportsTheCorpus) {
    EXPECT_EQ(first_import_.status, 0) << first_import_.out;
    EXPECT_NE(first_import_.out.find(" added, 0 replaced, 0 unchanged, 0 failed"), std::string::npos)
        << first_import_.out;
    EXPECT_GE(rows("documents"), 20);
    EXPECT_GT(rows("tasks"), 50);
    EXPECT_GT(rows("citations"), 50);
}

TEST_F(Cli, SearchWithoutDiacriticsFindsThePlanFirst) {
    EXPECT_EQ(first_number("phong chong dich"), "134/KH-UBND");
    EXPECT_EQ(first_number("phòng chống dịch"), "134/KH-UBND");
}

TEST_F(Cli, DangUyFindsThePartyConclusion) {
    auto o = json({"search", "dang uy", "--json"});
    auto results = o->getArray("results");
    ASSERT_TRUE(results && results->size() > 0);
    std::string title = results->getObject(0)->getObject("document")->optValue<std::string>("title", "");
    EXPECT_NE(title.find("Thường trực Thành ủy"), std::string::npos) << title;
}

TEST_F(Cli, NumbersOpenTheDocument) {
    for (const char* q : {"134/KH-UBND", "kh-ubnd 134", "134 KH UBND"}) {
        auto o = json({"search", q, "--json"});
        auto c = o->getArray("candidates");
        ASSERT_TRUE(c && c->size() == 1) << q;
        EXPECT_EQ(c->getObject(0)->getValue<std::string>("number"), "134/KH-UBND");
    }
}

TEST_F(Cli, SnippetsHighlightInUtf16Units) {
    auto o = json({"search", "Sở Y tế", "--json"});
    auto results = o->getArray("results");
    ASSERT_TRUE(results && results->size() > 0);
    auto hit = results->getObject(0);
    std::string snippet = hit->getValue<std::string>("snippet");
    auto hl = hit->getArray("highlights");
    ASSERT_TRUE(hl && hl->size() > 0);
    // Convert to UTF-16 and check the highlighted text folds to one of the query words.
    std::u16string u16;
    for (std::size_t i = 0; i < snippet.size();) {
        unsigned char c = snippet[i];
        std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        char32_t cp = len == 1 ? c : (c & (0xFF >> (len + 1)));
        for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (snippet[i + k] & 0x3F);
        if (cp >= 0x10000) {
            u16 += static_cast<char16_t>(0xD800 + ((cp - 0x10000) >> 10));
            u16 += static_cast<char16_t>(0xDC00 + ((cp - 0x10000) & 0x3FF));
        } else {
            u16 += static_cast<char16_t>(cp);
        }
        i += len;
    }
    for (std::size_t k = 0; k < hl->size(); ++k) {
        auto pair = hl->getArray(k);
        int a = pair->getElement<int>(0), b = pair->getElement<int>(1);
        ASSERT_LE(0, a);
        ASSERT_LT(a, b);
        ASSERT_LE(static_cast<std::size_t>(b), u16.size());
        std::u16string word = u16.substr(a, b - a);
        static const std::set<std::u16string> forms = {u"Sở", u"sở", u"SỞ", u"Y", u"y", u"tế", u"Tế", u"TẾ"};
        EXPECT_TRUE(forms.count(word))
            << std::string(word.begin(), word.end());
    }
}

TEST_F(Cli, ReferencesResolveWhenTheCitedDocumentIsImported) {
    auto implements38 = [](const Poco::JSON::Object::Ptr& refs) -> Poco::JSON::Object::Ptr {
        auto cites = refs->getArray("cites");
        for (std::size_t i = 0; cites && i < cites->size(); ++i) {
            auto c = cites->getObject(i);
            if (c->getValue<std::string>("number_key") == "38/NQ-CP" &&
                c->getValue<std::string>("relation") == "implements") {
                return c;
            }
        }
        return nullptr;
    };
    auto before = implements38(json({"refs", "134/KH-UBND", "--json"}));
    ASSERT_TRUE(before) << "134/KH-UBND should implement 38/NQ-CP";
    EXPECT_TRUE(before->isNull("resolved"));

    Outcome r = run({"import", write("later/nq-38.txt", kResolution38), write("later/ba-dinh.txt", kDistrictPlan)});
    ASSERT_EQ(r.status, 0) << r.out;
    auto after = json({"refs", "134/KH-UBND", "--json"});
    auto resolved = implements38(after);
    ASSERT_TRUE(resolved && !resolved->isNull("resolved"));
    EXPECT_EQ(resolved->getObject("resolved")->getValue<std::string>("number"), "38/NQ-CP");
    auto cited_by = after->getArray("cited_by");
    bool found = false;
    for (std::size_t i = 0; cited_by && i < cited_by->size(); ++i) {
        found |= cited_by->getObject(i)->getObject("document")->getValue<std::string>("number") == "201/KH-UBND";
    }
    EXPECT_TRUE(found) << "the district plan should cite 134/KH-UBND";

    // The graph around 134/KH-UBND: itself, what it implements, what implements it.
    auto graph = json({"graph", "134/KH-UBND", "--json"});
    std::map<std::int64_t, std::string> numbers;
    auto nodes = graph->getArray("nodes");
    for (std::size_t i = 0; nodes && i < nodes->size(); ++i) {
        auto n = nodes->getObject(i);
        numbers[n->getValue<std::int64_t>("id")] = n->optValue<std::string>("number", "");
    }
    std::set<std::string> edges;
    auto list = graph->getArray("edges");
    for (std::size_t i = 0; list && i < list->size(); ++i) {
        auto e = list->getObject(i);
        edges.insert(numbers[e->getValue<std::int64_t>("from")] + " " + e->getValue<std::string>("relation") + " " +
                     numbers[e->getValue<std::int64_t>("to")]);
    }
    EXPECT_TRUE(edges.count("134/KH-UBND implements 38/NQ-CP")) << graph->size();
    bool district = false;
    for (const auto& e : edges) district |= e.starts_with("201/KH-UBND ") && e.ends_with(" 134/KH-UBND");
    EXPECT_TRUE(district);
    EXPECT_EQ(run({"graph", "134/KH-UBND", "--depth", "9"}).status, 2);
}

TEST_F(Cli, ShowPrintsOutlineTasksAndReferences) {
    auto o = json({"show", "kh-ubnd 134", "--json"});
    EXPECT_EQ(o->getObject("document")->getValue<std::string>("number"), "134/KH-UBND");
    auto sections = o->getArray("sections");
    ASSERT_TRUE(sections && sections->size() > 10);
    EXPECT_EQ(sections->getObject(0)->getValue<std::string>("path"), "I");
    auto tasks = o->getArray("tasks");
    ASSERT_TRUE(tasks && tasks->size() > 20);
    ASSERT_TRUE(o->getArray("cites") && o->getArray("cites")->size() > 5);
    Outcome text = run({"show", "134/KH-UBND"});
    EXPECT_EQ(text.status, 0);
    EXPECT_NE(text.out.find("NHIỆM VỤ, GIẢI PHÁP"), std::string::npos);
    EXPECT_EQ(run({"show", "424242"}).status, 2);
}

TEST_F(Cli, ReimportChangesNothing) {
    std::int64_t docs = rows("documents"), tasks = rows("tasks"), cites = rows("citations");
    Outcome r = run({"import", vanban::test::corpus_dir().string()});
    EXPECT_EQ(r.status, 0) << r.out;
    EXPECT_NE(r.out.find(" 0 added, 0 replaced, "), std::string::npos) << r.out;
    EXPECT_NE(r.out.find(" unchanged, 0 failed"), std::string::npos) << r.out;
    EXPECT_EQ(rows("documents"), docs);
    EXPECT_EQ(rows("tasks"), tasks);
    EXPECT_EQ(rows("citations"), cites);
}

TEST_F(Cli, FailuresAreReportedAndTheRestGoesOn) {
    fs::create_directories(dir_ / "bad");
    write("bad/scan.pdf", "%PDF-1.7\n\x01\x02\x03");
    write("bad/note.txt", "Thông báo về lịch trực Tết của các phòng ban.\n");
    Outcome r = run({"import", (dir_ / "bad").string(), (dir_ / "missing.txt").string()});
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.out.find("scan.pdf: not a text document: the PDF cannot be read"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("missing.txt: no such file or folder"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("1 added"), std::string::npos) << r.out;
    // The note was imported: a search finds it among the corpus's documents.
    auto found = json({"search", "lich truc tet", "--json"});
    bool note = false;
    auto results = found->getArray("results");
    for (std::size_t i = 0; results && i < results->size(); ++i) {
        note |= results->getObject(i)->getValue<std::string>("snippet") == "Thông báo về lịch trực Tết của các phòng ban.";
    }
    EXPECT_TRUE(note);
}

TEST_F(Cli, UsageAndQueryErrorsExitTwo) {
    Outcome r = run({"search", "\"phong chong"});
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.out.find("unbalanced quote"), std::string::npos) << r.out;
    EXPECT_EQ(run({"search"}).status, 2);
    EXPECT_EQ(run({"search", "x", "--limit", "0"}).status, 2);
    EXPECT_EQ(run({"search", "x", "--from", "29/4/2022"}).status, 2);
    EXPECT_EQ(run({"search", "x", "--to", "2022-13"}).status, 2);
    EXPECT_EQ(run({"search", "x", "--to", "2022-04"}).status, 0);
    EXPECT_EQ(run({"refs", "999/XX-YY"}).status, 2);
    EXPECT_EQ(run({"import"}).status, 2);
    EXPECT_EQ(run({"search", "x", "--bogus"}).status, 2);
}

TEST_F(Cli, SearchInTasksGivesTheTaskPath) {
    auto o = json({"search", "xet nghiem", "--in", "tasks", "--json"});
    auto results = o->getArray("results");
    ASSERT_TRUE(results && results->size() >= 1);
    auto hit = results->getObject(0);
    EXPECT_EQ(hit->getObject("document")->getValue<std::string>("number"), "134/KH-UBND");
    EXPECT_FALSE(hit->isNull("section_path"));
    EXPECT_NE(hit->getValue<std::string>("snippet").find("xét nghiệm"), std::string::npos);
    EXPECT_EQ(run({"search", "x", "--in", "body"}).status, 2);
}

TEST_F(Cli, FiltersNarrowResults) {
    auto all = json({"search", "phong chong dich", "--json"})->getValue<int>("total");
    auto plans = json({"search", "phong chong dich", "--type", "Kế hoạch", "--json"})->getValue<int>("total");
    auto dated = json({"search", "phong chong dich", "--from", "2022-04-25", "--to", "2022-04-30", "--json"});
    EXPECT_GT(all, plans);
    EXPECT_GE(plans, 1);
    // Filters compare without diacritics; --agency keeps documents that assign tasks to it.
    EXPECT_EQ(json({"search", "phong chong dich", "--type", "ke hoach", "--json"})->getValue<int>("total"), plans);
    auto hanoi = json({"search", "phong chong dich", "--issuer", "ha noi", "--agency", "so y te", "--json"});
    ASSERT_GE(hanoi->getValue<int>("total"), 1);
    EXPECT_LT(hanoi->getValue<int>("total"), all);
    auto results = dated->getArray("results");
    ASSERT_TRUE(results && results->size() >= 1);
    for (std::size_t i = 0; i < results->size(); ++i) {
        std::string d = results->getObject(i)->getObject("document")->getValue<std::string>("date");
        EXPECT_TRUE(d >= "2022-04-25" && d <= "2022-04-30") << d;
    }
}

// The agency groups of an assignments answer: name -> (tasks of 134/KH-UBND, tasks via a collective).
struct Group {
    std::string name;
    int of_134 = 0, total = 0, via_collective = 0;
    std::set<std::string> roles;
};

std::vector<Group> groups(const Poco::JSON::Object::Ptr& o) {
    std::vector<Group> out;
    auto agencies = o->getArray("agencies");
    for (std::size_t i = 0; agencies && i < agencies->size(); ++i) {
        auto g = agencies->getObject(i);
        Group x;
        x.name = g->getObject("agency")->getValue<std::string>("name");
        auto list = g->getArray("assignments");
        for (std::size_t k = 0; list && k < list->size(); ++k) {
            auto a = list->getObject(k);
            ++x.total;
            x.of_134 += a->getObject("document")->optValue<std::string>("number", "") == "134/KH-UBND";
            x.via_collective += a->getValue<bool>("via_collective");
            x.roles.insert(a->getValue<std::string>("role"));
        }
        out.push_back(x);
    }
    return out;
}

TEST_F(Cli, AssignmentsOfAnAgencyByNameAliasAndPlace) {
    auto lead = groups(json({"assignments", "so y te", "--role", "lead", "--json"}));
    // Every province's Sở Y tế with tasks is listed; Hà Nội's has the lead tasks of 134/KH-UBND.
    const Group* hanoi = nullptr;
    for (const auto& g : lead) {
        EXPECT_NE(g.name.find("Sở Y tế"), std::string::npos) << g.name;
        EXPECT_EQ(g.roles, std::set<std::string>{"lead"}) << g.name;
        if (g.name == "Sở Y tế thành phố Hà Nội") hanoi = &g;
    }
    ASSERT_TRUE(hanoi);
    // Block III.2 of 134/KH-UBND gives Sở Y tế six bullets; the two that open with "Phối hợp ..." make it
    // support (../shared/corpus/ASSIGNMENTS.md), the other four lead.
    EXPECT_GE(hanoi->of_134, 4);
    EXPECT_GT(lead.size(), 1u);

    // The abbreviation and --place narrow to the one agency.
    auto syt = groups(json({"assignments", "SYT", "--place", "ha noi", "--json"}));
    ASSERT_EQ(syt.size(), 1u);
    EXPECT_EQ(syt[0].name, "Sở Y tế thành phố Hà Nội");
    EXPECT_GT(syt[0].total, hanoi->total);  // support tasks too
    EXPECT_EQ(syt[0].via_collective, 0);

    auto with = groups(json({"assignments", "Sở Y tế", "--place", "Hà Nội", "--include-collective", "--json"}));
    ASSERT_EQ(with.size(), 1u);
    EXPECT_GT(with[0].via_collective, 0);
    EXPECT_EQ(with[0].total, syt[0].total + with[0].via_collective);

    EXPECT_EQ(run({"assignments", "so y te", "--role", "boss"}).status, 2);
    EXPECT_TRUE(groups(json({"assignments", "co quan khong ton tai", "--json"})).empty());
}

TEST_F(Cli, AgenciesListCountsByRole) {
    auto o = json({"agencies", "so y te", "--json"});
    auto list = o->getArray("agencies");
    ASSERT_TRUE(list && list->size() >= 1);
    for (std::size_t i = 0; i < list->size(); ++i) {
        auto a = list->getObject(i);
        EXPECT_NE(a->getObject("agency")->getValue<std::string>("name").find("Y tế"), std::string::npos);
        auto t = a->getObject("tasks");
        EXPECT_GT(t->getValue<int>("lead") + t->getValue<int>("support") + t->getValue<int>("requested"), 0);
    }
}

// The fixtures of tests/index/reorganisation.h, imported once into this process's database.
void import_reorganisation(const std::function<Outcome(const std::vector<std::string>&)>& run,
                           const std::function<std::string(const std::string&, const std::string&)>& write) {
    static bool done = false;
    if (done) return;
    Outcome r = run({"import", write("phu-yen-2024.txt", vanban::test::kPhuYen2024),
                     write("dak-lak-2025.txt", vanban::test::kDakLak2025), write("dong-thap-2025.txt", vanban::test::kDongThap2025)});
    ASSERT_EQ(r.status, 0) << r.out;
    done = true;
}

// The groups of an assignments answer by agency id.
std::map<std::string, Poco::JSON::Object::Ptr> by_id(const Poco::JSON::Object::Ptr& o) {
    std::map<std::string, Poco::JSON::Object::Ptr> out;
    auto agencies = o->getArray("agencies");
    for (std::size_t i = 0; agencies && i < agencies->size(); ++i) {
        out[agencies->getObject(i)->getObject("agency")->getValue<std::string>("id")] = agencies->getObject(i);
    }
    return out;
}

TEST_F(Cli, AgenciesAsPeopleTypeThem) {
    import_reorganisation(run, write);
    // Issue 9 item 7; "Sở Y tế Hà Nội" is the help's own example.
    const std::map<std::string, std::string> typed = {
        {"Sở Y tế Hà Nội", "so-y-te@thanh-pho-ha-noi"},
        {"SYT Hà Nội", "so-y-te@thanh-pho-ha-noi"},
        {"cong an ha noi", "cong-an-tinh@thanh-pho-ha-noi"},
        {"UBND tinh Dong Thap", "uy-ban-nhan-dan-tinh@tinh-dong-thap"},
    };
    for (const auto& [query, id] : typed) {
        auto found = by_id(json({"assignments", query, "--json"}));
        EXPECT_EQ(found.size(), 1u) << query;
        ASSERT_TRUE(found.count(id)) << query;
        EXPECT_GT(found[id]->getArray("assignments")->size(), 0u) << query;
    }
    Outcome text = run({"assignments", "UBND tinh Dong Thap"});
    EXPECT_EQ(text.status, 0);
    EXPECT_TRUE(text.out.starts_with("Ủy ban nhân dân tỉnh Đồng Tháp  (1 task)")) << text.out;
    EXPECT_NE(text.out.find("321/KH-BNNMT"), std::string::npos) << text.out;
    // --place takes a province's aliases too.
    auto hn = by_id(json({"assignments", "so y te", "--place", "HN", "--json"}));
    EXPECT_EQ(hn.size(), 1u);
    EXPECT_TRUE(hn.count("so-y-te@thanh-pho-ha-noi"));
}

TEST_F(Cli, ACurrentBodyListsTheTasksOfTheBodiesItTookOver) {
    import_reorganisation(run, write);
    // "asking for Bộ Khoa học và Công nghệ shows the tasks of Bộ Thông tin và Truyền thông, flagged"
    auto groups = by_id(json({"assignments", "Bộ Khoa học và Công nghệ", "--json"}));
    ASSERT_EQ(groups.size(), 1u);
    auto group = groups["bo-khoa-hoc-va-cong-nghe"];
    ASSERT_TRUE(group);
    auto predecessors = group->getObject("agency")->getArray("predecessors");
    ASSERT_EQ(predecessors->size(), 1u);
    EXPECT_EQ(predecessors->getObject(0)->getValue<std::string>("id"), "bo-thong-tin-va-truyen-thong");
    std::size_t own = 0, former = 0;
    auto list = group->getArray("assignments");
    for (std::size_t i = 0; i < list->size(); ++i) {
        auto a = list->getObject(i);
        if (a->isNull("former")) {
            ++own;
            continue;
        }
        ++former;
        EXPECT_EQ(a->getObject("former")->getValue<std::string>("name"), "Bộ Thông tin và Truyền thông");
        EXPECT_EQ(a->getObject("document")->getValue<std::string>("number"), "88/KH-UBND");
        EXPECT_EQ(a->getValue<std::string>("role"), "requested");
    }
    EXPECT_EQ(former, 1u);
    EXPECT_GE(own, 1u);  // 45/KH-UBND's request
    Outcome text = run({"assignments", "Bộ Khoa học và Công nghệ"});
    EXPECT_NE(text.out.find("1 of them given to former bodies"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("took over the work of: Bộ Thông tin và Truyền thông"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("88/KH-UBND  I.3  requested  [as Bộ Thông tin và Truyền thông]"), std::string::npos) << text.out;
    auto without = by_id(json({"assignments", "Bộ Khoa học và Công nghệ", "--no-former", "--json"}));
    EXPECT_EQ(without["bo-khoa-hoc-va-cong-nghe"]->getArray("assignments")->size(), own);

    // A local body of a merged province, through both steps (Sở, then province), also as CSV.
    auto local = by_id(json({"assignments", "Sở Khoa học và Công nghệ Đắk Lắk", "--json"}));
    ASSERT_EQ(local.size(), 1u);
    // Its own task of the 2025 fixture and the task of the former Phú Yên body, marked (the corpus's
    // Đắk Lắk plans add tasks of its own).
    auto rows = local["so-khoa-hoc-va-cong-nghe@tinh-dak-lak"]->getArray("assignments");
    std::size_t own_fixture = 0, former_fixture = 0;
    for (std::size_t i = 0; rows && i < rows->size(); ++i) {
        auto a = rows->getObject(i);
        if (a->isNull("former")) {
            own_fixture += a->getObject("document")->optValue<std::string>("number", "") == "45/KH-UBND";
        } else {
            ++former_fixture;
            EXPECT_EQ(a->getObject("former")->getValue<std::string>("name"), "Sở Thông tin và Truyền thông tỉnh Phú Yên");
        }
    }
    EXPECT_EQ(own_fixture, 1u);
    EXPECT_EQ(former_fixture, 1u);
    Outcome csv = run({"assignments", "so khoa hoc va cong nghe dak lak", "--csv"});
    EXPECT_NE(csv.out.find(",no,Sở Thông tin và Truyền thông tỉnh Phú Yên,"), std::string::npos) << csv.out;

    // Every province's Sở Y tế: Phú Yên's tasks are in Đắk Lắk's group, marked, not listed twice.
    auto every = by_id(json({"assignments", "so y te", "--json"}));
    EXPECT_FALSE(every.count("so-y-te@tinh-phu-yen"));
    ASSERT_TRUE(every.count("so-y-te@tinh-dak-lak"));
    // Đắk Lắk's Sở Y tế: the fixture's Phú Yên task, marked (the corpus's Đắk Lắk plans add its own).
    auto dak_lak = every["so-y-te@tinh-dak-lak"]->getArray("assignments");
    std::size_t from_phu_yen = 0;
    for (std::size_t i = 0; dak_lak && i < dak_lak->size(); ++i) {
        auto a = dak_lak->getObject(i);
        if (a->isNull("former")) continue;
        ++from_phu_yen;
        EXPECT_EQ(a->getObject("former")->getValue<std::string>("id"), "so-y-te@tinh-phu-yen");
        EXPECT_EQ(a->getObject("document")->getValue<std::string>("number"), "88/KH-UBND");
    }
    EXPECT_EQ(from_phu_yen, 1u);
}

TEST_F(Cli, AFormerBodySaysWhatItBecame) {
    import_reorganisation(run, write);
    Outcome text = run({"assignments", "Bộ Thông tin và Truyền thông"});
    EXPECT_EQ(text.status, 0);
    EXPECT_NE(text.out.find("a former body: its work passed to Bộ Khoa học và Công nghệ [bo-khoa-hoc-va-cong-nghe]"),
              std::string::npos) << text.out;
    auto groups = by_id(json({"assignments", "Bộ TTTT", "--json"}));
    ASSERT_TRUE(groups.count("bo-thong-tin-va-truyen-thong"));
    auto successor = groups["bo-thong-tin-va-truyen-thong"]->getObject("agency")->getObject("successor");
    ASSERT_TRUE(successor);
    EXPECT_EQ(successor->getValue<std::string>("id"), "bo-khoa-hoc-va-cong-nghe");
    // A body of a merged province, by name and place, or by --place.
    for (const auto& args : std::vector<std::vector<std::string>>{{"assignments", "Sở Y tế Phú Yên", "--json"},
                                                                  {"assignments", "so y te", "--place", "phu yen", "--json"}}) {
        auto found = by_id(json(args));
        ASSERT_EQ(found.size(), 1u) << args[1];
        ASSERT_TRUE(found.count("so-y-te@tinh-phu-yen")) << args[1];
        EXPECT_EQ(found["so-y-te@tinh-phu-yen"]->getObject("agency")->getObject("successor")->getValue<std::string>("name"),
                  "Sở Y tế tỉnh Đắk Lắk");
    }
    Outcome list = run({"agencies", "Sở Y tế Phú Yên"});
    EXPECT_NE(list.out.find("Sở Y tế tỉnh Phú Yên (now Sở Y tế tỉnh Đắk Lắk)"), std::string::npos) << list.out;
}

TEST_F(Cli, IssuerAndTypeFiltersAndTheHelpReadTheParsersLists) {
    for (const char* issuer : {"UBND Hà Nội", "ubnd ha noi", "Ủy ban nhân dân thành phố Hà Nội"}) {
        EXPECT_EQ(first_number_with({"--issuer", issuer}), "134/KH-UBND") << issuer;
    }
    EXPECT_EQ(first_number_with({"--type", "KH"}), "134/KH-UBND");
    EXPECT_EQ(first_number_with({"--agency", "SYT Hà Nội"}), "134/KH-UBND");
    Outcome bad = run({"search", "phong chong dich", "--type", "bogus"});
    EXPECT_EQ(bad.status, 2);
    EXPECT_NE(bad.out.find("unknown document type 'bogus'"), std::string::npos) << bad.out;
    // The help names what the parser emits.
    Outcome refs = run({"refs", "--help"});
    for (vanban::Relation r : vanban::all_relations()) {
        EXPECT_NE(refs.out.find(std::string(vanban::to_string(r))), std::string::npos) << vanban::to_string(r);
    }
    EXPECT_EQ(refs.out.find("based_on"), std::string::npos);
    Outcome search = run({"help", "search"});
    for (const auto& t : vanban::document_types()) EXPECT_NE(search.out.find(t.name), std::string::npos) << t.name;
    // Errors of the assignments command.
    Outcome empty = run({"assignments", " , "});
    EXPECT_EQ(empty.status, 2);
    EXPECT_NE(empty.out.find("no agency given"), std::string::npos) << empty.out;
    EXPECT_EQ(run({"assignments", "so y te", "--no-former=1"}).status, 2);
}

}  // namespace

// A mistyped --db is an error naming the path, for every read command; nothing is created there.
TEST_F(Cli, ReadCommandsNeverCreateADatabase) {
    const std::string missing = (dir_ / "no-such.db").string();
    const std::vector<std::vector<std::string>> reads = {{"search", "dich"},         {"show", "134/KH-UBND"},
                                                         {"refs", "134/KH-UBND"},     {"graph", "134/KH-UBND"},
                                                         {"assignments", "Sở Y tế"}, {"agencies"}};
    for (const auto& args : reads) {
        Outcome r = run_on(missing, args);
        EXPECT_EQ(r.status, 1) << args[0] << ": " << r.out;
        EXPECT_NE(r.out.find("no database at " + missing), std::string::npos) << args[0] << ": " << r.out;
        EXPECT_FALSE(fs::exists(missing)) << args[0] << " created " << missing;
    }
    // import creates it.
    fs::path file = dir_ / "one.txt";
    std::ofstream(file) << kDistrictPlan;
    Outcome r = run_on(missing, {"import", file.string()});
    EXPECT_EQ(r.status, 0) << r.out;
    EXPECT_TRUE(fs::exists(missing));
    EXPECT_EQ(run_on(missing, {"search", "Ba Đình"}).status, 0);
    fs::remove(missing);
}

// A snapshot is one file (rollback journal, no -wal) that answers as the database does; it never
// overwrites the database itself, and a failed one leaves nothing behind.
TEST_F(Cli, ASnapshotAnswersAsTheDatabaseDoes) {
    const std::string copy = (dir_ / "snapshot.db").string();
    Outcome made = run({"snapshot", copy});
    ASSERT_EQ(made.status, 0) << made.out;
    EXPECT_NE(made.out.find("written to " + copy), std::string::npos) << made.out;
    EXPECT_FALSE(fs::exists(copy + "-wal"));
    {
        std::ifstream in(copy, std::ios::binary);
        char header[20] = {};
        in.read(header, sizeof header);
        EXPECT_EQ(std::string(header, 15), "SQLite format 3");
        EXPECT_EQ(header[18], 1) << "the snapshot is in WAL mode";  // 1: rollback journal, 2: WAL
    }
    for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
             {"search", "phong chong dich", "--json"}, {"refs", "134/KH-UBND", "--json"}, {"agencies", "--json"},
             {"show", "134/KH-UBND", "--json"}}) {
        Outcome a = run(args), b = run_on(copy, args);
        EXPECT_EQ(a.status, 0) << a.out;
        EXPECT_EQ(a.out, b.out) << args[0];
    }
    EXPECT_FALSE(fs::exists(copy + "-wal")) << "a read made the snapshot a WAL database";
    // Again over the first: replaced whole.
    EXPECT_EQ(run_on("", {"snapshot", db_, copy}).status, 0);
    Outcome self = run_on("", {"snapshot", db_, db_});
    EXPECT_EQ(self.status, 1) << self.out;
    EXPECT_NE(self.out.find("would overwrite the database itself"), std::string::npos) << self.out;
    Outcome nowhere = run_on("", {"snapshot", db_, (dir_ / "no-such-folder" / "x.db").string()});
    EXPECT_EQ(nowhere.status, 1) << nowhere.out;
    Outcome usage = run_on("", {"snapshot"});
    EXPECT_EQ(usage.status, 2) << usage.out;
    for (const auto& entry : fs::directory_iterator(dir_)) {
        EXPECT_EQ(entry.path().filename().string().find(".partial-"), std::string::npos) << entry.path();
    }
}

// Files in an old encoding are imported as Unicode with a warning; empty files are refused.
TEST_F(Cli, OldEncodingsAreReadAndEmptyFilesRefused) {
    const std::string tcvn_db = (dir_ / "encodings.db").string();
    fs::path utf8 = dir_ / "plan-utf8.txt";
    std::ofstream(utf8) << kDistrictPlan;
    fs::path tcvn = dir_ / "plan-tcvn3.txt";
    ASSERT_EQ(std::system(("iconv -f UTF-8 -t TCVN5712-1//TRANSLIT " + shell_quote(utf8.string()) + " > " +
                           shell_quote(tcvn.string()))
                              .c_str()),
              0);
    fs::path empty = dir_ / "empty.txt";
    std::ofstream(empty).flush();
    fs::path blank = dir_ / "blank.txt";
    std::ofstream(blank) << " \n\t\n";

    Outcome r = run_on(tcvn_db, {"import", tcvn.string(), empty.string(), blank.string()});
    EXPECT_EQ(r.status, 1) << r.out;
    EXPECT_NE(r.out.find(tcvn.string() + ": warning: read as tcvn3"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find(empty.string() + ": not a text document: the file is empty"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find(blank.string() + ": not a text document: the file holds only whitespace"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("1 added, 0 replaced, 0 unchanged, 2 failed"), std::string::npos) << r.out;
    // Searched in Unicode, with and without diacritics.
    for (const char* q : {"Phòng Y tế quận", "phong y te quan"}) {
        Outcome s = run_on(tcvn_db, {"search", q});
        EXPECT_EQ(s.status, 0) << s.out;
        EXPECT_NE(s.out.find("201/KH-UBND"), std::string::npos) << q << ": " << s.out;
    }
    // The same text in UTF-8 is the same document (number, issuer, date): replaced or unchanged, not added.
    Outcome again = run_on(tcvn_db, {"import", utf8.string()});
    EXPECT_EQ(again.status, 0) << again.out;
    EXPECT_EQ(again.out.find("1 added"), std::string::npos) << again.out;
    // --encoding: a name that is none is a usage error; a given one is used.
    EXPECT_EQ(run_on(tcvn_db, {"import", tcvn.string(), "--encoding", "latin-9"}).status, 2);
    EXPECT_EQ(run_on(tcvn_db, {"import", tcvn.string(), "--as", "rtf"}).status, 2);
    // --as html: a text read as a page (its lines run together as HTML's whitespace rule says; its
    // number is still read).
    Outcome as_html = run_on("", {"parse", utf8.string(), "--as", "html"});
    EXPECT_EQ(as_html.status, 0) << as_html.out;
    EXPECT_NE(as_html.out.find("\"number\": \"201/KH-UBND\""), std::string::npos) << as_html.out.substr(0, 300);
    Outcome parsed = run_on("", {"parse", tcvn.string(), "--encoding", "tcvn3"});
    EXPECT_EQ(parsed.status, 0) << parsed.out;
    EXPECT_NE(parsed.out.find("\"number\": \"201/KH-UBND\""), std::string::npos) << parsed.out.substr(0, 400);
}

// A saved portal page is imported as the document it holds, found by its words, not its menus'.
TEST_F(Cli, ASavedPageImportsItsDocument) {
    const std::string db = (dir_ / "pages.db").string();
    fs::path page = dir_ / "ke-hoach-201.html";
    std::string paragraphs;
    std::string plan = kDistrictPlan;
    for (std::size_t s = 0; s < plan.size();) {
        std::size_t e = plan.find('\n', s);
        if (e == std::string::npos) e = plan.size();
        if (e > s) paragraphs += "<p>" + plan.substr(s, e - s) + "</p>\n";
        s = e + 1;
    }
    std::ofstream(page) << "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">"
                           "<script>track('quangcaoxyz')</script></head><body><nav><a href=\"/\">Trang chủ</a></nav>"
                           "<div class=\"main-menu\"><a href=\"/a\">menuxyz</a></div><div id=\"vanban\">"
                        << paragraphs << "</div><footer>footerxyz</footer></body></html>";
    Outcome r = run_on(db, {"import", page.string()});
    EXPECT_EQ(r.status, 0) << r.out;
    EXPECT_NE(r.out.find("1 added"), std::string::npos) << r.out;
    Outcome s = run_on(db, {"search", "Phòng Y tế quận"});
    EXPECT_NE(s.out.find("201/KH-UBND"), std::string::npos) << s.out;
    for (const char* clutter : {"quangcaoxyz", "menuxyz", "footerxyz"}) {
        Outcome c = run_on(db, {"search", clutter});
        EXPECT_EQ(c.out.find("201/KH-UBND"), std::string::npos) << clutter << ": " << c.out;
    }
}

// A Word file is imported as its text, and searched like any other.
TEST_F(Cli, AWordFileImportsItsText) {
    const std::string db = (dir_ / "word.db").string();
    std::string body;
    std::string plan = kDistrictPlan;
    for (std::size_t s = 0; s < plan.size();) {
        std::size_t e = plan.find('\n', s);
        if (e == std::string::npos) e = plan.size();
        body += "<w:p><w:r><w:t xml:space=\"preserve\">" + plan.substr(s, e - s) + "</w:t></w:r></w:p>";
        s = e + 1;
    }
    const std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/"
                            "wordprocessingml/2006/main\"><w:body>" + body + "</w:body></w:document>";
    fs::path file = dir_ / "ke-hoach-201.docx";
    {
        std::ofstream out(file, std::ios::binary);
        Poco::Zip::Compress c(out, true);
        std::istringstream in(xml);
        c.addFile(in, Poco::DateTime(2026, 1, 1), Poco::Path("word/document.xml", Poco::Path::PATH_UNIX));
        c.close();
    }
    Outcome r = run_on(db, {"import", file.string()});
    EXPECT_EQ(r.status, 0) << r.out;
    EXPECT_NE(r.out.find("1 added"), std::string::npos) << r.out;
    Outcome s = run_on(db, {"search", "phong y te quan"});
    EXPECT_NE(s.out.find("201/KH-UBND"), std::string::npos) << s.out;
    Outcome a = run_on(db, {"assignments", "Phòng Y tế quận"});
    EXPECT_NE(a.out.find("201/KH-UBND"), std::string::npos) << a.out;
}

// The same text with a BOM and CRLF line ends, or in another encoding, is unchanged on re-import.
TEST_F(Cli, ReimportWithABomOrCrlfIsUnchanged) {
    const std::string db = (dir_ / "bom.db").string();
    fs::path file = dir_ / "bom-plan.txt";
    std::ofstream(file) << kDistrictPlan;
    ASSERT_EQ(run_on(db, {"import", file.string()}).status, 0);
    std::string crlf = "\xEF\xBB\xBF";
    for (const char* p = kDistrictPlan; *p; ++p) crlf += *p == '\n' ? std::string("\r\n") : std::string(1, *p);
    std::ofstream(file, std::ios::binary | std::ios::trunc) << crlf;
    Outcome r = run_on(db, {"import", file.string()});
    EXPECT_EQ(r.status, 0) << r.out;
    EXPECT_NE(r.out.find("0 added, 0 replaced, 1 unchanged"), std::string::npos) << r.out;
}

// vanban remove: by number; its citations elsewhere are unresolved again; a second time is "not found".
TEST_F(Cli, RemoveTakesADocumentOut) {
    const std::string db = (dir_ / "remove.db").string();
    fs::path cited = dir_ / "nq38.txt", citing = dir_ / "plan201.txt";
    std::ofstream(cited) << kResolution38;
    std::ofstream(citing) << kDistrictPlan;
    ASSERT_EQ(run_on(db, {"import", cited.string(), citing.string()}).status, 0);
    EXPECT_NE(run_on(db, {"refs", "201/KH-UBND"}).out.find("[id"), std::string::npos);
    Outcome r = run_on(db, {"remove", "38/NQ-CP"});
    EXPECT_EQ(r.status, 0) << r.out;
    EXPECT_NE(r.out.find("removed 38/NQ-CP"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("1 documents left"), std::string::npos) << r.out;
    Outcome again = run_on(db, {"remove", "38/NQ-CP"});
    EXPECT_EQ(again.status, 2) << again.out;
    Outcome search = run_on(db, {"search", "Nghị quyết 38/NQ-CP", "--json"});
    EXPECT_EQ(search.out.find("\"number\": \"38/NQ-CP\""), std::string::npos) << search.out.substr(0, 300);
    EXPECT_EQ(run_on((dir_ / "none.db").string(), {"remove", "1"}).status, 1);
}

// Two files of one folder holding the same document: the first is kept and the second named, and
// importing the folder again changes nothing (no file replaces the other in turn).
TEST_F(Cli, TwoFilesOfOneDocumentDoNotFlip) {
    const std::string db = (dir_ / "twins.db").string();
    fs::create_directories(dir_ / "twins");
    std::ofstream(dir_ / "twins" / "a-plan.txt") << kDistrictPlan;
    std::ofstream(dir_ / "twins" / "b-plan.txt") << std::string(kDistrictPlan) + "\nBản sao có sửa chữa nhỏ.\n";
    for (int round = 0; round < 2; ++round) {
        Outcome r = run_on(db, {"import", (dir_ / "twins").string()});
        EXPECT_EQ(r.status, 0) << r.out;
        EXPECT_NE(r.out.find("b-plan.txt: warning: the same document as " + (dir_ / "twins" / "a-plan.txt").string()),
                  std::string::npos) << r.out;
        EXPECT_NE(r.out.find(round == 0 ? "1 added, 0 replaced, 1 unchanged" : "0 added, 0 replaced, 2 unchanged"),
                  std::string::npos) << round << ": " << r.out;
    }
}

// vanban export: the document as JSON (as show --json) or Markdown; another format is a usage error.
TEST_F(Cli, ExportGivesJsonOrMarkdown) {
    Outcome md = run({"export", "134/KH-UBND", "--format", "md"});
    ASSERT_EQ(md.status, 0) << md.out;
    EXPECT_EQ(md.out.rfind("# Kế hoạch 134/KH-UBND\n", 0), 0u) << md.out.substr(0, 200);
    EXPECT_NE(md.out.find("- Cơ quan ban hành: Ủy ban nhân dân Thành phố Hà Nội"), std::string::npos) << md.out.substr(0, 600);
    EXPECT_NE(md.out.find("\n## Bố cục\n\n- I MỤC TIÊU, QUAN ĐIỂM\n  - 1 Quan điểm\n"), std::string::npos) << md.out.substr(0, 900);
    EXPECT_NE(md.out.find("\n## Nhiệm vụ\n"), std::string::npos);
    EXPECT_NE(md.out.find("38/NQ-CP ("), std::string::npos);
    Outcome js = run({"export", "134/KH-UBND"});
    ASSERT_EQ(js.status, 0);
    EXPECT_EQ(js.out, run({"show", "134/KH-UBND", "--json"}).out);
    EXPECT_EQ(run({"export", "134/KH-UBND", "--format", "pdf"}).status, 2);
    EXPECT_EQ(run({"export", "999/XX-YY"}).status, 2);
}

// The Akoma Ntoso export is valid against our schema, and importing it into another database gives the
// same document: number, outline, tasks and their agencies, references.
TEST_F(Cli, AnAknExportImportsBackAsTheSameDocument) {
    Outcome akn = run({"export", "134/KH-UBND", "--format", "akn"});
    ASSERT_EQ(akn.status, 0) << akn.out.substr(0, 300);
    auto errors = vanban::validate_akn(akn.out);
    EXPECT_TRUE(errors.empty()) << errors.front();
    EXPECT_NE(akn.out.find("<FRBRthis value=\"/akn/vn/doc/kh/2022-04-29/134-kh-ubnd/!main\"/>"), std::string::npos);
    const std::string file = write("134.akn.xml", akn.out);
    const std::string other = (dir_ / "from-akn.db").string();
    Outcome imported = run_on(other, {"import", file});
    ASSERT_EQ(imported.status, 0) << imported.out;
    EXPECT_NE(imported.out.find("1 added"), std::string::npos) << imported.out;
    auto show = [&](const std::string& db) {
        Outcome r = run_on(db, {"show", "134/KH-UBND", "--json"});
        EXPECT_EQ(r.status, 0) << r.out;
        return Poco::JSON::Parser().parse(r.out).extract<Poco::JSON::Object::Ptr>();
    };
    auto a = show(db_), b = show(other);
    auto str = [](const Poco::Dynamic::Var& v) {
        std::ostringstream out;
        Poco::JSON::Stringifier::stringify(v, out);
        return out.str();
    };
    EXPECT_EQ(a->getValue<std::string>("text"), b->getValue<std::string>("text"));
    for (const char* key : {"sections", "tasks"}) EXPECT_EQ(str(a->get(key)), str(b->get(key))) << key;
    EXPECT_EQ(a->getObject("document")->getValue<std::string>("title"), b->getObject("document")->getValue<std::string>("title"));
    EXPECT_EQ(a->getArray("cites")->size(), b->getArray("cites")->size());
    // Exported again from the second database: the same XML but for the manifestation's date and the source.
    Outcome again = run_on(other, {"export", "134/KH-UBND", "--format", "akn"});
    ASSERT_EQ(again.status, 0);
    auto body = [](const std::string& x) { return x.substr(x.find("</meta>")); };
    EXPECT_EQ(body(again.out), body(akn.out));
}

// A number cited but not imported is a document of its own: refs lists what cites it, with the
// relation, and says it is not in the database (Kết luận 25-KL/TW, a basis of 134/KH-UBND).
TEST_F(Cli, RefsOfANumberOnlyCitedListWhatCitesIt) {
    Outcome r = run({"refs", "25-KL/TW"});
    ASSERT_EQ(r.status, 0) << r.out;
    EXPECT_EQ(r.out.rfind("Kết luận 25-KL/TW  2021-12-30  Bộ Chính trị\n  not in the database", 0), 0u) << r.out;
    EXPECT_NE(r.out.find("basis  134/KH-UBND"), std::string::npos) << r.out;
    auto js = json({"refs", "25-kl/tw", "--json"});
    EXPECT_EQ(js->getValue<std::string>("number"), "25-KL/TW");
    EXPECT_FALSE(js->getValue<bool>("in_index"));
    auto by = js->getArray("cited_by");
    ASSERT_GE(by->size(), 1u);
    EXPECT_EQ(by->getObject(0)->getObject("document")->getValue<std::string>("number"), "134/KH-UBND");
    EXPECT_EQ(by->getObject(0)->getValue<std::string>("relation"), "basis");
    // The graph shows it: around 134/KH-UBND as a number cited and not in the index; its own graph is
    // the documents citing it.
    auto g = json({"graph", "134/KH-UBND", "--json"});
    bool found = false;
    auto cited = g->getArray("cited");
    for (std::size_t i = 0; cited && i < cited->size(); ++i) {
        auto c = cited->getObject(i);
        found |= c->getValue<std::string>("number") == "25-KL/TW" && c->getValue<std::string>("relation") == "basis";
    }
    EXPECT_TRUE(found);
    Outcome star = run({"graph", "25-KL/TW"});
    ASSERT_EQ(star.status, 0) << star.out;
    EXPECT_NE(star.out.find("134/KH-UBND"), std::string::npos) << star.out;
    EXPECT_NE(star.out.find("-basis-> 25-KL/TW"), std::string::npos) << star.out;
    // Neither held nor cited: still "not found".
    EXPECT_EQ(run({"refs", "999/XX-YY"}).status, 2);
    EXPECT_EQ(run({"graph", "999/XX-YY"}).status, 2);
}

TEST_F(Cli, ExportCsvHasARowPerTaskAndAgency) {
    Outcome csv = run({"export", "134/KH-UBND", "--format", "csv"});
    ASSERT_EQ(csv.status, 0) << csv.out.substr(0, 300);
    EXPECT_EQ(csv.out.rfind("\xEF\xBB\xBFnumber,title,issuer,date,path,agency,agency_id,role,deadline_from,deadline_to,deadline,text\r\n", 0), 0u)
        << csv.out.substr(0, 200);
    auto d = json({"show", "134/KH-UBND", "--json"});
    std::size_t expected = 0;
    auto tasks = d->getArray("tasks");
    for (std::size_t i = 0; i < tasks->size(); ++i) expected += std::max<std::size_t>(1, tasks->getObject(i)->getArray("agencies")->size());
    ASSERT_GT(expected, 10u);
    // Rows: every CRLF that ends a record (a field's own line breaks are inside quotes).
    std::size_t records = 0;
    bool quoted = false;
    for (std::size_t i = 0; i + 1 < csv.out.size(); ++i) {
        if (csv.out[i] == '"') quoted = !quoted;
        if (!quoted && csv.out[i] == '\r' && csv.out[i + 1] == '\n') ++records;
    }
    EXPECT_EQ(records, expected + 1);  // and the header
    EXPECT_NE(csv.out.find("\r\n134/KH-UBND,"), std::string::npos);
    EXPECT_NE(csv.out.find(",Sở Y tế thành phố Hà Nội,so-y-te@thanh-pho-ha-noi,lead,"), std::string::npos);
    Outcome vi = run({"export", "134/KH-UBND", "--format", "csv", "--lang", "vi"});
    ASSERT_EQ(vi.status, 0);
    EXPECT_EQ(vi.out.rfind("\xEF\xBB\xBF\"Số, ký hiệu\",Trích yếu,Cơ quan ban hành,Ngày ban hành,Mục,Cơ quan,Mã cơ quan,Vai trò,", 0), 0u)
        << vi.out.substr(0, 200);
    EXPECT_NE(vi.out.find(",Sở Y tế thành phố Hà Nội,so-y-te@thanh-pho-ha-noi,chủ trì,"), std::string::npos);
    EXPECT_EQ(run({"export", "134/KH-UBND", "--format", "csv", "--lang", "fr"}).status, 2);
    EXPECT_EQ(run({"export", "134/KH-UBND", "--lang", "vi"}).status, 2);  // --lang goes with csv
    // The assignments' CSV has the BOM, the document's title and issuer, and Vietnamese headers on asking.
    Outcome a = run({"assignments", "so y te ha noi", "--csv", "--lang", "vi"});
    ASSERT_EQ(a.status, 0) << a.out.substr(0, 300);
    EXPECT_EQ(a.out.rfind("\xEF\xBB\xBF" "Cơ quan,Địa phương,Mã văn bản,\"Số, ký hiệu\",Trích yếu,Cơ quan ban hành,", 0), 0u) << a.out.substr(0, 200);
    EXPECT_NE(a.out.find(",Ủy ban nhân dân Thành phố Hà Nội,2022-04-29,"), std::string::npos);
    EXPECT_EQ(run({"assignments", "so y te", "--lang", "vi"}).status, 2);  // --lang goes with --csv
}
