// The vocabulary of body names (see body_grammar.h). Sources: Nghị định 30/2020/NĐ-CP Phụ lục I (names
// of issuing bodies), the names of bodies in ../shared/corpus (portal directives of 2025, gazette texts),
// and ../shared/corpus/ASSIGNMENTS.md (the kinds of bodies that receive tasks).
#include "body_grammar.h"

namespace vanban::detail {

namespace {

// {written, national, lowercase_ok, bare_ok}: written lowercase with diacritics (folding merges "bộ"
// and "bổ", "quận" and "quản"). Longer phrases first where one starts another.
constexpr HeadNoun kHeads[] = {
    // State bodies, central and local.
    {"bộ chỉ huy quân sự", false, true, true},
    {"bộ chỉ huy bộ đội biên phòng", false, true, true},
    {"bộ chỉ huy", false, true, false},
    {"bộ tư lệnh", true, false, false},
    {"bộ đội biên phòng", false, false, true},
    {"bộ", true, false, false},
    {"quân khu", true, false, false},
    {"tổng cục", true, false, false},
    {"chi cục hải quan", false, false, false},
    {"chi cục", false, false, false},
    {"cục", true, false, false},
    {"vụ", true, false, false},
    {"văn phòng", false, false, false},
    {"thanh tra", false, false, true},
    {"công an", false, false, true},
    {"thuế", false, false, true},
    {"hải quan", false, false, true},
    {"kho bạc nhà nước", false, false, true},
    {"kho bạc", false, false, true},
    {"ngân hàng nhà nước", false, false, true},
    {"ngân hàng", true, false, false},
    {"bảo hiểm xã hội", false, false, true},
    {"kiểm toán nhà nước", true, false, true},
    {"tòa án nhân dân", false, false, true},
    {"tòa án", false, false, false},
    {"viện kiểm sát nhân dân", false, false, true},
    {"viện kiểm sát", false, false, false},
    {"ủy ban nhân dân", false, false, true},
    {"ủy ban", false, false, false},
    {"hội đồng nhân dân", false, false, true},
    {"hội đồng", false, true, false},
    {"ban quản lý", false, true, false},
    {"ban chỉ đạo", false, true, false},
    {"ban chỉ huy", false, true, false},
    {"ban cán sự đảng", false, true, false},
    {"ban thường vụ", false, true, false},
    {"ban", false, false, false},
    {"cảng vụ", true, false, false},
    {"cổng thông tin điện tử", false, true, true},
    {"cổng thông tin", false, true, false},
    {"phòng", false, false, false},
    {"phó thủ tướng", true, false, false},
    // Party bodies.
    {"đảng ủy", false, false, true},
    {"đảng đoàn", false, false, false},
    {"tỉnh ủy", false, false, true},
    {"thành ủy", false, false, true},
    {"huyện ủy", false, false, true},
    {"quận ủy", false, false, true},
    {"thị ủy", false, false, true},
    // The Front and the mass organisations.
    {"mặt trận tổ quốc", false, false, true},
    {"tỉnh đoàn", false, false, true},
    {"thành đoàn", false, false, true},
    {"đoàn", false, false, false},
    {"hội liên hiệp", false, false, false},
    {"hội", false, false, false},
    {"liên đoàn", false, false, false},
    {"liên hiệp", false, false, false},
    {"hiệp hội", false, false, false},
    {"liên minh", false, false, false},
    // Public service units, media, enterprises.
    {"trung tâm", false, false, false},
    {"bệnh viện", true, false, false},
    {"trường", true, false, false},
    {"đại học", true, false, false},
    {"học viện", true, false, false},
    {"viện", true, false, false},
    {"đài", false, false, false},
    {"báo", false, false, false},
    {"thông tấn xã", true, false, false},
    {"nhà xuất bản", true, false, false},
    {"tập đoàn", true, false, false},
    {"tổng công ty", true, false, false},
    {"công ty", true, false, false},
    {"hợp tác xã", false, false, false},
    {"chi nhánh", false, false, false},
};

constexpr Title kTitles[] = {
    {"tổng giám đốc", ""},   {"phó giám đốc", ""},  {"giám đốc", ""},        {"phó chủ tịch", ""},
    {"chủ tịch", ""},        {"thủ trưởng", ""},    {"thứ trưởng", ""},      {"bộ trưởng", "Bộ"},
    {"phó trưởng ban", ""},  {"trưởng ban", ""},    {"chánh án", ""},        {"chánh", ""},
    {"viện trưởng", ""},     {"hiệu trưởng", ""},   {"người đứng đầu", ""},  {"phó bí thư", ""},
    {"bí thư", ""},          {"các đồng chí", ""},  {"đồng chí", ""},        {"lãnh đạo", ""},
    {"chỉ huy trưởng", ""},  {"tổng cục trưởng", ""}, {"chi cục trưởng", ""}, {"cục trưởng", ""},
    {"vụ trưởng", ""},       {"tư lệnh", ""},       {"chủ nhiệm", ""},       {"tổng biên tập", ""},
    {"trưởng", ""},
};

constexpr GroupNoun kGroupNouns[] = {
    {"cơ quan ngang bộ", false}, {"cơ quan", true},    {"đơn vị", true},      {"địa phương", true},
    {"tổ chức thành viên", false}, {"tổ chức", true},  {"cá nhân", true},     {"lực lượng", true},
    {"bộ phận", true},           {"cơ sở", true},      {"hệ thống", true},    {"đoàn thể", false},
    {"bộ", false},               {"sở", false},        {"ban", false},        {"ngành", false},
    {"hội", false},              {"doanh nghiệp", false}, {"xã", false},      {"phường", false},
    {"đặc khu", false},          {"thị trấn", false},  {"tỉnh", false},       {"thành phố", false},
    {"quận", false},             {"huyện", false},     {"thị xã", false},     {"trường", false},
    {"bệnh viện", false},        {"báo chí", false},   {"báo", false},        {"đài", false},
    {"nhà thầu", false},         {"chủ đầu tư", false}, {"cấp ủy", false},    {"ủy ban", false},
    {"tập đoàn", false},         {"tổng công ty", false}, {"công ty", false}, {"hợp tác xã", false},
    {"ngân hàng", false},        {"chi cục", false},   {"cục", false},        {"vụ", false},
    {"trung tâm", false},        {"học viện", false},  {"viện", false},       {"đoàn", false},
    {"phòng", false},            {"phó thủ tướng", false}, {"đảng ủy", false}, {"hiệp hội", false},
};

// Written with diacritics, lowercase: folding would merge "trong" (in) with "trồng" (to plant), "có"
// (has) with "cơ" (cơ sở), "đang" with "đẳng"; the written form decides.
constexpr std::string_view kNameStops[] = {
    "chủ trì", "phối hợp", "chịu", "có", "thực hiện", "tổ chức", "triển khai", "xây dựng", "hướng dẫn", "kiểm tra",
    "tham mưu", "theo", "của", "tại", "trong", "về", "với", "để", "cho", "được", "là", "khẩn trương", "tiếp tục",
    "chỉ đạo", "rà soát", "nghiên cứu", "đề xuất", "báo cáo", "trình", "ban hành", "phê duyệt", "bảo đảm", "đảm bảo",
    "tăng cường", "đẩy mạnh", "nâng cao", "cần", "phải", "sẽ", "đã", "đang", "thường xuyên", "chủ động", "tích cực",
    "căn cứ", "giám sát", "đôn đốc", "tuyên truyền", "phổ biến", "cung cấp", "hỗ trợ", "tổng hợp", "theo dõi",
    "phân công", "giao", "yêu cầu", "đề nghị", "kiến nghị", "từ", "đến", "trên", "dưới", "trước", "sau", "khi", "nếu",
    "hoặc", "cùng", "nhằm", "thông qua", "làm", "điều hành", "phát huy", "quyết liệt", "tập trung", "kịp thời",
    "như", "bố trí", "lập", "lựa chọn", "tiếp nhận", "giải quyết", "xử lý", "thành lập", "kiện toàn", "huy động",
    "xác định", "thống nhất", "góp ý", "hiểu", "biết", "trân trọng", "kính", "xin", "lấy ý kiến", "phản hồi",
    "cho phép", "quyết định", "ủy quyền", "thừa ủy quyền", "thẩm tra", "rà", "phê bình", "tiếp", "sẵn sàng", "bảo vệ",
    "vận động", "kết hợp", "liên hệ", "thực thi", "điều chỉnh", "cập nhật", "công khai", "sơ kết", "tổng kết",
    "đánh giá", "kiểm soát", "ứng phó", "khắc phục", "xem xét", "gửi", "nhận", "tham gia", "phản ánh", "tiếp thu",
    "hoàn thiện", "hoàn thành", "chuẩn bị", "bổ sung", "sửa đổi", "năm", "tháng", "ngày", "quý", "giai đoạn",
    "nhiệm vụ", "kế hoạch", "thuộc", "trực thuộc", "qua", "đối với", "nhân dân", "người", "ra", "vào", "mà", "thì",
    "bằng", "gồm", "kèm", "ở", "vì", "do", "bởi", "các", "này", "trên địa bàn", "sắp xếp", "quản lý",
    "điều tra", "khảo sát", "vận hành", "sử dụng", "cấp", "định kỳ", "hằng năm", "hàng năm", "hằng quý",
    "hằng tháng", "khuyến khích", "ưu tiên", "chuyển", "họp", "lãnh đạo", "thông tin", "đào tạo", "bồi dưỡng",
    "phát động", "phát triển", "đổi mới", "tháo gỡ", "đẩy nhanh", "thông báo", "chịu trách nhiệm", "tiết kiệm",
    "nghiêm túc", "thúc đẩy", "trực tiếp", "đồng bộ", "hiệu quả", "sâu sát", "kiên quyết", "nghiêm", "chặt chẽ", "sớm", "ngay",
    "đồng thời", "cũng", "luôn", "vẫn", "còn", "đều", "tự", "nắm", "quan tâm", "rà", "lưu ý", "tăng", "giảm",
};

constexpr std::string_view kGenericQualifiers[] = {
    "co lien quan", "lien quan", "chuc nang", "khac", "tren dia ban", "tren dia ban tinh", "tren dia ban thanh pho",
    "thuoc pham vi quan ly", "duoc giao", "duoc phan cong", "theo quy dinh",
};

// Words that begin like a head or group noun but name no body: "trường hợp" (a case), "bộ máy" (an
// apparatus), "tổ chức thực hiện" (to carry out), "hội nghị" (a conference), "ban hành" (to issue).
constexpr std::string_view kFalseNouns[] = {
    "trường hợp", "bộ máy", "báo cáo", "tổ chức hội nghị", "tổ chức hội thảo", "báo động", "bộ đội", "hội đồng hương", "tổ chức thực hiện", "tổ chức triển khai", "tổ chức và quản lý", "cơ sở dữ liệu",
    "cơ sở vật chất", "cơ sở hạ tầng", "cơ sở pháp lý", "cơ sở khoa học", "đơn vị hành chính", "đơn vị tính",
    "hội nghị", "hội thảo", "hội viên", "hội nhập", "hội đủ", "đoàn viên", "đoàn kết", "ban hành", "ban đầu",
    "vụ việc", "cục bộ", "ngành nghề", "phòng chống", "phòng ngừa", "phòng cháy", "viện trợ", "viện dẫn", "xã hội",
    "bộ luật", "bộ tiêu chí", "bộ chỉ số", "bộ công cụ", "bộ thủ tục", "bộ hồ sơ", "bộ tài liệu", "bộ phận một cửa",
    "hệ thống chính trị", "lực lượng lao động", "cá nhân hóa", "tổ chức bộ máy",
    "tổ chức cán bộ", "tổ chức lại", "đài tưởng niệm", "trung tâm hành chính", "phòng họp", "phòng làm việc",
};

}  // namespace

std::span<const std::string_view> false_nouns() { return kFalseNouns; }
std::span<const HeadNoun> head_nouns() { return kHeads; }
std::span<const Title> titles() { return kTitles; }
std::span<const GroupNoun> group_nouns() { return kGroupNouns; }
std::span<const std::string_view> name_stops() { return kNameStops; }
std::span<const std::string_view> generic_qualifiers() { return kGenericQualifiers; }

}  // namespace vanban::detail
