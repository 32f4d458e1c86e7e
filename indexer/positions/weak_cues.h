// Cues that are a stance only in some of their uses, as LABELS.md reads
// them (../shared/corpus/negotiation/LABELS.md):
//   - "sẽ" is a pledge ("commits") when a speaker says it ("X khẳng định
//     Việt Nam sẽ ...", "Theo ông Y, Bộ sẽ ...") or the verb is one of will
//     ("sẽ tiếp tục", "sẽ nỗ lực", "sẽ sẵn sàng"); a narrated "X sẽ thanh
//     tra ..." is the reporter's account of a plan, and "X sẽ là / có / trở
//     nên / hưởng lợi" a forecast of a state, neither a pledge; nor is what
//     one country's speaker says another will do ("ông Trump cho biết Việt
//     Nam sẽ ...").
//   - "đánh giá cao" supports a proposal or stance ("đánh giá cao đề xuất,
//     sáng kiến, lập trường, cam kết của X"); praise of an achievement or a
//     relationship ("đánh giá cao vai trò, kết quả, thành tựu, sự hợp tác")
//     takes no stance.
//   - "chủ trì" a ceremony ("chủ trì lễ đón", "chủ trì chiêu đãi") leads no
//     meeting or negotiating group, nor does "chủ trì" a task a decision
//     assigns ("chủ trì vận động các quốc gia", "chủ trì tổ chức thực
//     hiện", "có trách nhiệm chủ trì", "được giao chủ trì").
//   - "mong muốn" shared by both sides ("chia sẻ mong muốn", "mong muốn
//     chung", "cùng mong muốn", or two actors' wish that names no one it
//     asks: "Hai nhà lãnh đạo mong muốn duy trì ...") is a common
//     aspiration that asks no one.
//   - Any cue of the actors' relations ("ủng hộ lẫn nhau", "ủng hộ nhau"),
//     a reported "cần" in a relative clause ("mà DN cần chú ý") and a
//     proposal someone studies ("nghiên cứu đề xuất", a task) take none;
//     nor does what a request asks of the actor named after it ("đề nghị
//     EU tiếp tục ủng hộ": the EU's support is asked, not given), nor a
//     cue in an indirect question ("về việc liệu ... có đồng ý").
#ifndef VNKB_INDEXER_POSITIONS_WEAK_CUES_H_
#define VNKB_INDEXER_POSITIONS_WEAK_CUES_H_

#include <cstddef>
#include <vector>

#include "indexer/positions/mentions.h"
#include "indexer/positions/resolution.h"

namespace kb {

// Whether `hit`, resolved to an actor in the clause of units [cu0, cu1)
// whose earlier cues are `earlier` and whose next cue starts at unit
// `next_cue` (cu1 when none), takes its stance in this use (see above);
// true for every cue these rules do not concern. "sẽ" right before another
// cue ("sẽ ủng hộ") leaves the stance to that cue.
bool weak_cue_takes_stance(const PageMentions& m, const CueHit& hit, size_t cu0,
                           size_t cu1, const std::vector<CueHit>& earlier,
                           size_t next_cue);

}  // namespace kb

#endif  // VNKB_INDEXER_POSITIONS_WEAK_CUES_H_
