// The parts of find_tasks (assignments.h), one file each: the words of headings and cues
// (assignment_words.cpp), the roles a piece of text gives (assignment_roles.cpp), the walk over
// the sections (assignments.cpp), task tables (assignment_tables.cpp), a document's addressees and
// speakers (assignment_addressees.cpp). Internal.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "agencies.h"
#include "text.h"
#include "vanban/parser.h"

namespace vanban::detail::tasks {

bool is_report_heading(std::string_view heading);

bool is_task_heading(std::string_view heading);

// Documents whose whole body assigns work: conclusions, directives, telegrams, letters.
bool whole_body_assigns(const Document& doc);

// "Giao Sở Văn hóa ... chủ trì ...": an assignment wherever it stands, even in an article that also
// states when the decision takes effect. "Giao" as a verb at a clause start, not "bàn giao", "giao thông".
bool assigns_by_word_folded(std::string_view f);

bool assigns_by_word(std::string_view text);

// "Cơ quan chủ trì: ...", "Đơn vị phối hợp: ...", "Thời gian thực hiện: ...": a line that states an
// attribute of the item above it.
bool is_attribute_line(std::string_view heading);

// "Quyết định này có hiệu lực ...", "Nghị định này có hiệu lực thi hành từ ngày ...".
bool is_effect_clause(std::string_view text);

// "chịu trách nhiệm thi hành Quyết định này": the execution clause of a decision.
bool is_execution_clause_folded(std::string_view f);

std::string path_component(const Section& s, int bullet_ordinal);

std::string join_path(const std::string& parent, const std::string& comp);

// What a document's assignments are read against: the place its agencies belong to, and the bodies
// that speak in it (the issuer, and for the Government's documents the Prime Minister and the
// Government themselves), which are never assignees.
struct Env {
    HomePlace home;
    std::vector<std::string> speakers;  // ids
    const Document* doc = nullptr;
    const Folded* folded = nullptr;     // fold_with_map(doc->text)

    bool speaks(const FoundAgency& a) const { return std::find(speakers.begin(), speakers.end(), a.id) != speakers.end(); }

    // The bodies named in the document's bytes [a, b), offsets relative to a. Read per span (the parts
    // that assign work are a fraction of a document, and reading them alone is faster than the whole),
    // each span once: an item's own part is read as its introduction, its block and its task.
    mutable std::map<std::pair<std::size_t, std::size_t>, std::vector<FoundAgency>> read;
    const std::vector<FoundAgency>& mentions_in(std::size_t a, std::size_t b) const {
        auto [it, fresh] = read.try_emplace({a, b});
        if (fresh) it->second = find_agencies(doc->slice(Span{a, b}), folded_in(a, b), home);
        return it->second;
    }

    // The fold of the document's bytes [a, b) (fold_slice), made once per span: a task's text is read
    // for its bodies, its roles and its deadline.
    mutable std::map<std::pair<std::size_t, std::size_t>, Folded> slices;
    const Folded& folded_in(std::size_t a, std::size_t b) const {
        auto [it, fresh] = slices.try_emplace({a, b});
        if (fresh) it->second = fold_slice(*folded, a, b);
        return it->second;
    }
};

AgencyMention mention_of(const FoundAgency& a, Role role, std::size_t base);

// Adds a mention once per id; a stronger role found later replaces a weaker one (lead, requested, support).
void add_unique(std::vector<AgencyMention>& to, AgencyMention m);

// The folded text between two folded offsets with every character but letters, digits, ',' and
// spaces turned into spaces, spaces squeezed: "phối hợp chặt chẽ với" -> "phoi hop chat che voi".
std::string normalized(std::string_view f);

bool ends_with_words(std::string_view s, std::string_view w);

struct Roles {
    std::vector<AgencyMention> mentions;  // assignees, each id once per role
    bool opens_with_subject = false;      // the text's first clause names its own addressee (even a generic one)
    std::vector<std::string> subject_ids; // ids of the bodies that clause names
};

// The offset in fm.text of original offset `orig`.
std::size_t folded_at(const Folded& fm, std::size_t orig);

// Where a text's words start, past a label or bullet ("1. ", "- ", "a) ", "Điều 3. ").
std::size_t first_text_offset(std::string_view f);

Roles roles_in(std::string_view text, const Folded& fm, std::size_t base, const Env& env, bool requested_subjects = false);


void read_table_tasks(const Document& doc, const Folded& folded, const Env& env, std::vector<Task>& tasks,
                      const std::function<std::string(const std::string&)>& unique);

// Who speaks in the document: the issuer; for the Government's documents (the Prime Minister, the
// Government, its Office) the Prime Minister and the Government; for a conclusion, whoever's
// conclusion it conveys ("Kết luận của Phó Thủ tướng Chính phủ ...", "... của Thường trực Thành ủy").
std::vector<std::string> speakers_of(const Document& doc, const HomePlace& home);

// The addressees of a Công điện: the block after "THỦ TƯỚNG CHÍNH PHỦ điện:" ("- Chủ tịch Ủy ban nhân dân
// các tỉnh ...;", "- Các Bộ: ..."), before the body. And of a Thông báo: "... thông báo để Ủy ban nhân dân
// tỉnh Phú Thọ và các Bộ, cơ quan liên quan biết, thực hiện".
// The address block of a telegram or a letter, before the body: the lines after "THỦ TƯỚNG CHÍNH PHỦ
// điện:" or "Kính gửi:" ("Kính gửi: Sở Y tế" on one line, or "- Bảo hiểm xã hội thành phố Hà Nội;" lines
// below it). Empty when there is none.
Span address_block(const Document& doc);

// The addressees of a Công điện or a letter: its address block. And of a Thông báo: "... thông báo để Ủy
// ban nhân dân tỉnh Phú Thọ và các Bộ, cơ quan liên quan biết, thực hiện".
std::vector<AgencyMention> addressees_of(const Document& doc, const Folded& folded, const Env& env, std::vector<Span>& blocks);

}  // namespace vanban::detail::tasks
