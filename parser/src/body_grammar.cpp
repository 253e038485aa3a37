// The vocabulary of body names (see body_grammar.h). Sources: Nghị định 30/2020/NĐ-CP Phụ lục I (names
// of issuing bodies), the names of bodies in ../shared/corpus (portal directives of 2025, gazette texts),
// and ../shared/corpus/ASSIGNMENTS.md (the kinds of bodies that receive tasks).
#include "body_grammar.h"

namespace vanban::detail {

namespace {

// {folded, national, lowercase_ok, bare_ok}. Longer phrases first where one starts another.
constexpr HeadNoun kHeads[] = {
    // State bodies, central and local.
    {"bo chi huy quan su", false, true, true},
    {"bo chi huy bo doi bien phong", false, true, true},
    {"bo chi huy", false, true, false},
    {"bo tu lenh", true, false, false},
    {"bo doi bien phong", false, false, true},
    {"bo", true, false, false},
    {"quan khu", true, false, false},
    {"tong cuc", true, false, false},
    {"chi cuc hai quan", false, false, false},
    {"chi cuc", false, false, false},
    {"cuc", true, false, false},
    {"vu", true, false, false},
    {"van phong", false, false, false},
    {"thanh tra", false, false, true},
    {"cong an", false, false, true},
    {"thue", false, false, true},
    {"hai quan", false, false, true},
    {"kho bac nha nuoc", false, false, true},
    {"kho bac", false, false, true},
    {"ngan hang nha nuoc", false, false, true},
    {"ngan hang", true, false, false},
    {"bao hiem xa hoi", false, false, true},
    {"kiem toan nha nuoc", true, false, true},
    {"toa an nhan dan", false, false, true},
    {"toa an", false, false, false},
    {"vien kiem sat nhan dan", false, false, true},
    {"vien kiem sat", false, false, false},
    {"uy ban nhan dan", false, false, true},
    {"uy ban", false, false, false},
    {"hoi dong nhan dan", false, false, true},
    {"hoi dong", false, true, false},
    {"ban quan ly", false, true, false},
    {"ban chi dao", false, true, false},
    {"ban chi huy", false, true, false},
    {"ban can su dang", false, true, false},
    {"ban thuong vu", false, true, false},
    {"ban", false, false, false},
    {"cang vu", true, false, false},
    {"cong thong tin dien tu", false, true, true},
    {"cong thong tin", false, true, false},
    {"phong", false, false, false},
    {"pho thu tuong", true, false, false},
    // Party bodies.
    {"dang uy", false, false, true},
    {"dang doan", false, false, false},
    {"tinh uy", false, false, true},
    {"thanh uy", false, false, true},
    {"huyen uy", false, false, true},
    {"quan uy", false, false, true},
    {"thi uy", false, false, true},
    {"cap uy", false, true, true},
    // The Front and the mass organisations.
    {"mat tran to quoc", false, false, true},
    {"tinh doan", false, false, true},
    {"thanh doan", false, false, true},
    {"doan", false, false, false},
    {"hoi lien hiep", false, false, false},
    {"hoi", false, false, false},
    {"lien doan", false, false, false},
    {"lien hiep", false, false, false},
    {"hiep hoi", false, false, false},
    {"lien minh", false, false, false},
    // Public service units, media, enterprises.
    {"trung tam", false, false, false},
    {"benh vien", true, false, false},
    {"truong", true, false, false},
    {"dai hoc", true, false, false},
    {"hoc vien", true, false, false},
    {"vien", true, false, false},
    {"dai", false, false, false},
    {"bao", false, false, false},
    {"thong tan xa", true, false, false},
    {"nha xuat ban", true, false, false},
    {"tap doan", true, false, false},
    {"tong cong ty", true, false, false},
    {"cong ty", true, false, false},
    {"hop tac xa", false, false, false},
    {"chi nhanh", false, false, false},
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
    {"co quan ngang bo", false}, {"co quan", true},    {"don vi", true},      {"dia phuong", true},
    {"to chuc thanh vien", false}, {"to chuc", true},  {"ca nhan", true},     {"luc luong", true},
    {"bo phan", true},           {"co so", true},      {"he thong", true},    {"doan the", false},
    {"bo", false},               {"so", false},        {"ban", false},        {"nganh", false},
    {"hoi", false},              {"doanh nghiep", false}, {"xa", false},      {"phuong", false},
    {"dac khu", false},          {"thi tran", false},  {"tinh", false},       {"thanh pho", false},
    {"quan", false},             {"huyen", false},     {"thi xa", false},     {"truong", false},
    {"benh vien", false},        {"bao chi", false},   {"bao", false},        {"dai", false},
    {"nha thau", false},         {"chu dau tu", false}, {"cap uy", false},    {"uy ban", false},
    {"tap doan", false},         {"tong cong ty", false}, {"cong ty", false}, {"hop tac xa", false},
    {"ngan hang", false},        {"chi cuc", false},   {"cuc", false},        {"vu", false},
    {"trung tam", false},        {"hoc vien", false},  {"vien", false},       {"doan", false},
    {"phong", false},            {"pho thu tuong", false}, {"dang uy", false}, {"hiep hoi", false},
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
    "hoặc", "cùng", "nhằm", "thông qua", "làm", "điều hành", "phát huy", "quyết liệt", "tập trung", "kịp thời", "không",
    "như", "bố trí", "lập", "lựa chọn", "tiếp nhận", "giải quyết", "xử lý", "thành lập", "kiện toàn", "huy động",
    "vận động", "kết hợp", "liên hệ", "thực thi", "điều chỉnh", "cập nhật", "công khai", "sơ kết", "tổng kết",
    "đánh giá", "kiểm soát", "ứng phó", "khắc phục", "xem xét", "gửi", "nhận", "tham gia", "phản ánh", "tiếp thu",
    "hoàn thiện", "hoàn thành", "chuẩn bị", "bổ sung", "sửa đổi", "năm", "tháng", "ngày", "quý", "giai đoạn",
    "nhiệm vụ", "kế hoạch", "thuộc", "trực thuộc", "qua", "đối với", "nhân dân", "người", "ra", "vào", "mà", "thì",
    "bằng", "gồm", "kèm", "ở", "vì", "do", "bởi", "mới", "các", "này", "trên địa bàn", "sắp xếp", "quản lý",
    "điều tra", "khảo sát", "vận hành", "sử dụng", "đầu tư", "cấp", "định kỳ", "hằng năm", "hàng năm", "hằng quý",
    "hằng tháng", "khuyến khích", "ưu tiên", "chuyển", "họp", "lãnh đạo", "thông tin", "đào tạo", "bồi dưỡng",
    "phát động", "phát triển", "đổi mới", "tháo gỡ", "đẩy nhanh", "thông báo", "chịu trách nhiệm", "tiết kiệm",
    "nghiêm túc", "trực tiếp", "đồng bộ", "hiệu quả", "sâu sát", "kiên quyết", "nghiêm", "chặt chẽ", "sớm", "ngay",
    "đồng thời", "cũng", "luôn", "vẫn", "còn", "đều", "tự", "nắm", "quan tâm", "rà", "lưu ý", "tăng", "giảm",
};

constexpr std::string_view kGenericQualifiers[] = {
    "co lien quan", "lien quan", "chuc nang", "khac", "tren dia ban", "tren dia ban tinh", "tren dia ban thanh pho",
    "thuoc pham vi quan ly", "duoc giao", "duoc phan cong", "theo quy dinh",
};

}  // namespace

std::span<const HeadNoun> head_nouns() { return kHeads; }
std::span<const Title> titles() { return kTitles; }
std::span<const GroupNoun> group_nouns() { return kGroupNouns; }
std::span<const std::string_view> name_stops() { return kNameStops; }
std::span<const std::string_view> generic_qualifiers() { return kGenericQualifiers; }

}  // namespace vanban::detail
