"""Preset values from the district letter (huyện Hà Trung, tỉnh Thanh Hóa, April 2022) and sound defaults.

Every value here is a starting point the clerk can edit; none is required by the program.
"""
from __future__ import annotations

# Units of huyện Hà Trung in 2022 (pick-list of the first-run wizard): (kind, name).
HA_TRUNG_2022_UNITS: list[tuple[str, str]] = [("thị trấn", "Hà Trung")] + [("xã", name) for name in (
    "Hà Bắc", "Hà Bình", "Hà Châu", "Hà Đông", "Hà Giang", "Hà Hải", "Hà Lai", "Hà Lĩnh", "Hà Long", "Hà Ngọc",
    "Hà Sơn", "Hà Tân", "Hà Thái", "Hà Tiến", "Hà Vinh", "Hoạt Giang", "Lĩnh Toại", "Yên Dương", "Yến Sơn")]
HA_TRUNG_REPORT_TO = "Ủy ban nhân dân huyện Hà Trung (qua Phòng Văn hóa và Thông tin)"
HA_TRUNG_DEADLINE = "2022-04-10"

_LAW = ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều "
        "của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019")
_QD749 = ("Căn cứ Quyết định số 749/QĐ-TTg ngày 03 tháng 6 năm 2020 của Thủ tướng Chính phủ phê duyệt "
          "“Chương trình Chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030”")
_CV793 = ("Căn cứ Công văn số 793/BTTTT-THH ngày 05 tháng 3 năm 2022 của Bộ Thông tin và Truyền thông về việc "
          "hướng dẫn thành lập và hoạt động của Tổ công nghệ số cộng đồng")
_CV557 = ("Căn cứ Công văn số 557/STTTT-CNTT ngày 28 tháng 3 năm 2022 của Sở Thông tin và Truyền thông tỉnh "
          "Thanh Hóa về việc hướng dẫn hoạt động của Tổ công nghệ số cộng đồng")
_KH68 = ("Căn cứ Kế hoạch số 68/KH-UBND ngày 01 tháng 4 năm 2022 của Ủy ban nhân dân huyện Hà Trung về "
         "Chuyển đổi số trên địa bàn huyện Hà Trung đến năm 2025, định hướng đến năm 2030")
_CV_HUYEN = ("Căn cứ Công văn số      /UBND-VHTT ngày      tháng 4 năm 2022 của Ủy ban nhân dân huyện Hà Trung "
             "về việc hướng dẫn thành lập Ban Chỉ đạo chuyển đổi số cấp xã và Tổ công nghệ số cộng đồng trên địa "
             "bàn huyện Hà Trung")

# Cited texts (căn cứ) per kind of document, one per line, without the closing ";" or "." (the documents add them).
HA_TRUNG_2022_CITATIONS: dict[str, list[str]] = {
    "plan": [_QD749, _CV557, _KH68, _CV_HUYEN],
    "committee_decision": [_LAW, _QD749, _KH68, _CV_HUYEN],
    "duties": [_LAW, _QD749, _KH68, _CV_HUYEN],
    "team_decision": [_LAW, _CV793, _CV557, _KH68, _CV_HUYEN],
    "report": [_CV557, _KH68, _CV_HUYEN],
}

DEFAULT_PROPOSER = "công chức Văn hóa - Xã hội"

# Duties of the committee (Điều 2 of its founding decision), from part 1 of the district letter.
COMMITTEE_DUTIES: list[str] = [
    "Nghiên cứu, đề xuất với Ủy ban nhân dân xã, Chủ tịch Ủy ban nhân dân xã về chủ trương, cơ chế, chính sách "
    "thúc đẩy chuyển đổi số, gắn kết chặt chẽ với cải cách hành chính, cải thiện môi trường đầu tư kinh doanh.",
    "Chỉ đạo các công chức chuyên môn, đơn vị trực thuộc thực hiện các mục tiêu, nhiệm vụ, giải pháp chuyển đổi số, "
    "xây dựng, phát triển chính quyền điện tử hướng tới chính quyền số, kinh tế số, xã hội số.",
    "Phân công nhiệm vụ từng thành viên Ban Chỉ đạo; trực tiếp hướng dẫn, theo dõi, chỉ đạo các Tổ công nghệ số "
    "cộng đồng thực hiện nhiệm vụ; cử thành viên Ban Chỉ đạo hỗ trợ Tổ công nghệ số cộng đồng triển khai nhiệm vụ.",
    "Thiết lập kênh điều hành, chỉ đạo, trao đổi thông tin trên mạng xã hội (Zalo, …) để tương tác, trao đổi hằng "
    "ngày; báo cáo nhanh tình hình triển khai thực hiện về Ban Chỉ đạo chuyển đổi số huyện (qua Phòng Văn hóa và "
    "Thông tin) trước ngày 26 hằng tháng.",
    "Sơ kết, đánh giá tình hình, kết quả triển khai các nhiệm vụ, giải pháp trọng tâm về chuyển đổi số; xây dựng, "
    "phát triển chính quyền điện tử, chính quyền số, kinh tế số, xã hội số.",
]

