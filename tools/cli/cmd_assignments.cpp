// vanban assignments: the tasks of an agency, with deadlines.
#include "cli.h"
#include "vanban/render.h"

namespace vanban::cli {

const char* const kAssignmentsHelp = R"(Usage: vanban assignments AGENCY [--place P] [--role lead|support|requested]
                          [--from DATE] [--to DATE] [--include-collective] [--no-former]
                          [--json|--csv [--lang en|vi]] [--db FILE]

Every task assigned to AGENCY across the indexed documents, with the document, the section path, the
role and the deadline. AGENCY is a canonical name, an alias or an abbreviation, with or without
diacritics, alone or followed by its province ("so y te", "SYT", "Sở Y tế Hà Nội", "SYT Hà Nội",
"cong an ha noi", "UBND tinh Dong Thap"); failing those, any agency whose name contains the words.
Where it fits several agencies (every province has a Sở Y tế) each is listed with its own tasks.

The 2025 reorganisation: a body that took over others (Bộ Khoa học và Công nghệ took over Bộ Thông
tin và Truyền thông; Sở Y tế tỉnh Đắk Lắk, Sở Y tế tỉnh Phú Yên) also lists their tasks, each marked
"[as <former name>]"; a former body asked for by name says what it became.

  --place P              only the agencies of this province ("Hà Nội", "ha noi", "HN", "TP.HCM")
  --role R               lead (chủ trì), support (phối hợp) or requested (đề nghị)
  --from, --to           only tasks whose deadline overlaps the range (YYYY-MM-DD, YYYY-MM or YYYY)
  --include-collective   also tasks addressed to a collective that includes the agency
                         ("các Sở, ban, ngành Thành phố" for a Sở of that city), marked as such
  --no-former            leave out the tasks of the former bodies it took over
  --json | --csv         the JSON the HTTP API serves, or CSV for a spreadsheet (UTF-8 with a BOM):
                         one row per task of each agency, with the document's number, title, issuer
                         and date, the role and the deadline
  --lang en|vi           the CSV's column headers and words in English (default) or Vietnamese

Exit codes: 0 success (also when nothing matches); 1 no database at the path, or it cannot be read; 2 usage error.
)";

int cmd_assignments(const Args& args) {
    if (args.help) {
        std::cout << kAssignmentsHelp;
        return kOk;
    }
    if (args.positional.empty()) {
        std::cerr << "vanban assignments: no agency given (see 'vanban assignments --help')\n";
        return kUsage;
    }
    if (args.has("json") && args.has("csv")) {
        std::cerr << "vanban assignments: --json and --csv exclude each other\n";
        return kUsage;
    }
    const auto lang = vanban::csv_language(args.get("lang", "en"));
    if (!lang) {
        std::cerr << "vanban assignments: unknown --lang '" << args.get("lang") << "' (en, vi)\n";
        return kUsage;
    }
    if (args.values.count("lang") && !args.has("csv")) {
        std::cerr << "vanban assignments: --lang goes with --csv\n";
        return kUsage;
    }
    const std::string agency = args.joined();
    vanban::AssignmentOptions opt;
    opt.place = args.get("place");
    opt.role = args.get("role");
    opt.from = args.get("from");
    opt.to = args.get("to");
    opt.include_collective = args.has("include-collective");
    opt.include_former = !args.has("no-former");
    if (!valid_options(opt, "assignments")) return kUsage;
    vanban::Index index = open_for_reading(args);
    vanban::AssignmentResult r = index.assignments(agency, opt);
    if (args.has("json")) {
        std::cout << vanban::to_json(r) << '\n';
        return kOk;
    }
    if (args.has("csv")) {
        std::cout << vanban::to_csv(r, *lang);
        return kOk;
    }
    if (r.agencies.empty()) {
        std::cout << "no agency in the index matches '" << agency << "'\n";
        return kOk;
    }
    for (const auto& g : r.agencies) {
        std::size_t former = 0;
        for (const auto& a : g.assignments) former += a.former ? 1 : 0;
        std::cout << g.agency.name << "  (" << g.assignments.size() << (g.assignments.size() == 1 ? " task" : " tasks");
        if (former) std::cout << ", " << former << " of them given to former bodies";
        std::cout << ")\n";
        if (g.agency.successor) {
            std::cout << "  a former body: its work passed to " << g.agency.successor->name << " [" << g.agency.successor->id
                      << "] in the 2025 reorganisation\n";
        }
        if (!g.agency.predecessors.empty()) {
            std::cout << "  took over the work of:";
            for (std::size_t i = 0; i < g.agency.predecessors.size(); ++i) {
                std::cout << (i ? "; " : " ") << g.agency.predecessors[i].name;
            }
            std::cout << '\n';
        }
        for (const auto& a : g.assignments) {
            std::cout << "  " << (a.document.number.empty() ? "(no number)" : a.document.number) << "  " << a.path
                      << "  " << a.role << (a.via_collective ? " via " + a.collective : "");
            if (a.former) std::cout << "  [as " << a.former->name << "]";
            if (a.deadline) std::cout << "  deadline: " << a.deadline->text;
            std::cout << "\n      " << shorten(a.text, 160) << '\n';
        }
    }
    return kOk;
}

}  // namespace vanban::cli
