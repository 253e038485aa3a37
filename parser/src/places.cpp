#include "places.h"

#include <array>

namespace vanban::detail {

namespace {

// Sources: Nghị quyết 202/2025/QH15 (12/6/2025) on the arrangement of provincial units (34 from
// 1 July 2025); the 63 units before it as listed by the General Statistics Office's
// administrative unit codes (Quyết định 124/2004/QĐ-TTg and its updates).
constexpr std::array<std::string_view, 64> kProvinces = {
    "An Giang", "Bà Rịa - Vũng Tàu", "Bắc Giang", "Bắc Kạn", "Bạc Liêu", "Bắc Ninh", "Bến Tre", "Bình Định",
    "Bình Dương", "Bình Phước", "Bình Thuận", "Cà Mau", "Cần Thơ", "Cao Bằng", "Đà Nẵng", "Đắk Lắk", "Đắk Nông",
    "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Nội", "Hà Tĩnh", "Hải Dương",
    "Hải Phòng", "Hậu Giang", "Hòa Bình", "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum", "Lai Châu",
    "Lâm Đồng", "Lạng Sơn", "Lào Cai", "Long An", "Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận", "Phú Thọ",
    "Phú Yên", "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La",
    "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa", "Thừa Thiên Huế", "Tiền Giang", "Hồ Chí Minh",
    "Trà Vinh", "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái", "Huế",
};

constexpr std::array<std::string_view, 34> kOtherProper = {
    "Việt Nam", "Chính phủ", "Quốc hội", "Trung ương", "Đảng", "Nhà nước", "Mặt trận Tổ quốc", "Thủ đô",
    "Bộ Chính trị", "Ban Bí thư", "Tổng Bí thư", "Thủ tướng", "Bộ Tư lệnh", "Công an", "Quân đội",
    "Ban Thường vụ", "Ban Chấp hành", "Ban Chỉ đạo", "Thường trực", "Kiểm toán Nhà nước", "Tòa án",
    "Viện Kiểm sát", "Hồ Chí Minh", "Cộng sản", "Đoàn Thanh niên", "Thanh tra Chính phủ", "Ngân hàng Nhà nước",
    "Kho bạc Nhà nước", "Bảo hiểm xã hội", "Đài Truyền hình", "Đài Tiếng nói", "Thông tấn xã", "Liên đoàn Lao động",
    "Hội Liên hiệp Phụ nữ",
};

constexpr auto kProper = [] {
    std::array<std::string_view, kProvinces.size() + kOtherProper.size()> all{};
    std::size_t i = 0;
    for (auto p : kProvinces) all[i++] = p;
    for (auto p : kOtherProper) all[i++] = p;
    return all;
}();

}  // namespace

std::span<const std::string_view> provinces() { return kProvinces; }
std::span<const std::string_view> proper_names() { return kProper; }

}  // namespace vanban::detail
