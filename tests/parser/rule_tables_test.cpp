// The parser's rule tables hold together: each is read from one place, every row is well-formed, and
// what one table names exists in the other. Portal clutter (parser/data/portal_clutter.tsv): each row
// parses, each role the cleaner reads has phrases, each cited page holds its phrase. Collective
// memberships (parser/data/collective_members.tsv): each names a collective of the catalogue and a kind
// of body the catalogue has. Head nouns (body_grammar.cpp): the issuer block of a header is cut at every
// head noun of the body grammar, and what header.cpp says of heads names head nouns, or words that are none.
#include <gtest/gtest.h>
#include <unicode/unistr.h>

#include <algorithm>

#include <filesystem>
#include <map>
#include <set>
#include <string>

#include "agencies.h"
#include "body_grammar.h"
#include "clean.h"
#include "corpus_files.h"
#include "header.h"
#include "portal_clutter.h"
#include "text.h"
#include "vanban/parser.h"

namespace {

using namespace vanban::detail;
namespace fs = std::filesystem;

constexpr ClutterRole kRoles[] = {
    ClutterRole::frame,       ClutterRole::footer,    ClutterRole::label,       ClutterRole::description,
    ClutterRole::loading,     ClutterRole::block_end, ClutterRole::no_value,    ClutterRole::summary_end,
    ClutterRole::stamp,       ClutterRole::stamp_line, ClutterRole::banner,     ClutterRole::banner_line,
};

TEST(RuleTablesTest, EveryClutterRowIsWellFormed) {
    EXPECT_TRUE(clutter_bad_lines().empty()) << "portal_clutter.tsv: first unreadable row at line "
                                             << (clutter_bad_lines().empty() ? 0 : clutter_bad_lines()[0]);
    // Each role clean.cpp or header.cpp reads has at least one phrase: a role renamed in the file, or
    // all its rows dropped, would silently switch a rule off.
    for (ClutterRole role : kRoles) {
        EXPECT_FALSE(clutter_phrases(role).empty()) << "no phrase for role " << clutter_role_name(role);
        EXPECT_FALSE(clutter_role_name(role).empty());
    }
    for (const ClutterRow& row : clutter_rows()) {
        std::string where = "portal_clutter.tsv:" + std::to_string(row.line) + " '" + std::string(row.phrase) + "'";
        EXPECT_FALSE(row.site.empty()) << where;
        if (row.role == ClutterRole::label) {
            // As printed: a label with its colon, capitalized ("Số hiệu:").
            EXPECT_TRUE(row.phrase.ends_with(':')) << where;
            EXPECT_TRUE(starts_upper(row.phrase)) << where;
        } else {
            // Compared with folded lines: a phrase with a diacritic or a capital would never match.
            EXPECT_EQ(vanban::fold_text(row.phrase), row.phrase) << where;
        }
    }
}

// Every row that cites a page holds its phrase there: folded for the folded roles, as printed for
// labels. Pages of ../shared/corpus are checked when that folder is beside the source tree.
TEST(RuleTablesTest, EveryClutterPhraseIsOnThePageItCites) {
    const char* src = std::getenv("VANBAN_SOURCE_DIR");
    fs::path root(src ? src : ".");
    std::map<std::string, std::pair<std::string, std::string>> pages;  // seen -> (text, folded)
    std::size_t checked = 0;
    for (const ClutterRow& row : clutter_rows()) {
        if (row.seen == "-") continue;
        std::string seen(row.seen);
        fs::path path = root / seen;
        if (!fs::exists(path)) {
            // The repository's own corpus is always there; ../shared/corpus may not be.
            EXPECT_TRUE(seen.starts_with("../shared/")) << "portal_clutter.tsv:" << row.line << ": no page " << seen;
            continue;
        }
        auto it = pages.find(seen);
        if (it == pages.end()) {
            std::string text = vanban::test::slurp(path);
            std::string folded = vanban::fold_text(text);
            it = pages.emplace(seen, std::make_pair(std::move(text), std::move(folded))).first;
        }
        const std::string& hay = row.role == ClutterRole::label ? it->second.first : it->second.second;
        EXPECT_NE(hay.find(row.phrase), std::string::npos)
            << "portal_clutter.tsv:" << row.line << ": '" << row.phrase << "' is not on " << seen;
        ++checked;
    }
    EXPECT_GT(checked, 60u);
}

// The table at work: the footer of each site ends the document, the frame before the header goes.
TEST(RuleTablesTest, ClutterOfEachSiteIsCut) {
    struct Row {
        const char* source;
        std::string page;
        std::string first, last;  // how the first line that remains starts, and the last line
    };
    const std::string header =
        "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI\n-------\n\nSố: 134/KH-UBND\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n\nHà Nội, ngày 29 tháng 4 năm 2022\n\nKẾ HOẠCH\n\nTriển khai Nghị quyết.\n\n"
        "1. Sở Y tế chủ trì.\n\n2. Sở Tài chính phối hợp.\n\n3. Các quận, huyện thực hiện.\n\nTM. ỦY BAN NHÂN DÂN\n"
        "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nChử Xuân Dũng\n";
    const Row rows[] = {
        // corpus/ke-hoach-134-KH-UBND-ha-noi-2022-04-29.txt (luatvietnam.vn)
        {"luatvietnam", "  • Thuộc tính\n  • Nội dung\nMục lục\nTìm từ trong trang\nLưu\nBáo lỗi\n\n" + header +
                            "\nGhi chú\nLuatVietnam.vn độc quyền cung cấp bản dịch\nvăn bản mới nhất\n",
         "ỦY BAN NHÂN DÂN", "Chử Xuân Dũng"},
        // corpus/portal-01763-QD-UBND-b1bac569.md (thuvienphapluat.vn)
        {"thuvienphapluat", "Bản dịch này thuộc quyền sở hữu của THƯ VIỆN PHÁP LUẬT.\nClick vào phần bôi vàng để "
                                "xem chi tiết.\nĐang tải văn bản...\n\n" + header +
                                "\nVăn bản này chưa cập nhật nội dung Tiếng Anh\n## Văn bản liên quan\nBan hành:\n",
         "ỦY BAN NHÂN DÂN", "Chử Xuân Dũng"},
        // corpus/cb_chi-thi-so-21-ct-ttg-469580.txt (congbao.chinhphu.vn): the stamp goes, wherever it is.
        {"congbao", "Ký bởi: CÔNG BÁO NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nCơ quan: VĂN PHÒNG CHÍNH PHỦ\n"
                    "Ngày ký: 2026-06-02 08:06:58 +07:00\n\n" + header,
         "ỦY BAN NHÂN DÂN", "Chử Xuân Dũng"},
    };
    for (const auto& r : rows) {
        Cleaned c = clean(r.page);
        ASSERT_FALSE(c.lines.empty()) << r.source;
        EXPECT_TRUE(c.lines.front().text.starts_with(r.first)) << r.source << ": " << c.lines.front().text;
        EXPECT_EQ(c.lines.back().text, r.last) << r.source;
    }
}

// ---- Collective memberships -----------------------------------------------------------------------

TEST(RuleTablesTest, EveryMembershipNamesACollectiveAndBodiesOfTheCatalogue) {
    const auto& cat = AgencyCatalog::builtin();
    EXPECT_TRUE(cat.member_bad_lines().empty()) << "collective_members.tsv: first unreadable row at line "
                                                << (cat.member_bad_lines().empty() ? 0 : cat.member_bad_lines()[0]);
    ASSERT_FALSE(cat.member_rows().empty());
    const auto& entries = vanban::agency_catalog();
    auto entry = [&](const std::string& id) -> const vanban::CatalogAgency* {
        auto it = std::find_if(entries.begin(), entries.end(), [&](const auto& e) { return e.id == id; });
        return it == entries.end() ? nullptr : &*it;
    };
    std::size_t attached = 0;
    for (const auto& e : entries) {
        attached += e.members.size();
        if (e.kind != "collective") {
            EXPECT_TRUE(e.members.empty()) << e.id;
        }
    }
    // Every row reaches the catalogue: none names an id that is missing or not a collective.
    EXPECT_EQ(attached, cat.member_rows().size());
    for (const auto& row : cat.member_rows()) {
        std::string where = "collective_members.tsv:" + std::to_string(row.line) + " " + row.collective;
        const auto* c = entry(row.collective);
        ASSERT_NE(c, nullptr) << where << ": no such agencies.tsv entry";
        EXPECT_EQ(c->kind, "collective") << where;
        // Its members are bodies the catalogue has: a kind (and scope) some entry other than a collective bears.
        EXPECT_NE(row.kind, "collective") << where;
        bool some = std::any_of(entries.begin(), entries.end(), [&](const auto& e) {
            return e.kind == row.kind && (row.scope.empty() || e.scope == row.scope);
        });
        EXPECT_TRUE(some) << where << ": no body of kind '" << row.kind << "' and scope '" << row.scope << "'";
        // A row once only.
        EXPECT_EQ(std::count_if(cat.member_rows().begin(), cat.member_rows().end(),
                                [&](const MemberRow& r) {
                                    return r.collective == row.collective && r.kind == row.kind && r.scope == row.scope;
                                }),
                  1)
            << where;
    }
    // The memberships the index relies on (tests/index: a Sở's tasks include those of "các sở, ban, ngành").
    auto includes = [&](const std::string& collective, const std::string& kind, const std::string& scope) {
        const auto* c = entry(collective);
        return c && std::any_of(c->members.begin(), c->members.end(), [&](const vanban::CollectiveMember& m) {
                   return m.kind == kind && (m.scope.empty() || m.scope == scope);
               });
    };
    EXPECT_TRUE(includes("cac-so-ban-nganh", "local", "province"));
    EXPECT_TRUE(includes("cac-bo-co-quan-ngang-bo-co-quan-thuoc-chinh-phu", "ministry", "national"));
    EXPECT_FALSE(includes("cac-so-ban-nganh", "ministry", "national"));
    EXPECT_FALSE(includes("cac-so-ban-nganh", "local", "commune"));
}

// ---- Head nouns --------------------------------------------------------------------------------------

std::string upper(std::string_view s) {
    std::string out;
    icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size()))).toUpper().toUTF8String(out);
    return out;
}

