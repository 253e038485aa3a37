// Small documents on either side of the 2025 reorganisation, for the tests of succession and of
// agency look-up by place (tests/index/cli_e2e_test.cpp, tests/server/server_test.cpp). Written for
// the tests, in the layout of the portal documents of ../shared/corpus/portal: tỉnh Phú Yên merged
// into tỉnh Đắk Lắk on 01/7/2025 (Nghị quyết 202/2025/QH15); Sở and Bộ Thông tin và Truyền thông
// into Sở and Bộ Khoa học và Công nghệ on 01/3/2025 (Nghị định 45/2025/NĐ-CP; Nghị quyết
// 176/2025/QH15).
#pragma once

namespace vanban::test {

/// Before: tasks of Sở Thông tin và Truyền thông and Sở Y tế tỉnh Phú Yên, a request to Bộ Thông tin
/// và Truyền thông.
inline constexpr const char* kPhuYen2024 =
    "ỦY BAN NHÂN DÂN\nTỈNH PHÚ YÊN\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "---------------\nSố: 88/KH-UBND\nPhú Yên, ngày 10 tháng 5 năm 2024\n\nKẾ HOẠCH\n"
    "Chuyển đổi số tỉnh Phú Yên năm 2024\n\nI. NHIỆM VỤ\n"
    "1. Sở Thông tin và Truyền thông chủ trì xây dựng nền tảng số dùng chung của tỉnh.\n"
    "2. Sở Y tế chủ trì triển khai hồ sơ sức khỏe điện tử.\n"
    "3. Đề nghị Bộ Thông tin và Truyền thông hướng dẫn kết nối nền tảng số dùng chung với hệ thống quốc gia.\n\n"
    "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nTrần Hữu Thế\n";

/// After: a task of Sở Khoa học và Công nghệ tỉnh Đắk Lắk, a request to Bộ Khoa học và Công nghệ.
inline constexpr const char* kDakLak2025 =
    "ỦY BAN NHÂN DÂN\nTỈNH ĐẮK LẮK\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "---------------\nSố: 45/KH-UBND\nĐắk Lắk, ngày 20 tháng 8 năm 2025\n\nKẾ HOẠCH\n"
    "Vận hành nền tảng số dùng chung tỉnh Đắk Lắk\n\nI. NHIỆM VỤ\n"
    "1. Sở Khoa học và Công nghệ chủ trì vận hành nền tảng số dùng chung của tỉnh.\n"
    "2. Đề nghị Bộ Khoa học và Công nghệ hỗ trợ kết nối nền tảng số dùng chung với hệ thống quốc gia.\n\n"
    "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nTạ Anh Tuấn\n";

/// A ministry's plan giving tasks to Ủy ban nhân dân tỉnh Đồng Tháp and tỉnh Cà Mau.
inline constexpr const char* kDongThap2025 =
    "BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "---------------\nSố: 321/KH-BNNMT\nHà Nội, ngày 5 tháng 9 năm 2025\n\nKẾ HOẠCH\n"
    "Phòng, chống xâm nhập mặn vùng Đồng bằng sông Cửu Long mùa khô 2025-2026\n\nI. NHIỆM VỤ\n"
    "1. Ủy ban nhân dân tỉnh Đồng Tháp chủ trì rà soát hệ thống cống ngăn mặn trên địa bàn tỉnh.\n"
    "2. Ủy ban nhân dân tỉnh Cà Mau chủ trì bảo đảm nước sinh hoạt cho người dân vùng ven biển.\n\n"
    "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\nNguyễn Hoàng Hiệp\n";

}  // namespace vanban::test
