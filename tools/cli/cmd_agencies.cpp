// vanban agencies: agencies with their task counts by role.
#include <iomanip>

#include "cli.h"
#include "vanban/render.h"

namespace vanban::cli {

const char* const kAgenciesHelp = R"(Usage: vanban agencies [QUERY] [--json] [--db FILE]

Agencies that have tasks in the index, with their task counts by role (lead, support, requested),
most tasks first; a body counts the tasks of the former bodies it took over in the 2025
reorganisation (the last column says how many). QUERY narrows by name, alias or part of the name,
alone or with a province ("SYT Hà Nội"), with or without diacritics.
)";

int cmd_agencies(const Args& args) {
    if (args.help) {
        std::cout << kAgenciesHelp;
        return kOk;
    }
    const std::string query = args.joined();
    vanban::Index index = open_for_reading(args);
    auto list = index.agencies(query);
    if (args.has("json")) {
        std::cout << vanban::to_json(list) << '\n';
        return kOk;
    }
    std::cout << "lead\tsupport\trequested\tagency\tof former bodies\n";
    for (const auto& c : list) {
        std::cout << c.lead << '\t' << c.support << '\t' << c.requested << '\t' << c.agency.name
                  << (c.agency.successor ? " (now " + c.agency.successor->name + ")" : "") << '\t' << c.inherited << '\n';
    }
    return kOk;
}

}  // namespace vanban::cli
