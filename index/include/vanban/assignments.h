// Task assignments: agencies, their tasks with deadlines, counts by role.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "vanban/documents.h"

namespace vanban {

struct AssignmentOptions {
    std::string place;              ///< only agencies of this province ("Hà Nội", "ha noi", "HN", "TP.HCM")
    std::string role;               ///< "", "lead", "support" or "requested"
    std::string from, to;           ///< only tasks whose deadline overlaps [from, to] (ISO dates, or a prefix)
    bool include_collective = false;  ///< add tasks addressed to a collective that includes the agency
    bool include_former = true;     ///< add the tasks of the bodies it took over (2025 reorganisation)

    void validate() const;  ///< QueryError for an unknown role or a date that is none
};

/// An agency named in passing: a successor or a former body.
struct AgencyRef {
    std::string id, name, place;
};

struct Agency {
    std::string id, name, place;
    std::vector<std::string> aliases;
    /// For a former body (the catalogue's successor column): the body that now does its work, after
    /// the 2025 reorganisation ("Bộ Thông tin và Truyền thông" -> "Bộ Khoa học và Công nghệ";
    /// "Sở Y tế tỉnh Phú Yên" -> "Sở Y tế tỉnh Đắk Lắk"). Null for a current body.
    std::optional<AgencyRef> successor;
    /// For a current body: the former bodies in the index whose work it took over.
    std::vector<AgencyRef> predecessors;
};

struct Assignment {
    DocumentRef document;
    std::string path, text, role;
    bool via_collective = false;
    std::string collective;  ///< the collective's name when via_collective
    std::optional<AgencyRef> former;  ///< the former body the task was given to, when not the agency itself
    std::optional<Deadline> deadline;
};

struct AgencyAssignments {
    Agency agency;
    std::vector<Assignment> assignments;
};

struct AssignmentResult {
    std::string query;
    std::vector<AgencyAssignments> agencies;  ///< every agency the query names (each province's Sở Y tế)
};

/// An agency with its task counts by role, the tasks of the former bodies it took over included
/// (`inherited` of them).
struct AgencyCount {
    Agency agency;
    std::int64_t lead = 0, support = 0, requested = 0;
    std::int64_t inherited = 0;
};

}  // namespace vanban
