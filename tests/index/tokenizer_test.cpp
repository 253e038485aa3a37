// The "vi" FTS5 tokenizer, seen through SQL: the terms fts5vocab lists, what MATCH finds, how bm25
// ranks exact forms, and the byte offsets highlight() uses.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "vanban/fts.h"
#include "vanban/index.h"
#include "words.h"

namespace {

class Tokenizer : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_EQ(sqlite3_open(":memory:", &db_), SQLITE_OK);
        vanban::register_vi_tokenizer(db_);
        exec("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='vi');"
             "CREATE VIRTUAL TABLE v USING fts5vocab(t, 'row');");
    }
    void TearDown() override { sqlite3_close(db_); }

    void exec(const std::string& sql) {
        char* err = nullptr;
        ASSERT_EQ(sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err), SQLITE_OK) << (err ? err : "");
    }
    void insert(const std::string& text) {
        sqlite3_stmt* s = nullptr;
        ASSERT_EQ(sqlite3_prepare_v2(db_, "INSERT INTO t(x) VALUES(?1)", -1, &s, nullptr), SQLITE_OK);
        sqlite3_bind_text(s, 1, text.c_str(), -1, SQLITE_TRANSIENT);
        ASSERT_EQ(sqlite3_step(s), SQLITE_DONE);
        sqlite3_finalize(s);
    }
    // One text column of every row a query returns.
    std::vector<std::string> rows(const std::string& sql, const std::string& param = "") {
        sqlite3_stmt* s = nullptr;
        std::vector<std::string> out;
        if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &s, nullptr) != SQLITE_OK) {
            ADD_FAILURE() << sqlite3_errmsg(db_);
            return out;
        }
        if (!param.empty()) sqlite3_bind_text(s, 1, param.c_str(), -1, SQLITE_TRANSIENT);
        while (sqlite3_step(s) == SQLITE_ROW) {
            const unsigned char* t = sqlite3_column_text(s, 0);
            out.emplace_back(t ? reinterpret_cast<const char*>(t) : "");
        }
        sqlite3_finalize(s);
        return out;
    }
    std::set<std::string> terms() {
        auto r = rows("SELECT term FROM v");
        return {r.begin(), r.end()};
    }
    std::vector<std::string> match(const std::string& q) {
        return rows("SELECT x FROM t WHERE t MATCH ?1 ORDER BY bm25(t), rowid", q);
    }

    sqlite3* db_ = nullptr;
};

TEST_F(Tokenizer, IndexesFoldedAndExactForms) {
    insert("Đảng ủy Thành phố HÀ NỘI");
    std::set<std::string> expected = {"dang", "đảng", "uy", "ủy", "thanh", "thành", "pho", "phố", "ha", "hà", "noi", "nội"};
    EXPECT_EQ(terms(), expected);
}

TEST_F(Tokenizer, FoldsDStroke) {
    insert("Đảng ủy khối");
    insert("Nghị định số 30/2020/NĐ-CP");
    EXPECT_EQ(match("\"dang uy\"").size(), 1u);
    EXPECT_EQ(match("\"nghi dinh\"").size(), 1u);
    EXPECT_EQ(match("nd").size(), 1u);  // "NĐ" of the number
    EXPECT_TRUE(terms().count("nđ"));
}

TEST_F(Tokenizer, UnifiesTonePlacement) {
    insert("hoà bình");
    insert("Uỷ ban nhân dân");
    insert("hoàn thành");  // the mark of "hoàn" stays on the a
    auto t = terms();
    EXPECT_TRUE(t.count("hòa"));
    EXPECT_FALSE(t.count("hoà"));
    EXPECT_TRUE(t.count("ủy"));
    EXPECT_FALSE(t.count("uỷ"));
    EXPECT_TRUE(t.count("hoàn"));
    EXPECT_EQ(match("\"hòa\"").size(), 1u);
    EXPECT_EQ(match("\"hoà\"").size(), 1u);
    EXPECT_EQ(match("\"ủy ban\"").size(), 1u);
    EXPECT_EQ(match("\"uỷ ban\"").size(), 1u);
}

