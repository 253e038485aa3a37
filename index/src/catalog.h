// What the index reads from the parser's agency catalogue (vanban::agency_catalog()): the parts of an
// agency id, names of catalogue bodies with their place, the succession of the 2025 reorganisation,
// and agency names as people type them ("SYT Hà Nội", "UBND tinh Dong Thap").
//
// Agency ids (the parser's AgencyMention::id): "[collective:]<base>[@<province>]". <base> is a
// catalogue id ("so-y-te", "bo-y-te") or, for a body not in the catalogue, a slug of its printed name
// ("kho-bac-nha-nuoc-khu-vuc-xi"); <province> is the id of a catalogue province ("tinh-phu-yen").
// Every function here is pure (the catalogue is built into the parser) and never throws on input.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "vanban/parser.h"

namespace vanban::detail {

/// The parts of an agency id: "collective:cac-so-ban-nganh@tinh-dak-lak" -> {true, "cac-so-ban-nganh",
/// "tinh-dak-lak"}; "bo-y-te" -> {false, "bo-y-te", ""}.
struct AgencyId {
    bool collective = false;
    std::string base, province;

    std::string str() const;  ///< back to the id
};

AgencyId split_agency_id(std::string_view id);

/// The catalogue entry with this id, or nullptr.
const CatalogAgency* catalog_entry(std::string_view id);

/// Whether entries of this kind are completed with a province (local templates and collectives).
bool placed_kind(std::string_view kind);

/// A province's place as names carry it: "thành phố Hà Nội", "tỉnh Phú Yên"; "" for an unknown id.
std::string place_of(std::string_view province_id);

/// The canonical name of a catalogued id, as the parser names a mention of it: "Sở Y tế thành phố Hà
/// Nội", "Ban Dân vận Thành ủy Hà Nội", "Bộ Y tế". "" when the base or the province is not catalogued.
std::string catalog_name(const AgencyId& id);

/// The bodies that took over the work of `id` after the 2025 reorganisation, in order, the current
/// body last; empty when `id` is current or not catalogued. Two chains are followed: the body's own
/// (Sở Thông tin và Truyền thông -> Sở Khoa học và Công nghệ, 01/3/2025) and then its province's
/// (tỉnh Phú Yên -> tỉnh Đắk Lắk, 01/7/2025), so "so-thong-tin-va-truyen-thong@tinh-phu-yen" gives
/// ["so-khoa-hoc-va-cong-nghe@tinh-phu-yen", "so-khoa-hoc-va-cong-nghe@tinh-dak-lak"]. A province
/// travels through a successor that has none (Cục Thuế tỉnh -> Chi cục Thuế khu vực -> Thuế tỉnh),
/// which is left out of the chain (it is a region's body, not the province's); a body with no
/// province whose successor needs one has no concrete successor: the chain stops.
std::vector<std::string> successors(std::string_view id);

/// An agency query folded as the index compares names: fold_text, commas and runs of white space
/// become one space, no space at either end.
std::string fold_query(std::string_view query);

/// What a query names in the catalogue: ids of bodies of one place ("so-y-te@thanh-pho-ha-noi" for
/// "Sở Y tế Hà Nội", "SYT Hà Nội", "so y te tp ha noi"), and bases named without a place ("so-y-te"
/// for "so y te": every province's). `folded` is fold_query's result.
struct NamedAgencies {
    std::vector<std::string> ids;    ///< complete ids, with "collective:" where it belongs
    std::vector<std::string> bases;  ///< catalogue ids named alone (every province's, for a local one)
};

NamedAgencies agencies_named(const std::string& folded);

/// Province ids a folded place names: its name or an alias, with or without its unit word
/// ("ha noi", "tp ha noi", "thanh pho ha noi", "hn"; "tinh dong thap").
std::vector<std::string> provinces_named(const std::string& folded);

/// The folded forms a name filter (the issuer, the agency of search) looks for in a folded name: the
/// query itself, and the canonical names of the bodies it names ("UBND Hà Nội" -> "uy ban nhan dan
/// thanh pho ha noi"; "HĐND" -> "hoi dong nhan dan"; "SYT" -> "so y te"). Aliases are left out: a
/// short one ("TC") would match inside words.
std::vector<std::string> name_forms(std::string_view query);

}  // namespace vanban::detail