# Tasks of a community digital technology team (national guidance 2022, "5 kỹ năng số cơ bản" of 2024).
TEAM_TASKS: list[str] = [
    "Tuyên truyền, phổ biến chủ trương, chính sách về chuyển đổi số đến từng hộ gia đình, từng người dân trên địa bàn.",
    "Hướng dẫn người dân cài đặt, sử dụng các nền tảng số, ứng dụng số: dịch vụ công trực tuyến, thanh toán điện "
    "tử, sàn thương mại điện tử, tài khoản định danh điện tử VNeID và các nền tảng do tỉnh triển khai.",
    "Hỗ trợ người dân kỹ năng số cơ bản: sử dụng dịch vụ công trực tuyến, mua sắm trực tuyến, thanh toán trực "
    "tuyến, tự bảo vệ trên môi trường mạng và sử dụng các nền tảng số của địa phương.",
    "Là cầu nối giữa chính quyền xã với người dân; tiếp nhận, phản ánh khó khăn, vướng mắc của người dân trong "
    "quá trình sử dụng các nền tảng số.",
    "Báo cáo kết quả hoạt động hằng tháng về Ban Chỉ đạo chuyển đổi số xã trước ngày 25 hằng tháng để tổng hợp, "
    "báo cáo Ban Chỉ đạo chuyển đổi số huyện trước ngày 26.",
]

# Targets (II. Mục tiêu, chỉ tiêu) and tasks (III. Nhiệm vụ, giải pháp) of the plan; "{year}" and "{commune}"
# are filled in by the documents.
PLAN_TARGETS: list[str] = [
    "100% thôn, tiểu khu thành lập và duy trì hoạt động Tổ công nghệ số cộng đồng.",
    "100% cán bộ, công chức xã sử dụng thư điện tử công vụ, phần mềm quản lý văn bản và điều hành; văn bản trao "
    "đổi giữa các cơ quan nhà nước (trừ văn bản mật) dưới dạng điện tử.",
    "Tối thiểu 50% hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trực tuyến mức độ 3, 4.",
    "Tối thiểu 50% người dân trong độ tuổi trưởng thành có tài khoản định danh điện tử và tài khoản thanh toán điện tử.",
    "100% hợp tác xã, hộ sản xuất có sản phẩm chủ lực được hướng dẫn đưa sản phẩm lên sàn thương mại điện tử.",
]
PLAN_TASKS: list[str] = [
    "Nâng cao nhận thức về chuyển đổi số: tuyên truyền trên hệ thống loa truyền thanh, trang thông tin điện tử, "
    "mạng xã hội và tại các buổi họp thôn.",
    "Phát triển hạ tầng số: phối hợp với doanh nghiệp viễn thông phủ sóng di động băng rộng, cáp quang đến thôn; "
    "trang bị thiết bị cho bộ phận một cửa.",
    "Phát triển nguồn nhân lực số: kiện toàn Tổ công nghệ số cộng đồng ở tất cả các thôn; tập huấn kỹ năng số cho "
    "cán bộ, công chức và thành viên các tổ.",
    "Phát triển chính quyền số: sử dụng hiệu quả hệ thống quản lý văn bản, dịch vụ công trực tuyến, chữ ký số.",
    "Phát triển kinh tế số: hướng dẫn hộ sản xuất, hợp tác xã đưa sản phẩm lên sàn thương mại điện tử; thúc đẩy "
    "thanh toán không dùng tiền mặt.",
    "Phát triển xã hội số: hướng dẫn người dân kích hoạt tài khoản định danh điện tử, sử dụng sổ sức khỏe điện tử "
    "và các ứng dụng của tỉnh.",
    "Bảo đảm an toàn thông tin: hướng dẫn người dân nhận biết, phòng tránh lừa đảo trên không gian mạng.",
]

# Default duties of a committee member, by office (the clerk edits them).
DUTIES_BY_OFFICE: dict[str, str] = {
    "ubnd_chair": "Phụ trách chung; chỉ đạo toàn diện công tác chuyển đổi số của xã.",
    "ubnd_vice_chair": "Giúp Trưởng ban điều hành hoạt động của Ban Chỉ đạo; trực tiếp chỉ đạo các Tổ công nghệ số "
                       "cộng đồng.",
    "front_chair": "Chỉ đạo tuyên truyền, vận động nhân dân tham gia chuyển đổi số trong hệ thống Mặt trận.",
    "youth_union_secretary": "Huy động đoàn viên thanh niên tham gia Tổ công nghệ số cộng đồng, hướng dẫn người dân "
                             "sử dụng nền tảng số.",
    "women_union_chair": "Tuyên truyền, hướng dẫn hội viên phụ nữ sử dụng dịch vụ công trực tuyến, thanh toán điện tử.",
    "farmers_union_chair": "Hướng dẫn hội viên nông dân đưa sản phẩm nông nghiệp lên sàn thương mại điện tử.",
    "veterans_union_chair": "Tuyên truyền, vận động hội viên cựu chiến binh tham gia chuyển đổi số.",
    "police_chief": "Chỉ đạo cấp, kích hoạt tài khoản định danh điện tử; bảo đảm an ninh, an toàn thông tin.",
    "civil_servant": "Tham mưu triển khai nhiệm vụ chuyển đổi số trong lĩnh vực phụ trách; tổng hợp, báo cáo.",
}
DEFAULT_MEMBER_DUTIES = "Thực hiện nhiệm vụ chuyển đổi số trong lĩnh vực phụ trách; hỗ trợ Tổ công nghệ số cộng đồng."


def default_duties(office: str) -> str:
    return DUTIES_BY_OFFICE.get(office, DEFAULT_MEMBER_DUTIES)
