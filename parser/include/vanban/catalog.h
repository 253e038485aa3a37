// The built-in agency catalogue (parser/data/agencies.tsv, collective_members.tsv) as the index reads it.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace vanban {

/// The bodies a collective includes, by kind (parser/data/collective_members.tsv): every catalogue
/// entry of `kind` and, unless it is empty, of `scope`. A member of a placed kind ("local") is in the
/// collective of its own province only.
struct CollectiveMember {
    std::string kind;
    std::string scope;
};

/// One agency of the built-in catalogue (parser/data/agencies.tsv). Local entries ("Sở Y tế") are
/// templates that mentions complete with a province: the mention's id is "<id>@<province id>".
struct CatalogAgency {
    std::string id;
    std::string kind;  ///< national, ministry, party, agency, province, local, collective
    std::string name;
    std::vector<std::string> aliases;
    std::string scope;      ///< a province's "tỉnh"/"thành phố"; a local entry's level ("province")
    std::string successor;  ///< the id of the body that took over after the 2025 reorganization, or ""
    std::vector<CollectiveMember> members;  ///< a collective's members; empty for every other kind
};

/// The whole built-in catalogue, in file order.
const std::vector<CatalogAgency>& agency_catalog();

namespace detail {
class AgencyCatalog;
}

/// A catalogue other than the built-in one, from tables in the format of parser/data/agencies.tsv and
/// collective_members.tsv (another data set, or a test's): give it to parse() in ParseOptions.
std::shared_ptr<const detail::AgencyCatalog> make_catalog(std::string_view agencies_tsv, std::string_view members_tsv);

}  // namespace vanban