bool is_head_noun(std::string_view written) {
    for (const auto& h : head_nouns()) {
        if (h.written == written) return true;
    }
    return false;
}

// header.cpp says how the issuer block cuts at some head nouns (kCuts) and lists the few words that begin
// an issuer without being head nouns (kIssuerWords). The first must be head nouns, spelled as the grammar
// spells them; the second must not be (a word the grammar takes up goes from header.cpp).
TEST(RuleTablesTest, WhatTheHeaderSaysOfHeadsNamesHeadNounsOrWordsThatAreNone) {
    auto cuts = issuer_cuts();
    ASSERT_FALSE(cuts.empty());
    std::set<std::string> seen;
    for (const auto& c : cuts) {
        EXPECT_TRUE(seen.insert(vanban::fold_text(c.written)).second) << "listed twice: " << c.written;
        if (c.head_noun) {
            EXPECT_TRUE(is_head_noun(c.written)) << "header.cpp kCuts: '" << c.written << "' is not in head_nouns()";
        } else {
            for (const auto& h : head_nouns()) {
                EXPECT_NE(vanban::fold_text(h.written), vanban::fold_text(c.written))
                    << "header.cpp kIssuerWords: '" << c.written << "' is the head noun '" << h.written << "'";
            }
        }
    }
}

