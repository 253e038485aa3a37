// Tasks: an actionable item of a document, the agencies it names with their roles, its deadline.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "vanban/kinds.h"
#include "vanban/span.h"

namespace vanban {

/// A period or deadline as written ("trước ngày 15/12/2023", "trong quý II/2022", "2 năm 2022-2023")
/// and normalized: `from`/`to` are ISO dates (inclusive) or empty when open; `recurrence` is set
/// for recurring periods ("hằng năm" -> "yearly", "định kỳ 6 tháng" -> "6 months").
struct Period {
    std::string text;
    std::optional<std::string> from;
    std::optional<std::string> to;
    std::optional<std::string> recurrence;
    Span span;
};

/// An agency named in a task, resolved against the agency data.
struct AgencyMention {
    std::string name;       ///< as written ("Công an Thành phố", "SYT")
    std::string canonical;  ///< canonical name with its place completed ("Công an thành phố Hà Nội")
    std::string id;         ///< stable id ("cong-an@ha-noi", "bo-y-te", "collective:so-ban-nganh@ha-noi")
    Role role = Role::lead;
    bool collective = false;  ///< a collective addressee ("các Sở, ban, ngành Thành phố")
    bool catalogued = false;  ///< resolved to a catalogue entry; false: a body recognised by the grammar
                              ///< of its name ("Kho bạc Nhà nước khu vực XI"), kept as printed
    Span span;                ///< where the name is written (the block heading for inherited agencies)
};

/// An actionable item of a document: a bullet or numbered item in a part that assigns work.
struct Task {
    std::string path;  ///< section path, e.g. "III.2" (bullets add their ordinal: "III.2.-3")
    std::string text;
    Span span;
    std::vector<AgencyMention> agencies;
    std::optional<Period> deadline;
};

}  // namespace vanban
