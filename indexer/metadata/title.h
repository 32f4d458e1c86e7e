// The title of a document: "<Type> số <number> <subject>" from its heading
// and the subject lines under it.
#ifndef VNKB_INDEXER_METADATA_TITLE_H_
#define VNKB_INDEXER_METADATA_TITLE_H_

#include <string>
#include <string_view>
#include <vector>

#include "indexer/metadata/agencies.h"
#include "indexer/metadata/letterhead.h"
#include "indexer/metadata/text_lines.h"

namespace kb::metadata {

// The subject lines under the heading ("Quy định cơ chế, chính sách ..."),
// joined by spaces; empty without a heading. `layout` is true for PDF
// layout text, whose blank lines do not end the subject. `ocr` is true when
// the lines were recognised from a scan: noise tokens and lines
// (ocr_noise.h) are left out.
std::u32string read_subject(const std::vector<Line>& lines, const Letterhead& h,
                            const std::vector<AgencyForm>& forms, bool layout,
                            bool ocr = false);

// "HOẠT ĐỘNG GIÁM SÁT CỦA QUỐC HỘI" -> "Hoạt động giám sát của Quốc hội": an
// all-capital subject reads better in sentence case, with the agencies and
// a few place names spelled as the taxonomy spells them and the words with
// digits (numbers, "QH15") left alone.
std::u32string sentence_case(std::u32string_view s,
                             const std::vector<AgencyForm>& forms);

// "Nghị định số 249/2025/NĐ-CP Quy định ...", "Luật Báo chí số
// 126/2025/QH15": the form of the titles vbpl.vn gives.
std::string make_title(const char* heading, const std::string& type,
                       const std::string& number, const std::string& subject);

}  // namespace kb::metadata

#endif  // VNKB_INDEXER_METADATA_TITLE_H_