TEST_F(Tokenizer, ExactFormMatchesAndRanksFirst) {
    insert("đình chỉ thi hành");
    insert("dính líu đến vụ việc");
    insert("định hướng phát triển");
    // Typed with diacritics, the word alone matches only its exact form.
    EXPECT_EQ(match("\"định\""), std::vector<std::string>{"định hướng phát triển"});
    // Without diacritics, every accented form.
    EXPECT_EQ(match("\"dinh\"").size(), 3u);
    // The search layer's expression for "định": exact or folded, so the exact form ranks first.
    auto ranked = match("(\"định\" OR \"dinh\")");
    ASSERT_EQ(ranked.size(), 3u);
    EXPECT_EQ(ranked[0], "định hướng phát triển");
}

TEST_F(Tokenizer, ComposesDecomposedInput) {
    // "Nghị định" in NFD: i + combining dot below, then e + circumflex... as separate marks.
    insert("Nghi\xCC\xA3 \xC4\x91i\xCC\xA3nh");
    auto t = terms();
    EXPECT_TRUE(t.count("nghị"));
    EXPECT_TRUE(t.count("định"));
    EXPECT_TRUE(t.count("nghi"));
    EXPECT_EQ(match("\"nghị định\"").size(), 1u);
    // The highlight covers the whole decomposed word, marks included.
    EXPECT_EQ(rows("SELECT highlight(t, 0, '[', ']') FROM t WHERE t MATCH 'dinh'"),
              std::vector<std::string>{"Nghi\xCC\xA3 [\xC4\x91i\xCC\xA3nh]"});
}

TEST_F(Tokenizer, OffsetsAreBytesOfTheOriginal) {
    insert("Sở Y tế chủ trì, phối hợp với UBND các xã, phường.");
    EXPECT_EQ(rows("SELECT highlight(t, 0, '[', ']') FROM t WHERE t MATCH 'te OR phuong'"),
              std::vector<std::string>{"Sở Y [tế] chủ trì, phối hợp với UBND các xã, [phường]."});
    EXPECT_EQ(rows("SELECT highlight(t, 0, '[', ']') FROM t WHERE t MATCH '\"so y te\"'"),
              std::vector<std::string>{"[Sở Y tế] chủ trì, phối hợp với UBND các xã, phường."});
}

TEST_F(Tokenizer, DocumentNumbersStayAPhrase) {
    insert("Kế hoạch số 134/KH-UBND ngày 29/4/2022");
    insert("Kế hoạch số 135/KH-UBND ngày 29/4/2022");
    EXPECT_EQ(match("\"134/KH-UBND\"").size(), 1u);
    EXPECT_EQ(match("\"134 kh ubnd\"").size(), 1u);
    EXPECT_EQ(match("\"kh-ubnd\"").size(), 2u);
}

TEST_F(Tokenizer, InvalidUtf8AndEmptyInputDoNotFail) {
    insert(std::string("abc \xFF\xFE d\xC3 x\xE1\xBB", 14));
    insert("");
    insert("   ,,, !!! ");
    EXPECT_EQ(match("abc").size(), 1u);
}

TEST(WordForms, FoldAndExact) {
    EXPECT_EQ(vanban::word_forms("Định").folded, "dinh");
    EXPECT_EQ(vanban::word_forms("Định").exact, "định");
    EXPECT_EQ(vanban::word_forms("HOÀ").exact, "hòa");
    EXPECT_EQ(vanban::word_forms("ubnd").exact, "");  // no second form when nothing differs
    EXPECT_EQ(vanban::word_forms("UBND").folded, "ubnd");
}

}  // namespace

