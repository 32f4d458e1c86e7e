// The closed word lists the position rules consult around a cue: words that
// make a cue a noun, mark an object, may stand between a subject and its
// verb, and so on. Words are analysed syllables (exact forms, lower case);
// a list of one syllable matches the last syllable of a word.
#ifndef VNKB_INDEXER_POSITIONS_WORD_LISTS_H_
#define VNKB_INDEXER_POSITIONS_WORD_LISTS_H_

#include <string>

namespace kb {

// Words before a cue that make it a noun ("hồ sơ đề nghị", "theo đề nghị
// của", "các khoản ủng hộ"): the last syllable of the word.
bool makes_cue_a_noun(const std::string& word_before);

// Words after which a following actor is an object, not a subject
// ("phối hợp với X", "báo cáo X", "của X").
bool marks_object(const std::string& word);

// Verbs whose object is the subject of the next verb ("vận động các quốc
// gia ủng hộ", "chỉ đạo Công an các tỉnh chủ trì"), as two syllables.
bool is_causative_verb(const std::string& first, const std::string& second);

// Words that may stand between a subject and its verb ("X sẽ chủ trì").
bool may_stand_before_verb(const std::string& word);

// Words allowed before the cue of a clause without a subject ("a) Định kỳ
// chủ trì ...").
bool is_lead_adverb(const std::string& word);

// Words after a clause-initial cue that show it is a noun subject ("Đồng
// chủ tọa có trách nhiệm ...").
bool shows_noun_subject(const std::string& word_after);

// Words after "hai" that name both sides of talks ("hai bên", "hai nước",
// "hai nhà lãnh đạo", "hai Thủ tướng").
bool names_both_sides(const std::string& word_after_hai);

// Title words between "của" and an actor ("của Bộ trưởng Bộ Tư pháp"), as
// two syllables.
bool is_title(const std::string& first, const std::string& second);

// Words that leave a phrase cut short when it ends on them ("tại", "của",
// "và"): a target cut at its length limit drops them.
bool leaves_a_phrase_hanging(const std::string& last_word);

// Words that a header line ("1. Bộ Tài chính có trách nhiệm:") may hold
// besides its actors.
bool is_header_word(const std::string& word);

}  // namespace kb

#endif  // VNKB_INDEXER_POSITIONS_WORD_LISTS_H_
