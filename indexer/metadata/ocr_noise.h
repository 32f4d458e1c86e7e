// What OCR makes of stamps, signatures and specks on a scan, told apart
// from words, so that a title read from recognised lines keeps the words
// only ("Sửa TH bổ ) sung … ngày 22 :. tháng 7" -> "Sửa bổ sung … ngày 22
// tháng 7"). The page text people see keeps everything.
#ifndef VNKB_INDEXER_METADATA_OCR_NOISE_H_
#define VNKB_INDEXER_METADATA_OCR_NOISE_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace kb::metadata {

// `line` without its noise tokens: marks without a letter or digit (")",
// ":.", "^"; a dash between words stays), words with letters Vietnamese
// does not use ("diaäI", "e«"), and words of one or two letters that are no
// Vietnamese syllable ("TH", "R", "Mu."). Numbers, codes with digits,
// syllables and longer words (names, acronyms) stay. `*noise` (when not
// null) gets the number of tokens dropped, `*tokens` the number read.
std::u32string drop_ocr_noise(std::u32string_view line, size_t* noise = nullptr,
                              size_t* tokens = nullptr);

// True when much of `line` is noise (two tokens in five or more): a stamp
// or a signature read as text ("ĐẾN ^ R A.. diaäI Mu. e«").
bool is_ocr_noise_line(std::u32string_view line);

}  // namespace kb::metadata

#endif  // VNKB_INDEXER_METADATA_OCR_NOISE_H_