namespace {

// vi_snippet(): the window with the most distinct phrases, the matches marked (a phrase as one span,
// both accent forms of a word once), ellipses only where text is cut.
class Snippet : public Tokenizer {
protected:
    std::string snippet(const std::string& q, int tokens = 8) {
        auto r = rows("SELECT vi_snippet(t, 0, '[', ']', '…', " + std::to_string(tokens) + ") FROM t WHERE t MATCH ?1", q);
        return r.empty() ? "<no match>" : r[0];
    }
};

TEST_F(Snippet, ShortTextIsWholeWithMarks) {
    insert("Sở Y tế chủ trì, phối hợp.");
    EXPECT_EQ(snippet("so y te"), "[Sở] [Y] [tế] chủ trì, phối hợp.");
    EXPECT_EQ(snippet("\"so y te\""), "[Sở Y tế] chủ trì, phối hợp.");
    EXPECT_EQ(snippet("chủ"), "Sở Y tế [chủ] trì, phối hợp.");
}

TEST_F(Snippet, PrefersTheWindowWithEveryPhrase) {
    // "dich" is everywhere; the one place with both "dich" and "vaccine" wins, wherever it is.
    std::string text;
    for (int i = 0; i < 3000; ++i) text += "phòng chống dịch bệnh. ";
    text += "Tiêm vaccine ngừa dịch cho trẻ em. ";
    for (int i = 0; i < 100; ++i) text += "kết thúc văn bản. ";
    insert(text);
    std::string s = snippet("dich vaccine");
    EXPECT_NE(s.find("[vaccine]"), std::string::npos) << s;
    EXPECT_NE(s.find("[dịch]"), std::string::npos) << s;
    EXPECT_TRUE(s.starts_with("…")) << s;
    EXPECT_TRUE(s.ends_with("…")) << s;
}

TEST_F(Snippet, WindowAtTheStartHasNoLeadingEllipsis) {
    insert("  Kế hoạch triển khai công tác phòng chống dịch năm 2022 trên địa bàn thành phố Hà Nội");
    std::string s = snippet("ke hoach", 6);
    EXPECT_EQ(s, "  [Kế] [hoạch] triển khai công tác…");
}

TEST_F(Snippet, NoMatchInTheColumnGivesItsStart) {
    exec("CREATE VIRTUAL TABLE two USING fts5(a, b, tokenize='vi')");
    exec("INSERT INTO two VALUES('tiêu đề', 'một hai ba bốn năm sáu bảy tám chín mười')");
    auto r = rows("SELECT vi_snippet(two, 1, '[', ']', '…', 4) FROM two WHERE two MATCH 'tieu'");
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(r[0], "một hai ba bốn…");
}

}  // namespace

namespace {

// Positions must agree between indexing (both accent forms, folded) and the fast path auxiliary
// functions take (one token per word, no folding), or snippets would mark the wrong words.
int positions(sqlite3* db, int flags, const std::string& text, std::vector<std::pair<int, int>>* spans = nullptr) {
    fts5_api* api = nullptr;
    sqlite3_stmt* s = nullptr;
    sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &s, nullptr);
    sqlite3_bind_pointer(s, 1, reinterpret_cast<void*>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(s);
    sqlite3_finalize(s);
    void* user = nullptr;
    fts5_tokenizer t{};
    if (!api || api->xFindTokenizer(api, "vi", &user, &t) != SQLITE_OK) return -1;
    Fts5Tokenizer* tok = nullptr;
    t.xCreate(user, nullptr, 0, &tok);
    struct Ctx {
        int n = 0;
        std::vector<std::pair<int, int>>* spans;
    } ctx{0, spans};
    t.xTokenize(tok, &ctx, flags, text.data(), static_cast<int>(text.size()),
                [](void* c, int tflags, const char*, int, int start, int end) {
                    auto* x = static_cast<Ctx*>(c);
                    if (!(tflags & FTS5_TOKEN_COLOCATED)) {
                        ++x->n;
                        if (x->spans) x->spans->emplace_back(start, end);
                    }
                    return SQLITE_OK;
                });
    t.xDelete(tok);
    return ctx.n;
}

TEST_F(Tokenizer, AuxiliaryPositionsAgreeWithIndexedOnes) {
    // Every letter and digit of the Basic Multilingual Plane as a word of its own, then in pairs
    // with combining marks, and the corpus texts.
    std::string text;
    for (UChar32 c = 0x30; c < 0xD800; ++c) {
        if (!u_isalnum(c) && !(c >= 0x300 && c <= 0x36F)) continue;
        char buf[4];
        int32_t n = 0;
        UBool err = false;
        U8_APPEND(reinterpret_cast<uint8_t*>(buf), n, 4, c, err);
        if (err) continue;
        text.append(buf, static_cast<std::size_t>(n));
        text += (c % 3 == 0) ? "\xCC\x81 " : " ";  // some with a combining acute
    }
    text += " \xCC\x81\xCC\x80 a\xCC\x81 Nghị định 134/KH-UBND hoà uỷ";
    std::vector<std::pair<int, int>> indexed, aux;
    int a = positions(db_, FTS5_TOKENIZE_DOCUMENT, text, &indexed);
    int b = positions(db_, FTS5_TOKENIZE_AUX, text, &aux);
    EXPECT_GT(a, 1000);
    EXPECT_EQ(a, b);
    EXPECT_EQ(indexed, aux);
}

}  // namespace

