// When a speech verb carries a stance. ENB reports say most positions with
// "said", "stressed", "highlighted": "said countries should not reopen" is
// a position, "said a lot of information had been exchanged" is not. These
// read the clause after the verb (lower case, up to the next cue) and the
// sentence around it.
#ifndef VNKB_INDEXER_POSITIONS_ENGLISH_SPEECH_H_
#define VNKB_INDEXER_POSITIONS_ENGLISH_SPEECH_H_

#include <optional>
#include <string_view>

#include "core/stances.h"

namespace kb::english {

// Whether a speech verb's clause opens with a gerund, as in "emphasized
// anchoring existing institutions": a call for it. Adjectives in -ing
// ("ongoing", "existing", "increasing") are none.
bool opens_with_gerund(std::string_view lower);

// The stance a speech verb's clause states, if any: "should not" opposes,
// "the need"/"should" requests, "the importance of" supports, "its
// commitment" commits, "his concern" is concerned; "is a crucial element"
// supports, "his country would host" commits, "cannot be delayed" and
// "should not replace Y" request, "is too weak" opposes. What a concession
// grants ("noted that, while the CDM needs to be improved, it does link")
// and a participle "required to" ("the technologies required to address")
// state nothing; nor does "the importance of the meeting" (a greeting).
std::optional<Stance> clause_stance(std::string_view lower);

// Whether the clause's stance is only an emphasis ("stressed the importance
// of X", "highlighted the value of Y", "said X is a key part of Y"): a weaker
// reading that another stance of the same speaker in the sentence replaces
// ("highlighted the importance of such assistance, and proposed: ..."
// proposes).
bool is_emphasis(std::string_view lower);

// Whether "suggested" (its clause `lower`) states what the speaker thinks
// is so rather than proposes: a finite verb and no stance ("suggested
// developed countries are reluctant to", "suggested that the timeframe
// would partly be determined by"). "suggested that the CDM could focus
// on", "suggested the Secretariat prepare" propose.
bool suggests_a_fact(std::string_view lower);

// Whether a sentence's subject is an unnamed speaker ("One participant
// cautioned ...", "On X, some delegates said ...", "Others"): a "He" or
// "They" after it is that speaker, not the last one named. `lower` is the
// sentence in lower case.
bool unnamed_speaker(std::string_view lower);

// Whether what a chair proposes or asks (`lower`, the rest of its clause) is
// how the meeting goes on rather than a matter of substance: who consults
// ("proposed holding consultations", "that X and Y coordinate informal
// consultations"), when a text is taken up ("that parties consider the
// budget proposal overnight"), how the body starts ("that the SBI launch
// its work"), how delegates discuss ("allow new ideas to stimulate
// discussions"). LABELS.md: procedure with no stance.
bool is_meeting_procedure(std::string_view lower);

}  // namespace kb::english

#endif  // VNKB_INDEXER_POSITIONS_ENGLISH_SPEECH_H_