// Every head noun of the grammar begins a body in an issuer block: printed in capitals at the start of a
// line under a complete name, it begins the issuer, and the name above is its parent. Those that cut as
// an entry that begins only the block (a Party committee, "Hội": they also end other names) do not.
TEST(RuleTablesTest, EveryHeadNounBeginsABodyInAnIssuerBlock) {
    auto words = [](std::string_view written) {
        std::vector<std::string> out;
        std::string f = vanban::fold_text(written);
        for (std::size_t i = 0; i <= f.size();) {
            std::size_t j = std::min(f.find(' ', i), f.size());
            out.push_back(f.substr(i, j - i));
            i = j + 1;
        }
        return out;
    };
    auto cuts = issuer_cuts();
    std::size_t exempt = 0;
    for (const auto& h : head_nouns()) {
        // The entry it cuts as: the longest whose words begin its words.
        auto hw = words(h.written);
        std::size_t best = 0;
        bool block_start_only = false;
        for (const auto& c : cuts) {
            auto cw = words(c.written);
            if (cw.size() > best && cw.size() <= hw.size() && std::equal(cw.begin(), cw.end(), hw.begin())) {
                best = cw.size();
                block_start_only = c.block_start_only;
            }
        }
        vanban::Document doc;
        read_issuer({"ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK", upper(h.written) + " THỬ NGHIỆM"}, doc);
        ASSERT_TRUE(doc.issuer) << h.written;
        bool cut = vanban::fold_text(*doc.issuer).starts_with(vanban::fold_text(h.written)) &&
                   doc.issuer_parent == "Ủy ban nhân dân tỉnh Đắk Lắk";
        if (block_start_only) {
            ++exempt;
            EXPECT_FALSE(cut) << h.written << ": " << *doc.issuer;
        } else {
            EXPECT_TRUE(cut) << h.written << ": " << *doc.issuer << " under " << doc.issuer_parent.value_or("(none)");
        }
    }
    EXPECT_LT(exempt, 10u);
}

}  // namespace
