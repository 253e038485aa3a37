// Tasks as CSV (render.h) for a spreadsheet: UTF-8 with the BOM Excel needs to read it as UTF-8, RFC
// 4180 quoting, CRLF line ends, column headers in English or Vietnamese.
#include <algorithm>
#include <array>
#include <string>

#include "vanban/render.h"

namespace vanban {

namespace {

// A column: its English name (the JSON's key) and its Vietnamese header.
struct Column {
    const char* en;
    const char* vi;
};

constexpr std::array kAssignmentColumns{
    Column{"agency", "Cơ quan"},
    Column{"place", "Địa phương"},
    Column{"document_id", "Mã văn bản"},
    Column{"number", "Số, ký hiệu"},
    Column{"title", "Trích yếu"},
    Column{"issuer", "Cơ quan ban hành"},
    Column{"date", "Ngày ban hành"},
    Column{"path", "Mục"},
    Column{"role", "Vai trò"},
    Column{"via_collective", "Giao qua tập thể"},
    Column{"former_agency", "Giao cho cơ quan trước sắp xếp"},
    Column{"deadline_from", "Thời hạn từ ngày"},
    Column{"deadline_to", "Thời hạn đến ngày"},
    Column{"deadline", "Thời hạn"},
    Column{"text", "Nội dung nhiệm vụ"},
};

constexpr std::array kTaskColumns{
    Column{"number", "Số, ký hiệu"},
    Column{"title", "Trích yếu"},
    Column{"issuer", "Cơ quan ban hành"},
    Column{"date", "Ngày ban hành"},
    Column{"path", "Mục"},
    Column{"agency", "Cơ quan"},
    Column{"agency_id", "Mã cơ quan"},
    Column{"role", "Vai trò"},
    Column{"deadline_from", "Thời hạn từ ngày"},
    Column{"deadline_to", "Thời hạn đến ngày"},
    Column{"deadline", "Thời hạn"},
    Column{"text", "Nội dung nhiệm vụ"},
};

// A CSV being written: fields of a row separated by commas, quoted where they hold a comma, a quote
// or a line break; rows ended by CRLF.
class Writer {
public:
    template <std::size_t N>
    Writer(const std::array<Column, N>& columns, CsvLanguage lang) : lang_(lang) {
        out_ = "\xEF\xBB\xBF";  // the BOM: without it Excel reads UTF-8 as the machine's code page
        for (const Column& c : columns) field(lang == CsvLanguage::vi ? c.vi : c.en);
        end_row();
    }

    void field(std::string_view s) {
        if (!first_) out_ += ',';
        first_ = false;
        if (s.find_first_of(",\"\r\n") == std::string_view::npos) {
            out_ += s;
            return;
        }
        out_ += '"';
        for (char c : s) out_ += c == '"' ? std::string_view("\"\"") : std::string_view(&c, 1);
        out_ += '"';
    }
    void role(std::string_view r) {
        if (lang_ == CsvLanguage::en) return field(r);
        field(r == "lead" ? "chủ trì" : r == "support" ? "phối hợp" : r == "requested" ? "đề nghị" : r);
    }
    void yes_no(bool b) { field(lang_ == CsvLanguage::vi ? (b ? "có" : "không") : (b ? "yes" : "no")); }
    void deadline(const std::optional<Deadline>& d) {
        field(d ? d->from : "");
        field(d ? d->to : "");
        field(d ? d->text : "");
    }
    void end_row() {
        out_ += "\r\n";
        first_ = true;
    }
    std::string take() { return std::move(out_); }

private:
    CsvLanguage lang_;
    std::string out_;
    bool first_ = true;
};

}  // namespace

std::optional<CsvLanguage> csv_language(std::string_view name) {
    if (name == "en") return CsvLanguage::en;
    if (name == "vi") return CsvLanguage::vi;
    return std::nullopt;
}

std::string to_csv(const AssignmentResult& result, CsvLanguage lang) {
    Writer w(kAssignmentColumns, lang);
    for (const auto& g : result.agencies) {
        for (const auto& a : g.assignments) {
            w.field(g.agency.name);
            w.field(g.agency.place);
            w.field(std::to_string(a.document.id));
            for (const std::string* f : {&a.document.number, &a.document.title, &a.document.issuer, &a.document.date, &a.path}) {
                w.field(*f);
            }
            w.role(a.role);
            w.yes_no(a.via_collective);
            w.field(a.former ? a.former->name : "");
            w.deadline(a.deadline);
            w.field(a.text);
            w.end_row();
        }
    }
    return w.take();
}

std::string to_csv(const DocumentDetail& detail, CsvLanguage lang) {
    Writer w(kTaskColumns, lang);
    const DocumentRef& doc = detail.document;
    for (const auto& t : detail.tasks) {
        const DocumentDetail::TaskAgency none;
        const std::size_t rows = std::max<std::size_t>(1, t.agencies.size());
        for (std::size_t i = 0; i < rows; ++i) {
            const DocumentDetail::TaskAgency& a = t.agencies.empty() ? none : t.agencies[i];
            for (const std::string* f : {&doc.number, &doc.title, &doc.issuer, &doc.date, &t.path, &a.name, &a.id}) w.field(*f);
            w.role(a.role);
            w.deadline(t.deadline);
            w.field(t.text);
            w.end_row();
        }
    }
    return w.take();
}

}  // namespace vanban
