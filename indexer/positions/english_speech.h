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

// Whether a cue verb (its phrase `verb`), with what follows it (`after`,
// lower case), states no stance: a greeting ("welcomed participants"), a
// question ("asked whether", "asked for clarification", "requested more
// detailed information", "sought elaboration on"), "committed" that is no
// pledge ("a committed participant"), a facilitator of anything but a
// meeting, "agreed to" a step of the meeting ("agreed to meet").
bool cue_states_no_stance(std::string_view verb, std::string_view after);

// Whether a speech verb (`verb`, with `after`, lower case) reports what a
// group found rather than the speaker's stance: "reported" anything, "said
// the group noted", "noted that participants agreed", "noted participants'
// statements". What follows it in the sentence is the group's too ("he
// said the group noted that ..., and stressed the need").
bool reports_a_groups_view(std::string_view verb, std::string_view after);

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

// Whether a speech verb's clause `lower` reports what others think rather
// than the speaker's own stance: "noted the contact group's view that",
// "drew attention to comments that", "identified areas of convergence,
// including: the need to", "noted participants' expectations that",
// The views are the others', and the report names them there.
bool reports_views(std::string_view lower);

// Whether `verb` ("presented", "introduced", "outlined", "summarized",
// "reported", "described") with its clause `lower` presents a document or
// a body's work ("presented a progress report on the IPCC Scholarship
// Fund", "introduced the synthesis report"): what the participles after it
// say ("noting that the first scholarships should be awarded in October")
// is what the document says, not the presenter's stance.
bool presents_a_document(std::string_view verb, std::string_view lower);

// Whether a clause reports support without saying whose: "noting support
// for both top-down and bottom-up approaches", "recalled support for the
// Secretariat's views" (a chair summing up). Only after "noted", "noting",
// "recalled": "indicated support for" is the speaker's own.
bool reports_support(std::string_view lower);

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

// Whether an actor's name is a bare office with no one named ("Chair",
// "Co-Chair", "President", "Co-Facilitators"): "The Chair suggested
// amending China's proposal" is a chair running the meeting, and LABELS.md
// asks for a named actor. "Chair Watson", "SBI Chair", "ADP Co-Chairs" name
// one.
bool is_bare_role(std::string_view name);

// Whether an actor's name is a word that links sentences ("But, he said",
// "Ultimately, parties agreed", "Second, on who reviews ..., he
// suggested", "Nevertheless, it was apparent that many favored"): read as
// a name when it opens the sentence `s` in capitals.
bool is_connective(std::string_view name, std::string_view s);

// Whether `lower` (what follows "agreed to") opens with a thing rather
// than a verb ("the text", "a compromise", "CHINA s proposal", "Brazil's
// proposal"), or with a verb that concedes it ("accept the statement",
// "go along with the EU proposal"); not "work closely", "forward the text".
bool names_a_thing(std::string_view lower);

// Whether a speech verb's clause `lower` states what the speaker itself
// will do: "said it would announce a quantified national mid-term target",
// "said that, like the EU, his country would reduce emissions by 20%"
// (commits), with a verb of giving, reducing, announcing, ratifying or
// hosting; not "it would make the system unworkable", "it would depend".
bool pledges_own_action(std::string_view lower);

}  // namespace kb::english

#endif  // VNKB_INDEXER_POSITIONS_ENGLISH_SPEECH_H_
