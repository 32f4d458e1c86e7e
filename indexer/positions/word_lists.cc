// The word lists of indexer/positions/word_lists.h.
#include "indexer/positions/word_lists.h"

#include <set>
#include <unordered_set>
#include <utility>

namespace kb {
namespace {

using Words = std::unordered_set<std::string>;
using WordPairs = std::set<std::pair<std::string, std::string>>;

const Words kNounBefore = {
    "sơ",   "bản",   "đơn",  "giấy",  "dung", "điểm",  "năm", "ngày", "quan",
    "vị",   "chức",  "án",   "khoản", "mức",  "phiếu", "mẫu", "tục",  "việc",
    "các",  "những", "sự",   "theo",  "sở",   "xét",   "ánh", "kiến", "mục",
    "có",   "nhận",  "hiện", "lý",    "mọi",  "tiền",  "trợ", "phép", "cứ",
    "bảng", "thư",   "tờ",   "trình", "về",   "trong", "tại", "từ",   "với",
    "ứng",  "của",   "tới",  "đạt"};

const Words kObjectMarkers = {
    "với",  "của",   "cho",   "giữa", "tới",   "đến",   "về",   "từ",
    "tại",  "trong", "thuộc", "gửi",  "trình", "hợp",   "cáo",  "đối",
    "nhận", "mưu",   "vào",   "ra",   "trước", "sau",   "qua",  "kiến",
    "tham", "khi",   "gia",   "ký",   "giúp",  "ngoài", "phía", "như",
    "chỉ",  "mời",   "bởi",   "lên",  "gặp",   "gỡ",    "đón",  "sang"};

const WordPairs kCausativePairs = {
    {"vận", "động"}, {"kêu", "gọi"},   {"đề", "nghị"},     {"yêu", "cầu"},
    {"chỉ", "đạo"},  {"hướng", "dẫn"}, {"thuyết", "phục"}, {"hỗ", "trợ"},
    {"đôn", "đốc"},  {"ủy", "quyền"},  {"kiến", "nghị"},   {"giúp", "đỡ"}};

const Words kSubjectGap = {
    "sẽ",    "đã",     "đang",  "cũng", "luôn", "vẫn",   "tiếp",  "tục",
    "có",    "thể",    "được",  "giao", "là",   "làm",   "trách", "nhiệm",
    "chịu",  "vụ",     "chính", "tích", "cực",  "chủ",   "động",  "mạnh",
    "mẽ",    "rất",    "đều",   "cùng", "đồng", "không", "chưa",  "hề",
    "cả",    "thường", "xuyên", "kịp",  "thời", "trực",  "tiếp",  "phải",
    "và",    "cơ",     "quan",  "đơn",  "vị",   "nhiều", "lần",   "từng",
    "hai",   "bên",    "phía",  "mình", "ta",   "theo",  "chức",  "năng",
    "quyền", "hạn",    "phạm",  "vi"};

const Words kLeadAdverbs = {
    "định",  "kỳ",     "hằng",  "hàng", "năm",  "tháng", "quý",  "kịp",
    "thời",  "thường", "xuyên", "tiếp", "tục",  "chủ",   "động", "có",
    "trách", "nhiệm",  "chịu",  "được", "giao", "là",    "làm",  "đồng",
    "cũng",  "sẽ",     "đã",    "và",   "phải", "trực",  "tích", "cực"};

const Words kNounSubjectAfter = {"có",   "chịu", "là",  "do",
                                 "được", "phải", "gồm", "bao"};

const WordPairs kTitles = {
    {"bộ", "trưởng"},  {"thủ", "trưởng"}, {"chủ", "tịch"},    {"lãnh", "đạo"},
    {"đại", "diện"},   {"thứ", "trưởng"}, {"cục", "trưởng"},  {"phó", "chủ"},
    {"tổng", "giám"},  {"giám", "đốc"},   {"viện", "trưởng"}, {"chánh", "án"},
    {"người", "đứng"}, {"trưởng", "đoàn"}};

const Words kHeaderWords = {
    "có",   "trách", "nhiệm", "vụ",    "quyền",  "hạn",  "và",    "nghĩa",
    "sau",  "đây",   "như",   "thực",  "hiện",   "các",  "chịu",  "những",
    "nội",  "dung",  "tỉnh",  "thành", "phố",    "trực", "thuộc", "trung",
    "ương", "cấp",   "huyện", "xã",    "phường", "cơ",   "quan"};

const Words kHangingWords = {"tại",   "về",   "của",   "với",  "cho",  "để",
                             "từ",    "đến",  "trong", "theo", "và",   "các",
                             "những", "là",   "được",  "nhằm", "trên", "ở",
                             "vào",   "hoặc", "đối",   "giữa", "bởi"};

}  // namespace

bool makes_cue_a_noun(const std::string& word_before) {
  return kNounBefore.count(word_before) > 0;
}
bool marks_object(const std::string& word) {
  return kObjectMarkers.count(word) > 0;
}
bool is_causative_verb(const std::string& first, const std::string& second) {
  return kCausativePairs.count({first, second}) > 0;
}
bool may_stand_before_verb(const std::string& word) {
  return kSubjectGap.count(word) > 0;
}
bool is_lead_adverb(const std::string& word) {
  return kLeadAdverbs.count(word) > 0;
}
bool shows_noun_subject(const std::string& word_after) {
  return kNounSubjectAfter.count(word_after) > 0;
}
bool is_title(const std::string& first, const std::string& second) {
  return kTitles.count({first, second}) > 0;
}
bool names_both_sides(const std::string& word_after_hai) {
  static const Words kBoth = {"bên",  "nước",   "nhà",  "thủ",  "chủ",
                              "phía", "quốc",   "lãnh", "bộ",   "đoàn",
                              "tổng", "nguyên", "phó",  "ngoại"};
  return kBoth.count(word_after_hai) > 0;
}

bool is_header_word(const std::string& word) {
  return kHeaderWords.count(word) > 0;
}

bool leaves_a_phrase_hanging(const std::string& last_word) {
  return kHangingWords.count(last_word) > 0;
}

}  // namespace kb