namespace {

// The word model and the restoring of diacritics (index/src/words.h).
TEST(WordModel, CountsFormsAndPairsOncePerDocument) {
    vanban::detail::WordModelBuilder model;
    model.add("Sở Y tế chủ trì; Sở Y tế báo cáo.\nSố liệu");
    model.add("số y tế");
    std::map<std::pair<std::string, std::string>, std::int64_t> got;
    for (const auto& [folded, form, n] : model.entries(1)) got[{folded, form}] = n;
    EXPECT_EQ((got[{"so y", "sở y"}]), 1);  // twice in one document: one document
    EXPECT_EQ((got[{"so y", "số y"}]), 1);
    EXPECT_EQ((got[{"y te", "y tế"}]), 2);
    EXPECT_EQ((got[{"so", "số"}]), 2);
    EXPECT_EQ(got.count({"cao so", "cáo số"}), 0u);  // not across a line break
    EXPECT_EQ(model.documents(), 2);
    EXPECT_EQ(model.entries(2).size(), 4u);  // "số", "y", "tế", "y tế" are in both
}

TEST(WordModel, RestoresThePathTheNeighboursMakeLikely) {
    // Counts as a corpus of 100 documents might give them: "số" is the commoner word, but "y" follows
    // "sở" far more often; "tại khoản" is common in legal text, yet "kho bạc" pulls nothing back.
    std::map<std::string, std::vector<std::pair<std::string, std::int64_t>>> m = {
        {"", {{"", 100}}},
        {"so", {{"số", 90}, {"sở", 60}, {"so", 5}}},
        {"y", {{"y", 70}, {"ý", 30}}},
        {"te", {{"tế", 70}, {"tê", 5}}},
        {"so y", {{"sở y", 50}, {"số y", 2}, {"sở ý", 4}}},
        {"y te", {{"y tế", 65}}},
        {"karaoke", {{"karaoke", 5}}},
        {"vu", {{"vụ", 90}, {"vũ", 10}}},
        {"truong", {{"trưởng", 80}, {"trường", 60}}},
        {"karaoke vu", {{"karaoke vũ", 4}}},
        {"vu truong", {{"vụ trưởng", 40}, {"vũ trường", 5}}},
    };
    auto forms_of = [&](const std::string& folded) {
        auto it = m.find(folded);
        return it == m.end() ? std::vector<std::pair<std::string, std::int64_t>>{} : it->second;
    };
    using vanban::detail::restore_diacritics;
    EXPECT_EQ(restore_diacritics("so y te", forms_of), "sở y tế");
    EXPECT_EQ(restore_diacritics("So Y Te", forms_of), "sở Y tế");  // a word already right stays as typed
    EXPECT_EQ(restore_diacritics("karaoke vu truong", forms_of), "karaoke vũ trường");
    EXPECT_EQ(restore_diacritics("vu truong", forms_of), "vụ trưởng");
    // Typed with diacritics, a word stays and leads its neighbours; unknown words and numbers stay.
    EXPECT_EQ(restore_diacritics("số y te", forms_of), "số y tế");
    EXPECT_EQ(restore_diacritics("so y te 2025 xyz", forms_of), "sở y tế 2025 xyz");
    // The syntax is left alone: a phrase, a prefix, OR.
    EXPECT_EQ(restore_diacritics("\"so y te\"", forms_of), "\"so y te\"");
    EXPECT_EQ(restore_diacritics("so* y", forms_of), "so* y");
    EXPECT_EQ(restore_diacritics("so OR te", forms_of), "so OR te");
    EXPECT_EQ(restore_diacritics("", forms_of), "");
}

}  // namespace
